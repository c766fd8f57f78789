/**
 * pause with no terminal on stdin (CI, a pipe), side by side with
 * ansible-playbook (its run recorded): the same lines on stdout ("Pausing for
 * N seconds", the prompt under the task's name), a prompt without a time not
 * waited for, with Ansible's warning, and the same registered results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'pause');
const work = mkdtempSync(join(tmpdir(), 'cxplay-pause-'));
const INVENTORY = 'localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n';

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** stdout without the recap's spacing and the run's closing line, which are each engine's. */
function lines(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.replace(/\s*\*+$/, '').replace(/ +/g, ' ').trimEnd())
    .filter((line) => line !== '' && !/host\(s\) in/.test(line));
}

describe.skipIf(!hasAnsible)('pause without a terminal', () => {
  it('shows the lines and results ansible-playbook does, waiting only for a time', async () => {
    const inventory = join(work, 'inventory.ini');
    (await import('node:fs')).writeFileSync(inventory, INVENTORY);
    const playbook = join(dir, 'pause.yaml');
    const reference = await recordedPlaybook({ name: 'pause/pause.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, args: ['-i', inventory, playbook] });
    const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: work });
    const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
    expect(reference.stdout, label).toContain('Type something:');
    expect(ours.code, label).toBe(reference.code);
    expect(lines(ours.stdout), label).toEqual(lines(reference.stdout));
    // Ansible shows the warning for each pause (its workers' displays are apart); cxplay shows an identical warning once.
    expect(ours.stderr, label).toContain('[WARNING]: Not waiting for response to prompt as stdin is not interactive');
    expect(reference.stderr, label).toContain('[WARNING]: Not waiting for response to prompt as stdin is not interactive');
  }, 120_000);
});
