/**
 * The inventory from its sources (`-i`, ansible.cfg's inventory), as
 * Ansible's inventory manager reads them: each source in order, one plugin
 * each (inventory-plugins.ts: host lists, scripts, TOML; YAML and INI;
 * inventory-constructed.ts on the hosts read so far), a
 * directory as its files in name order (subdirectories too, hidden files,
 * group_vars/, host_vars/ and INVENTORY_IGNORE_EXTS endings skipped), then
 * the sources merged (merge-inventories.ts) and group_vars/ and host_vars/
 * applied beside each source and beside the playbook (the playbook's win).
 * With no source at all, only the implicit localhost is there, with
 * Ansible's warning. Merging a host's variables is in inventory-vars.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { refuseGroupLoop } from './group-loops.js';
import { applyGroupNameMode, type GroupNameMode } from './group-names.js';
import { readInventoryFile, undeclaredGroups } from './inventory-ini.js';
import { readHostList, readInventoryScript, readTomlInventory, type SourceData } from './inventory-plugins.js';
import { applyConstructed, CONSTRUCTED_NAMES } from './inventory-constructed.js';
import { DEFAULT_IGNORE_EXTENSIONS, DEFAULT_INVENTORY_PLUGINS, DEFAULT_INVENTORY_SOURCE } from './inventory-defaults.js';
import { editableCopy, readInventoryData } from './inventory-reader.js';
import { applyVarsDirs } from './inventory-vars.js';
import { mergeInventories, reconcileInventory } from './merge-inventories.js';
import { isExecutable } from './plugin-verify.js';
import type { Inventory } from './model.js';
import { positionOf } from './positions.js';
import { SourceCache } from './source-cache.js';
import { loadYamlFile } from './yaml.js';

export { groupNamesOf, groupsMap, hostVarsFromInventory } from './inventory-vars.js';
export { DEFAULT_IGNORE_EXTENSIONS, DEFAULT_INVENTORY_PLUGINS, DEFAULT_INVENTORY_SOURCE } from './inventory-defaults.js';
export { expandHostRange } from './inventory-reader.js';

const ALWAYS_IGNORED = /^\.|^host_vars$|^group_vars$|^vars_plugins$/;
export const NO_INVENTORY_WARNING = 'No inventory was parsed, only implicit localhost is available';

export interface InventoryOptions {
  readonly playbookDir?: string | undefined;
  readonly sources?: SourceCache | undefined;
  /** INVENTORY_ENABLED: the plugins tried, in order. */
  readonly plugins?: readonly string[] | undefined;
  /** INVENTORY_IGNORE_EXTS and INVENTORY_IGNORE_PATTERNS: names skipped inside an inventory directory. */
  readonly ignoreExtensions?: readonly string[] | undefined;
  readonly ignorePatterns?: readonly string[] | undefined;
  /** TRANSFORM_INVALID_GROUP_CHARS: group names with characters a variable name cannot have kept or replaced, warned about or not. */
  readonly groupNameMode?: GroupNameMode | undefined;
  /** Told each source (file, host list) read and the Ansible plugin that read it, as ansible-inventory -vvv names them (`auto`: with the plugin the file names). */
  readonly parsed?: ((source: string, plugin: string, named?: string) => void) | undefined;
  /**
   * A source that does not exist is skipped with Ansible's warning, as
   * ansible-inventory does (a run refuses it: a mistyped -i would otherwise
   * run on no host); `unparsed` is told each one skipped, before its warning.
   */
  readonly skipMissing?: boolean | undefined;
  readonly unparsed?: ((source: string) => void) | undefined;
  /** Where Ansible's warnings go (a file of a directory no plugin could read, no inventory at all). */
  readonly warn?: ((message: string) => void) | undefined;
}

/** One inventory file (or directory, or host list). */
export function loadInventory(file: string, options: InventoryOptions = {}): Inventory {
  return loadInventorySources([file], options);
}

export function loadInventorySources(given: readonly string[], options: InventoryOptions = {}): Inventory {
  const reading = new SourceReading(options);
  for (const source of given) reading.source(source.includes(',') ? source : resolve(source));
  return reading.finish(options.playbookDir);
}

class SourceReading {
  private parts: Inventory[] = [];
  private readonly varsDirs: string[] = [];
  private readonly sources: SourceCache;
  private readonly plugins: readonly string[];
  private readonly ignored: (name: string) => boolean;

  constructor(private readonly options: InventoryOptions) {
    this.sources = options.sources ?? new SourceCache();
    this.plugins = options.plugins ?? DEFAULT_INVENTORY_PLUGINS;
    const extensions = options.ignoreExtensions ?? DEFAULT_IGNORE_EXTENSIONS;
    const patterns = (options.ignorePatterns ?? []).map((pattern) => new RegExp(pattern));
    this.ignored = (name) => ALWAYS_IGNORED.test(name) || extensions.some((ending) => name.endsWith(ending)) || patterns.some((pattern) => pattern.test(name));
  }

  source(source: string): void {
    if (!existsSync(source) && source.includes(',')) return this.add(source, this.hostList(source), this.hostListPlugin());
    if (!existsSync(source) && (this.options.skipMissing || source === DEFAULT_INVENTORY_SOURCE)) {
      this.options.unparsed?.(source);
      if (source !== DEFAULT_INVENTORY_SOURCE) this.options.warn?.(`Unable to parse ${source} as an inventory source`);
      return;
    }
    if (!existsSync(source)) throw new CxError(`inventory source ${source} does not exist`, { at: { file: source }, hint: 'give an inventory file or directory with -i (or a host list such as -i web1,web2,)' });
    if (statSync(source).isDirectory()) {
      this.varsDirs.push(source);
      this.directory(source);
    } else {
      this.varsDirs.push(dirname(source));
      this.file(source);
    }
  }

  finish(playbookDir: string | undefined): Inventory {
    if (this.parts.length === 0) {
      this.options.warn?.(NO_INVENTORY_WARNING);
      this.parts.push(emptyInventory());
    }
    const dirs = [...new Set([...this.varsDirs, ...(playbookDir ? [resolve(playbookDir)] : [])])];
    return withVarsDirs(reconcileInventory(mergeInventories(this.parts)), dirs, this.sources);
  }

  /** Ansible's order: entries sorted by name; a file no plugin can read is skipped with a warning, as there. */
  private directory(dir: string): void {
    for (const entry of readdirSync(dir).sort()) {
      if (this.ignored(entry)) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        this.directory(path);
        continue;
      }
      try {
        this.file(path);
      } catch (error) {
        if (!(error instanceof CxError)) throw error;
        this.options.warn?.(`Unable to parse ${path} as an inventory source: ${error.describe()}`);
      }
    }
  }

  private hostList(source: string): SourceData {
    if (!this.plugins.includes('advanced_host_list') && !this.plugins.includes('host_list')) throw new CxError(`'${source}' is a host list, and neither host_list nor advanced_host_list is enabled`, { at: { file: source }, hint: 'enable one in ansible.cfg [inventory] enable_plugins' });
    const data = readHostList(source, this.hostListPlugin() === 'advanced_host_list');
    // Ansible's host_list plugins add only the hosts no earlier source has (not their port either).
    const hosts = (data.value.ungrouped as { hosts: Record<string, unknown> }).hosts;
    for (const name of Object.keys(hosts)) if (this.parts.some((part) => part.hosts.has(name))) delete hosts[name];
    return data;
  }

  /** The host list plugin enabled first. */
  private hostListPlugin(): 'host_list' | 'advanced_host_list' {
    const advanced = this.plugins.indexOf('advanced_host_list');
    const plain = this.plugins.indexOf('host_list');
    return advanced >= 0 && (plain < 0 || advanced < plain) ? 'advanced_host_list' : 'host_list';
  }

  /** Whether Ansible's ini plugin is tried on a .toml file before the toml plugin (enable_plugins' order). */
  private iniBeforeToml(): boolean {
    const ini = this.plugins.indexOf('ini');
    return ini >= 0 && ini < this.plugins.indexOf('toml');
  }

  /** The first enabled plugin that takes the file: script (executable), toml (.toml), constructed (auto), else YAML or INI by content. */
  private file(path: string): void {
    if (this.plugins.includes('script') && isExecutable(path)) return this.add(path, readInventoryScript(path), 'script');
    if (extname(path).toLowerCase() === '.toml' && this.plugins.includes('toml')) return this.add(path, readTomlInventory(path, { warn: this.options.warn, iniFirst: this.iniBeforeToml() }), 'toml');
    const earlier = new Set(this.parts.flatMap((part) => [...part.groups.keys()]));
    const ini = readInventoryFile(path, this.sources, earlier);
    if (ini) this.refuseUndeclared(ini);
    const value = ini ?? loadYamlFile(path, this.sources);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new CxError('an inventory must be a YAML mapping of groups, starting with all:', {
        at: positionOf(value, { file: path, line: 1 }),
        hint: 'all:\n    hosts:\n      web1:\n        ansible_host: 10.0.0.1\n  (or an INI inventory in a .ini file)',
      });
    }
    const plugin = pluginOf(value as Record<string, unknown>, path);
    if (plugin === undefined) return this.add(path, { value: value as Record<string, unknown>, ranges: true }, ini ? 'ini' : 'yaml');
    if (!CONSTRUCTED_NAMES.includes(plugin) || !this.plugins.includes('auto')) {
      throw new CxError(`inventory plugin '${plugin}' is not available in cxplay`, {
        at: positionOf(value, { file: path, line: 1 }),
        hint: 'cxplay reads YAML, INI, TOML, host lists, inventory scripts and constructed: export this inventory with ansible-inventory --list --export -y > hosts.yaml',
      });
    }
    // constructed works on the hosts of the sources before it, merged so far.
    const sofar = this.parts.length > 0 ? reconcileInventory(mergeInventories(this.parts)) : emptyInventory();
    this.parts = [applyConstructed(sofar, value as Record<string, unknown>, path)];
    this.options.parsed?.(path, 'auto', plugin);
  }

  /** An INI file naming a group that neither it nor an inventory read before declares fails, with the sentence of Ansible's ini plugin. */
  private refuseUndeclared(ini: object): void {
    const [missing] = undeclaredGroups(ini);
    if (missing === undefined) return;
    const message = missing.kind === 'vars' ? `Section [${missing.group}:vars] not valid for undefined group: ${missing.group}` : `Section [${missing.parent}:children] includes undefined group: ${missing.group}`;
    throw new CxError(message, { at: missing.at, hint: `declare it with a [${missing.group}] section (or give an inventory that has it before this one)` });
  }

  /** Ansible's warnings about group names are given once a run (its display gives each warning once). */
  private readonly warned = new Set<string>();

  private warnOnce(warning: string | undefined): void {
    if (warning === undefined || this.warned.has(warning)) return;
    this.warned.add(warning);
    this.options.warn?.(warning);
  }

  private add(file: string, data: SourceData, plugin: string): void {
    const at: SourcePosition = positionOf(data.value, { file, line: 1 }) ?? { file, line: 1 };
    const { groups, hosts } = readInventoryData(data.value, file, at, { ranges: data.ranges });
    this.warnOnce(applyGroupNameMode(groups, this.options.groupNameMode ?? 'never', plugin));
    const part: Inventory = {
      file,
      hosts: new Map([...hosts].map(([name, host]) => [name, { name, vars: host.vars, at: host.at, source: file || undefined }])),
      groups: new Map([...groups].map(([name, group]) => [name, { ...group }])),
    };
    // A loop can close across sources (a child of b in one, b of a in the next): refused at the later one, as Ansible does.
    if (this.parts.length > 0) refuseGroupLoop(mergeInventories([...this.parts, part]).groups, (loop) => loop.map((name) => groups.get(name)?.at).find((place) => place !== undefined) ?? at);
    this.parts.push(part);
    this.options.parsed?.(file, plugin);
  }
}

/** The plugin a YAML file names (Ansible's `auto`), if it names one. */
function pluginOf(value: Record<string, unknown>, path: string): string | undefined {
  return /\.ya?ml$/i.test(path) && typeof value.plugin === 'string' ? value.plugin : undefined;
}

/** `all` and `ungrouped`, no host. */
function emptyInventory(): Inventory {
  const { groups } = readInventoryData({}, '', { file: '' });
  return { file: '', hosts: new Map(), groups: new Map([...groups].map(([name, group]) => [name, { ...group }])) };
}

/** The merged inventory with group_vars/ and host_vars/ of `dirs` applied (later directories win), on copies. */
function withVarsDirs(inventory: Inventory, dirs: readonly string[], sources: SourceCache): Inventory {
  const { groups, hosts } = editableCopy(inventory);
  applyVarsDirs(dirs, groups, hosts, sources);
  return { file: inventory.file, groups, hosts };
}
