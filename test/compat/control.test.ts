/**
 * The control modules and keywords (add_host, group_by, the meta actions,
 * import_playbook, the play keywords that change how tasks run) under
 * ansible-playbook and cxplay: every playbook in test/compat/control/ runs on
 * three hosts with the local connection, `base` a fresh directory, and the
 * exit code, the recap, the lines that say what ran where (plays, tasks, each
 * host's status), every debug message, and the results the playbook writes
 * under base (results*.json) must be the same. A playbook's `# args:` line
 * adds options to both runs, its `# file:` lines empty files in base. Adding a playbook here needs no change to this file.
 * ansible-playbook's side is recorded in test/references/control while the
 * playbook, the files beside it and this harness are unchanged.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, projectRoot, type CommandResult, type RecapLine } from '../support/cli.js';
import { outline } from '../support/outline.js';

const dir = resolve(projectRoot, 'test', 'compat', 'control');
const work = mkdtempSync(join(tmpdir(), 'cxplay-compat-control-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const inventory = join(work, 'inventory.ini');
writeFileSync(inventory, ['h1', 'h2', 'h3'].map((name) => `${name} ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n`).join(''));

function results(base: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(base).filter((file) => /^results.*\.json$/.test(file)).sort()) {
    out[name] = JSON.parse(readFileSync(join(base, name), 'utf8').split(base).join('BASE'));
  }
  return out;
}

/** A playbook's `# args:` line ({base} is the run's directory) and the empty files its `# file:` lines name, made in base. */
function prepare(playbook: string, base: string): string[] {
  const text = readFileSync(join(dir, playbook), 'utf8');
  for (const [, name] of text.matchAll(/^# file: (.+)$/gm)) writeFileSync(join(base, name!), '');
  const line = /^# args: (.+)$/m.exec(text);
  return line ? line[1]!.replaceAll('{base}', base).split(' ') : [];
}

interface Outcome {
  readonly run: CommandResult;
  readonly code: number;
  readonly recap: Record<string, RecapLine>;
  readonly outline: string[];
  readonly results: Record<string, unknown>;
}

/** One engine's run of the playbook on a fresh base directory (written BASE in what it printed), with the results it left there. */
async function runOn(engine: 'ansible' | 'cxplay', playbook: string): Promise<Outcome> {
  const base = mkdtempSync(join(work, `${playbook}-${engine}-`));
  const args = ['-i', inventory, join(dir, playbook), '-e', `base=${base}`, ...prepare(playbook, base)];
  const run = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: dir, work }) : await cxplay(['run', ...args, '-o', 'plain'], { cwd: dir });
  const printed = { code: run.code, stdout: run.stdout.split(base).join('BASE'), stderr: run.stderr.split(base).join('BASE') };
  return { run: printed, code: run.code, recap: parseRecap(run.stdout), outline: outline(run.stdout, base), results: results(base) };
}

/** What decides Ansible's outcome besides the playbook: what it imports (files starting with _, roles), how it is run and compared. */
const supportInputs = [
  ...readdirSync(dir)
    .filter((name) => !name.endsWith('.yaml') || name.startsWith('_'))
    .map((name) => join(dir, name)),
  resolve(projectRoot, 'test', 'support', 'ansible.ts'),
  resolve(projectRoot, 'test', 'support', 'outline.ts'),
  fileURLToPath(import.meta.url),
];

/** Ansible's outcome (recorded while its inputs are unchanged) and cxplay's. */
async function runBoth(playbook: string): Promise<[Outcome, Outcome]> {
  const reference = await ansibleReference({ name: `control/${playbook}`, inputs: [join(dir, playbook), ...supportInputs], work }, () => runOn('ansible', playbook));
  return [reference, await runOn('cxplay', playbook)];
}

const playbooks = readdirSync(dir).filter((name) => name.endsWith('.yaml') && !name.startsWith('_'));

describe.skipIf(!hasAnsible)('control modules and keywords: the same as under ansible-playbook', () => {
  for (const playbook of playbooks) {
    it(`${playbook}: exit code, recap, what ran where, messages and registered results match`, async () => {
      const [reference, ours] = await runBoth(playbook);
      const label = `${ours.run.stdout}${ours.run.stderr}\n--- ansible ---\n${reference.run.stdout}${reference.run.stderr}`;
      expect(Object.keys(reference.recap).length, label).toBeGreaterThan(0);
      expect(ours.code, label).toBe(reference.code);
      expect(ours.recap, label).toEqual(reference.recap);
      expect(ours.outline, label).toEqual(reference.outline);
      expect(ours.results, label).toEqual(reference.results);
    }, 300_000);
  }
});
