/**
 * Filters and tests against ansible-playbook: every expression of
 * test/compat/expressions/corpus.yaml, rendered on one lab host by
 * ansible-playbook and by cxplay, must give the same to_json text (value and
 * type) and the same text in a string, byte for byte.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { loadCorpus, renderedByIndex } from './expressions/corpus.js';

const corpus = loadCorpus(resolve(projectRoot, 'test', 'compat', 'expressions'));
let lab: Lab;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-expressions-'));
  writeFileSync(join(work, 'expressions.yaml'), corpus.playbook);
  lab = await Lab.start({ names: ['node1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } });
});

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!hasAnsible)('filters and tests render as under ansible-playbook', () => {
  it(`${corpus.expressions.length} expressions: same to_json and text as Ansible`, async () => {
    const playbook = join(work, 'expressions.yaml');
    // Ansible's run on a lab of its own and what it rendered, recorded while the corpus and this file are unchanged.
    const inputs = [resolve(projectRoot, 'test', 'compat', 'expressions'), fileURLToPath(import.meta.url)];
    const reference = await labReference({ name: 'expressions/expressions.yaml', inputs, work, lab: { names: ['node1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } } }, async (ansibleLab) => {
      const run = await ansiblePlaybook(['-i', ansibleLab.inventoryPath, playbook, '-e', 'dest=/tmp/expressions-ansible.txt'], { cwd: work, work });
      return { ...run, rendered: (await ansibleLab.exec('node1', 'cat /tmp/expressions-ansible.txt')).stdout };
    });
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain', '-e', 'dest=/tmp/expressions-cxplay.txt'], { cwd: work });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);

    const expected = renderedByIndex(reference.rendered);
    const actual = renderedByIndex((await lab.exec('node1', 'cat /tmp/expressions-cxplay.txt')).stdout);
    expect(expected.size).toBe(corpus.expressions.length);
    const differences = corpus.expressions.flatMap((expression, index) => {
      const want = expected.get(index)!;
      return actual.get(index) === want ? [] : [{ expression, ansible: want, cxplay: actual.get(index) }];
    });
    expect(differences).toEqual([]);
  }, 600_000);
});
