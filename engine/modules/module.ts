/**
 * The contract every module keeps. A module is a plain object: its argument
 * schema (JSON Schema, compiled once by ajv), what it supports in check and
 * diff mode, and `run`, which builds one POSIX sh script, runs it with
 * `ctx.exec` (one remote exec where it can: compare and change in one round
 * trip) and returns Ansible's result shape.
 */
import type { JinjaSettings } from '../template/jinja/settings.js';
import type { BecomeSpec, ExecResult } from '../connection/connection.js';
import type { SourceKind } from '../load/source-paths.js';

/** Ansible's result shape: changed, failed, msg, and where they apply rc, stdout, stderr, diff, ... */
export interface ModuleResult {
  changed: boolean;
  failed?: boolean;
  msg?: string;
  skipped?: boolean;
  [key: string]: unknown;
}

/**
 * A failure Ansible raises in the task (an AnsibleError from its action
 * plugin or executor) instead of getting a result from a module: the host's
 * result is `failed` and `msg` alone. Ansible adds `changed: false` only to
 * results a module returned, so this result has none.
 */
export class TaskError extends Error {}

/** Ansible's diff: one or a list of {before, after, before_header, after_header}. */
export interface FileDiff {
  before: string;
  after: string;
  before_header?: string;
  after_header?: string;
}

export type ModeSupport = 'full' | 'partial' | 'none';

export interface ModuleContext {
  /** Inventory name of the host the task is for. */
  readonly host: string;
  /** Arguments after short-form parsing, rendering and schema validation (defaults applied). */
  readonly args: Readonly<Record<string, unknown>>;
  readonly check: boolean;
  readonly diff: boolean;
  readonly become: BecomeSpec | undefined;
  /** The task's no_log (Python modules are told it, as `_ansible_no_log`). */
  readonly noLog?: boolean | undefined;
  /** Directory of the playbook: relative controller paths (fetch's dest) are taken from here, as Ansible does. */
  readonly playbookDir?: string | undefined;
  /** The task's `environment:`; `exec` exports it (quoted) at the top of the script. */
  readonly environment: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
  /** -v count of the run (debug's `verbosity:` compares with it). */
  readonly verbosity: number;
  /** Run a script on the target with the task's become, environment, timeout and signal. */
  exec(script: string): Promise<ExecResult>;
  /**
   * Find a local `src` file: absolute, else under the role's `files/` or
   * `templates/` (by kind), then beside the playbook. Throws a CxError naming
   * the places it looked.
   */
  resolveSource(src: string, kind: SourceKind): string;
  /** include_vars' `dir`: in a role, under its vars/ directory; else beside the task's file (Ansible's root for it). */
  varsDirectory(dir: string): string;
  /** A file of variables read on the controller (YAML or JSON, vault-aware, one parse per run). */
  loadVars(path: string): Record<string, unknown>;
  /** The bytes of a local source file, decrypted when it is vault-encrypted (its content is then a secret). */
  readSource(path: string): Buffer;
  /**
   * Close the host's connection and open a new one (wait_for_connection,
   * reboot), waiting at most connectTimeoutSeconds when given (else the
   * host's connect timeout); later execs use the new one. Rejects (an
   * UnreachableError) when the host cannot be reached now.
   */
  reconnect(connectTimeoutSeconds?: number): Promise<void>;
  /** The kind of connection the task uses (reboot refuses a local one: it would reboot the controller). */
  connectionType(): Promise<'ssh' | 'local'>;
  /** async_status: the state of an `async:` job on this host, or the module's result once it has finished. */
  asyncStatus(jid: string, mode: 'status' | 'cleanup'): Promise<ModuleResult>;
  /**
   * Render a template file for this host (compiled once per run): Jinja, or
   * Handlebars for `.hbs`; `src` and `dest` as the task gave them, for the
   * template_* variables; `settings`, the task's Jinja options.
   */
  renderTemplateFile(path: string, task: { readonly src: string; readonly dest: string; readonly settings: JinjaSettings }): Promise<string>;
  /** Arguments whose rendered value holds data from a host: never to be templated again. */
  readonly unsafeArgs: ReadonlySet<string>;
  /** Evaluate an expression (debug `var:`) in the task's scope. */
  evaluate(expression: string): unknown;
  /** Evaluate a condition as `when:` does (assert's `that:`, passed unrendered through rawArgs). */
  condition(condition: string | boolean): boolean;
  /** A note shown to the operator (Ansible's [WARNING]). */
  warn(message: string): void;
  /** The task's name as shown (role prefix included; the module's name when it has none). */
  readonly taskName: string;
  /** Text shown to the operator as it is, in the task's turn (Ansible's display: pause's lines). */
  display(message: string): void;
  /** A warning shown to the operator and not kept in the result (an Ansible action plugin's display.warning). */
  displayWarning(message: string): void;
  /** What the operator types at the terminal, up to Enter (echoed or not); undefined when stdin is no terminal, as Ansible's pause then does not wait. */
  readonly askOperator: ((echo: boolean) => Promise<string>) | undefined;
}

/** A module property that holds for every run (true) or depends on the run's arguments. */
export type ArgsFlag = true | ((args: Readonly<Record<string, unknown>>) => boolean);

/** Whether an ArgsFlag holds for a run with these arguments (unset: it does not). */
export function holdsFor(flag: ArgsFlag | undefined, args: Readonly<Record<string, unknown>>): boolean {
  return typeof flag === 'function' ? flag(args) : flag === true;
}

export interface ModuleDef {
  /** Canonical name (`copy`); `ansible.builtin.copy` is accepted for every module. */
  readonly name: string;
  /** Other names for the same module (`service` for `systemd` is its own module). */
  readonly aliases?: readonly string[];
  /** Other names of arguments (Ansible's `aliases`): `alias: argument`; the module reads only the argument. */
  readonly argumentAliases?: Readonly<Record<string, string>>;
  /**
   * Aliases that also stay in the arguments under their own name, with the
   * value given (Ansible's module.params keeps every alias given: a module
   * that returns its params, known_hosts, echoes them); each needs a schema property.
   */
  readonly echoedAliases?: readonly string[];
  /** Arguments whose values are secrets (Ansible's no_log options, url_password): the run masks them wherever they would show. */
  readonly secretArgs?: readonly string[];
  /** JSON Schema of the arguments (an object schema, additionalProperties false). */
  readonly argsSchema: Readonly<Record<string, unknown>>;
  /**
   * Free-form modules take a bare string as their main argument
   * (`command: ls -l creates=/x`): it is stored under `_raw_params`; `k=v`
   * words naming known arguments are split off.
   */
  readonly freeForm?: boolean;
  readonly checkMode: ModeSupport;
  /** With checkMode none: the skip message when it is an action plugin's own (assemble's), not the remote module's. */
  readonly checkModeSkipMessage?: string;
  readonly diffMode: ModeSupport;
  /**
   * Its check-mode run on a host where it finds nothing to change gives
   * exactly the result of a real run there, and a real run that reports no
   * change changed nothing: a check made ahead may stand in for the run
   * (speculative compare, engine/run/speculation.ts). A function says it
   * for the task's arguments (command: only with creates/removes).
   */
  readonly speculative?: ArgsFlag;
  /** With `speculative`: a check-mode result that found nothing to do, as a real run gives it (where the two differ: command's message). */
  readonly checkedAsRun?: (checked: ModuleResult) => ModuleResult;
  /**
   * A run with these arguments does all its work in one exec, whose script
   * reports a failure (`failed=1` or an exit code not 0): the tasks after it
   * may be applied in the same exec (fused execution, engine/run/fusion.ts).
   */
  readonly appliesInOneExec?: ArgsFlag;
  /** `controller` modules (set_fact, debug, assert, fail, pause) never touch the host. */
  readonly runsOn: 'target' | 'controller';
  /** Runs once for the whole batch, as if `run_once` were set (Ansible's BYPASS_HOST_LOOP: pause). */
  readonly bypassHostLoop?: boolean;
  /** Its result asks the runner to change the run's inventory (add_host, group_by: Ansible's add_host/add_group keys). */
  readonly changesInventory?: boolean;
  /** Its result is what the operator asked to see (debug): the views show it whole, at every verbosity. */
  readonly showsResult?: boolean;
  /**
   * Its `ansible_facts` are variables the task sets (set_fact): a run_once task
   * shares them with the batch, and its arguments other than the schema's own
   * name the variables it defines.
   */
  readonly setsFacts?: boolean;
  /** Its `ansible_facts` are the host's gathered facts (setup). */
  readonly gathersFacts?: boolean;
  /** The facts it always sets, which become variables of the host (package_facts: `packages`). */
  readonly factNames?: readonly string[];
  /** Its `ansible_facts` are variables read from files (include_vars): they rank just under set_fact. */
  readonly includesVars?: boolean;
  /** Arguments passed as written, not rendered: the module evaluates them itself (Ansible's untemplated_args). */
  readonly rawArgs?: readonly string[];
  run(ctx: ModuleContext): Promise<ModuleResult>;
}
