/**
 * A module's warning on several hosts, as Ansible's callbacks show it: each
 * warning once a run (its display prints a warning it has printed before no
 * more), without the host, wrapped at 79 columns as its display wraps every
 * warning, the result's own `warnings` left out of ansible's block (minimal
 * callback) and no [WARNING] line at all with -o (oneline callback). find on
 * a path that is no directory warns. ansible's and ansible-playbook's side
 * is recorded in test/references/module-warnings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordedPlaybook, recordingName } from '../support/recorded-command.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-module-warnings-'));
  const host = 'ansible_connection=local ansible_python_interpreter=/usr/bin/python3';
  writeFileSync(join(dir, 'inventory.ini'), `h1 ${host}\nh2 ${host}\nh3 ${host}\n`);
  // Two warnings: one long enough to be wrapped, one short; the same on every host.
  writeFileSync(join(dir, 'play.yaml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - find:\n        paths: [/nonexistent-cxplay-warnings, /nonexistent-2]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', NO_COLOR: '1' };
const inputs = () => [fileURLToPath(import.meta.url)];

describe.skipIf(!hasAnsible)("a module's warnings on several hosts", () => {
  it('ansible-playbook (default callback): the same stderr, the same lines on stdout', async () => {
    const args = ['-i', 'inventory.ini', 'play.yaml'];
    const [ansible, ours] = await Promise.all([
      recordedPlaybook({ name: 'module-warnings/playbook', inputs: inputs(), work: dir, args }),
      cxplay(['run', ...args, '-o', 'plain'], { cwd: dir, env: ENV }),
    ]);
    expect(ansible.stderr).toContain('[WARNING]: Skipped');
    expect(ours.code).toBe(ansible.code);
    expect(ours.stderr).toBe(ansible.stderr);
    const taskLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('ok: ')).sort();
    expect(taskLines(ours.stdout)).toEqual(taskLines(ansible.stdout));
  });

  for (const [name, extra] of [
    ['ad hoc (minimal callback)', []],
    ['ad hoc -o (oneline callback)', ['-o']],
  ] as [string, string[]][]) {
    it(`${name}: the same stderr, and each host's result as ansible shows it`, async () => {
      const args = ['-i', 'inventory.ini', 'h1', '-m', 'find', '-a', 'paths=/nonexistent-cxplay-warnings,/nonexistent-2', ...extra];
      const env = { ...ENV, ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
      const [ansible, ours] = await Promise.all([
        recordedCommand({ name: `module-warnings/${recordingName(name)}`, inputs: inputs(), work: dir, command: 'ansible', args, cwd: dir, env }),
        cxplay(['adhoc', ...args], { cwd: dir, env }),
      ]);
      expect(ours.code).toBe(ansible.code);
      expect(ours.stderr).toBe(ansible.stderr);
      expect(ours.stdout).toBe(ansible.stdout);
    });
  }

  it('ad hoc on several hosts: each warning once', async () => {
    const args = ['-i', 'inventory.ini', 'all', '-m', 'find', '-a', 'paths=/nonexistent-cxplay-warnings,/nonexistent-2'];
    const env = { ...ENV, ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
    const [ansible, ours] = await Promise.all([
      recordedCommand({ name: 'module-warnings/ad-hoc-all', inputs: inputs(), work: dir, command: 'ansible', args, cwd: dir, env }),
      cxplay(['adhoc', ...args], { cwd: dir, env }),
    ]);
    expect(ansible.stderr.match(/\[WARNING\]/g)).toHaveLength(2);
    expect(ours.stderr).toBe(ansible.stderr);
  });
});
