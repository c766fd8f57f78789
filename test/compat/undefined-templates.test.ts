/**
 * A variable whose own template names an undefined variable (vars: {x:
 * "{{ nope }}"}) is undefined itself, as ansible-playbook 2.14 sees it: `x is
 * defined` is false, `x | default('d')` is 'd', `x is none` and the other
 * type tests are false, while a use of its value (`x is truthy`, `x | length`)
 * fails the task. test/compat/undefined-templates/playbook.yaml tries the
 * family on the local connection under both engines; each task must end the
 * same (ok with the same text, skipped, or failed). ansible-playbook's side is
 * recorded in test/references/undefined-templates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = join(projectRoot, 'test', 'compat', 'undefined-templates');
const playbook = join(dir, 'playbook.yaml');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-undefined-templates-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each task's outcome in order: `ok <what debug printed>`, `skipped` or `failed`. */
function outcomes(stdout: string): string[] {
  return [...stdout.matchAll(/^(ok|skipping|fatal): \[localhost\]:?(?: => \{\n\s+("(?:msg|x)": .*)\n)?/gm)].map(([, status, printed]) => (status === 'ok' ? `ok ${printed}` : status === 'skipping' ? 'skipped' : 'failed'));
}

describe.skipIf(!hasAnsible)('a variable holding a template that names an undefined variable', () => {
  it('is undefined to tests and filters as in Ansible, and fails the task where its value is used', async () => {
    const args = ['-i', 'localhost,', '-c', 'local', playbook];
    const [ansible, ours] = await Promise.all([
      recordedPlaybook({ name: 'undefined-templates/playbook', inputs: [fileURLToPath(import.meta.url), dir], work, args, cwd: dir }),
      cxplay(['run', ...args, '-o', 'plain'], { cwd: dir }),
    ]);
    expect(ansible.code).toBe(0);
    expect(ours.code, ours.stderr).toBe(ansible.code);
    const expected = outcomes(ansible.stdout);
    expect(expected).toHaveLength(44);
    expect(expected).toContain('ok "msg": "x is defined -> False"');
    expect(outcomes(ours.stdout)).toEqual(expected);
    expect(ours.stdout).toContain("Mandatory variable 'x'  not defined.");
    expect(ours.stdout).toContain('\'nope\' is undefined in \\"{{ nope }}\\"');
  }, 120_000);
});
