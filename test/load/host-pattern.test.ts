import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectHosts, unmatchedWarning } from '../../engine/load/host-pattern.js';
import { loadInventory } from '../../engine/load/inventory.js';
import type { Inventory } from '../../engine/load/model.js';
import { errorOf, removeTrees, writeTree } from './tree.js';

let inventory: Inventory;
let dir: string;

beforeAll(() => {
  dir = writeTree({
    'inventory.yaml': [
      'all:',
      '  hosts:',
      '    lonely:',
      '  children:',
      '    server:',
      '      hosts: {cp1: }',
      '    worker:',
      '      children:',
      '        site_a: {hosts: {worker1: , worker2: }}',
      '        site_b: {hosts: {worker3: }}',
      '    web:',
      '      hosts: {worker2: , web9: }',
      '',
    ].join('\n'),
  });
  inventory = loadInventory(join(dir, 'inventory.yaml'));
});
afterAll(removeTrees);

describe('host patterns', () => {
  it.each([
    // The orders are ansible 2.14's (`ansible -i inventory.yaml PATTERN --list-hosts`): a group's own
    // hosts, then its child groups' level by level; a union keeps the order its terms are written in.
    ['all', ['lonely', 'cp1', 'worker2', 'web9', 'worker1', 'worker3']],
    ['*', ['lonely', 'cp1', 'worker2', 'web9', 'worker1', 'worker3']],
    ['worker', ['worker1', 'worker2', 'worker3']],
    ['cp1', ['cp1']],
    ['ungrouped', ['lonely']],
    ['server:site_b', ['cp1', 'worker3']],
    ['server,site_b', ['cp1', 'worker3']],
    ['worker:!web', ['worker1', 'worker3']],
    ['worker:&web', ['worker2']],
    ['!web:worker', ['worker1', 'worker3']],
    ['&web:worker', ['worker2']],
    ['!worker', ['lonely', 'cp1', 'web9']],
    ['worker*', ['worker1', 'worker2', 'worker3']],
    ['site_?', ['worker1', 'worker2', 'worker3']],
    ['~worker[13]', ['worker1', 'worker3']],
    ['~^web', ['worker2', 'web9']],
    ['worker[0]', ['worker1']],
    ['worker[-1]', ['worker3']],
    ['worker[1:2]', ['worker2', 'worker3']],
    ['worker[1:]', ['worker2', 'worker3']],
    ['nothing*', []],
    ['web:worker', ['worker2', 'web9', 'worker1', 'worker3']],
    ['~orker', []],
  ])('%s selects %j, in the order Ansible gives', (pattern, hosts) => {
    expect(selectHosts(inventory, pattern)).toEqual(hosts);
  });

  it('takes an IPv6 address as one name, and a pattern with colons that is not one as terms', () => {
    const file = join(dir, 'ipv6.ini');
    writeFileSync(file, 'fe80::1\n::1\n[db]\ndb1\n');
    const withAddresses = loadInventory(file);
    expect(selectHosts(withAddresses, 'fe80::1')).toEqual(['fe80::1']);
    expect(selectHosts(withAddresses, '::1')).toEqual(['::1']);
    expect(selectHosts(withAddresses, 'db:fe80')).toEqual(['db1']);
  });

  it('reads @file: one name or pattern per line, as a retry file', () => {
    const file = join(dir, 'retry');
    writeFileSync(file, 'worker3\n\ncp1\n# a comment\n');
    expect(selectHosts(inventory, `@${file}`)).toEqual(['worker3', 'cp1']);
  });

  it('matches nothing for an unknown host or group, and names it with a suggestion (Ansible warns and ignores it)', () => {
    const misses: string[] = [];
    expect(selectHosts(inventory, 'server:wrker', misses)).toEqual(['cp1']);
    expect(misses).toEqual(["wrker — did you mean 'worker'?"]);
    expect(unmatchedWarning(misses[0]!)).toBe("Could not match supplied host pattern, ignoring: wrker — did you mean 'worker'?");
  });

  it('ignores an unknown name after ! too, and reports it', () => {
    const misses: string[] = [];
    expect(selectHosts(inventory, 'web:!wbe', misses)).toEqual(selectHosts(inventory, 'web'));
    expect(misses).toEqual(["wbe — did you mean 'web'?"]);
  });

  it('treats an unreadable @file as an error (exit code 1, as Ansible) and reports an unknown name in it', () => {
    expect(errorOf(() => selectHosts(inventory, `@${join(dir, 'missing')}`))).toMatchObject({ exitCode: 1 });
    const file = join(dir, 'bad-retry');
    writeFileSync(file, 'worker9\ncp1\n');
    const misses: string[] = [];
    expect(selectHosts(inventory, `@${file}`, misses)).toEqual(['cp1']);
    expect(misses).toEqual(["worker9 — did you mean 'worker1'?"]);
  });

  it('refuses an empty pattern and an invalid regular expression', () => {
    expect(errorOf(() => selectHosts(inventory, ' : ')).message).toBe("empty host pattern ' : '");
    expect(errorOf(() => selectHosts(inventory, '~web(')).message).toMatch(/^invalid regular expression in host pattern '~web\('/);
  });

  it.each([
    ['worker[', '['],
    ['worker:server[', '['],
    ['worker[0', '['],
    ['worker]', ']'],
  ])("refuses %j with its stray bracket (Ansible would run on all of 'worker')", (pattern, bracket) => {
    expect(errorOf(() => selectHosts(inventory, pattern)).message).toBe(`host pattern '${pattern}' has an unmatched '${bracket}'`);
  });
});
