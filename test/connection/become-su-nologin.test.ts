/**
 * su (as root, over the local connection) to a user whose shell is nologin,
 * side by side with ansible-playbook 2.14: what su and the shell printed
 * ("This account is currently not available.") is the task's output, as
 * Ansible reports it: raw fails as a command that exited 1, a module as a
 * MODULE FAILURE with module_stdout, module_stderr and rc. ansible-playbook's
 * side is recorded in test/references/become-su-nologin.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const isRoot = process.getuid?.() === 0;
const nobodyHasNologin = /^nobody:.*:\/(usr\/)?sbin\/nologin$/m.test(readFileSync('/etc/passwd', 'utf8'));
const dir = join(projectRoot, 'test', 'connection', 'su-nologin');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-su-nologin-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each `fatal:` result as JSON, without what only Ansible's Python modules add (the interpreter it discovered). */
function failures(stdout: string): unknown[] {
  return [...stdout.matchAll(/^fatal: \[\w+\]: FAILED! => (\{.*\})$/gm)].map(([, json]) => {
    const { ansible_facts: _facts, ...result } = JSON.parse(json!) as Record<string, unknown>;
    return result;
  });
}

describe.skipIf(!hasAnsible || !isRoot || !nobodyHasNologin)('su to a user whose shell is nologin', () => {
  it("fails each task with su's own words, as ansible-playbook reports them", async () => {
    const args = ['-i', 'localhost,', '-c', 'local', join(dir, 'play.yaml')];
    const [ansible, ours] = await Promise.all([
      recordedPlaybook({ name: 'become-su-nologin/play', inputs: [fileURLToPath(import.meta.url), dir], work, args, cwd: dir }),
      cxplay(['run', ...args, '-o', 'plain'], { cwd: dir }),
    ]);
    const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${ansible.stdout}`;
    expect(ours.code, label).toBe(ansible.code);
    expect(parseRecap(ours.stdout), label).toEqual(parseRecap(ansible.stdout));
    expect(failures(ansible.stdout)).toHaveLength(3);
    expect(failures(ours.stdout), label).toEqual(failures(ansible.stdout));
    expect(ours.stdout).toContain('"module_stdout": "This account is currently not available.\\n"');
  }, 120_000);
});
