/**
 * Inventory variables: group_vars/ and host_vars/ directories, and a host's
 * variables merged as Ansible merges them, low to high: all < parent groups <
 * child groups (deeper wins; same depth: ansible_group_priority, then by
 * name) < the host's own.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Inventory } from './model.js';
import type { SourceCache } from './source-cache.js';
import { loadVarsFile } from './vars-file.js';
import { byCodePoint } from '../template/python.js';

const VARS_EXTENSIONS = ['.yaml', '.yml', '.json', ''];

/** Add group_vars/<group> and host_vars/<host> of each directory, later directories winning. */
/** Anything with variables to add to: a group or a host being built. */
type WithVars = { readonly vars: Record<string, unknown> };

export function applyVarsDirs(dirs: readonly string[], groups: ReadonlyMap<string, WithVars>, hosts: ReadonlyMap<string, WithVars>, sources: SourceCache): void {
  for (const dir of dirs) {
    const groupVars = join(dir, 'group_vars');
    const hostVars = join(dir, 'host_vars');
    const groupEntries = entriesOf(groupVars);
    const hostEntries = entriesOf(hostVars);
    if (groupEntries.size > 0) for (const [name, group] of groups) Object.assign(group.vars, readVarsFor(groupVars, name, groupEntries, sources));
    if (hostEntries.size > 0) for (const [name, host] of hosts) Object.assign(host.vars, readVarsFor(hostVars, name, hostEntries, sources));
  }
}

/** The names in a directory, listed once (not one existsSync per host and extension: 200 hosts are 1,600 of those). */
function entriesOf(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

/** `<dir>/<name>.yaml|.yml|.json`, `<dir>/<name>` (a file), or every such file under the directory `<dir>/<name>/`, in name order. */
function readVarsFor(dir: string, name: string, entries: ReadonlySet<string>, sources: SourceCache): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const extension of VARS_EXTENSIONS) {
    const path = join(dir, `${name}${extension}`);
    if (!entries.has(`${name}${extension}`) || !existsSync(path)) continue;
    if (statSync(path).isDirectory()) Object.assign(vars, readVarsTree(path, sources));
    else Object.assign(vars, loadVarsFile(path, sources));
  }
  return vars;
}

function readVarsTree(dir: string, sources: SourceCache): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) Object.assign(vars, readVarsTree(path, sources));
    else if (/\.(ya?ml|json)$/.test(entry)) Object.assign(vars, loadVarsFile(path, sources));
  }
  return vars;
}

interface Membership {
  /** For each host, every group it is in (directly or through child groups), `all` included. */
  readonly groupsOf: Map<string, Set<string>>;
  /** Groups in merge order: shallow before deep, then ansible_group_priority, then name. */
  readonly mergeOrder: string[];
}

const memberships = new WeakMap<Inventory, Membership>();

function membership(inventory: Inventory): Membership {
  let found = memberships.get(inventory);
  if (found) return found;
  const depth = new Map<string, number>();
  const groupsOf = new Map<string, Set<string>>([...inventory.hosts.keys()].map((host) => [host, new Set(['all'])]));
  // The loader refused group loops, so this walk ends.
  const visit = (name: string, level: number, ancestors: readonly string[]) => {
    depth.set(name, Math.max(depth.get(name) ?? 0, level));
    const group = inventory.groups.get(name);
    if (!group) return;
    const chain = [...ancestors, name];
    for (const host of group.hosts) for (const member of chain) groupsOf.get(host)?.add(member);
    for (const child of group.children) visit(child, level + 1, chain);
  };
  visit('all', 0, []);
  const priority = (name: string) => Number(inventory.groups.get(name)?.vars.ansible_group_priority ?? 1);
  // Names compare as Python's sorted() compares them, by code point, as Ansible
  // does (localeCompare would differ, and its first call loads ICU's collator).
  const mergeOrder = [...inventory.groups.keys()].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || priority(a) - priority(b) || byCodePoint(a, b));
  found = { groupsOf, mergeOrder };
  memberships.set(inventory, found);
  return found;
}

/** The inventory's variables for a host (group_vars and host_vars included). */
export function hostVarsFromInventory(inventory: Inventory, host: string): Record<string, unknown> {
  const { groupsOf, mergeOrder } = membership(inventory);
  const member = groupsOf.get(host) ?? new Set(['all']);
  const vars: Record<string, unknown> = {};
  for (const name of mergeOrder) if (member.has(name)) Object.assign(vars, inventory.groups.get(name)!.vars);
  Object.assign(vars, inventory.hosts.get(host)?.vars ?? {});
  return vars;
}

/** `group_names`: the host's groups, sorted, without `all` and `ungrouped`. */
export function groupNamesOf(inventory: Inventory, host: string): string[] {
  const member = membership(inventory).groupsOf.get(host) ?? new Set<string>();
  return [...member].filter((name) => name !== 'all' && name !== 'ungrouped').sort();
}

/**
 * `groups` as expressions see it: each group's hosts, children included, in
 * Ansible's order (a group's own hosts, then its descendants' level by level,
 * each level in the order the groups were declared), each host once.
 */
export function groupsMap(inventory: Inventory): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of inventory.groups.keys()) out[name] = hostsOfGroup(inventory, name);
  return out;
}

function hostsOfGroup(inventory: Inventory, name: string): string[] {
  const levels = [name];
  const seen = new Set(levels);
  for (let index = 0; index < levels.length; index += 1) {
    for (const child of inventory.groups.get(levels[index]!)?.children ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        levels.push(child);
      }
    }
  }
  return [...new Set(levels.flatMap((group) => inventory.groups.get(group)?.hosts ?? []))];
}
