/**
 * Task headers as ansible-playbook 2.14 prints them, on the controller's own
 * connection: role prefixes on tasks and on include_tasks inside a role,
 * unnamed includes named after their action (`include_role : web`), named
 * includes and task names rendered with the first host's variables.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'task-names');
const work = mkdtempSync(join(tmpdir(), 'cxplay-task-names-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const inventory = join(work, 'inventory.ini');
writeFileSync(inventory, 'h1 ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n');

const headers = (stdout: string) => [...stdout.matchAll(/^(TASK \[.*\]|included: .*)/gm)].map((match) => match[1]!.replace(/ \*+$/, ''));

describe.skipIf(!hasAnsible)('task headers', () => {
  it('name tasks, includes and imports as ansible-playbook does', async () => {
    const playbook = join(dir, 'site.yaml');
    // Recorded while the playbooks and this file (which writes the inventory) are unchanged.
    const reference = await recordedPlaybook({ name: 'task-names/site.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, args: ['-i', inventory, playbook], cwd: dir });
    const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: dir });
    expect(headers(reference.stdout)).toContain('TASK [web : include_tasks]');
    expect(headers(ours.stdout), ours.stdout + ours.stderr).toEqual(headers(reference.stdout));
  }, 300_000);
});
