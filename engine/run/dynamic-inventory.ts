/**
 * The inventory as add_host and group_by change it during a run, as Ansible's
 * inventory manager does: a new host joins `all` directly (and `ungrouped`
 * when it names no group), a group without a parent hangs under `all`, and each change
 * answers whether anything changed. Every change gives a new Inventory
 * object, so what was computed from the old one (memberships, `groups`) is
 * computed again for the new one only.
 */
import type { Inventory, InventoryGroup, InventoryHost, Vars } from '../load/model.js';

export interface AddedHost {
  readonly name: string;
  readonly groups: readonly string[];
  readonly vars: Vars;
}

export interface InventoryChange {
  readonly inventory: Inventory;
  readonly changed: boolean;
}

/** add_host: the host (new or known), its variables merged over its own, and its groups. */
export function withAddedHost(inventory: Inventory, added: AddedHost): InventoryChange {
  const hosts = new Map(inventory.hosts);
  const groups = new Map(inventory.groups);
  const known = hosts.get(added.name);
  let changed = false;
  if (!known) {
    changed = true;
    addHostTo(groups, 'all', added.name);
  }
  const vars = { ...(known?.vars ?? {}), ...added.vars };
  if (!known || JSON.stringify(vars) !== JSON.stringify(known.vars)) {
    changed = true;
    const host: InventoryHost = { name: added.name, vars, at: known?.at, source: known?.source };
    hosts.set(added.name, host);
  }
  for (const group of added.groups) {
    if (!groups.has(group)) addGroup(groups, group);
    changed = addHostTo(groups, group, added.name) || changed;
  }
  if (!changed) return { inventory, changed };
  return { inventory: reconciled({ ...inventory, hosts, groups }), changed };
}

/** group_by: `host` joins `group` (made if new), which becomes a child of each of `parents`. */
export function withGroupedHost(inventory: Inventory, host: string, group: string, parents: readonly string[]): InventoryChange {
  const groups = new Map(inventory.groups);
  let changed = false;
  if (!groups.has(group)) addGroup(groups, group);
  for (const parent of parents) {
    if (!groups.has(parent)) {
      addGroup(groups, parent);
      changed = true;
    }
    changed = addChild(groups, parent, group) || changed;
  }
  changed = addHostTo(groups, group, host) || changed;
  if (!changed) return { inventory, changed };
  return { inventory: reconciled({ ...inventory, groups }), changed };
}

function addHostTo(groups: Map<string, InventoryGroup>, name: string, host: string): boolean {
  const group = groups.get(name)!;
  if (group.hosts.includes(host)) return false;
  groups.set(name, { ...group, hosts: [...group.hosts, host] });
  return true;
}

function addChild(groups: Map<string, InventoryGroup>, parent: string, child: string): boolean {
  const group = groups.get(parent)!;
  if (parent === child || group.children.includes(child)) return false;
  groups.set(parent, { ...group, children: [...group.children, child] });
  return true;
}

function addGroup(groups: Map<string, InventoryGroup>, name: string): void {
  groups.set(name, { name, vars: {}, children: [], hosts: [], at: undefined });
}

/**
 * Ansible's reconcile_inventory: a group with no parent becomes a child of
 * `all`; a host in some group other than `all` and `ungrouped` leaves
 * `ungrouped`, one in none joins it.
 */
function reconciled(inventory: Inventory): Inventory {
  const groups = new Map(inventory.groups);
  const children = new Set([...groups.values()].flatMap((group) => group.children));
  for (const name of groups.keys()) if (name !== 'all' && !children.has(name)) addChild(groups, 'all', name);
  const grouped = new Set([...groups.values()].filter((group) => group.name !== 'all' && group.name !== 'ungrouped').flatMap((group) => group.hosts));
  const ungrouped = groups.get('ungrouped')!;
  const alone = [...inventory.hosts.keys()].filter((name) => !grouped.has(name));
  groups.set('ungrouped', { ...ungrouped, hosts: [...ungrouped.hosts.filter((name) => !grouped.has(name)), ...alone.filter((name) => !ungrouped.hosts.includes(name))] });
  return { ...inventory, groups };
}

/** The change an add_host or group_by result asks for, as a function of the inventory (Ansible's strategy reads these keys of any result). */
export function inventoryChangeOf(host: string, result: Readonly<Record<string, unknown>>): ((inventory: Inventory) => InventoryChange) | undefined {
  if (result.failed === true || result.skipped === true) return undefined;
  const added = result.add_host as { host_name: string; groups: string[]; host_vars: Vars } | undefined;
  if (added) return (inventory) => withAddedHost(inventory, { name: added.host_name, groups: added.groups, vars: added.host_vars });
  const group = result.add_group;
  if (typeof group === 'string') return (inventory) => withGroupedHost(inventory, host, group, (result.parent_groups as string[] | undefined) ?? []);
  return undefined;
}
