/**
 * Several inventory sources of different kinds (INI, YAML, a script, a host
 * list, a directory holding both) merged as ansible-inventory 2.14 merges
 * them: the order of all's children and of ungrouped's hosts in --list and
 * --graph, which Ansible settles once every source is read; and a group loop
 * that closes across sources, which Ansible refuses in the later source.
 * ansible-inventory's side is recorded in test/references/inventory-merge-order.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

let dir: string;

const FILES: Record<string, string> = {
  // Hosts before any section go to ungrouped; groups without a parent join all only at the end.
  'plain.ini': 'top1 v=1\n[web]\nw2 v=2\nw1 v=3\n[loose]\nh9\n[db]\nd1 v=4\n',
  // Under all: (children and hosts) at once; ungrouped: named.
  'tree.yaml': 'all:\n  hosts:\n    solo: {v: 5}\n    top1: {x: 1}\n  children:\n    db:\n      hosts: {d2: }\n    parent:\n      children:\n        loose:\n    web:\n      hosts: {w3: {v: 6}, w1: {v: 7}}\n    ungrouped:\n      hosts: {u1: {v: 8}}\n',
  'adopt.ini': '[parent2:children]\nweb\n[parent2]\nh3\n',
  // db and web come from an earlier source: Ansible's ini plugin adds them at once, app when its section comes.
  'site.ini': '[site:children]\ndb\napp\nweb\n[app]\na1\n',
  // newg is declared below its mention, db before it (by plain.ini).
  'site2.ini': '[site:children]\nnewg\ndb\n[newg]\nn1\n',
  'script.sh': '#!/bin/sh\necho \'{"web": {"hosts": ["s1", "w2"], "vars": {"a": 1}}, "extra": ["e1"], "_meta": {"hostvars": {"s1": {"p": "q"}}}}\'\n',
  'both/10-plain': '[web]\nw2\nw1\n[db]\nd1\n[all:children]\nweb\n',
  'both/20-tree.yaml': 'all:\n  hosts:\n    solo:\n  children:\n    db:\n      hosts: {d2: }\n    zeta:\n      hosts: {z1: , w1: }\n    web:\n      hosts: {w3: }\n',
  'both/30-adopt': '[parent2:children]\nzeta\n',
  // a is b's parent in the first file, b a's in the second.
  'loop/1-first': '[a:children]\nb\n[b]\n',
  // a is in the inventory already (the first file's): Ansible's ini plugin adds it to b at its line, closing the loop there.
  'loop/2-second': '[b:children]\na\n[a]\nh1\n',
  'play.yaml': '- hosts: all\n  gather_facts: false\n  tasks:\n    - debug: msg=hi\n',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-inventory-merge-order-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  chmodSync(join(dir, 'script.sh'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0' };

async function both(args: readonly string[]) {
  const env = { ...ENV, ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
  const [ansible, ours] = await Promise.all([
    recordedCommand({ name: `inventory-merge-order/${recordingName(...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-inventory', args, cwd: dir, env }),
    cxplay(['inventory', ...args], { cwd: dir, env }),
  ]);
  return { ansible, ours };
}

const MIXES: Record<string, string[]> = {
  'INI then YAML': ['-i', 'plain.ini', '-i', 'tree.yaml'],
  'YAML then INI': ['-i', 'tree.yaml', '-i', 'plain.ini'],
  'INI, YAML, then an INI that gives a root group a parent': ['-i', 'plain.ini', '-i', 'tree.yaml', '-i', 'adopt.ini'],
  'a script, YAML, INI and a host list naming known and new hosts': ['-i', 'script.sh', '-i', 'tree.yaml', '-i', 'plain.ini', '-i', 'top1:2222,late,'],
  'a directory with INI and YAML files': ['-i', 'both'],
  'an INI [x:children] naming groups of an earlier source before and after its own': ['-i', 'plain.ini', '-i', 'site.ini', '-i', 'site2.ini'],
};

describe.skipIf(!hasAnsible)('mixed inventory sources in the order ansible-inventory gives', () => {
  for (const [name, sources] of Object.entries(MIXES)) {
    it(name, async () => {
      for (const view of [['--list'], ['--graph']]) {
        const { ansible, ours } = await both([...sources, ...view]);
        expect(ours.code, `${view[0]}: ${ours.stderr}`).toBe(ansible.code);
        expect(ours.stdout, view[0]).toBe(ansible.stdout);
      }
    });
  }
});

describe.skipIf(!hasAnsible)('a group loop across sources', () => {
  const sentence = "Adding group 'a' as child to 'b' creates a recursive dependency loop";

  it('in a directory: the file that closes it is skipped with a warning, as ansible-inventory skips it', async () => {
    for (const view of [['--list'], ['--graph']]) {
      const { ansible, ours } = await both(['-i', 'loop', ...view]);
      expect(ours.code, ours.stderr).toBe(ansible.code);
      expect(ours.stdout).toBe(ansible.stdout);
      expect(ansible.stderr.replace(/\s+/g, ' ')).toContain(sentence);
      expect(ours.stderr.replace(/\s+/g, ' ')).toContain(sentence);
    }
  });

  it('given as two -i: refused with the loop and Ansible\'s sentence (Ansible warns and drops the source), for inventory and run alike', async () => {
    const sources = ['-i', 'loop/1-first', '-i', 'loop/2-second'];
    for (const view of [['--list'], ['--graph']]) {
      const { ansible, ours } = await both([...sources, ...view]);
      expect(ansible.stderr.replace(/\s+/g, ' ')).toContain(`${sentence}.`);
      expect(ours.code).toBe(4);
      expect(ours.stderr).toContain(`${join(dir, 'loop', '2-second')}:2:1: group loop: a -> b -> a\n  ${sentence}`);
    }
    const run = await cxplay(['run', ...sources, 'play.yaml', '-o', 'plain'], { cwd: dir });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(sentence);
    expect(run.stdout).not.toContain('hi');
  });
});
