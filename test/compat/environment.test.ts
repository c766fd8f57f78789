/**
 * `environment:` at every level (play, block, nested block, include, role
 * entry, task, handler, a variable, a loop), as ansible-playbook 2.14 applies
 * it: the levels merge, outermost first, the inner names winning. Each task
 * prints what its command saw; the lines and the recap must be Ansible's.
 * Ansible's side is recorded (test/references/compat/environment).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = join(projectRoot, 'test', 'compat', 'environment');
const work = mkdtempSync(join(tmpdir(), 'cxplay-environment-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What each command printed, as the last task shows it. */
function seen(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.trimStart().startsWith('"msg": '));
}

describe.skipIf(!hasAnsible)('environment at every level', () => {
  it('merges as ansible-playbook does: the same values seen, the same recap', async () => {
    const args = ['-i', join(dir, 'inventory.ini'), join(dir, 'playbook.yaml')];
    const ansible = await recordedPlaybook({ name: 'compat/environment/playbook.yaml', inputs: [dir, join(projectRoot, 'test', 'compat', 'environment.test.ts')], work, args, cwd: dir });
    const ours = await cxplay(['run', ...args], { cwd: dir });
    expect(seen(ansible.stdout), ansible.stdout).toContain('    "msg": "A=play B=task C=block D=task"');
    expect(ours.code, ours.stdout + ours.stderr).toBe(ansible.code);
    expect(seen(ours.stdout)).toEqual(seen(ansible.stdout));
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(ansible.stdout));
  }, 300_000);
});
