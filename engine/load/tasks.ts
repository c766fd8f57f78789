/**
 * Task lists (tasks, handlers, pre/post tasks, role tasks, included files)
 * into TaskNodes. Modules are found and their arguments checked here, so a
 * typo fails the load, with its position, before any host is contacted.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CxError, withPosition, type SourcePosition } from '../errors.js';
import { findModule, moduleNames } from '../modules/registry.js';
import { parseShortForm } from '../modules/short-form.js';
import { validateArgsStatic } from '../modules/validate-args.js';
import { ACTION_KEYWORDS, BLOCK_KEYWORDS, TASK_KEYWORDS } from '../schema/keywords.js';
import { isTemplated } from '../template/render.js';
import { conditionList, inheritableFrom, stringList } from './inheritable.js';
import { checkKeywordTypes, unknownKeyword } from './keyword-check.js';
import type { BlockNode, IncludeNode, LoopControl, MetaTask, ModuleTask, RoleInstance, TaskNode } from './model.js';
import { keyPositionOf, positionOf } from './positions.js';
import { closest, didYouMean } from './suggest.js';
import { loadYamlFile } from './yaml.js';

export interface TaskLoadContext {
  readonly file: string;
  /** Directory of the file being read; relative includes resolve here first. */
  readonly dir: string;
  /** Directory of the role whose tasks these are, if any. */
  readonly roleDir?: string | undefined;
  /** The playbook's directory (last place relative paths are looked up). */
  readonly playDir: string;
  /** Files being imported, to refuse import cycles. */
  readonly importStack: readonly string[];
  /** Handlers brought by import_role, to be added to the play. */
  readonly handlers: ModuleTask[];
  /** Static role imports are resolved through this (set by the playbook loader, avoids an import cycle). */
  readonly importRole: (name: string, options: { from?: Record<string, string>; params: Record<string, unknown>; at: SourcePosition }) => RoleInstance;
  readonly role?: RoleInstance | undefined;
}

const META_ACTIONS = new Set(['flush_handlers', 'noop', 'end_play', 'end_host', 'clear_host_errors']);
const KNOWN_TASK_WORDS = [...Object.keys(TASK_KEYWORDS), ...ACTION_KEYWORDS, 'rescue', 'always'];
const taskFileCache = new Map<string, readonly TaskNode[]>();

export function parseTaskList(value: unknown, context: TaskLoadContext, handler = false): TaskNode[] {
  if (value === null || value === undefined) return [];
  const at = positionOf(value, { file: context.file });
  if (!Array.isArray(value)) throw new CxError('a task list must be a YAML list of tasks', { at, hint: 'start each task with "- name: ..."' });
  return value.map((item) => parseTask(item, context, handler));
}

/** A task file for include_tasks at run time (parsed once per run). */
export function loadTaskFile(path: string, options: { role?: RoleInstance | undefined; playDir?: string }): readonly TaskNode[] {
  const cached = taskFileCache.get(path);
  if (cached) return cached;
  const context: TaskLoadContext = {
    file: path,
    dir: dirname(path),
    roleDir: options.role?.role.dir,
    playDir: options.playDir ?? dirname(path),
    importStack: [path],
    handlers: [],
    importRole: () => {
      throw new CxError('import_role inside an included file is not supported; use include_role', { at: { file: path } });
    },
    role: options.role,
  };
  const tasks = parseTaskList(loadYamlFile(path), context);
  taskFileCache.set(path, tasks);
  return tasks;
}

function parseTask(item: unknown, context: TaskLoadContext, handler: boolean): TaskNode {
  const fallback: SourcePosition = positionOf(item, { file: context.file })!;
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    throw new CxError('each task must be a mapping (name: ..., module: ...)', { at: fallback });
  }
  const node = item as Record<string, unknown>;
  if ('block' in node) return parseBlock(node, context, handler, fallback);
  const action = findAction(node, fallback);
  checkKeywordTypes(node, TASK_KEYWORDS, 'task', fallback);
  switch (action) {
    case 'meta':
      return parseMeta(node, context, fallback);
    case 'import_tasks':
      return importTasks(node, context, fallback);
    case 'import_role':
      return importRole(node, context, fallback);
    case 'include_tasks':
    case 'include_role':
      return parseInclude(node, action, context, fallback);
    default:
      return parseModuleTask(node, action, context, handler, fallback);
  }
}

/** The one key of a task that says what it does: a module or an action. */
function findAction(node: Record<string, unknown>, at: SourcePosition): string {
  const candidates = Object.keys(node).filter((key) => !(key in TASK_KEYWORDS) || ACTION_KEYWORDS.includes(key));
  const actions = candidates.filter((key) => ACTION_KEYWORDS.includes(key) || findModule(key));
  const unknown = candidates.filter((key) => !actions.includes(key));
  if (unknown.length > 0) {
    const key = unknown[0]!;
    const asKeyword = closest(key, Object.keys(TASK_KEYWORDS));
    if (actions.length > 0 || (asKeyword && !closest(key, moduleNames()))) throw unknownKeyword(node, key, KNOWN_TASK_WORDS, 'task', at);
    throw new CxError(`unknown module '${key}'${didYouMean(key, [...moduleNames(), ...ACTION_KEYWORDS])}`, {
      at: keyPositionOf(node, key, at),
      hint: 'supported modules: command, shell, file, copy, template, lineinfile, stat, slurp, fetch, get_url, systemd, service, wait_for, set_fact, debug, assert, fail, pause',
    });
  }
  if (actions.length === 0) throw new CxError('this task does nothing: no module or action found', { at, hint: 'add a module, e.g. "command: ..." or "copy: ..."' });
  if (actions.length > 1) throw new CxError(`conflicting actions in one task: ${actions.join(', ')}`, { at: keyPositionOf(node, actions[1]!, at), hint: 'split it into one task per module' });
  return actions[0]!;
}

function parseModuleTask(node: Record<string, unknown>, key: string, context: TaskLoadContext, handler: boolean, at: SourcePosition): ModuleTask {
  const module = findModule(key)!;
  const raw = node[key];
  const argsAt = keyPositionOf(node, key, at)!;
  let args: Record<string, unknown>;
  try {
    if (raw === null || raw === undefined) args = {};
    else if (typeof raw === 'string') args = parseShortForm(raw, module);
    else if (typeof raw === 'object' && !Array.isArray(raw)) args = { ...(raw as Record<string, unknown>) };
    else throw new CxError(`${module.name}: arguments must be a mapping or name=value text`);
    if (node.args && typeof node.args === 'object') args = { ...(node.args as Record<string, unknown>), ...args };
    validateArgsStatic(module, args);
  } catch (error) {
    throw error instanceof CxError ? withPosition(error, argsAt) : error;
  }
  if (!handler && node.listen !== undefined) throw new CxError("'listen' is only for handlers", { at: keyPositionOf(node, 'listen', at) });
  const loop = node.loop ?? node.with_items ?? node.with_list;
  return {
    kind: 'task',
    ...inheritableFrom(node, at, context.role),
    name: node.name as string | undefined,
    module: module.name,
    args,
    register: node.register as string | undefined,
    loop,
    loopFlatten: node.with_items !== undefined,
    loopControl: loopControl(node.loop_control),
    changedWhen: node.changed_when === undefined ? undefined : conditionList(node.changed_when),
    failedWhen: node.failed_when === undefined ? undefined : conditionList(node.failed_when),
    until: node.until === undefined ? undefined : conditionList(node.until),
    retries: node.retries as number | string | undefined,
    delay: node.delay as number | string | undefined,
    notify: stringList(node.notify),
    listen: stringList(node.listen),
  };
}

function loopControl(value: unknown): LoopControl | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const control = value as Record<string, unknown>;
  return {
    loopVar: (control.loop_var as string | undefined) ?? 'item',
    indexVar: control.index_var as string | undefined,
    label: control.label as string | undefined,
    pause: control.pause === undefined ? undefined : Number(control.pause),
    extended: control.extended === true,
  };
}

function parseBlock(node: Record<string, unknown>, context: TaskLoadContext, handler: boolean, at: SourcePosition): BlockNode {
  for (const key of Object.keys(node)) if (!(key in BLOCK_KEYWORDS)) throw unknownKeyword(node, key, Object.keys(BLOCK_KEYWORDS), 'block', at);
  checkKeywordTypes(node, BLOCK_KEYWORDS, 'block', at);
  return {
    kind: 'block',
    ...inheritableFrom(node, at, context.role),
    name: node.name as string | undefined,
    block: parseTaskList(node.block, context, handler),
    rescue: parseTaskList(node.rescue, context, handler),
    always: parseTaskList(node.always, context, handler),
  };
}

function parseMeta(node: Record<string, unknown>, context: TaskLoadContext, at: SourcePosition): MetaTask {
  const action = String(node.meta);
  if (!META_ACTIONS.has(action)) {
    throw new CxError(`unknown meta action '${action}'${didYouMean(action, META_ACTIONS)}`, { at: keyPositionOf(node, 'meta', at), hint: `supported: ${[...META_ACTIONS].join(', ')}` });
  }
  return { kind: 'meta', ...inheritableFrom(node, at, context.role), name: node.name as string | undefined, action: action as MetaTask['action'] };
}

function includeArgs(node: Record<string, unknown>, key: string, at: SourcePosition): Record<string, unknown> {
  const value = node[key];
  if (typeof value === 'string') return key.endsWith('role') ? { name: value } : { file: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new CxError(`${key} needs a file name or a mapping`, { at: keyPositionOf(node, key, at) });
}

function parseInclude(node: Record<string, unknown>, kind: 'include_tasks' | 'include_role', context: TaskLoadContext, at: SourcePosition): IncludeNode {
  const args = includeArgs(node, kind, at);
  const target = String(kind === 'include_tasks' ? (args.file ?? args._raw_params ?? '') : (args.name ?? ''));
  if (!target) throw new CxError(`${kind} needs ${kind === 'include_tasks' ? 'a file' : 'a role name'}`, { at: keyPositionOf(node, kind, at) });
  const loop = node.loop ?? node.with_items;
  return {
    kind,
    ...inheritableFrom(node, at, context.role),
    name: node.name as string | undefined,
    target,
    from: kind === 'include_role' ? roleFrom(args) : undefined,
    baseDir: kind === 'include_tasks' ? includeBaseDir(target, context) : context.playDir,
    loop,
    loopFlatten: node.with_items !== undefined,
    loopControl: loopControl(node.loop_control),
  };
}

function roleFrom(args: Record<string, unknown>): Record<string, string> {
  const from: Record<string, string> = {};
  for (const kind of ['tasks', 'vars', 'defaults', 'handlers']) if (args[`${kind}_from`] !== undefined) from[kind] = String(args[`${kind}_from`]);
  return from;
}

/** include_tasks resolves relative to the including file, then the role's tasks/, then the playbook. */
function includeBaseDir(target: string, context: TaskLoadContext): string {
  if (isTemplated(target) || isAbsolute(target)) return context.dir;
  for (const dir of [context.dir, context.roleDir ? join(context.roleDir, 'tasks') : undefined, context.playDir]) {
    if (dir && existsSync(join(dir, target))) return dir;
  }
  return context.dir;
}

function importTasks(node: Record<string, unknown>, context: TaskLoadContext, at: SourcePosition): BlockNode {
  const target = String(includeArgs(node, 'import_tasks', at).file ?? '');
  const keyAt = keyPositionOf(node, 'import_tasks', at);
  if (isTemplated(target)) throw new CxError('import_tasks needs a fixed file name (templates are only allowed with include_tasks)', { at: keyAt });
  const path = resolve(includeBaseDir(target, context), target);
  if (!existsSync(path)) throw new CxError(`import_tasks: file not found: ${target}`, { at: keyAt, hint: `looked in ${context.dir}${context.roleDir ? `, ${context.roleDir}/tasks` : ''}, ${context.playDir}` });
  if (context.importStack.includes(path)) {
    throw new CxError(`import cycle: ${[...context.importStack, path].join(' -> ')}`, { at: keyAt, hint: 'a task file must not import itself, directly or through others' });
  }
  const inner: TaskLoadContext = { ...context, file: path, dir: dirname(path), importStack: [...context.importStack, path] };
  return { kind: 'block', ...inheritableFrom(node, at, context.role), name: node.name as string | undefined, block: parseTaskList(loadYamlFile(path), inner), rescue: [], always: [] };
}

function importRole(node: Record<string, unknown>, context: TaskLoadContext, at: SourcePosition): BlockNode {
  const args = includeArgs(node, 'import_role', at);
  const instance = context.importRole(String(args.name), { from: roleFrom(args), params: (node.vars as Record<string, unknown> | undefined) ?? {}, at });
  context.handlers.push(...instance.role.handlers);
  return { kind: 'block', ...inheritableFrom({ ...node, vars: {} }, at, instance), name: node.name as string | undefined, block: instance.role.tasks, rescue: [], always: [] };
}
