/**
 * Playbooks: a list of plays and `import_playbook` entries (flattened). Each
 * play's roles are expanded into blocks, dependencies first, each distinct
 * use once; the play's handlers gather its roles' and its own. Everything is
 * validated before the runner sees it, so a bad playbook contacts no host.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { PLAY_KEYWORDS } from '../schema/keywords.js';
import { isTemplated } from '../template/render.js';
import { isTrue } from '../booleans.js';
import { inheritableFrom } from './inheritable.js';
import { noteModuleDefaults } from './module-defaults.js';
import { checkKeywordTypes, checkKnownKeywords } from './keyword-check.js';
import type { BlockNode, HostOrder, ModuleTask, Play, Playbook } from './model.js';
import { keyPositionOf, positionOf } from './positions.js';
import { parseRoleEntry } from './role.js';
import { RoleExpander } from './role-blocks.js';
import { parseHandlers, parseTaskList, type TaskLoadContext } from './tasks.js';
import { parseVarsPrompt } from './vars-prompt.js';
import { loadYamlFile } from './yaml.js';
import { SourceCache } from './source-cache.js';

const IMPORT_KEYS = ['import_playbook', 'ansible.builtin.import_playbook'];
const IMPORT_ENTRY_KEYS = [...IMPORT_KEYS, 'name', 'vars', 'tags', 'when'];

export function loadPlaybook(file: string, sources = new SourceCache(), stack: readonly string[] = []): Playbook {
  const path = resolve(file);
  const value = loadYamlFile(path, sources);
  const at: SourcePosition = positionOf(value, { file: path, line: 1 })!;
  if (!Array.isArray(value) || value.length === 0) {
    throw new CxError(value == null || Array.isArray(value) ? 'the playbook has no plays' : 'a playbook must be a YAML list of plays', { at, hint: 'start each play with "- name: ..." and "hosts: ..."' });
  }
  const plays: Play[] = [];
  for (const [index, entry] of value.entries()) {
    const entryAt = keyPositionOf(value, String(index), at)!;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new CxError('each play must be a mapping (hosts:, tasks:, ...)', { at: entryAt });
    const node = entry as Record<string, unknown>;
    const importKey = IMPORT_KEYS.find((key) => key in node);
    if (importKey) plays.push(...importPlaybook(node, importKey, { file: path, stack, sources }, entryAt));
    else plays.push(parsePlay(node, { file: path, sources }, entryAt));
  }
  return { file: path, dir: dirname(path), plays, sources };
}

/** `- import_playbook: other.yaml` with optional vars, tags and when, which apply to each imported play. */
function importPlaybook(node: Record<string, unknown>, key: string, { file, stack, sources }: { file: string; stack: readonly string[]; sources: SourceCache }, at: SourcePosition): Play[] {
  checkKnownKeywords(node, PLAY_KEYWORDS, 'import_playbook', at, IMPORT_ENTRY_KEYS);
  const keyAt = keyPositionOf(node, key, at)!;
  const target = node[key];
  if (typeof target !== 'string' || target.trim() === '') throw new CxError('import_playbook needs a file name', { at: keyAt });
  if (isTemplated(target)) throw new CxError('import_playbook needs a fixed file name, not a template', { at: keyAt });
  const path = resolve(dirname(file), target);
  if (!existsSync(path)) throw new CxError(`playbook '${target}' not found`, { at: keyAt, hint: `looked for ${path}` });
  if (path === file || stack.includes(path)) throw new CxError(`import_playbook cycle: ${[...stack, file, path].join(' -> ')}`, { at: keyAt });
  const outer = inheritableFrom(node, at);
  return loadPlaybook(path, sources, [...stack, file]).plays.map((play) => ({
    ...play,
    when: [...outer.when, ...play.when],
    tags: [...outer.tags, ...play.tags],
    vars: { ...outer.vars, ...play.vars },
  }));
}

/** `cxplay role NAME`: a one-play playbook applying the role to `hosts`. */
export function rolePlaybook(role: string, hosts: string, cwd: string, sources = new SourceCache()): Playbook {
  const file = resolve(cwd, `<role ${role}>`);
  const play: Record<string, unknown> = { name: `Apply role ${role}`, hosts, roles: [role] };
  return { file, dir: cwd, plays: [parsePlay(play, { file, sources }, { file, line: 1 }, cwd)], sources };
}

/**
 * `cxplay adhoc`'s playbook, as `ansible` builds it: one play "Ansible
 * Ad-Hoc" over the pattern, no fact gathering, one task running the module
 * with -a's text (free-form for command, shell and raw; key=value words otherwise).
 */
/**
 * `dir`: the current directory, or --playbook-dir; `background`: `ansible -B
 * N -P M`, the task's async and poll; `mapped`: arguments as a mapping, when
 * they are not -a's text.
 */
export function adhocPlaybook(
  pattern: string,
  module: string,
  args: string | undefined,
  dir: string,
  sources = new SourceCache(),
  background?: { async: number; poll: number },
  mapped: Record<string, unknown> = {},
): Playbook {
  const file = resolve(dir, '<ad-hoc>');
  const play: Record<string, unknown> = { name: 'Ansible Ad-Hoc', hosts: pattern, gather_facts: false, tasks: [{ [module]: args ?? mapped, ...background }] };
  return { file, dir, plays: [parsePlay(play, { file, sources, argsCheckedPerHost: true }, { file, line: 1 }, dir)], sources };
}

function parsePlay(
  node: Record<string, unknown>,
  { file, sources, argsCheckedPerHost }: { file: string; sources: SourceCache; argsCheckedPerHost?: boolean },
  at: SourcePosition,
  baseDir = dirname(file),
): Play {
  checkKnownKeywords(node, PLAY_KEYWORDS, 'play', at);
  checkKeywordTypes(node, PLAY_KEYWORDS, 'play', at);
  if (node.hosts == null) throw new CxError("the play has no 'hosts'", { at, hint: 'add hosts: all (or a group name)' });
  noteModuleDefaults(node, sources);
  const importedHandlers: ModuleTask[] = [];
  const context: TaskLoadContext = { file, dir: dirname(file), playDir: baseDir, fileStack: [file], roleStack: [], handlers: importedHandlers, sources, argsCheckedPerHost };
  const roleHandlers: ModuleTask[] = [];
  const expander = new RoleExpander(baseDir, sources);
  const roles = expandRoles(node.roles, expander, at, roleHandlers);
  const preTasks = parseTaskList(node.pre_tasks, context);
  const tasks = parseTaskList(node.tasks, context);
  const postTasks = parseTaskList(node.post_tasks, context);
  const playHandlers = parseHandlers(node.handlers, context);
  const hosts = Array.isArray(node.hosts) ? node.hosts.join(',') : String(node.hosts);
  return {
    ...inheritableFrom(node, at),
    name: (node.name as string | undefined) ?? hosts,
    hosts,
    varsFiles: node.vars_files == null ? [] : [node.vars_files].flat().map(String),
    varsPrompt: parseVarsPrompt(node, at),
    gatherFacts: node.gather_facts == null ? undefined : playBoolean(node, 'gather_facts', true, at),
    gatherArgs: Object.fromEntries(['gather_subset', 'gather_timeout', 'fact_path'].filter((key) => node[key] != null).map((key) => [key, node[key]])),
    serial: node.serial == null ? [] : ([node.serial].flat() as (number | string)[]),
    strategy: (node.strategy as Play['strategy'] | undefined) ?? 'linear',
    order: (node.order as HostOrder | undefined) ?? 'inventory',
    maxFailPercentage: playNumber(node, 'max_fail_percentage', at),
    forceHandlers: node.force_handlers == null ? undefined : playBoolean(node, 'force_handlers', false, at),
    preTasks,
    roles,
    roleNames: expander.roleNames,
    dependentRoleNames: [...expander.dependentRoleNames],
    tasks,
    postTasks,
    // Ansible's order: roles' handlers (roles:, then import_role), then the play's own.
    handlers: unique([...roleHandlers, ...importedHandlers, ...playHandlers]),
    baseDir,
  };
}

/** Keywords the runner needs before any host is known cannot be templates. */
function playBoolean(node: Record<string, unknown>, key: string, fallback: boolean, at: SourcePosition): boolean {
  const value = node[key];
  if (value == null) return fallback;
  if (typeof value === 'string' && isTemplated(value)) throw new CxError(`play keyword '${key}' must be true or false here, not a template`, { at: keyPositionOf(node, key, at) });
  return isTrue(value);
}

function playNumber(node: Record<string, unknown>, key: string, at: SourcePosition): number | undefined {
  const value = node[key];
  if (value == null) return undefined;
  const number = Number(value);
  if (Number.isNaN(number)) throw new CxError(`play keyword '${key}' must be a number here, not a template`, { at: keyPositionOf(node, key, at) });
  return number;
}

/** `roles:` entries into one block each, dependencies first, each distinct use once (unless allow_duplicates). */
function expandRoles(value: unknown, expander: RoleExpander, at: SourcePosition, handlers: ModuleTask[]): BlockNode[] {
  if (value == null) return [];
  for (const [index, item] of (value as unknown[]).entries()) {
    const entry = parseRoleEntry(item, keyPositionOf(value, String(index), at)!);
    noteModuleDefaults(entry.keywords, expander.sources);
    expander.add(entry.name, entry.params, inheritableFrom(entry.keywords, entry.at));
  }
  handlers.push(...expander.handlers);
  return expander.blocks;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
