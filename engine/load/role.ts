/**
 * Roles: roles/<name>/{tasks,handlers,defaults,vars,meta}/main.yaml, found on
 * the role path (roles/ beside the playbook and its parent, then
 * CXPLAY_ROLES_PATH and ANSIBLE_ROLES_PATH). meta/argument_specs.yaml types
 * the role's variables (checked before anything runs).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import type { ModuleTask, Role, RoleArgumentSpec, RoleInstance, RoleInvocation } from './model.js';
import { positionOf } from './positions.js';
import { didYouMean } from './suggest.js';
import { parseTaskList, type TaskLoadContext } from './tasks.js';
import { loadVarsFile } from './vars-file.js';
import { loadYamlFile } from './yaml.js';

export interface RoleLoadOptions {
  readonly baseDir: string;
  readonly from?: Readonly<Record<string, string>> | undefined;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly at: SourcePosition;
  /** Roles being loaded (dependency chains), to refuse cycles. */
  readonly stack?: readonly string[];
}

const roleCache = new Map<string, Role>();

export function roleSearchPath(baseDir: string): string[] {
  const fromEnv = [process.env.CXPLAY_ROLES_PATH, process.env.ANSIBLE_ROLES_PATH].flatMap((value) => (value ? value.split(':') : []));
  return [...new Set([join(baseDir, 'roles'), join(dirname(baseDir), 'roles'), ...fromEnv.map((dir) => resolve(dir)), baseDir])];
}

export function findRoleDir(name: string, baseDir: string, at: SourcePosition): string {
  if (name.includes('/')) {
    const path = isAbsolute(name) ? name : resolve(baseDir, name);
    if (existsSync(path)) return path;
  }
  const searched = roleSearchPath(baseDir);
  for (const dir of searched) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, 'tasks')) || existsSync(join(candidate, 'meta')) || existsSync(join(candidate, 'defaults'))) return candidate;
  }
  const known = searched.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((entry) => statSync(join(dir, entry)).isDirectory()) : []));
  throw new CxError(`role '${name}' not found${didYouMean(name, known)}`, { at, hint: `searched: ${searched.join(', ')}` });
}

export function loadRole(name: string, options: RoleLoadOptions): RoleInstance {
  const dir = findRoleDir(name, options.baseDir, options.at);
  const stack = options.stack ?? [];
  if (stack.includes(dir)) throw new CxError(`role dependency cycle: ${[...stack, dir].join(' -> ')}`, { at: options.at });
  const key = `${dir}\u0000${JSON.stringify(options.from ?? {})}`;
  let role = roleCache.get(key);
  if (!role) {
    role = readRole(name, dir, options, stack);
    roleCache.set(key, role);
  }
  return { role, params: options.params ?? {} };
}

function readRole(name: string, dir: string, options: RoleLoadOptions, stack: readonly string[]): Role {
  const from = options.from ?? {};
  const file = (kind: string, base = 'main') => firstExisting([join(dir, kind, `${base}.yaml`), join(dir, kind, `${base}.yml`), join(dir, kind, base)]);
  const defaults = file('defaults', from.defaults);
  const vars = file('vars', from.vars);
  const meta = file('meta');
  const metaValue = meta ? (loadYamlFile(meta) as Record<string, unknown> | null) : null;
  const handlersOut: ModuleTask[] = [];
  const context = (path: string): TaskLoadContext => ({
    file: path,
    dir: dirname(path),
    roleDir: dir,
    playDir: options.baseDir,
    importStack: [path],
    handlers: handlersOut,
    importRole: (roleName, importOptions) => loadRole(roleName, { baseDir: options.baseDir, ...importOptions, stack: [...stack, dir] }),
  });
  const tasksFile = file('tasks', from.tasks);
  if (from.tasks && !tasksFile) throw new CxError(`role '${name}' has no tasks file '${from.tasks}'`, { at: options.at });
  const handlersFile = file('handlers', from.handlers);
  const role: Role = {
    name,
    dir,
    defaults: defaults ? loadVarsFile(defaults) : {},
    vars: vars ? loadVarsFile(vars) : {},
    tasks: tasksFile ? parseTaskList(loadYamlFile(tasksFile), context(tasksFile)) : [],
    handlers: [],
    argumentSpec: argumentSpec(dir, name),
    dependencies: dependencies(metaValue, meta),
  };
  const instance: RoleInstance = { role, params: {} };
  const handlers = handlersFile ? parseTaskList(loadYamlFile(handlersFile), { ...context(handlersFile), role: instance }, true) : [];
  (role as { handlers: readonly ModuleTask[] }).handlers = [...handlers.filter((task): task is ModuleTask => task.kind === 'task'), ...handlersOut];
  return role;
}

function firstExisting(paths: string[]): string | undefined {
  return paths.find((path) => existsSync(path) && statSync(path).isFile());
}

function dependencies(meta: Record<string, unknown> | null, file: string | undefined): RoleInvocation[] {
  const list = meta?.dependencies;
  if (!Array.isArray(list)) return [];
  return list.map((entry) => {
    const at = positionOf(entry, { file: file ?? '' })!;
    if (typeof entry === 'string') return { name: entry, params: {}, at, when: [], tags: [], vars: {} };
    const { role, name, when, tags, vars, ...params } = entry as Record<string, unknown>;
    return { name: String(role ?? name), params: { ...(vars as object | undefined), ...params }, at, when: [when ?? []].flat().map(String), tags: [tags ?? []].flat().map(String), vars: {} };
  });
}

const TYPES: Record<string, object> = {
  str: { type: 'string' },
  path: { type: 'string' },
  int: { type: 'integer' },
  float: { type: 'number' },
  bool: { type: 'boolean' },
  list: { type: 'array' },
  dict: { type: 'object' },
  raw: {},
};

/** meta/argument_specs.yaml (Ansible's format) or meta/argument_specs.schema.json, as a JSON Schema. */
function argumentSpec(dir: string, roleName: string): RoleArgumentSpec | undefined {
  const jsonSchema = join(dir, 'meta', 'argument_specs.schema.json');
  if (existsSync(jsonSchema)) return { schema: loadYamlFile(jsonSchema) as Record<string, unknown>, at: { file: jsonSchema, line: 1 } };
  const file = firstExisting([join(dir, 'meta', 'argument_specs.yaml'), join(dir, 'meta', 'argument_specs.yml')]);
  if (!file) return undefined;
  const specs = (loadYamlFile(file) as { argument_specs?: { main?: { options?: Record<string, Record<string, unknown>> } } } | null)?.argument_specs;
  const options = specs?.main?.options ?? {};
  const properties: Record<string, object> = {};
  const required: string[] = [];
  for (const [name, option] of Object.entries(options)) {
    const type = String(option.type ?? 'str');
    const schema: Record<string, unknown> = { ...(TYPES[type] ?? {}) };
    if (!TYPES[type]) throw new CxError(`role '${roleName}': unknown type '${type}' for '${name}'`, { at: positionOf(option, { file }), hint: `use one of ${Object.keys(TYPES).join(', ')}` });
    if (Array.isArray(option.choices)) schema.enum = option.choices;
    if (type === 'list' && option.elements) schema.items = TYPES[String(option.elements)] ?? {};
    properties[name] = schema;
    if (option.required === true) required.push(name);
  }
  return { schema: { type: 'object', properties, required }, at: { file, line: 1 } };
}
