/**
 * Lookups and with_<lookup> loops against ansible-playbook: test/compat/lookups
 * prints 117 lookup expressions (written from the examples of Ansible's
 * lookup plugin docs) and every with_* form with debug; both engines must
 * print the same, byte for byte (debug shows JSON, so types are compared too).
 * ansible-playbook's side is recorded in test/references/lookups while its
 * inputs are unchanged (test/support/ansible-reference.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const dir = resolve(projectRoot, 'test', 'compat', 'lookups');
let lab: Lab;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-lookups-'));
  lab = await Lab.start({ hosts: 1 });
}, 60_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

/**
 * ansible-playbook's run of the corpus on a lab of its own, recorded while the
 * corpus and this file are unchanged (labReference); the controller's HOME is
 * a setting (the env lookups print it).
 */
function ansibleRun(args: (inventory: string) => string[]): Promise<CommandResult> {
  const settings = { home: process.env['HOME'] ?? null };
  return labReference({ name: 'lookups/lookups.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, lab: { hosts: 1 }, settings }, (ansibleLab) =>
    ansiblePlaybook(args(ansibleLab.inventoryPath), { cwd: dir, work }),
  );
}

/** The output up to the recap (the recap's spacing and timing line differ by design). */
function tasksPart(stdout: string): string {
  return stdout.slice(0, stdout.indexOf('PLAY RECAP'));
}

describe.skipIf(!hasAnsible)('lookups', () => {
  it('render as ansible-playbook renders them', async () => {
    // -f 10 as the helper's ANSIBLE_FORKS: Ansible's config lookup reads the setting, cxplay's the run's forks.
    const args = (inventory: string) => [join(dir, 'lookups.yaml'), '-i', inventory, '-f', '10'];
    const reference = await ansibleRun(args);
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await cxplay(['run', ...args(lab.inventoryPath), '-o', 'plain'], { cwd: dir });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    expect(tasksPart(ours.stdout)).toBe(tasksPart(reference.stdout));
    expect(tasksPart(ours.stdout)).toContain('TASK [e117]');
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
  }, 240_000);
});
