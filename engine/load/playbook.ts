/**
 * Playbooks: a list of plays (and import_playbook entries). Roles are
 * expanded here, dependencies first; the play's handlers gather its own and
 * its roles'. Everything is validated before the runner sees it.
 */
import { dirname, resolve } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { PLAY_KEYWORDS } from '../schema/keywords.js';
import { inheritableFrom, stringList } from './inheritable.js';
import { checkKeywordTypes, unknownKeyword } from './keyword-check.js';
import type { BlockNode, ModuleTask, Play, Playbook, RoleInstance } from './model.js';
import { keyPositionOf, positionOf } from './positions.js';
import { loadRole } from './role.js';
import { parseTaskList, type TaskLoadContext } from './tasks.js';
import { loadYamlFile } from './yaml.js';

export function loadPlaybook(file: string, stack: readonly string[] = []): Playbook {
  const value = loadYamlFile(file);
  const at: SourcePosition = positionOf(value, { file, line: 1 })!;
  if (!Array.isArray(value)) throw new CxError('a playbook must be a YAML list of plays', { at, hint: 'start each play with "- name: ..." and "hosts: ..."' });
  const plays: Play[] = [];
  for (const entry of value) {
    const entryAt = positionOf(entry, at)!;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new CxError('each play must be a mapping', { at: entryAt });
    const node = entry as Record<string, unknown>;
    if ('import_playbook' in node) {
      const target = resolve(dirname(file), String(node.import_playbook));
      if (stack.includes(target) || target === file) throw new CxError(`import_playbook cycle: ${[...stack, file, target].join(' -> ')}`, { at: keyPositionOf(node, 'import_playbook', entryAt) });
      plays.push(...loadPlaybook(target, [...stack, file]).plays);
      continue;
    }
    plays.push(parsePlay(node, file, entryAt));
  }
  return { file, dir: dirname(file), plays };
}

/** `cxplay role NAME`: a one-play playbook applying the role to `hosts`. */
export function rolePlaybook(role: string, hosts: string, cwd: string): Playbook {
  const file = resolve(cwd, `<role ${role}>`);
  const play: Record<string, unknown> = { name: `Apply role ${role}`, hosts, roles: [role] };
  return { file, dir: cwd, plays: [parsePlay(play, file, { file, line: 1 }, cwd)] };
}

function parsePlay(node: Record<string, unknown>, file: string, at: SourcePosition, baseDir = dirname(file)): Play {
  for (const key of Object.keys(node)) if (!(key in PLAY_KEYWORDS)) throw unknownKeyword(node, key, Object.keys(PLAY_KEYWORDS), 'play', at);
  checkKeywordTypes(node, PLAY_KEYWORDS, 'play', at);
  if (node.hosts === undefined) throw new CxError("the play has no 'hosts'", { at, hint: 'add hosts: all (or a group name)' });
  const handlers: ModuleTask[] = [];
  const context: TaskLoadContext = {
    file,
    dir: dirname(file),
    playDir: baseDir,
    importStack: [file],
    handlers,
    importRole: (name, options) => loadRole(name, { baseDir, ...options }),
  };
  const roles = expandRoles(node.roles, baseDir, file, at, handlers);
  const preTasks = parseTaskList(node.pre_tasks, context);
  const tasks = parseTaskList(node.tasks, context);
  const postTasks = parseTaskList(node.post_tasks, context);
  const playHandlers = parseTaskList(node.handlers, context, true).filter((task): task is ModuleTask => task.kind === 'task');
  const hosts = Array.isArray(node.hosts) ? node.hosts.join(':') : String(node.hosts);
  return {
    ...inheritableFrom(node, at),
    name: (node.name as string | undefined) ?? hosts,
    hosts,
    varsFiles: stringList(node.vars_files),
    gatherFacts: node.gather_facts === undefined ? true : node.gather_facts === true || ['yes', 'true', 'True'].includes(String(node.gather_facts)),
    serial: node.serial === undefined ? [] : [node.serial].flat() as (number | string)[],
    strategy: (node.strategy as 'linear' | 'free' | undefined) ?? 'linear',
    maxFailPercentage: node.max_fail_percentage === undefined ? undefined : Number(node.max_fail_percentage),
    preTasks,
    roles,
    tasks,
    postTasks,
    handlers: [...playHandlers, ...handlers],
    baseDir,
  };
}

/** `roles:` entries into one block each, dependencies first, each identical use once. */
function expandRoles(value: unknown, baseDir: string, file: string, at: SourcePosition, handlers: ModuleTask[]): BlockNode[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new CxError('roles must be a list', { at: positionOf(value, at) });
  const blocks: BlockNode[] = [];
  const seen = new Set<string>();
  const add = (entry: unknown, stack: readonly string[]) => {
    const entryAt = positionOf(entry, { file })!;
    const { name, params, keywords } = roleEntry(entry, entryAt);
    const instance = loadRole(name, { baseDir, params, at: entryAt, stack });
    const key = `${instance.role.dir}\u0000${JSON.stringify(params)}`;
    for (const dependency of instance.role.dependencies) add({ role: dependency.name, ...dependency.params }, [...stack, instance.role.dir]);
    if (seen.has(key)) return;
    seen.add(key);
    for (const handler of instance.role.handlers) if (!handlers.includes(handler)) handlers.push(handler);
    blocks.push(roleBlock(instance, keywords, entryAt));
  };
  for (const entry of value) add(entry, []);
  return blocks;
}

const ROLE_ENTRY_KEYWORDS = new Set(['when', 'tags', 'become', 'become_user', 'environment', 'ignore_errors', 'no_log', 'delegate_to', 'check_mode', 'diff', 'any_errors_fatal', 'timeout', 'run_once']);

function roleEntry(entry: unknown, at: SourcePosition): { name: string; params: Record<string, unknown>; keywords: Record<string, unknown> } {
  if (typeof entry === 'string') return { name: entry, params: {}, keywords: {} };
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new CxError('a role entry must be a name or a mapping with role:', { at });
  const { role, name, vars, ...rest } = entry as Record<string, unknown>;
  const roleName = role ?? name;
  if (typeof roleName !== 'string') throw new CxError("a role entry needs 'role: <name>'", { at });
  const params: Record<string, unknown> = { ...(vars as Record<string, unknown> | undefined) };
  const keywords: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(rest)) (ROLE_ENTRY_KEYWORDS.has(key) ? keywords : params)[key] = item;
  return { name: roleName, params, keywords };
}

function roleBlock(instance: RoleInstance, keywords: Record<string, unknown>, at: SourcePosition): BlockNode {
  return { kind: 'block', ...inheritableFrom(keywords, at, instance), name: `role ${instance.role.name}`, block: instance.role.tasks, rescue: [], always: [] };
}

