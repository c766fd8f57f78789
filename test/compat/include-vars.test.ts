/**
 * include_vars under ansible-playbook and cxplay on the controller's own
 * connection (no lab host needed: the module reads files on the controller):
 * the same messages, line for line, and the same recap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'include_vars');
let work: string;
let inventory: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-include-vars-'));
  inventory = join(work, 'inventory.yaml');
  writeFileSync(inventory, 'all:\n  hosts:\n    localhost:\n      ansible_connection: local\n');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function messages(stdout: string): string[] {
  return [...stdout.matchAll(/^ {4}"msg": (.*)$/gm)].map((match) => match[1]!);
}

describe.skipIf(!hasAnsible)('include_vars', () => {
  it('reads files and directories as ansible-playbook does', async () => {
    const playbook = join(dir, 'include_vars.yaml');
    // Recorded while the playbook, the files it reads and this file (which writes the inventory) are unchanged.
    const reference = await recordedPlaybook({ name: 'include-vars/include_vars.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, args: ['-i', inventory, playbook], cwd: dir });
    const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: dir });
    expect(messages(reference.stdout)).toHaveLength(11);
    expect(messages(ours.stdout), ours.stdout + ours.stderr).toEqual(messages(reference.stdout));
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
  }, 120_000);
});
