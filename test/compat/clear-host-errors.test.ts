/**
 * meta: clear_host_errors with a host that was unreachable, or failed inside
 * blocks, on real SSH hosts (the lab: node2's inventory port is closed, the
 * playbook gives it the lab's sshd port): under ansible-playbook and cxplay
 * the same exit code, recap, tasks run on each host in the same order, and
 * messages. ansible-playbook's side is recorded in
 * test/references/clear-host-errors while its inputs are unchanged
 * (test/support/lab-reference.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { outline } from '../support/outline.js';

const dir = resolve(projectRoot, 'test', 'compat', 'clear-host-errors');
const work = mkdtempSync(join(tmpdir(), 'cxplay-clear-host-errors-'));
const LAB: LabOptions = { names: ['node1', 'node2', 'node3'], vars: { ansible_python_interpreter: '/usr/bin/python3' }, hostVars: { node2: { ansible_port: 1 } } };
let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start(LAB);
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** ansible-playbook's run of the playbook on a lab of its own, recorded while the playbooks and this file are unchanged. */
function ansibleRun(playbook: string): Promise<CommandResult> {
  return labReference({ name: `clear-host-errors/${playbook}`, inputs: [dir, fileURLToPath(import.meta.url)], work, lab: LAB }, (ansibleLab) =>
    ansiblePlaybook(['-i', ansibleLab.inventoryPath, join(dir, playbook)], { cwd: dir, work }),
  );
}

describe.skipIf(!hasAnsible)('meta: clear_host_errors', () => {
  it('brings an unreachable host back for the tasks it missed, once the others are through, as ansible-playbook does', async () => {
    const playbook = join(dir, 'unreachable.yaml');
    const reference = await ansibleRun('unreachable.yaml');
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: dir });
    const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
    expect(parseRecap(reference.stdout).node2, label).toMatchObject({ unreachable: 1, ok: 5 });
    expect(ours.code, label).toBe(reference.code);
    expect(parseRecap(ours.stdout), label).toEqual(parseRecap(reference.stdout));
    expect(outline(ours.stdout, work), label).toEqual(outline(reference.stdout, work));
  }, 300_000);

  for (const [name, comesBack] of [
    ['blocks-failed.yaml', 'node3'],
    ['blocks-unreachable.yaml', 'node2'],
  ] as const) {
    it(`${name}: a host that failed or was unreachable inside blocks goes on with their rescue and always as ansible-playbook does`, async () => {
      const playbook = join(dir, name);
      const reference = await ansibleRun(name);
      const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: dir });
      const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
      expect(reference.stdout, label).toContain(`"msg": "after ${comesBack}"`);
      expect(ours.code, label).toBe(reference.code);
      expect(parseRecap(ours.stdout), label).toEqual(parseRecap(reference.stdout));
      expect(outline(ours.stdout, work), label).toEqual(outline(reference.stdout, work));
    }, 300_000);
  }
});
