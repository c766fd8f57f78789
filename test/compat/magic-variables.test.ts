/**
 * Ansible's magic variables and extended loop variables: test/compat/magic
 * asserts each one's value; the playbook must pass under ansible-playbook
 * (proving the asserts say what Ansible does) and under cxplay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const dir = resolve(projectRoot, 'test', 'compat', 'magic');
let lab: Lab;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-magic-'));
  lab = await Lab.start({ hosts: 2 });
}, 60_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!hasAnsible)('magic variables', () => {
  it('have the values ansible-playbook gives them', async () => {
    const args = (inventory: string) => ['-i', inventory, '-f', '7', '-e', `expected_inventory=${inventory}`];
    // Ansible's run on a lab of its own, recorded while the playbook and this file are unchanged.
    const reference = await labReference({ name: 'magic-variables/magic.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, lab: { hosts: 2 } }, (ansibleLab) =>
      ansiblePlaybook([join(dir, 'magic.yaml'), ...args(ansibleLab.inventoryPath)], { cwd: dir, work }),
    );
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await cxplay(['run', join(dir, 'magic.yaml'), ...args(lab.inventoryPath), '-o', 'plain'], { cwd: dir });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
  }, 240_000);
});
