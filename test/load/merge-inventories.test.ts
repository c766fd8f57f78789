/** Several -i sources as one inventory, in Ansible's way: later variables win, members add up, first places stay. */
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadInventory } from '../../engine/load/inventory.js';
import { mergeInventories } from '../../engine/load/merge-inventories.js';
import { selectHosts } from '../../engine/load/host-pattern.js';
import { removeTrees, writeTree } from './tree.js';

const dir = writeTree({
  'first.ini': 'lonely\n[web]\nweb1 port=1 color=red\n[web:vars]\nrole=front\nsize=small\n',
  'second.yaml': 'all:\n  hosts:\n    lonely:\n  children:\n    web:\n      hosts:\n        web2:\n        web1: {port: 2}\n      vars: {size: big}\n    db:\n      hosts:\n        lonely:\n',
});
afterAll(() => removeTrees());

const merged = () => mergeInventories([loadInventory(join(dir, 'first.ini')), loadInventory(join(dir, 'second.yaml'))]);

it('keeps the hosts in the order first met, and adds the members of a group', () => {
  const inventory = merged();
  expect([...inventory.hosts.keys()]).toEqual(['lonely', 'web1', 'web2']);
  expect(selectHosts(inventory, 'web')).toEqual(['web1', 'web2']);
  expect(selectHosts(inventory, 'db')).toEqual(['lonely']);
});

it('lets the later source win, variable by variable, for hosts and groups', () => {
  const inventory = merged();
  expect(inventory.hosts.get('web1')!.vars).toMatchObject({ port: 2, color: 'red' });
  expect(inventory.groups.get('web')!.vars).toMatchObject({ role: 'front', size: 'big' });
});

it('takes a host that a later source puts in a group out of ungrouped', () => {
  expect(selectHosts(merged(), 'ungrouped')).toEqual([]);
});

it('returns a single source as it is', () => {
  const one = loadInventory(join(dir, 'first.ini'));
  expect(mergeInventories([one])).toBe(one);
});
