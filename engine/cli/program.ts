/**
 * Command-line parsing with commander: `cxplay run PLAYBOOK`, `cxplay role
 * NAME`, with ansible-playbook's flags. Bad options exit 5, load errors 4,
 * both with one message naming what to fix.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CxError, ExitCode } from '../errors.js';
import type { LoadTui } from '../views/view.js';
import { executeCommand, type CliOptions } from './execute.js';
import { addVaultCommand } from './vault-command.js'; // vault
import { withVaultOptions } from './vault-passwords.js'; // vault

/** What the entry (main.ts) gives the engine. */
export interface Entry {
  readonly version: string;
  readonly loadTui: LoadTui;
}

export async function runCli(argv: readonly string[], entry: Entry): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram(entry, (promise) => {
    pending = promise;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badOptions;
    }
    throw error;
  }
  return pending ? await pending : ExitCode.ok;
}

function buildProgram({ version, loadTui }: Entry, start: (run: Promise<number>) => void): Command {
  const program = new Command('cxplay')
    .description('Run idempotent, Ansible-style playbooks over SSH, concurrently, with a live view')
    .version(`cxplay ${version}`, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)');

  const run = withRunOptions(
    program.command('run').description('run a playbook').argument('<playbook>', 'playbook file (YAML)').exitOverride(),
  );
  run.action((playbook: string, options: CliOptions) => start(guarded(() => executeCommand({ kind: 'playbook', playbook }, options, loadTui))));

  const role = withRunOptions(
    program
      .command('role')
      .description('apply one role to the inventory hosts (narrow them with --limit)')
      .argument('<name>', 'role name (from roles/) or path')
      .option('--hosts <pattern>', 'host pattern the role is applied to', 'all')
      .exitOverride(),
  );
  role.action((name: string, options: CliOptions) => start(guarded(() => executeCommand({ kind: 'role', role: name }, options, loadTui))));
  addVaultCommand(program, (work) => start(guarded(work))); // vault
  return program;
}

function withRunOptions(command: Command): Command {
  return withVaultOptions(command) // vault
    .requiredOption('-i, --inventory <file>', 'inventory file (Ansible YAML format)')
    .option('-C, --check', "don't change anything; predict what would change", false)
    .option('-D, --diff', 'show the differences in files and state', false)
    .option('-l, --limit <pattern>', 'limit to hosts matching this pattern (or @retry-file)')
    .option('-t, --tags <tags>', 'only run tasks with these tags (comma-separated)', collect, [])
    .option('--skip-tags <tags>', 'skip tasks with these tags (comma-separated)', collect, [])
    .option('-e, --extra-vars <vars>', 'extra variables: k=v, JSON/YAML mapping, or @file', repeat, [])
    .option('-f, --forks <n>', 'hosts worked on at once', positiveInt, 50)
    .addOption(new Option('-o, --output <kind>', 'live view: tui, plain or json (default: tui on a terminal, else plain)'))
    .option('-v, --verbose', 'more detail (-vv, -vvv)', (_value: string, previous: number) => previous + 1, 0)
    .option('--known-hosts <file>', 'known_hosts file used to check host keys (default ~/.ssh/known_hosts)')
    .option('--accept-new-host-keys', 'accept and remember host keys not yet known (a changed key is always refused)', false)
    .option('-T, --timeout <seconds>', 'SSH connect timeout', positiveInt)
    .option('--task-timeout <seconds>', 'end any task running longer than this', positiveInt)
    .option('--retry-file <file>', 'write failed and unreachable hosts here (for --limit @file)')
    .option('--syntax-check', 'check the playbook and exit', false)
    .option('--list-hosts', 'list the hosts each play would run on and exit', false)
    .option('--list-tasks', 'list the tasks each play would run and exit', false)
    .option('--list-tags', 'list the tags of each play and exit', false)
    .option('--profile', 'print where the time went (connect, render, exec, per task)', false);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((tag) => tag.trim()).filter(Boolean)];
}

function repeat(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

/** Errors meant for people become one message and an exit code; bugs keep their stack with -vvv. */
async function guarded(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CxError) {
      process.stderr.write(`ERROR! ${error.describe()}\n`);
      return error.exitCode;
    }
    const verbose = process.argv.some((arg) => /^-v{3,}$/.test(arg));
    process.stderr.write(`ERROR! unexpected error: ${error instanceof Error ? (verbose ? error.stack : error.message) : String(error)}\n`);
    return ExitCode.error;
  }
}
