/**
 * `cxplay inventory`, ansible-inventory's actions and options: --list
 * (-y, --export, --output), --host NAME, --graph [GROUP] (--vars), over the
 * same sources a run reads (-i, else ansible.cfg's inventory), with
 * ansible-inventory's errors and exit code 5 for a bad action.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig, settingValue } from '../config/config.js';
import { CxError, ExitCode } from '../errors.js';
import { SourceCache } from '../load/source-cache.js';
import { VaultKeyring } from '../vault/keyring.js';
import { graphInventory, hostListing, listInventory } from '../views/inventory-listing.js';
import { loadInventories } from './execute.js';
import { passwordSources, readPasswords, withVaultOptions, type VaultOptions } from './vault-passwords.js';

type Start = (work: () => Promise<number>) => void;

interface InventoryCommandOptions extends VaultOptions {
  readonly inventory: string[];
  readonly list: boolean;
  readonly host?: string;
  readonly graph: boolean;
  readonly vars: boolean;
  readonly yaml: boolean;
  readonly export: boolean;
  readonly output?: string;
  readonly playbookDir?: string;
}

export function addInventoryCommand(program: Command, start: Start): void {
  withVaultOptions(program.command('inventory').description("show the inventory as cxplay reads it (as ansible-inventory)").exitOverride())
    .argument('[group]', 'with --graph: the group to start from (default: all)')
    .option('-i, --inventory <source>', 'inventory file, directory or host list (repeatable; default: ansible.cfg inventory)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--list', 'every group and host, as an inventory script prints them (JSON)', false)
    .option('--host <host>', "one host's variables (JSON)", undefined)
    .option('--graph', 'the groups as a tree', false)
    .option('--vars', 'with --graph: show the variables too', false)
    .option('-y, --yaml', 'with --list: YAML instead of JSON', false)
    .option('--export', "with --list: each group's and host's own variables rather than each host's merged ones", false)
    .option('--output <file>', 'with --list: write to this file instead of stdout')
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
  for (const warning of config.warnings) process.stderr.write(`[WARNING]: ${warning}\n`);
  const sources = new SourceCache(new VaultKeyring(await readPasswords(passwordSources(options), cwd)));
  const given = options.inventory.length > 0 ? options.inventory : (settingValue(config, 'DEFAULT_HOST_LIST') as readonly string[]);
  const inventory = loadInventories(given, config, { playbookDir: options.playbookDir && resolve(options.playbookDir), sources });
  if (options.host !== undefined) {
    if (!inventory.hosts.has(options.host)) {
      process.stderr.write(`[WARNING]: Could not match supplied host pattern, ignoring: ${options.host}\n`);
      throw new CxError('You must pass a single valid host to --host parameter', { exitCode: ExitCode.badOptions });
    }
    process.stdout.write(`${hostListing(inventory, options.host)}\n`);
    return ExitCode.ok;
  }
  if (options.graph) {
    const start = group ?? 'all';
    if (!inventory.groups.has(start)) throw new CxError('Pattern must be valid group name when using --graph', { exitCode: ExitCode.badOptions });
    process.stdout.write(`${graphInventory(inventory, start, options.vars)}\n`);
    return ExitCode.ok;
  }
  const listing = listInventory(inventory, { yaml: options.yaml, export: options.export });
  if (options.output) writeFileSync(resolve(options.output), listing);
  else process.stdout.write(options.yaml ? listing : `${listing}\n`);
  return ExitCode.ok;
}
