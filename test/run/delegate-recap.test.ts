/** A host that is only delegated to is not in the recap (Ansible counts results on the inventory host). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay, parseRecap } from '../support/cli.js';

let lab: Lab;
let work: string;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1', 'node2'], groups: { targets: ['node1'], helpers: ['node2'] } });
  work = mkdtempSync(join(tmpdir(), 'cxplay-delegate-'));
});

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

it('counts delegated tasks on the inventory host only', async () => {
  const playbook = join(work, 'playbook.yaml');
  writeFileSync(
    playbook,
    [
      '- hosts: targets',
      '  gather_facts: false',
      '  tasks:',
      '    - name: run on the helper',
      '      command: hostname',
      '      delegate_to: node2',
      '      register: where',
      '    - assert:',
      '        that: where.stdout == "node2"',
      '',
    ].join('\n'),
  );
  const run = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(parseRecap(run.stdout)).toEqual({ node1: { ok: 2, changed: 1, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 } });
});
