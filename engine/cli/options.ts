/**
 * Every command-line option, once: its flags and help, how its text becomes a
 * value, its default, and who reads it. `program.ts` declares the commander
 * options from this table, `CliOptions` is typed from it, and the run's and
 * the connections' share of it (`RunFlags` in RunOptions, `ConnectionFlags`
 * in ConnectionDefaults) are picked from it by destination. A new flag is one
 * entry here plus the code that reads it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_HANDSHAKES } from '../connection/handshakes.js';
import { InvalidArgumentError, Option } from 'commander';

/** Who reads the value: a RunOptions field, a ConnectionDefaults field, or the CLI alone (execute.ts). */
export type Destination = 'run' | 'connection' | 'cli';
export type Command = 'run' | 'role' | 'adhoc';

interface BaseSpec<D extends Destination, T> {
  /** commander's flags: `-s, --long <value>` (a value) or `-s, --long` (a switch). */
  readonly flags: string;
  readonly help: string;
  readonly to: D;
  /** One occurrence's text (and the value so far, for a repeatable option) to the value; a switch has none. */
  readonly parse?: (text: string, previous: T) => T;
  /** The commands that take it (default: every command). */
  readonly commands?: readonly Command[];
  /** More long flags for the same option, as Ansible's (`--inventory-file` for -i). */
  readonly aliases?: readonly string[];
  /** The key of the option it cannot be given with (Ansible's mutually exclusive pairs: -K or --become-password-file). */
  readonly conflicts?: string;
}

/** An option with a default: its value is always there. */
export interface DefaultedSpec<D extends Destination, T> extends BaseSpec<D, T> {
  readonly initial: T;
  /** How the help shows the default, when not the value itself. */
  readonly initialHelp?: string;
}

/** An option without a default: undefined unless given. */
export type OptionalSpec<D extends Destination, T> = BaseSpec<D, T>;

/** Any entry of the table, as program.ts reads it. */
export interface OptionSpec {
  readonly flags: string;
  readonly help: string;
  readonly to: Destination;
  readonly parse?: (text: string, previous: never) => unknown;
  readonly commands?: readonly Command[];
  readonly aliases?: readonly string[];
  readonly conflicts?: string;
  readonly initial?: unknown;
  readonly initialHelp?: string;
}

function switchOf<D extends Destination>(flags: string, help: string, to: D, more: Partial<BaseSpec<D, boolean>> = {}): DefaultedSpec<D, boolean> {
  return { flags, help, to, initial: false, ...more };
}

function valueOf<D extends Destination, T>(flags: string, help: string, to: D, parse: (text: string, previous: T) => T, more: Partial<BaseSpec<D, T>> = {}): OptionalSpec<D, T> {
  return { flags, help, to, parse, ...more };
}

function defaulted<D extends Destination, T>(spec: OptionalSpec<D, T>, initial: T, initialHelp?: string): DefaultedSpec<D, T> {
  return initialHelp === undefined ? { ...spec, initial } : { ...spec, initial, initialHelp };
}

const text = (value: string): string => value;
/** The playbook commands: options ansible-playbook has and `ansible` (cxplay adhoc) does not. */
const PLAYBOOKS: readonly Command[] = ['run', 'role'];
const path = (value: string): string => resolve(value);

function nonNegativeInt(value: string): number {
  return value.trim() === '0' ? 0 : positiveInt(value);
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

/** Comma-separated words, collected over every occurrence. */
function words(value: string, previous: readonly string[]): string[] {
  return [...previous, ...value.split(',').map((word) => word.trim()).filter(Boolean)];
}

function repeated(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/** `-c`: Ansible's `smart` and `paramiko` are SSH too; any other plugin does not exist here. */
function connectionType(value: string): 'ssh' | 'local' {
  if (value === 'local') return 'local';
  if (value === 'ssh' || value === 'smart' || value === 'paramiko') return 'ssh';
  throw new InvalidArgumentError(`cxplay connects with ssh or local, not '${value}'`);
}

/** `--become-method`: sudo or su (the others are refused, not silently replaced by sudo). */
function becomeMethod(value: string): 'sudo' | 'su' {
  const method = value.replace(/^ansible\.builtin\./, '');
  if (method === 'sudo' || method === 'su') return method;
  throw new InvalidArgumentError(`cxplay becomes another user with sudo or su, not '${value}'`);
}

function refuseModulePath(): never {
  throw new InvalidArgumentError("cxplay's modules are built in (engine/modules/); put a directory of Ansible modules in ansible.cfg's library or ANSIBLE_LIBRARY instead (they run through the Python path)");
}

/**
 * `--sftp-extra-args`, `--scp-extra-args`: Ansible hands them to the sftp or
 * scp program it sends files with; cxplay sends files over its one SSH
 * connection, so there is nothing to apply them to, and it says so.
 */
function fileTransferArgs(value: string): string {
  if (value.trim() === '') return value;
  throw new InvalidArgumentError('cxplay sends files over its SSH connection, never with sftp or scp, so these arguments would change nothing: leave them out (ssh options go in --ssh-common-args)');
}

/** `-l @file`: the file is read relative to where cxplay was started. */
function limitPattern(value: string): string {
  return value.startsWith('@') ? `@${resolve(value.slice(1))}` : value;
}

export const OPTIONS = {
  inventory: defaulted(valueOf<'cli', readonly string[]>('-i, --inventory <file>', 'inventory file (Ansible YAML or INI format); several are merged in order', 'cli', repeated, { aliases: ['--inventory-file'] }), []),
  hosts: defaulted(valueOf('--hosts <pattern>', 'host pattern the role is applied to', 'cli', text, { commands: ['role'] }), 'all'),
  check: switchOf('-C, --check', "don't change anything; predict what would change", 'run'),
  diff: switchOf('-D, --diff', 'show the differences in files and state', 'run'),
  limit: valueOf('-l, --limit <pattern>', 'limit to hosts matching this pattern (or @retry-file)', 'run', limitPattern),
  tags: defaulted(valueOf<'run', readonly string[]>('-t, --tags <tags>', 'only run tasks with these tags (comma-separated)', 'run', words, { commands: PLAYBOOKS }), []),
  skipTags: defaulted(valueOf<'run', readonly string[]>('--skip-tags <tags>', 'skip tasks with these tags (comma-separated)', 'run', words, { commands: PLAYBOOKS }), []),
  extraVars: defaulted(valueOf<'cli', readonly string[]>('-e, --extra-vars <vars>', 'extra variables: k=v, JSON/YAML mapping, or @file', 'cli', repeated), []),
  forks: defaulted(valueOf('-f, --forks <n>', 'hosts worked on at once', 'run', positiveInt), 50),
  output: valueOf('-o, --output <kind>', 'live view: tui, plain or json (default: tui on a terminal, else plain)', 'cli', text, { commands: PLAYBOOKS }),
  verbosity: defaulted(valueOf('-v, --verbose', 'more detail (-vv, -vvv)', 'run', (_text: string, previous: number) => previous + 1), 0),
  knownHostsFile: defaulted(
    valueOf('--known-hosts <file>', 'known_hosts file used to check host keys', 'connection', path),
    join(homedir(), '.ssh', 'known_hosts'),
    '~/.ssh/known_hosts',
  ),
  acceptNewHostKeys: switchOf('--accept-new-host-keys', 'accept and remember host keys not yet known (a changed key is always refused)', 'connection'),
  remoteUser: valueOf('-u, --user <user>', "connect as this user (an inventory's ansible_user wins)", 'connection', text),
  privateKeyFile: valueOf('--private-key, --key-file <file>', "use this private key (an inventory's ansible_private_key_file wins)", 'connection', path),
  connectionType: valueOf('-c, --connection <type>', "ssh or local (an inventory's ansible_connection wins)", 'connection', connectionType),
  askPass: switchOf('-k, --ask-pass', 'ask for the SSH password (no echo on a terminal, else one line of stdin)', 'cli'),
  connectionPasswordFile: valueOf('--connection-password-file <file>', 'read the SSH password from this file (an executable prints it; - reads stdin)', 'cli', text, { aliases: ['--conn-pass-file'], conflicts: 'askPass' }),
  sshCommonArgs: valueOf('--ssh-common-args <args>', "ssh options for every host, as ansible_ssh_common_args (a host's own wins)", 'connection', text),
  sshExtraArgs: valueOf('--ssh-extra-args <args>', "more ssh options, as ansible_ssh_extra_args (a host's own wins)", 'connection', text),
  sftpExtraArgs: valueOf('--sftp-extra-args <args>', 'refused unless empty: cxplay sends files without sftp', 'cli', fileTransferArgs),
  scpExtraArgs: valueOf('--scp-extra-args <args>', 'refused unless empty: cxplay sends files without scp', 'cli', fileTransferArgs),
  become: switchOf('-b, --become', 'run tasks with become (sudo, or --become-method), unless a play or task says otherwise', 'run'),
  becomeMethod: defaulted(valueOf<'run', 'sudo' | 'su'>('--become-method <method>', 'privilege escalation method: sudo or su', 'run', becomeMethod), 'sudo'),
  becomeUser: valueOf('--become-user <user>', 'become this user (default root)', 'run', text),
  askBecomePass: switchOf('-K, --ask-become-pass', 'ask for the become password (no echo on a terminal, else one line of stdin)', 'cli'),
  becomePasswordFile: valueOf('--become-password-file <file>', 'read the become password from this file (an executable prints it; - reads stdin)', 'cli', text, { aliases: ['--become-pass-file'], conflicts: 'askBecomePass' }),
  connectTimeoutMs: valueOf('-T, --timeout <seconds>', 'SSH connect timeout', 'connection', (value: string) => positiveInt(value) * 1000),
  handshakes: valueOf('--handshakes <n>', `SSH handshakes under way at once (default ${DEFAULT_HANDSHAKES})`, 'connection', positiveInt),
  taskTimeoutSeconds: valueOf('--task-timeout <seconds>', 'end any task running longer than this', 'run', positiveInt),
  retryFile: valueOf('--retry-file <file>', 'write failed and unreachable hosts here (for --limit @file)', 'run', path, { commands: PLAYBOOKS }),
  startAtTask: valueOf('--start-at-task <name>', 'start at the task of this name (or role : name, or a wildcard)', 'run', text, { commands: PLAYBOOKS }),
  step: { ...switchOf('--step', 'ask before each task: (N)o/(y)es/(c)ontinue (needs a terminal; plain output)', 'cli'), commands: PLAYBOOKS },
  forceHandlers: { ...switchOf('--force-handlers', 'run notified handlers even on hosts that failed', 'run'), commands: PLAYBOOKS },
  flushCache: switchOf('--flush-cache', 'accepted for Ansible: facts are never cached between runs', 'cli'),
  modulePath: valueOf('-M, --module-path <path>', 'refused: use library in ansible.cfg or ANSIBLE_LIBRARY', 'cli', refuseModulePath),
  syntaxCheck: { ...switchOf('--syntax-check', 'check the playbook and exit', 'cli'), commands: PLAYBOOKS },
  listHosts: switchOf('--list-hosts', 'list the hosts each play would run on and exit', 'cli'),
  listTasks: { ...switchOf('--list-tasks', 'list the tasks each play would run and exit', 'cli'), commands: PLAYBOOKS },
  listTags: { ...switchOf('--list-tags', 'list the tags of each play and exit', 'cli'), commands: PLAYBOOKS },
  // cxplay adhoc's own, as `ansible` has them.
  moduleName: defaulted(valueOf('-m, --module-name <module>', 'the module to run (default: command)', 'cli', text, { commands: ['adhoc'] }), 'command'),
  moduleArgs: valueOf('-a, --args <args>', "the module's arguments: free-form (command, shell, raw) or key=value words", 'cli', text, { commands: ['adhoc'] }),
  oneLine: { ...switchOf('-o, --one-line', 'one line per host', 'cli'), commands: ['adhoc'] as const },
  background: valueOf('-B, --background <seconds>', 'run the module as a background job, ended after this many seconds', 'cli', positiveInt, { commands: ['adhoc'] }),
  tree: valueOf('-t, --tree <dir>', "write each host's result to DIR/HOST as JSON, as ansible --tree", 'cli', path, { commands: ['adhoc'] }),
  playbookDir: valueOf('--playbook-dir <dir>', 'the directory a playbook would be in: playbook_dir, roles/, group_vars/, host_vars/, files/ (default: the current one)', 'cli', path, { commands: ['adhoc'] }),
  poll: defaulted(valueOf('-P, --poll <interval>', 'seconds between looks at a background job (0: do not wait; default 15)', 'cli', nonNegativeInt, { commands: ['adhoc'] }), 15),
  profile: switchOf('--profile', 'print where the time went (connect, render, exec, per task)', 'cli'),
  // Vault passwords: read by execute.ts (vault-passwords.ts) before anything is loaded.
  vaultPasswordFile: defaulted(
    valueOf<'cli', readonly string[]>('--vault-password-file <file>', 'vault password file, or an executable that prints the password (repeatable)', 'cli', repeated, { aliases: ['--vault-pass-file'], conflicts: 'askVaultPass' }),
    [],
  ),
  askVaultPass: switchOf('--ask-vault-pass', 'ask for the vault password (on a terminal, not echoed)', 'cli', { aliases: ['--ask-vault-password'] }),
  vaultId: defaulted(valueOf<'cli', readonly string[]>('--vault-id <id>', 'a vault password with its vault id: LABEL@FILE, LABEL@prompt or FILE (repeatable)', 'cli', repeated), []),
} as const satisfies Record<string, OptionSpec>;

type Table = typeof OPTIONS;
export type Key = keyof Table;
type ValueOfSpec<S> = S extends BaseSpec<Destination, infer T> ? (S extends { readonly initial: unknown } ? T : T | undefined) : never;

/** Every option's value, as the command line (or its default) gave it. */
export type CliOptions = { readonly [K in Key]: ValueOfSpec<Table[K]> };

type KeysTo<D extends Destination, Defaulted extends boolean> = {
  [K in Key]: Table[K] extends { readonly to: D } ? ((Table[K] extends { readonly initial: unknown } ? true : false) extends Defaulted ? K : never) : never;
}[Key];

/** The options `to` a destination: those with a default required, the others optional. */
export type FlagsTo<D extends Destination> = { readonly [K in KeysTo<D, true>]: ValueOfSpec<Table[K]> } & { readonly [K in KeysTo<D, false>]?: ValueOfSpec<Table[K]> };
export type RunFlags = FlagsTo<'run'>;
export type ConnectionFlags = FlagsTo<'connection'>;

/** A table entry as commander options: its own, then a hidden one per alias that sets the same value. */
export function commanderOptions(spec: OptionSpec): Option[] {
  const help = spec.aliases ? `${spec.help} (also ${spec.aliases.join(', ')})` : spec.help;
  const option = withParser(new Option(spec.flags, help), spec);
  if ('initial' in spec) option.default(spec.initial, spec.initialHelp);
  if (spec.conflicts) option.conflicts(new Option((OPTIONS[spec.conflicts as Key] as OptionSpec).flags).attributeName());
  const value = spec.flags.replace(/^.*?--[\w-]+/, '');
  return [option, ...(spec.aliases ?? []).map((alias) => withParser(new AliasOption(`${alias}${value}`, option.attributeName()), spec).hideHelp())];
}

function withParser(option: Option, spec: OptionSpec): Option {
  return spec.parse ? option.argParser(spec.parse as (text: string, previous: unknown) => unknown) : option;
}

/** A second long flag of an option: commander stores what it is given under the option's own name. */
class AliasOption extends Option {
  constructor(
    flags: string,
    private readonly target: string,
  ) {
    super(flags);
  }

  override attributeName(): string {
    return this.target;
  }
}

/** Every option at its default, as a command line that gives none. */
export function defaultOptions(): CliOptions {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS) as [Key, OptionSpec][]) values[key] = spec.initial;
  return values as CliOptions;
}

/** The options that go to one destination, picked from the parsed ones. */
export function flagsTo<D extends Destination>(options: CliOptions, to: D): FlagsTo<D> {
  const picked: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS) as [Key, OptionSpec][]) if (spec.to === to) picked[key] = options[key];
  return picked as FlagsTo<D>;
}
