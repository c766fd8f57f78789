/**
 * Several `-i` sources as one inventory, as Ansible builds it: sources are
 * read in the order given; a host or group met again keeps its first place,
 * and the later source's variables win key by key; children and hosts of a
 * group add up. reconcileInventory then places hosts and groups that have
 * no parent, as Ansible does once every source is read.
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
  return { file: inventories[0]!.file, hosts, groups };
}

/**
 * Ansible's reconcile_inventory, once every source is read: `ungrouped` keeps
 * the hosts a source put there that are in no other group and gains, in the
 * order hosts were first met, those in no group at all; `all` gains, after
 * the groups a source put under it, every group without a parent, in the
 * order groups were first met.
 */
export function reconcileInventory(inventory: Inventory): Inventory {
  const groups = new Map(inventory.groups);
  const all = groups.get('all')!;
  const ungrouped = groups.get('ungrouped')!;
  const grouped = new Set([...groups.values()].filter((group) => group.name !== 'all' && group.name !== 'ungrouped').flatMap((group) => group.hosts));
  const kept = ungrouped.hosts.filter((host) => !grouped.has(host));
  const orphans = [...inventory.hosts.keys()].filter((host) => !grouped.has(host) && !kept.includes(host));
  groups.set('ungrouped', { ...ungrouped, hosts: [...kept, ...orphans] });
  const isChild = new Set([...groups.values()].flatMap((group) => group.children));
  const roots = [...groups.keys()].filter((name) => name !== 'all' && !isChild.has(name) && !all.children.includes(name));
  groups.set('all', { ...all, children: [...all.children, ...roots] });
  return { ...inventory, groups };
}

function mergeGroup(first: InventoryGroup, later: InventoryGroup): InventoryGroup {
  return {
    ...first,
    vars: { ...first.vars, ...later.vars },
    children: [...new Set([...first.children, ...later.children])],
    hosts: [...new Set([...first.hosts, ...later.hosts])],
  };
}
