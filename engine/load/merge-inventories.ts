/**
 * Several `-i` sources as one inventory, as Ansible builds it: sources are
 * read in the order given; a host or group met again keeps its first place,
 * and the later source's variables win key by key; children and hosts of a
 * group add up. A host that is in a group of its own anywhere leaves
 * `ungrouped`.
 */
import type { Inventory, InventoryGroup, InventoryHost } from './model.js';

export function mergeInventories(inventories: readonly Inventory[]): Inventory {
  if (inventories.length === 1) return inventories[0]!;
  const hosts = new Map<string, InventoryHost>();
  const groups = new Map<string, InventoryGroup>();
  for (const inventory of inventories) {
    for (const [name, host] of inventory.hosts) {
      const seen = hosts.get(name);
      hosts.set(name, seen ? { ...seen, vars: { ...seen.vars, ...host.vars } } : host);
    }
    for (const [name, group] of inventory.groups) {
      const seen = groups.get(name);
      groups.set(name, seen ? mergeGroup(seen, group) : group);
    }
  }
  const ungrouped = groups.get('ungrouped');
  if (ungrouped) groups.set('ungrouped', { ...ungrouped, hosts: ungrouped.hosts.filter((host) => !inOwnGroup(groups, host)) });
  return { file: inventories[0]!.file, hosts, groups };
}

function mergeGroup(first: InventoryGroup, later: InventoryGroup): InventoryGroup {
  return {
    ...first,
    vars: { ...first.vars, ...later.vars },
    children: [...new Set([...first.children, ...later.children])],
    hosts: [...new Set([...first.hosts, ...later.hosts])],
  };
}

function inOwnGroup(groups: ReadonlyMap<string, InventoryGroup>, host: string): boolean {
  for (const [name, group] of groups) if (name !== 'all' && name !== 'ungrouped' && group.hosts.includes(host)) return true;
  return false;
}
