/**
 * The connection: and remote_user: keywords on real SSH hosts (the lab),
 * under ansible-playbook and cxplay: the same recap, the same hosts reached
 * the same way (which hostname each command saw), and the same messages.
 */
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { outline } from '../support/outline.js';

const dir = resolve(projectRoot, 'test', 'compat', 'connection-keywords');
const work = mkdtempSync(join(tmpdir(), 'cxplay-connection-keywords-'));
const LAB: LabOptions = {
  names: ['node1', 'node2', 'node3'],
  vars: { ansible_python_interpreter: '/usr/bin/python3' },
  hostVars: { node2: { ansible_user: 'nosuchuser' }, node3: { ansible_connection: 'local' } },
};
let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start(LAB);
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!hasAnsible)('connection and remote_user keywords', () => {
  it('run where ansible-playbook runs them, host variables winning over keywords', async () => {
    const playbook = join(dir, 'keywords.yaml');
    // Ansible's run on a lab of its own, recorded while the playbook and this file are unchanged.
    const reference = await labReference({ name: 'connection-keywords/keywords.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, lab: LAB }, (ansibleLab) =>
      ansiblePlaybook(['-i', ansibleLab.inventoryPath, playbook], { cwd: dir, work }),
    );
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: dir });
    const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
    expect(parseRecap(reference.stdout).node2?.unreachable, label).toBe(1);
    expect(ours.code, label).toBe(reference.code);
    expect(parseRecap(ours.stdout), label).toEqual(parseRecap(reference.stdout));
    expect(outline(ours.stdout, work), label).toEqual(outline(reference.stdout, work));
    expect(ours.stdout, label).toContain('"msg": "node1 False True False"');
    expect(ours.stdout, label).toContain('"msg": "node3 True True True"');
  }, 300_000);
});
