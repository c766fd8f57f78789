/**
 * Template files as ansible-playbook renders them: the corpus of
 * test/compat/jinja (every Jinja construct Ansible's template module users
 * write, from Jinja's and Ansible's template documentation) is rendered on a
 * lab host by ansible-playbook and, on another, by cxplay; every file must be
 * byte for byte the same. And a template file with a mistake stops cxplay
 * before any host is touched. ansible-playbook's side is recorded in
 * test/references/jinja while its inputs are unchanged
 * (test/support/ansible-reference.ts).
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const corpus = resolve(projectRoot, 'test', 'compat', 'jinja');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-jinja-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const LAB: LabOptions = { names: ['node1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } };

function startLab(): Promise<Lab> {
  return Lab.start(LAB);
}

/** Every rendered file's text, read through base64 so that every byte (trailing newlines included) is compared. */
async function rendered(lab: Lab): Promise<Record<string, string>> {
  const listing = await lab.exec('node1', 'cd /opt/jinja && for f in *; do printf "%s " "$f"; base64 -w0 "$f"; echo; done');
  return Object.fromEntries(
    listing.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string])
      .map(([name, content]) => [name, Buffer.from(content, 'base64').toString()]),
  );
}

interface Rendering {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: Record<string, string>;
}

/**
 * ansible-playbook's run of the corpus and the files it rendered, recorded
 * while the corpus and this file are unchanged (labReference). The
 * controller's host name and time zone are settings: template_host and
 * template_mtime render them.
 */
function ansibleRendering(): Promise<Rendering> {
  const settings = { controller: hostname(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  return labReference({ name: 'jinja/jinja.yaml', inputs: [corpus, fileURLToPath(import.meta.url)], work, lab: LAB, settings }, async (lab) => {
    const { code, stdout, stderr } = await ansiblePlaybook(['-i', lab.inventoryPath, 'jinja.yaml'], { cwd: corpus, work });
    return { code, stdout, stderr, files: await rendered(lab) };
  });
}

describe.skipIf(!hasAnsible)('Jinja template files', () => {
  it('render byte for byte as ansible-playbook renders them', async () => {
    // template_mtime and ansible_managed depend on the files' times: the same for both runs.
    for (const file of readdirSync(join(corpus, 'templates'), { recursive: true })) utimesSync(join(corpus, 'templates', String(file)), 1_700_000_000, 1_700_000_000);
    const reference = await ansibleRendering();
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const cxLab = await startLab();
    try {
      const ours = await cxplay(['run', 'jinja.yaml', '-i', cxLab.inventoryPath, '-o', 'plain'], { cwd: corpus });
      expect(ours.code, ours.stdout + ours.stderr).toBe(0);
      expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
      const expected = reference.files;
      const templates = readdirSync(join(corpus, 'templates')).filter((name) => name.endsWith('.j2'));
      expect(Object.keys(expected).sort()).toEqual([...templates, 'role.conf', 'task-options.j2'].sort());
      const actual = await rendered(cxLab);
      for (const name of Object.keys(expected)) expect({ name, text: actual[name] ?? '' }).toEqual({ name, text: expected[name] });
    } finally {
      await cxLab.stop();
    }
  }, 600_000);
});

describe('a template file with a mistake', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ['an unknown filter in an included file', { 'main.j2': 'a\n{% include "part.j2" %}\n', 'part.j2': 'x\n  {{ name | uper }}\n' }, /part\.j2:2:3: unknown filter 'uper' — did you mean 'upper'\?/],
    ['an unknown test', { 'main.j2': '{% if name is defind %}x{% endif %}\n' }, /main\.j2:1:1: unknown test 'defind' — did you mean 'defined'\?/],
    ['an unknown lookup', { 'main.j2': "{{ lookup('evn', 'HOME') }}\n" }, /main\.j2:1:1: unknown lookup 'evn' — did you mean 'env'\?/],
    ['a block never closed', { 'main.j2': 'line\n{% for x in [1] %}\n{{ x }}\n' }, /main\.j2:2:1: template syntax error: 'for' is never closed/],
    ['an unknown tag', { 'main.j2': '{% fro x in [1] %}{% endfor %}\n' }, /main\.j2:1:1: template syntax error: unknown tag 'fro' — did you mean 'for'\?/],
  ];

  it.each(cases)('%s stops the run before any host is touched', async (_label, files, message) => {
    const dir = mkdtempSync(join(work, 'bad-'));
    mkdirSync(join(dir, 'templates'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'templates', name), text);
    writeFileSync(
      join(dir, 'play.yaml'),
      [
        '- hosts: all',
        '  gather_facts: false',
        '  vars: { name: world }',
        '  tasks:',
        '    - name: Touch a file first',
        '      file: { path: /opt/touched, state: touch }',
        '    - name: Render the template',
        '      template: { src: main.j2, dest: /opt/main.conf }',
        '',
      ].join('\n'),
    );
    const result = await cxplay(['run', 'play.yaml', '-i', lab.inventoryPath, '-o', 'plain'], { cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(message);
    expect((await lab.exec('node1', 'ls /opt')).stdout).toBe('');
  }, 120_000);
});
