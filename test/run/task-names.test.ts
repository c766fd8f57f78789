/**
 * Task names are shown as Ansible shows them: `{{ }}` rendered with the
 * first host's variables, left as written where it cannot be (a loop's item
 * before the loop runs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay } from '../support/cli.js';

let lab: Lab;
let work: string;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1', 'node2'], vars: { release: '1.2.3' } });
  work = mkdtempSync(join(tmpdir(), 'cxplay-names-'));
  writeFileSync(
    join(work, 'play.yaml'),
    [
      '- hosts: all',
      '  gather_facts: false',
      '  tasks:',
      '    - name: "Install {{ release }} on {{ inventory_hostname }}"',
      '      debug: {msg: hi}',
      '    - name: "Each {{ item }}"',
      '      debug: {msg: "{{ item }}"}',
      '      loop: [a]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
});

it('renders task names with the first host, and keeps what cannot be rendered', async () => {
  const result = await cxplay(['run', join(work, 'play.yaml'), '-i', lab.inventoryPath, '-o', 'plain']);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  expect(result.stdout).toContain('TASK [Install 1.2.3 on node1]');
  expect(result.stdout).toContain('TASK [Each {{ item }}]');
});
