/**
 * Command-line parsing with commander: `cxplay run PLAYBOOK`, `cxplay role
 * NAME`, with ansible-playbook's flags (options.ts). As in ansible-playbook,
 * an unknown option or a bad value exits 2, a bad option found later 5, load errors 4,
 * both with one message naming what to fix.
 */
import { Command, CommanderError, Option } from 'commander';
import { CxError, ExitCode } from '../errors.js';
import type { LoadTui } from '../views/view.js';
import { executeCommand, type Target } from './execute.js';
import { commanderOptions, OPTIONS, type CliOptions, type Key, type OptionSpec } from './options.js';
import { loadConfig } from '../config/config.js';
import { optionDefaultsFrom } from '../config/apply.js';
import { dumpConfig } from '../config/dump.js';
import { addInventoryCommand } from './inventory-command.js';
import { addVaultCommand } from './vault-command.js';
import { printWarning } from './warn.js';

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
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badArguments;
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

  for (const [name, spec] of Object.entries(COMMANDS)) {
    const command = program.command(name).description(spec.description).argument(spec.argument, spec.argumentHelp).exitOverride();
    declareOptions(command, name as keyof typeof COMMANDS);
    command.action((argument: string) =>
      start(
        guarded(() => {
          const config = loadConfig(process.cwd(), process.env);
          for (const warning of config.warnings) printWarning(warning);
          return executeCommand(spec.target(argument), readOptions(command, optionDefaultsFrom(config)), { loadTui, config });
        }),
      ),
    );
  }
  program
    .command('config')
    .description("Ansible's configuration (ansible.cfg, ANSIBLE_*) as cxplay reads it")
    .command('dump')
    .description('every setting cxplay honours, with where its value came from (as ansible-config dump)')
    .option('--only-changed', 'only the settings not at their default', false)
    .exitOverride()
    .action((options: { onlyChanged: boolean }) =>
      start(
        guarded(async () => {
          const config = loadConfig(process.cwd(), process.env);
          for (const warning of config.warnings) printWarning(warning);
          process.stdout.write(dumpConfig(config, options.onlyChanged));
          return ExitCode.ok;
        }),
      ),
    );
  addInventoryCommand(program, (work) => start(guarded(work)));
  addVaultCommand(program, (work) => start(guarded(work)));
  return program;
}

const COMMANDS = {
  run: { description: 'run a playbook', argument: '<playbook>', argumentHelp: 'playbook file (YAML)', target: (playbook: string): Target => ({ kind: 'playbook', playbook }) },
  role: {
    description: 'apply one role to the inventory hosts (narrow them with --limit)',
    argument: '<name>',
    argumentHelp: 'role name (from roles/) or path',
    target: (role: string): Target => ({ kind: 'role', role }),
  },
  adhoc: {
    description: 'run one module on the hosts of a pattern, as `ansible PATTERN -m MODULE -a ARGS`',
    argument: '<pattern>',
    argumentHelp: 'host pattern (all, a group, a:b, a:!b, ...)',
    target: (pattern: string): Target => ({ kind: 'adhoc', pattern }),
  },
} as const;

/** The table's options this command takes, as commander options. */
function declareOptions(command: Command, name: keyof typeof COMMANDS): void {
  for (const spec of Object.values(OPTIONS) as OptionSpec[]) {
    if (spec.commands && !spec.commands.includes(name)) continue;
    for (const option of commanderOptions(spec)) command.addOption(option);
  }
}

/**
 * The parsed values under the table's names (commander names them after the
 * long flag): a flag given wins over the configuration's default, which wins
 * over the table's.
 */
function readOptions(command: Command, configured: Partial<Record<Key, unknown>>): CliOptions {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS) as [Key, OptionSpec][]) {
    const name = new Option(spec.flags).attributeName();
    const given = command.getOptionValueSource(name) === 'cli';
    // An option this command does not take keeps the table's default (adhoc has no --tags).
    values[key] = given || !(key in configured) ? (command.getOptionValue(name) ?? spec.initial) : configured[key];
  }
  return values as CliOptions;
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
