/**
 * Roles: roles/<name>/{tasks,handlers,defaults,vars,meta}/main.yaml (or
 * .yml, or another entry point with tasks_from & co.), found on the role
 * path: roles/ beside the playbook and beside its parent directory, then
 * CXPLAY_ROLES_PATH, then roles_path of Ansible's configuration (ansible.cfg,
 * ANSIBLE_ROLES_PATH: SourceCache.rolesPath), then the playbook's directory; or
 * given as a path. meta/main.yaml lists dependencies; meta/argument_specs
 * types the role's variables (see role-arguments.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { INHERITABLE_KEYWORDS, ROLE_ENTRY_KEYWORDS } from '../schema/keywords.js';
import { isTrue } from '../booleans.js';
import { inheritableFrom } from './inheritable.js';
import { checkKeywordTypes } from './keyword-check.js';
import type { ModuleTask, Role, RoleInstance, RoleInvocation, TaskNode } from './model.js';
import { keyPositionOf, positionOf } from './positions.js';
import { roleArgumentSpec } from './argument-specs.js';
import type { SourceCache } from './source-cache.js';
import { didYouMean } from './suggest.js';
import { parseHandlers, parseTaskList, type TaskLoadContext } from './tasks.js';
import { loadVarsFile } from './vars-file.js';
import { loadYamlFile } from './yaml.js';

export interface RoleLoadOptions {
  /** The playbook's directory: the role path starts there. */
  readonly baseDir: string;
  /** Entry points other than main: tasks_from, vars_from, defaults_from, handlers_from. */
  readonly from?: Readonly<{ tasks?: string; vars?: string; defaults?: string; handlers?: string }> | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
  /** Where the role is named (errors point here). */
  readonly at: SourcePosition;
  /** Role directories being loaded (dependency chains), to refuse cycles. */
  readonly stack?: readonly string[] | undefined;
  /** What this run has read already. */
  readonly sources: SourceCache;
}

/** A role entry split into its name, its parameters and the keywords that apply to its tasks. */
export interface RoleEntry {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly keywords: Record<string, unknown>;
  readonly at: SourcePosition;
}

const ROLE_DIRS = ['tasks', 'handlers', 'defaults', 'vars', 'meta'];

export function roleSearchPath(baseDir: string, configured: readonly string[]): string[] {
  const fromEnv = [process.env.CXPLAY_ROLES_PATH].flatMap((value) => (value ? value.split(':').filter(Boolean) : []));
  return [...new Set([join(baseDir, 'roles'), join(dirname(baseDir), 'roles'), ...fromEnv.map((dir) => resolve(baseDir, dir)), ...configured, baseDir])];
}

/** The directory of role `name` (a name on the role path, or a path to the role). */
export function findRoleDir(name: string, baseDir: string, at: SourcePosition, sources: SourceCache): string {
  if (name.includes('/')) {
    const path = resolve(baseDir, name);
    if (isRoleDir(path)) return path;
    throw new CxError(`role '${name}' not found: ${path} is not a role directory`, { at, hint: `a role directory holds one of ${ROLE_DIRS.join('/, ')}/` });
  }
  const searched = roleSearchPath(baseDir, sources.rolesPath);
  for (const dir of searched) if (isRoleDir(join(dir, name))) return join(dir, name);
  const known = searched.flatMap((dir) => rolesIn(dir));
  throw new CxError(`role '${name}' not found in ${searched.join(', ')}${didYouMean(name, known)}`, {
    at,
    hint: 'put it in roles/ beside the playbook, or add its parent directory to CXPLAY_ROLES_PATH',
  });
}

function isRoleDir(path: string): boolean {
  return ROLE_DIRS.some((kind) => isDirectory(join(path, kind)));
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function rolesIn(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  return readdirSync(dir).filter((entry) => isRoleDir(join(dir, entry)));
}

/** A role with the given params (loaded once per run for each distinct entry point and params). */
export function loadRole(name: string, options: RoleLoadOptions): RoleInstance {
  const dir = findRoleDir(name, options.baseDir, options.at, options.sources);
  const stack = options.stack ?? [];
  if (stack.includes(dir)) {
    const chain = [...stack.slice(stack.indexOf(dir)), dir].map((path) => basename(path));
    throw new CxError(`role dependency cycle: ${chain.join(' -> ')}`, { at: options.at, hint: 'a role must not depend on itself, directly or through other roles' });
  }
  const params = options.params ?? {};
  const key = JSON.stringify([dir, options.from ?? {}, params]);
  let instance = options.sources.roles.get(key);
  if (!instance) {
    instance = readRole(basename(name), dir, { ...options, params, stack });
    options.sources.roles.set(key, instance);
  }
  return instance;
}

type MutableRole = { -readonly [K in keyof Role]: Role[K] };

function readRole(name: string, dir: string, options: RoleLoadOptions & { params: Readonly<Record<string, unknown>>; stack: readonly string[] }): RoleInstance {
  const from = options.from ?? {};
  const entry = (kind: 'tasks' | 'vars' | 'defaults' | 'handlers') => roleFile(name, dir, kind, from[kind], options.at);
  const metaFile = roleFile(name, dir, 'meta', undefined, options.at);
  const meta = readMeta(metaFile, options.sources);
  const role: MutableRole = {
    name,
    dir,
    defaults: optionalVars(entry('defaults'), options.sources),
    vars: optionalVars(entry('vars'), options.sources),
    tasks: [],
    handlers: [],
    argumentSpec: roleArgumentSpec(dir, name, from.tasks ?? 'main', meta, options.sources),
    dependencies: metaFile ? dependencies(meta, metaFile) : [],
    allowDuplicates: isTrue(meta.allow_duplicates),
  };
  const instance: RoleInstance = { role, params: options.params };
  const importedHandlers: ModuleTask[] = [];
  const context = (file: string): TaskLoadContext => ({
    file,
    dir: dirname(file),
    roleDir: dir,
    playDir: options.baseDir,
    fileStack: [file],
    roleStack: [...options.stack, dir],
    handlers: importedHandlers,
    role: instance,
    sources: options.sources,
  });
  const tasksFile = entry('tasks');
  const handlersFile = entry('handlers');
  role.tasks = tasksFile ? parseTaskList(loadYamlFile(tasksFile, options.sources), context(tasksFile)) : ([] as TaskNode[]);
  role.handlers = [...(handlersFile ? parseHandlers(loadYamlFile(handlersFile, options.sources), context(handlersFile)) : []), ...importedHandlers];
  return instance;
}

/** `<kind>/main.yaml` (or .yml, .json, no extension), or the named entry point, which must exist. */
function roleFile(role: string, dir: string, kind: string, entryPoint: string | undefined, at: SourcePosition): string | undefined {
  const base = entryPoint ?? 'main';
  const candidates = ['.yaml', '.yml', '.json', ''].map((extension) => join(dir, kind, `${base}${extension}`));
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  if (!found && entryPoint !== undefined) {
    throw new CxError(`role '${role}' has no ${kind} file '${entryPoint}'`, { at, hint: `looked for ${candidates.map((path) => basename(path)).join(', ')} in ${join(dir, kind)}` });
  }
  return found;
}

function optionalVars(file: string | undefined, sources: SourceCache): Record<string, unknown> {
  return file ? loadVarsFile(file, sources) : {};
}

function readMeta(file: string | undefined, sources: SourceCache): Record<string, unknown> {
  if (!file) return {};
  const value = loadYamlFile(file, sources);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new CxError('meta/main.yaml must be a mapping (dependencies:, galaxy_info:, ...)', { at: positionOf(value, { file, line: 1 }) });
  return value as Record<string, unknown>;
}

function dependencies(meta: Record<string, unknown>, file: string): RoleInvocation[] {
  const list = meta.dependencies;
  if (list === undefined || list === null) return [];
  const at = keyPositionOf(meta, 'dependencies', { file, line: 1 })!;
  if (!Array.isArray(list)) throw new CxError('dependencies must be a list of roles', { at, hint: 'write "- role: name" lines' });
  return list.map((item, index) => {
    const entry = parseRoleEntry(item, keyPositionOf(list, String(index), at)!);
    return { ...inheritableFrom(entry.keywords, entry.at), name: entry.name, params: entry.params };
  });
}

/**
 * `- name`, `- role: name` or `- name: name` with keywords (when, tags,
 * become, ...) and parameters (every other key, and the keys under vars:).
 */
export function parseRoleEntry(entry: unknown, at: SourcePosition): RoleEntry {
  if (typeof entry === 'string' && entry.trim() !== '') return { name: entry.trim(), params: {}, keywords: {}, at };
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new CxError('a role entry must be a role name or a mapping with role:', { at });
  const node = entry as Record<string, unknown>;
  const name = node.role ?? node.name;
  if (typeof name !== 'string' || name.trim() === '') throw new CxError("a role entry needs 'role: <name>'", { at, hint: 'write "- role: my-role" and its parameters below' });
  checkKeywordTypes(node, ROLE_ENTRY_KEYWORDS, 'role', at);
  const keywords: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'role' || (key === 'name' && node.role === undefined)) continue;
    if (key === 'vars') Object.assign(params, value ?? {});
    else if (key in INHERITABLE_KEYWORDS && key !== 'name') keywords[key] = value;
    else params[key] = value;
  }
  return { name: name.trim(), params, keywords, at };
}
