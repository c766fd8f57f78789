/**
 * From parsed options to a finished run: load and validate everything first
 * (nothing is contacted when that fails), answer the listing flags, then run
 * with the chosen view, turning SIGINT/SIGTERM into a clean stop.
 */
import { setMaxListeners } from 'node:events';
import { basename, extname, join, resolve } from 'node:path';
import { CxError, ExitCode } from '../errors.js';
import { EventBus } from '../events.js';
import type { GroupNameMode } from '../load/group-names.js';
import { loadInventorySources, type InventoryOptions } from '../load/inventory.js';
import type { Inventory, ModuleTask, Playbook } from '../load/model.js';
import { LOCALHOST_NAMES } from '../load/implicit-localhost.js';
import { adhocPlaybook, loadPlaybook, rolePlaybook } from '../load/playbook.js';
import { selectPlayHosts } from '../load/host-pattern.js';
import { chooseViewKind, createView, type AdhocViewKind, type LoadTui, type ViewKind } from '../views/view.js';
import { runPlaybook } from '../run/run-playbook.js';
import type { RunOptions } from '../run/run-options.js';
import { parseExtraVars } from './extra-vars.js';
import { listing } from '../check/listing.js';
import { preflight } from '../check/preflight.js';
import { flagsTo, type CliOptions } from './options.js';
import { settingValue, type AnsibleConfig } from '../config/config.js';
import { SourceCache } from '../load/source-cache.js';
import { pythonSettingsFrom } from '../modules/python/settings.js';
import { VaultKeyring } from '../vault/keyring.js';
import { passwordSources, readPasswords } from './vault-passwords.js';
import type { Gathering } from '../run/run-options.js';
import { answerFromTerminal, askSecret, askStep } from './prompt.js';
import { passwordFromFile } from './password-files.js';
import { answerVarsPrompts, defaultVarsPrompts } from './vars-prompt.js';
import { askKeyPassphrases } from './key-passphrases.js';
import { isatty } from 'node:tty';
import { treeWriter } from '../views/adhoc/tree-files.js';
import { ACTION_KEYWORDS } from '../schema/keywords.js';
import { resolveModule, type PythonModuleRef } from '../modules/python/resolve.js';
import { parseShortForm } from '../modules/short-form.js';
import { failModule } from '../modules/fail.js';
import { missingModule } from '../modules/missing-module.js';
import { becomePluginsFrom } from '../config/become-plugins.js';
import { printWarning } from './warn.js';
import { configFileLine, inventoryLines } from './verbose-lines.js';

/** ansible-playbook's words when the inventory has no host. */
const EMPTY_HOSTS_WARNING = "provided hosts list is empty, only localhost is available. Note that the implicit localhost does not match 'all'";

export type Target =
  | { readonly kind: 'playbook'; readonly playbook: string }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'adhoc'; readonly pattern: string };

export interface Environment {
  readonly loadTui: LoadTui;
  /** Ansible's configuration (ansible.cfg, ANSIBLE_*), already applied to the options' defaults. */
  readonly config: AnsibleConfig;
}

export async function executeCommand(target: Target, cli: CliOptions, { loadTui, config }: Environment): Promise<number> {
  const cwd = process.cwd();
  if (cli.step && !isatty(0)) {
    throw new CxError('--step asks before each task and needs a terminal on stdin', { exitCode: ExitCode.badOptions, hint: 'run it from a terminal, or leave --step out' });
  }
  // --step's questions take stdin, which the live view reads for its keys: its answers go with plain lines.
  const viewKind = target.kind === 'adhoc' ? (cli.oneLine ? 'adhoc-oneline' : 'adhoc') : cli.step && cli.output === undefined ? 'plain' : chooseViewKind(cli.output, Boolean(process.stdout.isTTY));
  if (cli.step && viewKind === 'tui') throw new CxError('--step cannot go with the live view, which reads the keyboard', { exitCode: ExitCode.badOptions, hint: 'use -o plain (the default with --step)' });
  // Vault passwords are read before anything is loaded: every loader decrypts what it reads.
  const sources = new SourceCache(new VaultKeyring(await readPasswords(passwordSources(cli, config), cwd)), configuredRolesPath(config), pythonSettingsFrom(config));
  // As ansible-playbook and ansible when verbose: the config file and inventory lines on stdout first (among Ansible's lines only).
  const ansibleLines = viewKind === 'plain' || viewKind === 'adhoc' || viewKind === 'adhoc-oneline';
  if (ansibleLines && cli.verbosity > 0) process.stdout.write(configFileLine(config));
  const loaded = playbookOf(target, cli, cwd, sources);
  const lines = ansibleLines ? inventoryLines(cli.verbosity, settingValue(config, 'INVENTORY_ENABLED') as readonly string[]) : {};
  const inventory = loadInventories(cli.inventory, config, { playbookDir: loaded.dir, sources: loaded.sources, ...lines });
  if (warnsEmptyInventory(inventory, target, config)) printWarning(EMPTY_HOSTS_WARNING);
  // A fresh cache: the files are read again as they are now.
  const reloadInventory = () => loadInventories(cli.inventory, config, { playbookDir: loaded.dir, sources: new SourceCache(sources.vault, sources.rolesPath, sources.pythonSettings) });
  const extraVars = parseExtraVars(cli.extraVars, cwd, loaded.sources);
  // The prompts are answered before the check stage, which reads their variables (a syntax check or a listing takes the defaults).
  const listsOnly = cli.syntaxCheck || cli.listHosts || cli.listTasks || cli.listTags;
  const playbook = listsOnly ? defaultVarsPrompts(loaded, extraVars) : await answerVarsPrompts(loaded, extraVars);
  const bus = new EventBus();
  const interrupt = new AbortController();
  // Every running exec listens for the interrupt (forks x channels of them):
  // no leak, and Node's warning would land in the middle of the live view.
  setMaxListeners(0, interrupt.signal);
  const options: RunOptions = {
    ...flagsTo(cli, 'run'),
    retryFile: cli.retryFile ?? retryFileOf(config, playbook),
    gathering: settingValue(config, 'DEFAULT_GATHERING') as Gathering,
    injectFactsAsVars: settingValue(config, 'INJECT_FACTS_AS_VARS') as boolean,
    speculation: settingValue(config, 'CXPLAY_SPECULATION') as boolean,
    becomePlugins: becomePluginsFrom(config),
    fusion: settingValue(config, 'CXPLAY_FUSION') as boolean,
    playbook,
    inventory,
    reloadInventory,
    extraVars,
    connection: { ...flagsTo(cli, 'connection'), hostKeyChecking: settingValue(config, 'HOST_KEY_CHECKING') as boolean },
    bus,
    signal: interrupt.signal,
  };
  for (const warning of preflight(options)) printWarning(warning);
  if (cli.syntaxCheck) {
    process.stdout.write(`\nplaybook: ${playbook.file}\n`);
    return ExitCode.ok;
  }
  if (target.kind === 'adhoc') {
    const hosts = selectPlayHosts(options.inventory, target.pattern, options.limit, []);
    if (cli.listHosts) {
      process.stdout.write([`  hosts (${hosts.length}):`, ...hosts.map((host) => `    ${host}`), ''].join('\n'));
      return ExitCode.ok;
    }
    if (hosts.length === 0) {
      // As `ansible`: an empty inventory was warned about already.
      if (options.inventory.hosts.size > 0) printWarning('No hosts matched, nothing to do');
      return ExitCode.ok;
    }
  }
  if (cli.listHosts || cli.listTasks || cli.listTags) {
    process.stdout.write(listing(options, { hosts: cli.listHosts, tasks: cli.listTasks, tags: cli.listTags }));
    return ExitCode.ok;
  }
  return runWithView(await withOperator(options, cli), interrupt, { kind: viewKind, loadTui, showCustomStats: settingValue(config, 'SHOW_CUSTOM_STATS') === true }, cli);
}

/**
 * Ansible's warning about an inventory without hosts (localhost_warning),
 * which `ansible` leaves out for a pattern naming localhost (ansible-playbook
 * always looks at `all`).
 */
function warnsEmptyInventory(inventory: Inventory, target: Target, config: AnsibleConfig): boolean {
  if (inventory.hosts.size > 0 || settingValue(config, 'LOCALHOST_WARNING') === false) return false;
  return !(target.kind === 'adhoc' && LOCALHOST_NAMES.has(target.pattern));
}

function playbookOf(target: Target, cli: CliOptions, cwd: string, sources: SourceCache): Playbook {
  if (target.kind === 'playbook') return loadPlaybook(resolve(cwd, target.playbook), sources);
  if (target.kind === 'role') return rolePlaybook(target.role, cli.hosts ?? 'all', cwd, sources);
  const bare = cli.moduleName.replace(/^ansible\.(builtin|legacy)\./, '');
  // As `ansible`: --list-hosts needs no arguments.
  if (MODULES_REQUIRING_ARGS.has(bare) && !cli.moduleArgs && !cli.listHosts) {
    throw new CxError(`No argument passed to ${bare} module`, { exitCode: ExitCode.badOptions, hint: `give the command with -a, e.g. -a 'uptime'` });
  }
  const background = cli.background === undefined ? undefined : { async: cli.background, poll: cli.poll };
  const dir = cli.playbookDir ?? cwd;
  if (isMissingModule(cli.moduleName, cli.moduleArgs, dir, sources)) {
    // As `ansible`: a module it cannot find fails each host it can connect to (exit 2); the task runs the stand-in
    // as a module of its own (the field Python modules use), read as a fail task so its arguments need not parse.
    const playbook = adhocPlaybook(target.pattern, 'fail', undefined, dir, sources, background);
    return withTaskModule(playbook, { module: missingModule(cli.moduleName), file: cli.moduleName });
  }
  return adhocPlaybook(target.pattern, cli.moduleName, cli.moduleArgs, dir, sources, background);
}

/** The ad-hoc playbook with its one task running `python` (a module found at run time, or a stand-in). */
function withTaskModule(playbook: Playbook, python: PythonModuleRef): Playbook {
  const [play] = playbook.plays;
  const [task] = play!.tasks;
  return { ...playbook, plays: [{ ...play!, tasks: [{ ...(task as ModuleTask), python }] }] };
}

/**
 * A module neither cxplay nor Ansible's Python path has, given no arguments
 * or name=value ones: `ansible` runs the task and fails each host with it.
 * Other arguments are refused before the run, as `ansible` refuses them (exit 4).
 */
function isMissingModule(name: string, args: string | undefined, dir: string, sources: SourceCache): boolean {
  if (ACTION_KEYWORDS.includes(name.replace(/^ansible\.(builtin|legacy)\./, '')) || resolveModule(name, { playDir: dir, sources })) return false;
  try {
    if (args !== undefined) parseShortForm(args, failModule);
    return true;
  } catch (error) {
    if (error instanceof CxError) return false;
    throw error;
  }
}

/** `ansible`'s MODULE_REQUIRE_ARGS: without -a they are an error of the command line (exit 5). */
const MODULES_REQUIRING_ARGS: ReadonlySet<string> = new Set(['command', 'shell', 'raw', 'script']);

/** roles_path when the configuration sets it (Ansible's default directories are not searched). */
function configuredRolesPath(config: AnsibleConfig): readonly string[] {
  const resolved = config.settings.get('DEFAULT_ROLES_PATH');
  return resolved && resolved.origin !== 'default' ? (resolved.value as readonly string[]) : [];
}

/** With retry_files_enabled, Ansible's PLAYBOOK.retry beside the playbook or in retry_files_save_path. */
function retryFileOf(config: AnsibleConfig, playbook: Playbook): string | undefined {
  if (settingValue(config, 'RETRY_FILES_ENABLED') !== true) return undefined;
  const dir = (settingValue(config, 'RETRY_FILES_SAVE_PATH') as string | null) ?? playbook.dir;
  return join(dir, `${basename(playbook.file, extname(playbook.file))}.retry`);
}

/** The inventory of every -i (or ansible.cfg's), with Ansible's inventory settings; Ansible's warnings on stderr. */
export function loadInventories(given: readonly string[], config: AnsibleConfig, options: Pick<InventoryOptions, 'playbookDir' | 'sources' | 'parsed' | 'skipMissing' | 'unparsed'> = {}): Inventory {
  return loadInventorySources(given, {
    ...options,
    plugins: settingValue(config, 'INVENTORY_ENABLED') as readonly string[],
    ignoreExtensions: settingValue(config, 'INVENTORY_IGNORE_EXTS') as readonly string[],
    ignorePatterns: settingValue(config, 'INVENTORY_IGNORE_PATTERNS') as readonly string[],
    groupNameMode: settingValue(config, 'TRANSFORM_INVALID_GROUP_CHARS') as GroupNameMode,
    warn: printWarning,
  });
}

/**
 * What the operator answers: -k and -K ask once (or their password files are
 * read), before the first host is contacted (never for --syntax-check or a
 * listing), and so do encrypted private keys; --step asks before each task.
 */
async function withOperator(options: RunOptions, cli: CliOptions): Promise<RunOptions> {
  const fromFile = (file: string | undefined) => (file === undefined ? undefined : passwordFromFile(file, process.cwd()));
  // -k and --connection-password-file cannot both be given (program.ts), nor -K and --become-password-file.
  const password = cli.askPass ? await askSecret('SSH password: ') : fromFile(cli.connectionPasswordFile);
  // Ansible's prompt; an empty answer means "the SSH password", as there.
  const becomePassword = cli.askBecomePass ? (await askSecret('BECOME password[defaults to SSH password]: ')) || password : fromFile(cli.becomePasswordFile);
  const keyPassphrases = await askKeyPassphrases(options);
  return { ...options, becomePassword, askStep: cli.step ? askStep : undefined, askOperator: operatorAnswers(), connection: { ...options.connection, password, keyPassphrases } };
}

/** pause's answers: read from the terminal on stdin (the live view reads them itself: runWithView); none without one (pause then does not wait, as Ansible's). */
function operatorAnswers(): RunOptions['askOperator'] {
  return isatty(0) ? answerFromTerminal : undefined;
}

async function runWithView(options: RunOptions, interrupt: AbortController, chosen: { kind: ViewKind | AdhocViewKind; loadTui: LoadTui; showCustomStats: boolean }, cli: CliOptions): Promise<number> {
  const stop = () => {
    if (!interrupt.signal.aborted) interrupt.abort();
  };
  const view = await createView(chosen.kind, {
    out: process.stdout,
    err: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
    rows: process.stdout.rows,
    verbosity: cli.verbosity,
    diff: cli.diff,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    playbookName: options.playbook.file,
    showCustomStats: chosen.showCustomStats,
    onInterrupt: stop,
  }, chosen.loadTui);
  const unsubscribe = options.bus.subscribe((event) => view.handle(event));
  const unsubscribeTree = cli.tree === undefined ? undefined : options.bus.subscribe(treeWriter(cli.tree, cli.verbosity, printWarning));
  // A reader that went away (`| head`, a pager quit) stops the run cleanly, as SIGPIPE would, instead of crashing mid-task.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stop();
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    // The live view reads the keyboard in raw mode: it takes the answers itself.
    const askOperator = view.askOperator && options.askOperator ? (echo: boolean) => view.askOperator!(echo) : options.askOperator;
    const outcome = await runPlaybook({ ...options, askOperator });
    if (cli.profile) printProfile(outcome.profile, outcome.execs, outcome.elapsedMs);
    return outcome.exitCode;
  } finally {
    unsubscribe();
    unsubscribeTree?.();
    await view.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function printProfile(profile: Awaited<ReturnType<typeof runPlaybook>>['profile'], execs: number, elapsedMs: number): void {
  const lines = [`\nPROFILE (wall ${(elapsedMs / 1000).toFixed(2)} s, ${execs} remote execs; phase times are summed over hosts)`];
  for (const [phase, entry] of Object.entries(profile.phases)) {
    lines.push(`  ${phase.padEnd(10)} ${(entry.totalMs / 1000).toFixed(3).padStart(9)} s  ${String(entry.count).padStart(6)} calls`);
  }
  const tasks = Object.entries(profile.tasks).sort((a, b) => b[1].totalMs - a[1].totalMs);
  for (const [name, entry] of tasks.slice(0, 15)) {
    lines.push(`  ${(entry.totalMs / 1000).toFixed(3).padStart(9)} s  ${String(entry.count).padStart(5)}x  ${String(entry.execs).padStart(6)} execs  ${name}`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}
