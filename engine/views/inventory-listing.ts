/**
 * `cxplay inventory`'s output, as ansible-inventory 2.14 prints it, so a
 * script that reads one reads the other: --list (the inventory-script JSON,
 * keys sorted, indent 4; -y as PyYAML's block YAML), --host (a host's
 * variables), --graph [GROUP] (the tree, --vars adds each one as {name = value}).
 * Without --export, --list puts every host's merged variables in
 * _meta.hostvars and none on the groups; with it, each group and host keeps its own.
 */
import { hostVarsFromInventory } from '../load/inventory-vars.js';
import type { Inventory, InventoryGroup } from '../load/model.js';
import { pythonJson } from '../template/python-json.js';
import { pythonYaml } from '../template/python-yaml.js';
import { byCodePoint, pythonString } from '../template/python.js';
import { CxError, ExitCode } from '../errors.js';
import { pythonTomlDumps, TomlIndexError, TomlTypeError } from './python-toml.js';

type Mapping = Record<string, unknown>;

export interface ListingOptions {
  readonly yaml?: boolean;
  readonly toml?: boolean;
  readonly export?: boolean;
  /** `-e`: merged over every host's variables (not with --export), as Ansible's extra vars win over all. */
  readonly extraVars?: Mapping;
}

/** ansible-inventory's json.dumps: sorted keys, indent 4, non-ASCII kept. */
export function inventoryJson(value: unknown): string {
  return pythonJson(value, { indent: 4, sortKeys: true, ensureAscii: false });
}

/** PyYAML's yaml.dump as ansible-inventory calls it: block style, keys sorted, indent 2. */
function inventoryYaml(value: unknown): string {
  return pythonYaml(value, { indent: 2, flowLeaves: false, sortKeys: true });
}

/** `--list` (and `--list -y`, `--list --toml`). */
export function listInventory(inventory: Inventory, options: ListingOptions = {}): string {
  if (options.yaml) return inventoryYaml(yamlTree(inventory, options));
  return options.toml ? inventoryToml(tomlTree(inventory, options)) : inventoryJson(jsonTree(inventory, options));
}

/** `--host NAME`: the host's variables as JSON (or YAML, or TOML). */
export function hostListing(inventory: Inventory, host: string, options: ListingOptions = {}): string {
  const vars = hostVariables(inventory, host, { ...options, export: false });
  if (options.yaml) return inventoryYaml(vars);
  return options.toml ? inventoryToml(vars) : inventoryJson(vars);
}

/** toml.dumps, its TypeError reported as ansible-inventory reports it. */
function inventoryToml(value: Mapping): string {
  try {
    return pythonTomlDumps(value);
  } catch (error) {
    if (error instanceof TomlIndexError) throw new CxError(`Unexpected Exception, this is probably a bug: ${error.message}`, { exitCode: ExitCode.unexpected });
    if (!(error instanceof TomlTypeError)) throw error;
    throw new CxError(`The source inventory contains a value that cannot be represented in TOML: ${error.message}`, { exitCode: ExitCode.error });
  }
}

/** `--graph [GROUP]`: each group's children first, then its hosts (none under all), --vars after each. */
export function graphInventory(inventory: Inventory, start: string, withVars: boolean, extraVars: Mapping = {}): string {
  const lines: string[] = [];
  const line = (text: string, depth: number) => lines.push(depth > 0 ? `${'  |'.repeat(depth)}--${text}` : text);
  const varLines = (vars: Mapping, depth: number) => {
    for (const name of Object.keys(vars).sort(byCodePoint)) line(`{${name} = ${pythonString(vars[name])}}`, depth);
  };
  const visit = (group: InventoryGroup, depth: number) => {
    line(`@${group.name}:`, depth);
    for (const child of group.children) visit(inventory.groups.get(child)!, depth + 1);
    if (group.name !== 'all') {
      for (const host of group.hosts) {
        line(host, depth + 1);
        if (withVars) varLines(hostVariables(inventory, host, { extraVars }), depth + 2);
      }
    }
    if (withVars) varLines(group.vars, depth + 1);
  };
  visit(inventory.groups.get(start)!, 0);
  return lines.join('\n');
}

function jsonTree(inventory: Inventory, options: ListingOptions): Mapping {
  const out: Mapping = {};
  const seen = new Set<string>();
  const visit = (group: InventoryGroup) => {
    const entry: Mapping = {};
    if (group.name !== 'all' && group.hosts.length > 0) entry.hosts = [...group.hosts];
    if (group.children.length > 0) entry.children = [...group.children];
    if (options.export && Object.keys(group.vars).length > 0) entry.vars = { ...group.vars };
    if (Object.keys(entry).length > 0) out[group.name] = entry;
    for (const child of group.children) {
      if (seen.has(child)) continue;
      seen.add(child);
      visit(inventory.groups.get(child)!);
    }
  };
  visit(inventory.groups.get('all')!);
  const hostvars: Mapping = {};
  for (const host of inventory.hosts.keys()) {
    const vars = hostVariables(inventory, host, options);
    if (Object.keys(vars).length > 0) hostvars[host] = vars;
  }
  out._meta = { hostvars };
  return out;
}

/** Each group nested under its parents (a group under two parents twice); a host's variables only where it first appears. */
function yamlTree(inventory: Inventory, options: ListingOptions): Mapping {
  const seen = new Set<string>();
  const visit = (group: InventoryGroup): Mapping => {
    const entry: Mapping = {};
    const children: Mapping = {};
    for (const child of group.children) if (child !== 'all') children[child] = visit(inventory.groups.get(child)!);
    if (Object.keys(children).length > 0) entry.children = children;
    const hosts: Mapping = {};
    if (group.name !== 'all') {
      for (const host of group.hosts) {
        hosts[host] = seen.has(host) ? {} : hostVariables(inventory, host, options);
        seen.add(host);
      }
    }
    if (Object.keys(hosts).length > 0) entry.hosts = hosts;
    if (options.export && Object.keys(group.vars).length > 0) entry.vars = { ...group.vars };
    return entry;
  };
  return { all: visit(inventory.groups.get('all')!) };
}

/**
 * ansible-inventory's toml_inventory: each group (children before their
 * parent's hosts, in declaration order) with its children's names, its hosts
 * (a host's variables where it is first met, {} after) and with --export its
 * variables; empty parts and groups left out, `ungrouped` too when it has no host.
 */
function tomlTree(inventory: Inventory, options: ListingOptions): Mapping {
  const seen = new Set<string>();
  const hasUngrouped = (inventory.groups.get('ungrouped')?.hosts.length ?? 0) > 0;
  const visit = (group: InventoryGroup): Mapping => {
    const results: Mapping = { [group.name]: {} };
    const children: string[] = [];
    for (const child of group.children) {
      if (child === 'ungrouped' && !hasUngrouped) continue;
      if (group.name !== 'all') children.push(child);
      Object.assign(results, visit(inventory.groups.get(child)!));
    }
    const hosts: Mapping = {};
    if (group.name !== 'all') {
      for (const host of group.hosts) {
        hosts[host] = seen.has(host) ? {} : hostVariables(inventory, host, options);
        seen.add(host);
      }
    }
    const entry: Mapping = {};
    if (children.length > 0) entry.children = children;
    if (Object.keys(hosts).length > 0) entry.hosts = hosts;
    if (options.export && Object.keys(group.vars).length > 0) entry.vars = { ...group.vars };
    if (Object.keys(entry).length > 0) results[group.name] = entry;
    else delete results[group.name];
    return results;
  };
  return visit(inventory.groups.get('all')!);
}

function hostVariables(inventory: Inventory, host: string, options: ListingOptions): Mapping {
  if (options.export) return { ...inventory.hosts.get(host)!.vars };
  return { ...hostVarsFromInventory(inventory, host), ...options.extraVars };
}
