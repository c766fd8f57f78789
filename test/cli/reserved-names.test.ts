/**
 * Ansible's "Found variable using reserved name" warning, side by side with
 * ansible-playbook 2.14: play vars, -e, a play role's defaults and vars
 * named like a keyword or a template global are warned about, once per run;
 * task vars, role parameters, set_fact and inventory variables are not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const PLAYBOOK = `- hosts: h1
  gather_facts: false
  vars: {environment: 1, name: 2, hosts: 3, port: 4, range: 5, with_: 6, vars: 7, fine: 8}
  roles:
    - {role: r1, retries: 3}
  tasks:
    - debug: {msg: hi}
      vars: {loop: 1}
- hosts: h1
  gather_facts: false
  vars: {name: again}
  tasks:
    - set_fact: {until: 1}
`;

describe.skipIf(!hasAnsible)('variables with reserved names are warned about as ansible-playbook does', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxplay-reserved-'));
    for (const part of ['defaults', 'vars', 'tasks']) mkdirSync(join(dir, 'roles', 'r1', part), { recursive: true });
    writeFileSync(join(dir, 'roles', 'r1', 'defaults', 'main.yml'), 'serial: 1\n');
    writeFileSync(join(dir, 'roles', 'r1', 'vars', 'main.yml'), 'throttle: 2\n');
    writeFileSync(join(dir, 'roles', 'r1', 'tasks', 'main.yml'), '- debug: {msg: r}\n');
    writeFileSync(join(dir, 'inventory.ini'), 'h1 ansible_connection=local when=1\n');
    writeFileSync(join(dir, 'play.yml'), PLAYBOOK);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the same names, each once', async () => {
    const args = ['-i', 'inventory.ini', '-e', 'delay=1', '-e', 'other=2', 'play.yml'];
    const [ours, theirs] = await Promise.all([cxplay(['run', '-o', 'plain', ...args], { cwd: dir }), recordedPlaybook({ name: 'reserved-names/play.yml', inputs: [fileURLToPath(import.meta.url)], work: dir, args })]);
    expect(ours.code, ours.stderr).toBe(theirs.code);
    // Ansible's order is its set's: compared sorted.
    const warned = (output: string) => output.split('\n').filter((line) => line.includes('reserved name')).sort();
    expect(warned(theirs.stdout + theirs.stderr)).toHaveLength(9);
    expect(warned(ours.stderr)).toEqual(warned(theirs.stdout + theirs.stderr));
  });
});
