/**
 * Python's values in templates: every task of the playbooks in
 * test/compat/python-values (floats.yaml: float expressions, filters,
 * JSON/YAML text, set_fact and registered floats; pprint-urlize.yaml: the
 * pprint and urlize filters) prints byte for byte what ansible-playbook
 * prints, run on this machine with a local connection. ansible-playbook's
 * side is recorded in test/references/python-values while its inputs are
 * unchanged (test/support/recorded-command.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'python-values');
const work = mkdtempSync(join(tmpdir(), 'cxplay-python-values-'));
const inventory = join(work, 'inventory.ini');
writeFileSync(inventory, 'localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n');

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The task sections of the plain output: from the first TASK to the recap, blank lines and trailing spaces dropped. */
function taskOutput(stdout: string): string[] {
  const lines = stdout.split('\n').map((line) => line.trimEnd());
  const start = lines.findIndex((line) => line.startsWith('TASK ['));
  const end = lines.findIndex((line) => line.startsWith('PLAY RECAP'));
  return lines.slice(start, end).filter((line) => line !== '');
}

describe.skipIf(!hasAnsible)('Python values in templates', () => {
  it.each([
    ['floats.yaml', 300],
    ['pprint-urlize.yaml', 60],
  ])('%s prints as under ansible-playbook, task by task', async (file, minimumLines) => {
    const playbook = join(dir, file);
    // The playbooks' directory and this file (which writes the inventory) decide Ansible's output.
    const reference = await recordedPlaybook({ name: `python-values/${file}`, inputs: [dir, fileURLToPath(import.meta.url)], work, args: ['-i', inventory, playbook] });
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: work });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    const expected = taskOutput(reference.stdout);
    expect(expected.length).toBeGreaterThan(minimumLines);
    expect(taskOutput(ours.stdout)).toEqual(expected);
  }, 240_000);
});
