/**
 * From parsed options to a finished run: load and validate everything first
 * (nothing is contacted when that fails), answer the listing flags, then run
 * with the chosen view, turning SIGINT/SIGTERM into a clean stop.
 */
import { setMaxListeners } from 'node:events';
import { basename, extname, join, resolve } from 'node:path';
import { CxError, ExitCode } from '../errors.js';
import { EventBus } from '../events.js';
import { loadInventory } from '../load/inventory.js';
import { mergeInventories } from '../load/merge-inventories.js';
import type { Inventory, Playbook } from '../load/model.js';
import { loadPlaybook, rolePlaybook } from '../load/playbook.js';
import { chooseViewKind, createView, type LoadTui, type ViewKind } from '../views/view.js';
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
import { askSecret, askStep } from './prompt.js';
import { isatty } from 'node:tty';

export type Target = { readonly kind: 'playbook'; readonly playbook: string } | { readonly kind: 'role'; readonly role: string };

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
  const viewKind = cli.step && cli.output === undefined ? 'plain' : chooseViewKind(cli.output, Boolean(process.stdout.isTTY));
  if (cli.step && viewKind === 'tui') throw new CxError('--step cannot go with the live view, which reads the keyboard', { exitCode: ExitCode.badOptions, hint: 'use -o plain (the default with --step)' });
  // Vault passwords are read before anything is loaded: every loader decrypts what it reads.
  const sources = new SourceCache(new VaultKeyring(await readPasswords(passwordSources(cli), cwd)), configuredRolesPath(config), pythonSettingsFrom(config));
  const playbook = target.kind === 'playbook' ? loadPlaybook(resolve(cwd, target.playbook), sources) : rolePlaybook(target.role, cli.hosts ?? 'all', cwd, sources);
  const inventory = loadInventories(cli.inventory.map((file) => resolve(cwd, file)), playbook);
  const extraVars = parseExtraVars(cli.extraVars, cwd, playbook.sources);
  const bus = new EventBus();
  const interrupt = new AbortController();
  // Every running exec listens for the interrupt (forks x channels of them):
  // no leak, and Node's warning would land in the middle of the live view.
  setMaxListeners(0, interrupt.signal);
  const options: RunOptions = {
    ...flagsTo(cli, 'run'),
    retryFile: cli.retryFile ?? retryFileOf(config, playbook),
    gathering: settingValue(config, 'DEFAULT_GATHERING') as Gathering,
    playbook,
    inventory,
    extraVars,
    connection: { ...flagsTo(cli, 'connection'), hostKeyChecking: settingValue(config, 'HOST_KEY_CHECKING') as boolean },
    bus,
    signal: interrupt.signal,
  };
  for (const warning of preflight(options)) process.stderr.write(`[WARNING]: ${warning}\n`);
  if (cli.syntaxCheck) {
    process.stdout.write(`\nplaybook: ${playbook.file}\n`);
    return ExitCode.ok;
  }
  if (cli.listHosts || cli.listTasks || cli.listTags) {
    process.stdout.write(listing(options, { hosts: cli.listHosts, tasks: cli.listTasks, tags: cli.listTags }));
    return ExitCode.ok;
  }
  return runWithView(await withOperator(options, cli), interrupt, { kind: viewKind, loadTui }, cli);
}

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

function loadInventories(files: readonly string[], playbook: Playbook): Inventory {
  if (files.length === 0) {
    throw new CxError('no inventory given', { exitCode: ExitCode.badOptions, hint: 'give one with -i FILE (several -i are merged in order), or set inventory in ansible.cfg or ANSIBLE_INVENTORY' });
  }
  return mergeInventories(files.map((file) => loadInventory(file, { playbookDir: playbook.dir, sources: playbook.sources })));
}

/**
 * What the operator answers: -k and -K ask once, before the first host is
 * contacted (never for --syntax-check or a listing); --step asks before each task.
 */
async function withOperator(options: RunOptions, cli: CliOptions): Promise<RunOptions> {
  const password = cli.askPass ? await askSecret('SSH password: ') : undefined;
  // Ansible's prompt; an empty answer means "the SSH password", as there.
  const becomePassword = cli.askBecomePass ? (await askSecret('BECOME password[defaults to SSH password]: ')) || password : undefined;
  return { ...options, becomePassword, askStep: cli.step ? askStep : undefined, connection: { ...options.connection, password } };
}

async function runWithView(options: RunOptions, interrupt: AbortController, chosen: { kind: ViewKind; loadTui: LoadTui }, cli: CliOptions): Promise<number> {
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
    onInterrupt: stop,
  }, chosen.loadTui);
  const unsubscribe = options.bus.subscribe((event) => view.handle(event));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const outcome = await runPlaybook(options);
    if (cli.profile) printProfile(outcome.profile, outcome.execs, outcome.elapsedMs);
    return outcome.exitCode;
  } finally {
    unsubscribe();
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
