/**
 * Task lists (tasks, handlers, pre/post tasks, role tasks, included files)
 * into TaskNodes. Modules are found and their arguments checked here, so a
 * typo fails the load, at its position, before any host is contacted.
 * Includes and imports are in task-includes.ts.
 */
import { CxError, withPosition, type SourcePosition } from '../errors.js';
import { findModule, moduleNames } from '../modules/registry.js';
import type { ModuleDef } from '../modules/module.js';
import { coreModuleNames } from '../modules/python/locate.js';
import { resolveModule, type ResolvedModule } from '../modules/python/resolve.js';
import { parseShortForm } from '../modules/short-form.js';
import { validateArgsStatic } from '../modules/validate-args.js';
import { withActionAsModule } from './action-keyword.js';
import { ACTION_KEYWORDS, BLOCK_KEYWORDS, TASK_KEYWORDS, UNSUPPORTED_KEYWORDS, WITH_LOOKUP_KEYWORDS } from '../schema/keywords.js';
import { lookupNames } from '../template/lookups/registry.js';
import { isTrue } from '../booleans.js';
import { conditionList, inheritableFrom, nameList } from './inheritable.js';
import { checkKeywordTypes, checkKnownKeywords, unknownKeyword } from './keyword-check.js';
import type { BlockNode, LoopControl, MetaTask, ModuleTask, RoleInstance, TaskNode } from './model.js';
import { keyPositionOf, positionOf, recordKeyPosition, recordPosition } from './positions.js';
import { closest, didYouMean } from './suggest.js';
import { importRole, importTasks, parseInclude } from './task-includes.js';
import { noteModuleDefaults } from './module-defaults.js';
import type { SourceCache } from './source-cache.js';

export { loadTaskFile } from './task-includes.js';

export interface TaskLoadContext {
  readonly file: string;
  /** Directory of the file being read; relative includes resolve here first. */
  readonly dir: string;
  /** Directory of the role whose tasks these are, if any. */
  readonly roleDir?: string | undefined;
  /** The playbook's directory (last place relative paths are looked up). */
  readonly playDir: string;
  /** Task files being read, outermost first: refuses import cycles, stops include validation from recursing. */
  readonly fileStack: readonly string[];
  /** Blocks around these tasks, imported files included (see MAX_BLOCK_NESTING). */
  readonly blockDepth?: number | undefined;
  /** Role directories being read, outermost first (a role that includes itself is validated once). */
  readonly roleStack: readonly string[];
  /** Handlers brought in by import_role; the caller adds them to the play (or role). */
  readonly handlers: ModuleTask[];
  /** The role instance handlers belong to: they run outside the role's block, so they carry it. */
  readonly role?: RoleInstance | undefined;
  /** What this run has read already. */
  readonly sources: SourceCache;
  /**
   * The module's arguments are checked on each host when it runs, not here:
   * `ansible` (cxplay adhoc) fails every host with the module's message (exit
   * 2) where a playbook is refused at load time.
   */
  readonly argsCheckedPerHost?: boolean | undefined;
}

const META_ACTIONS = new Set(['flush_handlers', 'noop', 'end_play', 'end_batch', 'end_host', 'clear_host_errors', 'clear_facts', 'reset_connection', 'refresh_inventory']);
const LOOP_KEYWORDS = ['loop', 'with_items', 'with_list', ...WITH_LOOKUP_KEYWORDS];
/** Blocks in blocks, across imported files too; the run recurses once per level. Far above any real playbook. */
export const MAX_BLOCK_NESTING = 50;
const NOT_HANDLER = 'a handler must call a module; blocks, includes, imports and meta are not supported as handlers';

export function parseTaskList(value: unknown, context: TaskLoadContext, handler = false): TaskNode[] {
  if (value === null || value === undefined) return [];
  const at = positionOf(value, { file: context.file })!;
  if (!Array.isArray(value)) throw new CxError('a task list must be a YAML list of tasks', { at, hint: 'start each task with "- name: ..."' });
  return value.map((item, index) => parseTask(item, context, handler, keyPositionOf(value, String(index), at)!));
}

/** Handlers: a task list where each entry calls a module. */
export function parseHandlers(value: unknown, context: TaskLoadContext): ModuleTask[] {
  return parseTaskList(value, context, true).map((task) => {
    if (task.kind !== 'task') throw new CxError(NOT_HANDLER, { at: task.at, hint: 'move the tasks into the handler list one by one' });
    return task;
  });
}

function parseTask(item: unknown, context: TaskLoadContext, handler: boolean, at: SourcePosition): TaskNode {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    throw new CxError('each task must be a mapping (name: ..., module: ...)', { at, hint: 'write "- name: ..." and the module on the next line' });
  }
  const node = withShortActionNames(withActionAsModule(item as Record<string, unknown>, at));
  noteModuleDefaults(node, context.sources);
  if ('block' in node) return parseBlock(node, context, handler, at);
  const action = findAction(node, context, at);
  checkKeywordTypes(node, TASK_KEYWORDS, 'task', at);
  checkLoops(node, action, at);
  switch (action) {
    case 'meta':
      return parseMeta(node, at);
    case 'import_tasks':
      return importTasks(node, context, at);
    case 'import_role':
      return importRole(node, context, at);
    case 'include_tasks':
    case 'include_role':
      return parseInclude(node, action, context, at);
    default:
      return parseModuleTask(node, action, moduleOf(node, action, context, at)!, context, handler, at);
  }
}

/** The one key of a task that says what it does: a module or an action. */
const QUALIFIED_ACTION = /^ansible\.(?:builtin|legacy)\.(include_tasks|import_tasks|include_role|import_role|meta)$/;

/** `ansible.builtin.meta:` and the other actions under their full names, as Ansible accepts them (positions kept). */
function withShortActionNames(node: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(node).some((key) => QUALIFIED_ACTION.test(key))) return node;
  const renamed: Record<string, unknown> = {};
  const at = positionOf(node);
  if (at) recordPosition(renamed, at);
  for (const [key, value] of Object.entries(node)) {
    const short = QUALIFIED_ACTION.exec(key)?.[1] ?? key;
    renamed[short] = value;
    const keyAt = keyPositionOf(node, key);
    if (keyAt) recordKeyPosition(renamed, short, keyAt);
  }
  return renamed;
}

function findAction(node: Record<string, unknown>, context: TaskLoadContext, at: SourcePosition): string {
  const others = Object.keys(node).filter((key) => !(key in TASK_KEYWORDS));
  if (others.includes('import_playbook')) {
    throw new CxError('import_playbook belongs at the top level of a playbook, between plays, not in a task list', { at: keyPositionOf(node, 'import_playbook', at) });
  }
  const actions = others.filter((key) => ACTION_KEYWORDS.includes(key) || moduleOf(node, key, context, at));
  const unknown = others.find((key) => !actions.includes(key));
  if (unknown !== undefined) throw unknownTaskKey(node, unknown, actions.length > 0, at);
  if (actions.length === 0) throw new CxError('this task does nothing: no module or action found', { at, hint: 'add a module, e.g. "command: ..." or "copy: ..."' });
  if (actions.length > 1) {
    throw new CxError(`a task calls one module, this one has ${actions.length}: ${actions.join(', ')}`, { at: keyPositionOf(node, actions[1]!, at), hint: 'split it into one task per module' });
  }
  return actions[0]!;
}

/** The module a task key names: native, or Ansible's Python module found on the controller (a refusal names the key's position). */
function moduleOf(node: Record<string, unknown>, key: string, context: TaskLoadContext, at: SourcePosition): ResolvedModule | undefined {
  try {
    return resolveModule(key, { roleDir: context.roleDir, playDir: context.playDir, sources: context.sources });
  } catch (error) {
    throw error instanceof CxError ? withPosition(error, keyPositionOf(node, key, at)!) : error;
  }
}

/** A key that is neither a keyword nor a module: a mistyped keyword or a mistyped module? */
function unknownTaskKey(node: Record<string, unknown>, key: string, hasAction: boolean, at: SourcePosition): CxError {
  const keywords = [...Object.keys(TASK_KEYWORDS), ...ACTION_KEYWORDS];
  if (key.startsWith('with_') && !(key in UNSUPPORTED_KEYWORDS)) return unknownLoopLookup(node, key, at);
  const looksLikeKeyword = closest(key, keywords) !== undefined && closest(key, moduleNames()) === undefined;
  if (hasAction || looksLikeKeyword || key in UNSUPPORTED_KEYWORDS) return unknownKeyword(node, key, keywords, 'task', at);
  return new CxError(`unknown module '${key}'${didYouMean(key, [...moduleNames(), ...ACTION_KEYWORDS, ...coreModuleNames()])}`, {
    at: keyPositionOf(node, key, at),
    hint: `cxplay's modules: ${[...new Set(moduleNames().map((name) => findModule(name)!.name))].sort().join(', ')}; no Python module of that name either (role or playbook library/, ANSIBLE_LIBRARY, collections, ansible-core)`,
  });
}

/** `with_<name>:` where no lookup has that name. */
function unknownLoopLookup(node: Record<string, unknown>, key: string, at: SourcePosition): CxError {
  const name = key.slice('with_'.length);
  return new CxError(`unknown lookup '${name}' in ${key}${didYouMean(name, lookupNames())}`, {
    at: keyPositionOf(node, key, at),
    hint: `loops over a lookup: ${['with_items', 'with_list', ...WITH_LOOKUP_KEYWORDS].join(', ')}`,
  });
}

/** `loop:`, `with_items:` (flattened one level, as Ansible), `with_list:` or `with_<lookup>:`, and `loop_control:`. */
export function loopOf(node: Record<string, unknown>): Pick<ModuleTask, 'loop' | 'loopFlatten' | 'loopWith' | 'loopControl'> {
  const key = LOOP_KEYWORDS.find((name) => node[name] != null);
  if (key === undefined) return { loop: undefined, loopFlatten: undefined, loopWith: undefined, loopControl: undefined };
  const loopWith = WITH_LOOKUP_KEYWORDS.includes(key) ? key.slice('with_'.length) : undefined;
  return { loop: node[key], loopFlatten: key === 'with_items', loopWith, loopControl: loopControl(node.loop_control) };
}

function checkLoops(node: Record<string, unknown>, action: string, at: SourcePosition): void {
  const loops = LOOP_KEYWORDS.filter((key) => node[key] != null);
  if (loops.length > 1) throw new CxError(`a task takes one loop; this one has ${loops.join(' and ')}`, { at: keyPositionOf(node, loops[1]!, at), hint: 'keep loop: only' });
  if (loops.length === 1 && (action === 'import_tasks' || action === 'import_role' || action === 'meta')) {
    const hint = action === 'meta' ? undefined : `use ${action.replace('import', 'include')}, which runs once per item`;
    throw new CxError(`${action} cannot loop`, { at: keyPositionOf(node, loops[0]!, at), hint });
  }
}

function parseModuleTask(node: Record<string, unknown>, key: string, resolved: ResolvedModule, context: TaskLoadContext, handler: boolean, at: SourcePosition): ModuleTask {
  const { module, python } = resolved;
  if (!handler && node.listen != null) throw new CxError("'listen' is only for handlers", { at: keyPositionOf(node, 'listen', at), hint: 'move this task under handlers:, or use notify:' });
  return {
    kind: 'task',
    ...inheritableFrom(node, at, handler ? context.role : undefined),
    name: (node.name ?? undefined) as string | undefined,
    module: module.name,
    action: key,
    python,
    args: moduleArgs(node, key, module, at, context.sources.defaultedModules.has(module.name), context.argsCheckedPerHost),
    register: (node.register ?? undefined) as string | undefined,
    ...loopOf(node),
    changedWhen: node.changed_when == null ? undefined : conditionList(node.changed_when),
    failedWhen: node.failed_when == null ? undefined : conditionList(node.failed_when),
    until: node.until == null ? undefined : conditionList(node.until),
    retries: (node.retries ?? undefined) as number | string | undefined,
    delay: (node.delay ?? undefined) as number | string | undefined,
    async: (node.async ?? undefined) as number | string | undefined,
    poll: (node.poll ?? undefined) as number | string | undefined,
    notify: nameList(node.notify),
    listen: nameList(node.listen),
  };
}

/** Mapping form or `k=v` short form, with `args:` under it (the module line wins, as in Ansible). */
function moduleArgs(node: Record<string, unknown>, key: string, module: ModuleDef, at: SourcePosition, defaulted: boolean, checkedPerHost = false): Record<string, unknown> {
  const raw = node[key];
  const extra = (node.args ?? {}) as Record<string, unknown>;
  const moduleAt = keyPositionOf(node, key, at)!;
  let args: Record<string, unknown>;
  try {
    if (raw === null || raw === undefined) args = {};
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') args = parseShortForm(String(raw), module);
    else if (typeof raw === 'object' && !Array.isArray(raw)) args = { ...(raw as Record<string, unknown>) };
    else throw new CxError(`${module.name}: arguments must be a mapping or name=value text, not a list`);
    args = { ...extra, ...args };
    if (!checkedPerHost) validateArgsStatic(module, args, defaulted);
  } catch (error) {
    throw error instanceof CxError ? withPosition(error, argumentPosition(error.message, [raw, extra]) ?? moduleAt) : error;
  }
  return args;
}

/** The line of the first argument an error message names ('mode' ...), in the mapping that holds it. */
function argumentPosition(message: string, sources: readonly unknown[]): SourcePosition | undefined {
  for (const match of message.matchAll(/'([^']+)'/g)) {
    const name = match[1]!;
    for (const source of sources) {
      if (source && typeof source === 'object' && Object.prototype.hasOwnProperty.call(source, name)) return keyPositionOf(source, name);
    }
  }
  return undefined;
}

function loopControl(value: unknown): LoopControl | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const control = value as Record<string, unknown>;
  return {
    loopVar: (control.loop_var as string | undefined) ?? 'item',
    indexVar: (control.index_var ?? undefined) as string | undefined,
    label: (control.label ?? undefined) as string | undefined,
    pause: control.pause == null ? undefined : Number(control.pause),
    extended: control.extended == null ? undefined : isTrue(control.extended),
    extendedAllItems: control.extended_allitems == null ? undefined : isTrue(control.extended_allitems),
  };
}

function parseBlock(node: Record<string, unknown>, context: TaskLoadContext, handler: boolean, at: SourcePosition): BlockNode {
  if (handler) throw new CxError(NOT_HANDLER, { at, hint: 'list the handler tasks one by one' });
  const moduleKey = Object.keys(node).find((key) => findModule(key) || (ACTION_KEYWORDS.includes(key) && key !== 'block'));
  if (moduleKey) throw new CxError(`a block holds tasks; it cannot also call '${moduleKey}'`, { at: keyPositionOf(node, moduleKey, at), hint: 'move it into a task inside block:' });
  checkKnownKeywords(node, BLOCK_KEYWORDS, 'block', at);
  checkKeywordTypes(node, BLOCK_KEYWORDS, 'block', at);
  const blockDepth = (context.blockDepth ?? 0) + 1;
  if (blockDepth > MAX_BLOCK_NESTING) throw new CxError(`blocks nested more than ${MAX_BLOCK_NESTING} deep`, { at, hint: 'flatten the blocks (imported task files count as well)' });
  context = { ...context, blockDepth };
  return {
    kind: 'block',
    ...inheritableFrom(node, at),
    name: (node.name ?? undefined) as string | undefined,
    block: parseTaskList(node.block, context),
    rescue: parseTaskList(node.rescue, context),
    always: parseTaskList(node.always, context),
  };
}

function parseMeta(node: Record<string, unknown>, at: SourcePosition): MetaTask {
  const action = String(node.meta);
  if (!META_ACTIONS.has(action)) {
    throw new CxError(`unknown meta action '${action}'${didYouMean(action, META_ACTIONS)}`, { at: keyPositionOf(node, 'meta', at), hint: `supported: ${[...META_ACTIONS].join(', ')}` });
  }
  return { kind: 'meta', ...inheritableFrom(node, at), name: (node.name ?? undefined) as string | undefined, action: action as MetaTask['action'] };
}
