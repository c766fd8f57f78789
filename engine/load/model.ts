/**
 * The loaded, validated shape of playbooks, roles and inventories. The
 * loader produces these; the planner and runner consume them. Values inside
 * (`args`, `vars`, `when`, ...) are still unrendered: templates are rendered
 * per host at run time. Every node keeps where it came from for errors.
 */
import type { SourcePosition } from '../errors.js';
import type { PythonModuleRef } from '../modules/python/resolve.js';
import type { SourceCache } from './source-cache.js';
import type { ModuleDefaults } from './module-defaults.js';

export type Vars = Readonly<Record<string, unknown>>;

/** Keywords shared by plays, blocks, tasks and role entries that are inherited downwards. */
/**
 * The keywords a play, block, role or include passes down to the tasks inside,
 * where the innermost value wins; their YAML names are in INHERITED_KEYWORDS.
 */
export interface InheritedKeywords {
  readonly become?: boolean | string | undefined;
  readonly becomeUser?: string | undefined;
  readonly becomeMethod?: string | undefined;
  readonly becomeFlags?: string | undefined;
  readonly becomeExe?: string | undefined;
  readonly environment?: Readonly<Record<string, unknown>> | string | undefined;
  readonly ignoreErrors?: boolean | string | undefined;
  readonly noLog?: boolean | string | undefined;
  readonly runOnce?: boolean | string | undefined;
  readonly delegateTo?: string | undefined;
  /** `check_mode:` true forces check mode on, false forces it off (the task really runs). */
  readonly checkMode?: boolean | string | undefined;
  readonly diff?: boolean | string | undefined;
  /** Seconds; ends the remote command and fails the task (`timeout:` keyword). */
  readonly timeout?: number | string | undefined;
  /** An unreachable host counts ok and ignored, and stays in the play (it is tried again by the next task). */
  readonly ignoreUnreachable?: boolean | string | undefined;
  /** At most this many hosts run the task at once (below --forks; 0 means no limit). */
  readonly throttle?: number | string | undefined;
  /** With delegate_to: facts the task sets or gathers go to the delegated host instead. */
  readonly delegateFacts?: boolean | string | undefined;
  /** `connection:` ssh or local; a host's ansible_connection wins, as in Ansible. */
  readonly connection?: string | undefined;
  /** `remote_user:`; a host's ansible_user wins, as in Ansible. */
  readonly remoteUser?: string | undefined;
}

/** Each inherited keyword's field and its name in YAML. */
export const INHERITED_KEYWORDS: Readonly<Record<keyof InheritedKeywords, string>> = {
  become: 'become',
  becomeUser: 'become_user',
  becomeMethod: 'become_method',
  becomeFlags: 'become_flags',
  becomeExe: 'become_exe',
  environment: 'environment',
  ignoreErrors: 'ignore_errors',
  noLog: 'no_log',
  runOnce: 'run_once',
  delegateTo: 'delegate_to',
  checkMode: 'check_mode',
  diff: 'diff',
  timeout: 'timeout',
  ignoreUnreachable: 'ignore_unreachable',
  throttle: 'throttle',
  delegateFacts: 'delegate_facts',
  connection: 'connection',
  remoteUser: 'remote_user',
};

export interface Inheritable extends InheritedKeywords {
  readonly at: SourcePosition;
  /** Conditions ANDed together; inherited ones come first. Expressions without `{{ }}`. */
  readonly when: readonly string[];
  readonly tags: readonly string[];
  readonly vars: Vars;
  readonly anyErrorsFatal?: boolean | undefined;
  /** `module_defaults:` by canonical module name. */
  readonly moduleDefaults?: ModuleDefaults | undefined;
  /** The role these tasks belong to, for the name prefix, role vars and file lookups. */
  readonly role?: RoleInstance | undefined;
}

export interface LoopControl {
  readonly loopVar: string;
  readonly indexVar?: string | undefined;
  readonly label?: string | undefined;
  readonly pause?: number | undefined;
  /** `ansible_loop` is defined only with `extended: true`, as in Ansible. */
  readonly extended?: boolean | undefined;
  /** With `extended`, whether `ansible_loop.allitems` is set (Ansible's default: yes). */
  readonly extendedAllItems?: boolean | undefined;
}

export interface TaskNodeBase extends Inheritable {
  readonly name?: string | undefined;
}

/** A task that calls a module. */
export interface ModuleTask extends TaskNodeBase {
  readonly kind: 'task';
  /** Canonical module name (`copy`), after `ansible.builtin.` and aliases. */
  readonly module: string;
  /** The module's name as the task wrote it (`ansible.builtin.copy`), which Ansible's messages repeat; absent: `module`. */
  readonly action?: string | undefined;
  /** Set when the module runs through Ansible's Python module (engine/modules/python/): `module` is then the name as written. */
  readonly python?: PythonModuleRef | undefined;
  /** Arguments after short-form (`k=v`) parsing; strings may hold `{{ }}`. */
  readonly args: Vars;
  readonly register?: string | undefined;
  /** `loop:` or `with_items:` (with_items flattens one level, as Ansible), or a `with_<lookup>:`'s terms. */
  readonly loop?: unknown;
  readonly loopFlatten?: boolean | undefined;
  /** The lookup of `with_<lookup>:` (not items/list): its terms are rendered, then the lookup gives the items. */
  readonly loopWith?: string | undefined;
  readonly loopControl?: LoopControl | undefined;
  readonly changedWhen?: readonly string[] | undefined;
  readonly failedWhen?: readonly string[] | undefined;
  readonly until?: readonly string[] | undefined;
  readonly retries?: number | string | undefined;
  readonly delay?: number | string | undefined;
  /** `async:` seconds the task may run as a background job on the host; `poll:` seconds between looks (0: do not wait). */
  readonly async?: number | string | undefined;
  readonly poll?: number | string | undefined;
  readonly notify: readonly string[];
  /** Handlers only: topics this handler also answers to. */
  readonly listen: readonly string[];
}

/** `meta:` actions (engine/run/task-list-runner.ts runs them). */
export interface MetaTask extends TaskNodeBase {
  readonly kind: 'meta';
  readonly action: 'flush_handlers' | 'noop' | 'end_play' | 'end_batch' | 'end_host' | 'clear_host_errors' | 'clear_facts' | 'reset_connection' | 'refresh_inventory';
}

export interface BlockNode extends TaskNodeBase {
  readonly kind: 'block';
  readonly block: readonly TaskNode[];
  readonly rescue: readonly TaskNode[];
  readonly always: readonly TaskNode[];
}

/** `include_tasks` / `include_role`: resolved per host at run time (file and role may be templated). */
export interface IncludeNode extends TaskNodeBase {
  readonly kind: 'include_tasks' | 'include_role';
  /** The file (include_tasks) or role name (include_role); may hold `{{ }}`. */
  readonly target: string;
  /** include_role: tasks_from, vars_from, defaults_from, handlers_from. */
  readonly from?: Readonly<{ tasks?: string; vars?: string; defaults?: string; handlers?: string }> | undefined;
  /** Directory relative paths resolve against. */
  readonly baseDir: string;
  readonly loop?: unknown;
  readonly loopFlatten?: boolean | undefined;
  readonly loopWith?: string | undefined;
  readonly loopControl?: LoopControl | undefined;
}

export type TaskNode = ModuleTask | MetaTask | BlockNode | IncludeNode;

export interface RoleArgumentSpec {
  /** JSON Schema of the role's variables (from meta/argument_specs.yaml or a .schema.json). */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly at: SourcePosition;
  /** Ansible's name for the task that validates them (YAML specs only: Ansible knows no JSON Schema file). */
  readonly taskName?: string | undefined;
}

export interface Role {
  readonly name: string;
  readonly dir: string;
  readonly defaults: Vars;
  readonly vars: Vars;
  readonly tasks: readonly TaskNode[];
  readonly handlers: readonly ModuleTask[];
  readonly argumentSpec?: RoleArgumentSpec | undefined;
  readonly dependencies: readonly RoleInvocation[];
  /** meta/main.yaml `allow_duplicates: true`: the role runs again when listed again with the same params. */
  readonly allowDuplicates?: boolean | undefined;
}

/** One use of a role: the role plus the parameters it was given. */
export interface RoleInstance {
  readonly role: Role;
  /** Role params (`- role: x` with `foo: 1`, or include_role `vars:`): high precedence. */
  readonly params: Vars;
}

export interface RoleInvocation extends Inheritable {
  readonly name: string;
  readonly params: Vars;
}

export interface Play extends Inheritable {
  readonly name: string;
  /** Host pattern (`all`, `a:b`, `a:!b`, `a:&b`, ...); may hold `{{ }}`. */
  readonly hosts: string;
  readonly varsFiles: readonly string[];
  /** `vars_prompt:` entries, asked before the run (engine/cli/vars-prompt.ts). */
  readonly varsPrompt: readonly VarPrompt[];
  /** gather_facts as written; undefined when not, and the configuration's `gathering` decides (run/play-runner.ts). */
  readonly gatherFacts: boolean | undefined;
  /** The play's gather_subset, gather_timeout and fact_path as written: the arguments of its Gathering Facts task. */
  readonly gatherArgs: Readonly<Record<string, unknown>>;
  /** Batch sizes: numbers or percentages (`"30%"`); empty means all hosts at once. */
  readonly serial: readonly (number | string)[];
  /** host_pinned: free, with at most --forks hosts in the play at once, each keeping its slot to the end. */
  readonly strategy: 'linear' | 'free' | 'host_pinned';
  /** The order the play's hosts are worked on (and batched by serial). */
  readonly order: HostOrder;
  readonly maxFailPercentage?: number | undefined;
  /** `force_handlers:` as written (it wins over --force-handlers); undefined when not. */
  readonly forceHandlers?: boolean | undefined;
  readonly preTasks: readonly TaskNode[];
  /** The play's `roles:` expanded, one block per role use (dependencies first). */
  readonly roles: readonly BlockNode[];
  /** Names of the roles in the play's `roles:`, and of their dependencies (for the magic role-name lists). */
  readonly roleNames: readonly string[];
  readonly dependentRoleNames: readonly string[];
  readonly tasks: readonly TaskNode[];
  readonly postTasks: readonly TaskNode[];
  /** Handlers of the play and of its roles, in definition order. */
  readonly handlers: readonly ModuleTask[];
  /** Directory of the playbook file, for relative paths. */
  readonly baseDir: string;
}

/** One `vars_prompt:` entry, with Ansible's defaults (private: true). */
export interface VarPrompt {
  readonly name: string;
  /** The question; Ansible asks "input for NAME" without one. */
  readonly prompt: string | undefined;
  readonly default: string | undefined;
  readonly private: boolean;
  readonly confirm: boolean;
  readonly encrypt: string | undefined;
  readonly saltSize: number | undefined;
  readonly salt: string | undefined;
  readonly unsafe: boolean;
  readonly at: SourcePosition;
}

export type HostOrder = 'inventory' | 'reverse_inventory' | 'sorted' | 'reverse_sorted' | 'shuffle';

export interface Playbook {
  readonly file: string;
  readonly dir: string;
  readonly plays: readonly Play[];
  /** The files this run has read (made by loadPlaybook; the run's later loads go through it too). */
  readonly sources: SourceCache;
}

export interface InventoryGroup {
  readonly name: string;
  readonly vars: Vars;
  /** Direct child groups. */
  readonly children: readonly string[];
  /** Direct hosts. */
  readonly hosts: readonly string[];
  readonly at: SourcePosition | undefined;
}

export interface InventoryHost {
  readonly name: string;
  /** Vars set on the host itself (inventory file, then host_vars/), not yet merged with groups. */
  readonly vars: Vars;
  readonly at: SourcePosition | undefined;
  /** The inventory file that first named the host (`inventory_file`); the inventory's own file when unset. */
  readonly source?: string | undefined;
}

export interface Inventory {
  readonly file: string;
  /** Hosts in the order they first appear in the inventory. */
  readonly hosts: ReadonlyMap<string, InventoryHost>;
  /** Every group, including `all` and `ungrouped`. */
  readonly groups: ReadonlyMap<string, InventoryGroup>;
}
