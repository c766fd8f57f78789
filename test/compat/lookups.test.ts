/**
 * Lookups and with_<lookup> loops against ansible-playbook: test/compat/lookups
 * prints 117 lookup expressions (written from the examples of Ansible's
 * lookup plugin docs) and every with_* form with debug; both engines must
 * print the same, byte for byte (debug shows JSON, so types are compared too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';

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

/** The output up to the recap (the recap's spacing and timing line differ by design). */
function tasksPart(stdout: string): string {
  return stdout.slice(0, stdout.indexOf('PLAY RECAP'));
}

describe.skipIf(!hasAnsible)('lookups', () => {
  it('render as ansible-playbook renders them', async () => {
    // -f 10 as the helper's ANSIBLE_FORKS: Ansible's config lookup reads the setting, cxplay's the run's forks.
    const args = [join(dir, 'lookups.yaml'), '-i', lab.inventoryPath, '-f', '10'];
    const reference = await ansiblePlaybook(args, { cwd: dir, work });
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await cxplay(['run', ...args, '-o', 'plain'], { cwd: dir });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    expect(tasksPart(ours.stdout)).toBe(tasksPart(reference.stdout));
    expect(tasksPart(ours.stdout)).toContain('TASK [e117]');
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
  }, 240_000);
});
