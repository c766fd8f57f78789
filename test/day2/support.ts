/** Helpers of the day-2 tests: inventories edited as an operator would, extra-vars files, host checks. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ClusterLab } from '../lab/rke2-sim/cluster-lab.js';

interface Inventory {
  all: { children: Record<string, { hosts: Record<string, Record<string, unknown> | null> }> };
}

let counter = 0;

/** A copy of the lab inventory changed by `edit` (groups, host variables). */
export function editedInventory(cluster: ClusterLab, edit: (inventory: Inventory) => void): string {
  const inventory = parseYaml(readFileSync(cluster.lab.inventoryPath, 'utf8')) as Inventory;
  edit(inventory);
  const path = join(cluster.lab.dir, `inventory-day2-${++counter}.yaml`);
  writeFileSync(path, stringifyYaml(inventory), { mode: 0o600 });
  return path;
}

/** An extra-vars file (for -e @file), for values that are not plain strings. */
export function varsFile(cluster: ClusterLab, vars: Record<string, unknown>): string {
  const path = join(cluster.lab.dir, `vars-day2-${++counter}.yaml`);
  writeFileSync(path, stringifyYaml(vars), { mode: 0o600 });
  return path;
}

export function address(cluster: ClusterLab, host: string): string {
  const found = cluster.lab.hosts.find((candidate) => candidate.name === host);
  if (!found) throw new Error(`no lab host ${host}`);
  return found.address;
}
