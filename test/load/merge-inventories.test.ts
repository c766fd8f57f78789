/** Several -i sources as one inventory, in Ansible's way: later variables win, members add up, first places stay. */
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadInventory, loadInventorySources } from '../../engine/load/inventory.js';
import { mergeInventories, reconcileInventory } from '../../engine/load/merge-inventories.js';
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
  expect(selectHosts(reconcileInventory(merged()), 'ungrouped')).toEqual([]);
});

it("places groups and hosts without a parent once every source is read, after those a source put under all and ungrouped, as Ansible's reconcile_inventory", () => {
  const tree = writeTree({
    '1.ini': 'top1\n[web]\nh1\n[loose]\nh9\n',
    '2.yaml': 'all:\n  hosts:\n    solo:\n  children:\n    db:\n      hosts: {h2: }\n    parent:\n      children:\n        loose:\n',
    '3.ini': '[parent2:children]\nweb\n',
  });
  const inventory = loadInventorySources(['2.yaml', '1.ini', '3.ini', 'solo,late,'].map((name) => (name.includes(',') ? name : join(tree, name))));
  expect(inventory.groups.get('all')!.children).toEqual(['ungrouped', 'db', 'parent', 'parent2']);
  expect(inventory.groups.get('ungrouped')!.hosts).toEqual(['top1', 'late', 'solo']);
});

it('refuses a group loop that closes across sources, at the later source, with Ansible\'s sentence', () => {
  const tree = writeTree({ '1.ini': '[a:children]\nb\n[b]\n', '2.ini': '[b:children]\na\n[a]\nh1\n' });
  expect(() => loadInventorySources([join(tree, '1.ini'), join(tree, '2.ini')])).toThrow(expect.objectContaining({
    message: 'group loop: a -> b -> a',
    at: expect.objectContaining({ file: join(tree, '2.ini') }),
    hint: expect.stringContaining("Adding group 'a' as child to 'b' creates a recursive dependency loop"),
  }));
});

it('returns a single source as it is', () => {
  const one = loadInventory(join(dir, 'first.ini'));
  expect(mergeInventories([one])).toBe(one);
});
