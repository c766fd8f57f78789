/**
 * What Ansible's commands print on stdout before their own output when
 * verbose: the config file line (-v), and for each inventory source the
 * plugin a file names (-vv), the plugins that declined it and the one that
 * parsed it (-vvv). ansible-inventory, ansible-playbook and ansible print
 * the same lines.
 */
import type { AnsibleConfig } from '../config/config.js';
import type { InventoryOptions } from '../load/inventory.js';
import { checksReadable, decliningPlugins } from '../load/plugin-verify.js';

export function configFileLine(config: AnsibleConfig): string {
  return config.file ? `Using ${config.file} as config file\n` : 'No config file found; using defaults\n';
}

/** The inventory loader's callbacks that print the lines for `verbosity`, with the plugins `enabled` in order. */
export function inventoryLines(verbosity: number, enabled: readonly string[]): Pick<InventoryOptions, 'parsed' | 'unparsed'> {
  return {
    parsed: verbosity >= 2 ? (source, plugin, named) => parsedLines(verbosity, enabled, source, plugin, named) : undefined,
    unparsed: verbosity >= 3 ? (source) => unparsedLines(enabled, source) : undefined,
  };
}

/** The lines for a source read: the plugin a file names at -vv; at -vvv the plugins that declined the source before it, and the one that parsed it. */
function parsedLines(verbosity: number, enabled: readonly string[], source: string, plugin: string, named?: string): void {
  if (verbosity >= 3) for (const declined of decliningPlugins(source, plugin, enabled)) process.stdout.write(`${declined} declined parsing ${source} as it did not pass its verify_file() method\n`);
  if (named !== undefined) process.stdout.write(`Using inventory plugin '${named}' to process inventory source '${source}'\n`);
  if (verbosity >= 3) process.stdout.write(`Parsed ${source} inventory source with ${plugin} plugin\n`);
}

/** The -vvv lines for a source that does not exist: each enabled plugin declines it, those that look for the file saying first that it is not there. */
function unparsedLines(enabled: readonly string[], source: string): void {
  for (const plugin of enabled) {
    if (checksReadable(plugin, source)) process.stdout.write('Skipping due to inventory source not existing or not being readable by the current user\n');
    process.stdout.write(`${plugin} declined parsing ${source} as it did not pass its verify_file() method\n`);
  }
}
