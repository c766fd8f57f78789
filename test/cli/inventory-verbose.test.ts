/**
 * ansible-inventory -vvv's lines about the operator's inventory, line by
 * line: the config file, for each source the plugins that declined it ("...
 * declined parsing SOURCE as it did not pass its verify_file() method"), the
 * plugin a file names and the one that parsed it. Ansible's banner (its
 * version, module search path, Python and Jinja versions, executable) is left
 * out on purpose: it describes Ansible's own installation (README: Coming
 * from Ansible). ansible-inventory's side is recorded in
 * test/references/inventory-verbose.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

let dir: string;

const FILES: Record<string, string> = {
  'tree.yaml': 'all:\n  children:\n    web:\n      hosts: {w1: }\n',
  'hosts': '[db]\nd1\n',
  'stack.toml': '[web.hosts]\nt1 = {}\n',
  'list.sh': '#!/bin/sh\necho \'{"web": ["s1"]}\'\n',
  'both/10-plain': '[web]\nw2\n',
  'both/20-tree.yml': 'all:\n  hosts:\n    solo:\n',
  'both/30-constructed.yaml': 'plugin: constructed\ngroups:\n  everyone: true\n',
  'play.yaml': '- hosts: localhost\n  gather_facts: false\n  tasks:\n    - debug: msg=x\n',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-inventory-verbose-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  chmodSync(join(dir, 'list.sh'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines before the listing, without Ansible's banner (its first line and the indented ones under it). */
function loadingLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => !/^ansible(-\w+)? \[/.test(line) && !/^ {2}\w/.test(line) && !line.startsWith('@') && !line.startsWith('  |'));
}

/** Warnings one a line (both wrap them at 79 columns; the test's sentences are read whole). */
function unwrapped(stderr: string): string {
  return stderr.replace(/\n(?!\[WARNING\]|$)/g, ' ');
}

describe.skipIf(!hasAnsible)('ansible-inventory -vvv: the lines about loading the inventory', () => {
  it('every kind of source: the same lines in the same order', async () => {
    const args = ['-i', 'tree.yaml', '-i', 'hosts', '-i', 'stack.toml', '-i', 'list.sh', '-i', 'alpha,beta,', '-i', 'both', '--graph', '-vvv'];
    const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
    const [ansible, ours] = await Promise.all([
      recordedCommand({ name: `inventory-verbose/${recordingName(...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-inventory', args, cwd: dir, env }),
      cxplay(['inventory', ...args], { cwd: dir, env }),
    ]);
    expect(ours.code, ours.stderr).toBe(ansible.code);
    expect(loadingLines(ours.stdout)).toEqual(loadingLines(ansible.stdout));
    expect(ours.stdout).toContain(`host_list declined parsing ${join(dir, 'stack.toml')} as it did not pass its verify_file() method\n`);
    expect(ours.stdout).toContain(`auto declined parsing ${join(dir, 'hosts')} as it did not pass its verify_file() method\n`);
    expect(ours.stdout).toBe(ours.stdout.replace(/^ansible-inventory \[.*\n/, ''));
  }, 120_000);

  // No -i and no ansible.cfg: Ansible's default source /etc/ansible/hosts, not there, is declined by each plugin without a warning of its own.
  it.skipIf(existsSync('/etc/ansible/hosts'))('no source given: the default /etc/ansible/hosts, which is not there', async () => {
    const args = ['--list', '-vvv'];
    const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
    const [ansible, ours] = await Promise.all([
      recordedCommand({ name: 'inventory-verbose/default-source', inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-inventory', args, cwd: dir, env }),
      cxplay(['inventory', ...args], { cwd: dir, env }),
    ]);
    expect(ansible.stdout).toContain('ini declined parsing /etc/ansible/hosts');
    expect(ours.code, ours.stderr).toBe(ansible.code);
    expect(loadingLines(ours.stdout)).toEqual(loadingLines(ansible.stdout));
    expect(unwrapped(ours.stderr)).toBe(unwrapped(ansible.stderr));
  }, 120_000);

  // ansible-playbook and ansible print the same lines before their own (the callbacks', the playbook's).
  for (const [command, args] of [
    ['ansible-playbook', ['-i', 'tree.yaml', '-i', 'hosts', 'play.yaml', '-vvv']],
    ['ansible-playbook', ['-i', 'hosts', 'play.yaml', '-v']],
    ['ansible', ['-i', 'tree.yaml', '-i', 'alpha,', 'w1', '-m', 'debug', '-a', 'msg=x', '-vvv']],
  ] as [string, string[]][]) {
    it(`${command} ${args.join(' ')}: the config file and inventory lines first`, async () => {
      const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
      const ours = command === 'ansible' ? cxplay(['adhoc', ...args], { cwd: dir, env }) : cxplay(['run', '-o', 'plain', ...args], { cwd: dir, env });
      const [ansible, mine] = await Promise.all([recordedCommand({ name: `inventory-verbose/${recordingName(command, ...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command, args, cwd: dir, env }), ours]);
      const first = (stdout: string) => {
        const lines = loadingLines(stdout);
        return lines.slice(0, lines.findIndex((line) => line === '' || /^(PLAY|Skipping callback|w1 \|)/.test(line)));
      };
      expect(first(ansible.stdout)[0]).toBe('No config file found; using defaults');
      expect(mine.code, mine.stderr).toBe(ansible.code);
      expect(first(mine.stdout)).toEqual(first(ansible.stdout));
    }, 120_000);
  }

  // A source that does not exist is skipped with a warning (each plugin declines it; those that look for the file say so first).
  for (const args of [
    ['-i', 'gone.ini', '-i', 'tree.yaml', '-i', 'gone.yml', '--graph', '-vvv'],
    ['-i', 'gone', '--list', '-vvv'],
    ['-i', 'gone.ini', '-i', 'tree.yaml', '--graph'],
  ]) {
    it(`a source that does not exist: ${args.join(' ')}`, async () => {
      const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
      const [ansible, ours] = await Promise.all([
        recordedCommand({ name: `inventory-verbose/${recordingName(...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-inventory', args, cwd: dir, env }),
        cxplay(['inventory', ...args], { cwd: dir, env }),
      ]);
      expect(unwrapped(ansible.stderr)).toContain(`Unable to parse ${join(dir, args[1]!)} as an inventory source`);
      expect(ours.code, ours.stderr).toBe(ansible.code);
      expect(loadingLines(ours.stdout)).toEqual(loadingLines(ansible.stdout));
      expect(unwrapped(ours.stderr)).toBe(unwrapped(ansible.stderr));
    }, 120_000);
  }
});
