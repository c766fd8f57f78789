/**
 * Task files and roles pulled into a task list. `import_tasks`/`import_role`
 * are static: loaded now and returned as a block. `include_tasks`/
 * `include_role` are dynamic: the runner loads them per host at run time
 * (`loadTaskFile`, `loadRole`), but when the name is fixed they are loaded
 * here as well, so a typo inside fails the load before any host is contacted.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { INCLUDE_ARGUMENTS } from '../schema/keywords.js';
import { isTemplated } from '../template/render.js';
import { inheritableFrom } from './inheritable.js';
import { describeValue } from './keyword-check.js';
import type { BlockNode, IncludeNode, RoleInstance, TaskNode } from './model.js';
import { keyPositionOf } from './positions.js';
import { findRoleDir, loadRole } from './role.js';
import { RoleExpander } from './role-blocks.js';
import type { SourceCache } from './source-cache.js';
import { didYouMean } from './suggest.js';
import { loopOf, parseTaskList, type TaskLoadContext } from './tasks.js';
import { loadYamlFile } from './yaml.js';

type IncludeKind = 'include_tasks' | 'import_tasks' | 'include_role' | 'import_role';
type RoleFrom = NonNullable<IncludeNode['from']>;

export interface TaskFileOptions {
  /** The role the including task belongs to: its tasks/ directory is searched. */
  readonly role?: RoleInstance | undefined;
  readonly roleDir?: string | undefined;
  /** The playbook's directory (searched last for nested includes). */
  readonly playDir?: string | undefined;
  /** Files and role directories being read around this one (load-time validation of nested includes). */
  readonly fileStack?: readonly string[] | undefined;
  readonly roleStack?: readonly string[] | undefined;
  /** What this run has read already. */
  readonly sources: SourceCache;
}

/** A task file for include_tasks, parsed once per run (for a given role). */
export function loadTaskFile(path: string, options: TaskFileOptions): readonly TaskNode[] {
  const roleDir = options.roleDir ?? options.role?.role.dir;
  const key = `${path}\u0000${roleDir ?? ''}`;
  const cached = options.sources.taskFiles.get(key);
  if (cached) return cached;
  const context: TaskLoadContext = {
    file: path,
    dir: dirname(path),
    roleDir,
    playDir: options.playDir ?? dirname(path),
    fileStack: [...(options.fileStack ?? []), path],
    roleStack: options.roleStack ?? (roleDir ? [roleDir] : []),
    handlers: [],
    sources: options.sources,
  };
  const tasks = parseTaskList(loadYamlFile(path, options.sources), context);
  if (context.handlers.length > 0) {
    throw new CxError('import_role in a file loaded by include_tasks cannot bring handlers', { at: { file: path }, hint: 'use include_role there, or import the file with import_tasks' });
  }
  options.sources.taskFiles.set(key, tasks);
  return tasks;
}

export function parseInclude(node: Record<string, unknown>, kind: 'include_tasks' | 'include_role', context: TaskLoadContext, at: SourcePosition): IncludeNode {
  const args = includeArgs(node, kind, at);
  const target = includeTarget(node, kind, args, at);
  const vars = (node.vars ?? {}) as Record<string, unknown>;
  let baseDir = context.playDir;
  if (kind === 'include_tasks') {
    baseDir = context.dir;
    if (!isTemplated(target)) {
      const found = findTaskFile(target, context, keyPositionOf(node, kind, at)!);
      baseDir = found.dir;
      validateIncludedFile(found.path, context);
    }
  } else if (!isTemplated(target)) {
    validateIncludedRole(target, { from: roleFrom(args), params: vars, at }, context);
  }
  return {
    kind,
    ...inheritableFrom(node, at),
    name: (node.name ?? undefined) as string | undefined,
    target,
    from: kind === 'include_role' ? roleFrom(args) : undefined,
    baseDir,
    ...loopOf(node),
  };
}

export function importTasks(node: Record<string, unknown>, context: TaskLoadContext, at: SourcePosition): BlockNode {
  const keyAt = keyPositionOf(node, 'import_tasks', at)!;
  const target = includeTarget(node, 'import_tasks', includeArgs(node, 'import_tasks', at), at);
  if (isTemplated(target)) throw new CxError('import_tasks needs a fixed file name; a templated name needs include_tasks', { at: keyAt });
  const { path } = findTaskFile(target, context, keyAt);
  if (context.fileStack.includes(path)) {
    const chain = [...context.fileStack.slice(context.fileStack.indexOf(path)), path].map((file) => displayPath(file, context.playDir));
    throw new CxError(`import cycle: ${chain.join(' -> ')}`, { at: keyAt, hint: 'a task file must not import itself, directly or through others' });
  }
  const inner: TaskLoadContext = { ...context, file: path, dir: dirname(path), fileStack: [...context.fileStack, path] };
  const block = parseTaskList(loadYamlFile(path, context.sources), inner);
  return { kind: 'block', ...inheritableFrom(node, at), name: (node.name ?? undefined) as string | undefined, block, rescue: [], always: [] };
}

/**
 * import_role: the role (after its dependencies) as a block now; its handlers
 * join the play's. The import's `vars` are the role's params, its other
 * keywords apply to the role and its dependencies.
 */
export function importRole(node: Record<string, unknown>, context: TaskLoadContext, at: SourcePosition): BlockNode {
  const args = includeArgs(node, 'import_role', at);
  const name = includeTarget(node, 'import_role', args, at);
  if (isTemplated(name)) throw new CxError('import_role needs a fixed role name; a templated name needs include_role', { at: keyPositionOf(node, 'import_role', at) });
  const dir = findRoleDir(name, context.playDir, at, context.sources);
  if (context.roleStack.includes(dir)) throw new CxError(`role '${name}' imports itself`, { at, hint: 'use include_role with a condition for a role that recurses' });
  const expander = new RoleExpander(context.playDir, context.sources);
  expander.add(name, (node.vars ?? {}) as Record<string, unknown>, inheritableFrom({ ...node, vars: undefined }, at), context.roleStack, roleFrom(args));
  for (const handler of expander.handlers) if (!context.handlers.includes(handler)) context.handlers.push(handler);
  const label = (node.name ?? undefined) as string | undefined;
  if (expander.blocks.length === 1) return { ...expander.blocks[0]!, name: label ?? expander.blocks[0]!.name };
  return { kind: 'block', ...inheritableFrom({}, at), name: label, block: expander.blocks, rescue: [], always: [] };
}

/** `include_tasks: file.yaml` or the mapping form (`file:` / `name:` and the role's `*_from`). */
function includeArgs(node: Record<string, unknown>, kind: IncludeKind, at: SourcePosition): Record<string, unknown> {
  const value = node[kind];
  const keyAt = keyPositionOf(node, kind, at)!;
  if (typeof value === 'string') return kind.endsWith('role') ? { name: value } : { file: value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CxError(`${kind} needs ${kind.endsWith('role') ? 'a role name' : 'a file name'} or a mapping, got ${describeValue(value)}`, { at: keyAt });
  }
  const args = value as Record<string, unknown>;
  const allowed = INCLUDE_ARGUMENTS[kind]!;
  for (const [key, item] of Object.entries(args)) {
    const argAt = keyPositionOf(args, key, keyAt);
    if (!allowed.includes(key)) throw new CxError(`${kind} has no argument '${key}'${didYouMean(key, allowed)}`, { at: argAt, hint: `${kind} takes: ${allowed.filter((name) => !name.startsWith('_')).join(', ')}` });
    if (typeof item !== 'string') throw new CxError(`${kind} '${key}' expects a string, got ${describeValue(item)}`, { at: argAt });
  }
  return args;
}

function includeTarget(node: Record<string, unknown>, kind: IncludeKind, args: Record<string, unknown>, at: SourcePosition): string {
  const target = kind.endsWith('role') ? args.name : (args.file ?? args._raw_params);
  if (typeof target !== 'string' || target.trim() === '') {
    throw new CxError(`${kind} needs ${kind.endsWith('role') ? 'a role name (name:)' : 'a file (file:)'}`, { at: keyPositionOf(node, kind, at) });
  }
  return target.trim();
}

function roleFrom(args: Record<string, unknown>): RoleFrom {
  const from: { tasks?: string; vars?: string; defaults?: string; handlers?: string } = {};
  for (const kind of ['tasks', 'vars', 'defaults', 'handlers'] as const) {
    const value = args[`${kind}_from`];
    if (typeof value === 'string') from[kind] = value;
  }
  return from;
}

/** A task file named by include/import: beside the including file, then in the role's tasks/, then beside the playbook. */
function findTaskFile(target: string, context: TaskLoadContext, at: SourcePosition): { path: string; dir: string } {
  const places = isAbsolute(target) ? [dirname(target)] : [context.dir, context.roleDir ? join(context.roleDir, 'tasks') : undefined, context.playDir];
  const searched = [...new Set(places.filter((dir): dir is string => dir !== undefined))];
  for (const dir of searched) {
    const path = resolve(dir, target);
    if (existsSync(path)) return { path, dir };
  }
  throw new CxError(`task file '${target}' not found`, { at, hint: `looked in: ${searched.join(', ')}` });
}

/** Parse a fixed include_tasks file now (cached for the run); a file including itself is left to the runner. */
function validateIncludedFile(path: string, context: TaskLoadContext): void {
  if (context.fileStack.includes(path)) return;
  loadTaskFile(path, { roleDir: context.roleDir, playDir: context.playDir, fileStack: context.fileStack, roleStack: context.roleStack, sources: context.sources });
}

function validateIncludedRole(name: string, request: { from: RoleFrom; params: Record<string, unknown>; at: SourcePosition }, context: TaskLoadContext): void {
  const dir = findRoleDir(name, context.playDir, request.at, context.sources);
  if (context.roleStack.includes(dir)) return;
  loadRole(name, { baseDir: context.playDir, ...request, stack: context.roleStack, sources: context.sources });
}

function displayPath(file: string, base: string): string {
  const path = relative(base, file);
  return path.startsWith('..') ? file : path;
}
