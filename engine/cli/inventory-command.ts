/**
 * `cxplay inventory`, ansible-inventory's actions and options: --list
 * (-y, --toml, --export), --host NAME, --graph [GROUP] (--vars), --output,
 * -e (over each host's variables), -v (the config file line), over the
 * same sources a run reads (-i, else ansible.cfg's inventory), with
 * ansible-inventory's errors and exit code 5 for a bad action.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig, settingValue } from '../config/config.js';
import { CxError, ExitCode } from '../errors.js';
import { DEFAULT_INVENTORY_PLUGINS } from '../load/inventory.js';
import { SourceCache } from '../load/source-cache.js';
import { VaultKeyring } from '../vault/keyring.js';
import type { Inventory } from '../load/model.js';
import { graphInventory, hostListing, listInventory, type ListingOptions } from '../views/inventory-listing.js';
import { loadInventories } from './execute.js';
import { parseExtraVars } from './extra-vars.js';
import { commanderOptions, OPTIONS, type CliOptions } from './options.js';
import { passwordSources, readPasswords, withVaultOptions, type VaultOptions } from './vault-passwords.js';
import { printWarning } from './warn.js';
import { configFileLine, inventoryLines } from './verbose-lines.js';

type Start = (work: () => Promise<number>) => void;

interface InventoryCommandOptions extends VaultOptions, Pick<CliOptions, 'inventory' | 'extraVars'> {
  /** The table's `verbosity`, which commander names after its long flag. */
  readonly verbose: number;
  readonly list: boolean;
  readonly host?: string;
  readonly graph: boolean;
  readonly vars: boolean;
  readonly yaml: boolean;
  readonly toml: boolean;
  readonly export: boolean;
  readonly output?: string;
  readonly playbookDir?: string;
}

export function addInventoryCommand(program: Command, start: Start): void {
  const command = withVaultOptions(program.command('inventory').description("show the inventory as cxplay reads it (as ansible-inventory)").exitOverride());
  for (const key of ['inventory', 'extraVars', 'verbosity'] as const) for (const option of commanderOptions(OPTIONS[key])) command.addOption(option);
  command
    .argument('[group]', 'with --graph: the group to start from (default: all)')
    .option('--list', 'every group and host, as an inventory script prints them (JSON)', false)
    .option('--host <host>', "one host's variables (JSON, or -y YAML, --toml TOML)", undefined)
    .option('--graph', 'the groups as a tree', false)
    .option('--vars', 'with --graph: show the variables too', false)
    .option('-y, --yaml', 'with --list or --host: YAML instead of JSON', false)
    .option('--toml', 'with --list or --host: TOML instead of JSON (-y wins)', false)
    .option('--export', "with --list: each group's and host's own variables rather than each host's merged ones", false)
    .option('--output <file>', 'write to this file instead of stdout')
    .option('--playbook-dir <dir>', 'read group_vars/ and host_vars/ beside this directory too, as a playbook there would')
    .action((group: string | undefined, options: InventoryCommandOptions) => start(() => showInventory(group, options)));
}

async function showInventory(group: string | undefined, options: InventoryCommandOptions): Promise<number> {
  const actions = [options.list, options.host !== undefined, options.graph].filter(Boolean).length;
  if (actions !== 1) {
    const why = actions === 0 ? 'No action selected, at least one of --host, --graph or --list needs to be specified.' : 'Conflicting options used, only one of --host, --graph or --list can be used at the same time.';
    throw new CxError(why, { exitCode: ExitCode.badOptions });
  }
  const cwd = process.cwd();
  const config = loadConfig(cwd, process.env);
  // ansible-inventory prints this on stdout, before the listing.
  if (options.verbose > 0) process.stdout.write(configFileLine(config));
  for (const warning of config.warnings) printWarning(warning);
  const sources = new SourceCache(new VaultKeyring(await readPasswords(passwordSources(options, config), cwd)));
  const given = options.inventory.length > 0 ? options.inventory : (settingValue(config, 'DEFAULT_HOST_LIST') as readonly string[]);
  const enabled = (settingValue(config, 'INVENTORY_ENABLED') as readonly string[] | undefined) ?? DEFAULT_INVENTORY_PLUGINS;
  // As ansible-inventory: a source that does not exist is a warning, and the listing shows what the others hold.
  const inventory = loadInventories(given, config, { playbookDir: options.playbookDir && resolve(options.playbookDir), sources, ...inventoryLines(options.verbose, enabled), skipMissing: true });
  const listing = { yaml: options.yaml, toml: options.toml, export: options.export, extraVars: parseExtraVars(options.extraVars, cwd, sources) };
  return emit(actionText(inventory, group, options, listing), options.output);
}

/** The text of the one action asked for: --host NAME, --graph [GROUP] or --list. */
function actionText(inventory: Inventory, group: string | undefined, options: InventoryCommandOptions, listing: ListingOptions): string {
  if (options.host !== undefined) {
    if (!inventory.hosts.has(options.host)) {
      printWarning(`Could not match supplied host pattern, ignoring: ${options.host}`);
      throw new CxError('You must pass a single valid host to --host parameter', { exitCode: ExitCode.badOptions });
    }
    return hostListing(inventory, options.host, listing);
  }
  if (options.graph) {
    const start = group ?? 'all';
    if (!inventory.groups.has(start)) throw new CxError('Pattern must be valid group name when using --graph', { exitCode: ExitCode.badOptions });
    return graphInventory(inventory, start, options.vars, listing.extraVars);
  }
  return listInventory(inventory, listing);
}

/**
 * As ansible-inventory: the text to --output's file as it is, or to stdout
 * with a line end unless it has one; an empty text (TOML of nothing) is
 * neither, and exits 1.
 */
function emit(text: string, output: string | undefined): number {
  if (text === '') return ExitCode.error;
  if (output) writeFileSync(resolve(output), text);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return ExitCode.ok;
}
