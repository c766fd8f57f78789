/**
 * Undefined variables found before any host is contacted. Every name a task
 * reads (in its arguments, loop, conditions, delegate_to, environment) must
 * be defined somewhere in the run: inventory, play or block or task vars,
 * vars_files, role defaults/vars/params, extra vars, a `register`, a
 * `set_fact`, a loop variable, a fact (`ansible_*`, `gather_subset`,
 * `module_setup`) or a magic variable; or
 * the task must guard it (`| default(...)`, `is defined`). The check is
 * deliberately generous (a name defined anywhere counts everywhere), so it
 * never refuses a playbook Ansible would run, and catches the typo that would
 * otherwise fail on every host mid-run. Where definitions cannot be known
 * statically (a templated include or vars_files path), it stays silent.
 * The same walk finds every filter, test and lookup a task names that does
 * not exist (known-names.ts): those never depend on the run.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CxError, UndefinedVariableError, withPosition } from '../errors.js';
import type { IncludeNode, ModuleTask, Play, RoleInstance, TaskNode } from '../load/model.js';
import { loadRole } from '../load/role.js';
import { closest } from '../load/suggest.js';
import { findModule } from '../modules/registry.js';
import { sourceCandidates } from '../load/source-paths.js';
import { loadTaskFile } from '../load/task-includes.js';
import { loadVarsFile } from '../load/vars-file.js';
import type { Node } from '../template/ast.js';
import { collectNames, type NameUse } from '../template/free-names.js';
import { checkKnownNames } from '../template/known-names.js';
import { isTemplated, templateExpressions } from '../template/render.js';
import type { RunOptions } from '../run/run-options.js';
import { MAGIC_VARIABLE_NAMES } from '../vars/magic.js';
import type { SourceCache } from '../load/source-cache.js';


type Site = ModuleTask | IncludeNode;

interface Walk {
  readonly sites: Site[];
  readonly defined: Set<string>;
  readonly seenFiles: Set<string>;
  readonly sources: SourceCache;
  /** Some definitions cannot be known before the run: say nothing. */
  unknowable: boolean;
}

/** `plays`: the plays that will run on some host (one that matches none is skipped with a warning, as in Ansible, and not looked into). */
export function checkUndefinedVariables(options: RunOptions, plays: readonly Play[] = options.playbook.plays): void {
  const walk: Walk = { sites: [], defined: new Set(MAGIC_VARIABLE_NAMES), seenFiles: new Set(), sources: options.playbook.sources, unknowable: false };
  addKeys(walk.defined, options.extraVars);
  for (const host of options.inventory.hosts.values()) addKeys(walk.defined, host.vars);
  for (const group of options.inventory.groups.values()) addKeys(walk.defined, group.vars);
  for (const play of plays) collectPlay(play, walk);
  for (const site of walk.sites) checkKnownNamesAt(site);
  if (walk.unknowable) return;
  for (const site of walk.sites) checkSite(site, walk.defined);
}

function collectPlay(play: Play, walk: Walk): void {
  addKeys(walk.defined, play.vars);
  for (const file of play.varsFiles) {
    if (isTemplated(file)) walk.unknowable = true;
    else addKeys(walk.defined, loadVarsFile(isAbsolute(file) ? file : resolve(play.baseDir, file), walk.sources));
  }
  collectNodes([...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks, ...play.handlers], play, walk);
}

function collectNodes(nodes: readonly TaskNode[], play: Play, walk: Walk): void {
  for (const node of nodes) {
    addKeys(walk.defined, node.vars);
    if (node.role) addRole(node.role, walk.defined);
    switch (node.kind) {
      case 'task':
        collectTask(node, play, walk);
        break;
      case 'block':
        collectNodes([...node.block, ...node.rescue, ...node.always], play, walk);
        break;
      case 'include_tasks':
      case 'include_role':
        walk.sites.push(node);
        if (node.loopControl) addLoopNames(node.loopControl, walk.defined);
        if (isTemplated(node.target)) walk.unknowable = true;
        else collectIncluded(node, play, walk);
        break;
      case 'meta':
        break;
    }
  }
}

function collectTask(task: ModuleTask, play: Play, walk: Walk): void {
  walk.sites.push(task);
  if (task.register) walk.defined.add(task.register);
  if (task.loopControl) addLoopNames(task.loopControl, walk.defined);
  // An Ansible Python module may return facts of any name (getent's getent_passwd): they cannot be known before it runs.
  if (task.python) walk.unknowable = true;
  const module = findModule(task.module);
  if (module?.includesVars) addIncludedVarNames(task, play, walk);
  for (const name of module?.factNames ?? []) walk.defined.add(name);
  if (module?.setsFacts) {
    const own = (module.argsSchema.properties ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(task.args)) if (!(key in own)) walk.defined.add(key);
  }
}

/** The names an include_vars task defines: its `name`, or the keys of a file found now; else they cannot be known. */
function addIncludedVarNames(task: ModuleTask, play: Play, walk: Walk): void {
  if (typeof task.args.name === 'string') {
    walk.defined.add(task.args.name);
    return;
  }
  const file = task.args.file ?? task.args._raw_params;
  if (typeof file !== 'string' || isTemplated(file)) {
    walk.unknowable = true;
    return;
  }
  const dirs = { roleDir: task.role?.role.dir, taskDir: dirname(task.at.file), playDir: play.baseDir };
  const found = sourceCandidates(file, 'vars', dirs).find((path) => existsSync(path));
  if (found) addKeys(walk.defined, loadVarsFile(found, walk.sources));
  else walk.unknowable = true;
}

/** What a static include brings: its tasks (checked too) and, for a role, its variables and handlers. */
function collectIncluded(node: IncludeNode, play: Play, walk: Walk): void {
  if (node.kind === 'include_tasks') {
    const path = isAbsolute(node.target) ? node.target : resolve(node.baseDir, node.target);
    const key = `${path}\u0000${node.role?.role.dir ?? ''}`;
    if (walk.seenFiles.has(key)) return;
    walk.seenFiles.add(key);
    collectNodes(loadTaskFile(path, { role: node.role, sources: walk.sources }), play, walk);
    return;
  }
  const instance = loadRole(node.target, { baseDir: play.baseDir, from: node.from, params: node.vars, at: node.at, sources: walk.sources });
  const key = `${instance.role.dir}\u0000${JSON.stringify(node.from ?? {})}`;
  addRole(instance, walk.defined);
  if (walk.seenFiles.has(key)) return;
  walk.seenFiles.add(key);
  collectNodes([...instance.role.tasks, ...instance.role.handlers], play, walk);
}

/** Every expression a site evaluates (arguments, loop, conditions, environment, delegate_to), with the names its own `{% for %}` binds. */
function forEachExpression(site: Site, visit: (node: Node, source: string, locals: readonly string[]) => void): void {
  const template = (text: string, bare: boolean) => {
    try {
      const { nodes, locals } = templateExpressions(text, bare);
      for (const node of nodes) visit(node, text, locals);
    } catch (error) {
      throw error instanceof CxError ? withPosition(error, site.at) : error;
    }
  };
  for (const condition of site.when) template(condition, true);
  forEachString(site.kind === 'task' ? site.args : site.vars, (text) => template(text, false));
  // with_first_found skips a term whose variables are undefined, as Ansible's task executor does.
  if (site.loopWith !== 'first_found') forEachString(site.loop, (text) => template(text, false));
  forEachString(site.environment, (text) => template(text, false));
  if (site.delegateTo) template(site.delegateTo, false);
  if (site.kind === 'task') {
    for (const expression of [...(site.changedWhen ?? []), ...(site.failedWhen ?? []), ...(site.until ?? [])]) template(expression, true);
  }
}

/** An unknown filter, test or lookup fails on every host: it is found here, before any is contacted. */
function checkKnownNamesAt(site: Site): void {
  forEachExpression(site, (node, source) => checkKnownNames(node, source));
}

/** Gathering facts defines `ansible_*` and, as Ansible injects them, setup's own `gather_subset` and `module_setup`. */
function isFactName(name: string): boolean {
  return name.startsWith('ansible_') || name === 'gather_subset' || name === 'module_setup';
}

function checkSite(site: Site, defined: ReadonlySet<string>): void {
  const use: NameUse = { read: new Set(), guarded: new Set() };
  const locals = new Set<string>();
  forEachExpression(site, (node, _source, bound) => {
    collectNames(node, use);
    for (const name of bound) locals.add(name);
  });
  for (const name of use.read) {
    if (defined.has(name) || use.guarded.has(name) || locals.has(name) || isFactName(name)) continue;
    const suggestion = closest(name, defined);
    const hint = `define '${name}' (inventory, vars, -e) or guard it with "| default(...)"${suggestion ? ` — did you mean '${suggestion}'?` : ''}`;
    throw new UndefinedVariableError(name, { at: site.at, hint });
  }
}

function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') {
    if (isTemplated(value)) visit(value);
  } else if (Array.isArray(value)) {
    for (const item of value) forEachString(item, visit);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      forEachString(key, visit);
      forEachString(item, visit);
    }
  }
}

function addRole(instance: RoleInstance, defined: Set<string>): void {
  addKeys(defined, instance.role.defaults);
  addKeys(defined, instance.role.vars);
  addKeys(defined, instance.params);
}

function addLoopNames(control: NonNullable<ModuleTask['loopControl']>, defined: Set<string>): void {
  defined.add(control.loopVar);
  if (control.indexVar) defined.add(control.indexVar);
}

function addKeys(defined: Set<string>, vars: Readonly<Record<string, unknown>> | undefined): void {
  if (vars) for (const key of Object.keys(vars)) defined.add(key);
}
