/**
 * Each module's own differential test: every playbook in test/compat/modules/
 * runs under ansible-playbook and under cxplay on this machine (a local
 * connection), each with a fresh directory as the variable `base`, and the
 * recap, the exit code, the files under base (type, mode, content with base
 * written BASE) and the
 * registered results the playbook writes to base/results.json must be the
 * same; then again with --check --diff on fresh directories (a playbook
 * writes its results, and any files it starts from, with `check_mode: false`,
 * so that the predictions and diffs are compared too). A playbook's
 * `# mask: REGEX` lines name what differs from run to run (random names,
 * dates), replaced before comparing. Adding a module's playbook here needs no
 * change to this file. Ansible's side is recorded in test/references/modules
 * and runs again whenever the playbook, the files beside it, the stand-ins or
 * this harness change (test/support/ansible-reference.ts).
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, projectRoot, type CommandResult, type RecapLine } from '../support/cli.js';

const playbooks = resolve(projectRoot, 'test', 'compat', 'modules');
const work = mkdtempSync(join(tmpdir(), 'cxplay-compat-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const inventory = join(work, 'inventory.ini');
writeFileSync(inventory, 'localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n');

/** Keys only Ansible's Python modules add: the arguments echoed back and a failure's traceback. */
const PYTHON_ONLY_KEYS = new Set(['invocation', 'exception']);

/** Keys whose value is this machine's at the time of the run (apt's: when its lists were last updated), compared as their type. */
const MACHINE_KEYS = new Set(['cache_update_time']);

function masksOf(playbook: string): RegExp[] {
  return [...readFileSync(join(playbooks, playbook), 'utf8').matchAll(/^# mask: (.+)$/gm)].map((match) => new RegExp(match[1]!, 'g'));
}

function masked(text: string, base: string, masks: readonly RegExp[]): string {
  return masks.reduce((out, mask) => out.replace(mask, '<masked>'), text.split(base).join('BASE'));
}

/** A file's bytes with base written BASE (a database of the stand-ins names homes under it). */
function withoutBase(content: Buffer, base: string): Buffer {
  return Buffer.from(content.toString('latin1').split(base).join('BASE'), 'latin1');
}

/** Every path under base with its type, mode and content hash (results.json is compared on its own). */
function snapshot(base: string, masks: readonly RegExp[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (dir === base && name === 'results.json') continue;
      const path = join(dir, name);
      const stat = lstatSync(path);
      const mode = (stat.mode & 0o7777).toString(8);
      const what = stat.isSymbolicLink() ? `link ${readlinkSync(path)}` : stat.isDirectory() ? `dir ${mode}` : `${mode} ${createHash('sha256').update(withoutBase(readFileSync(path), base)).digest('hex').slice(0, 16)}`;
      out.push(masked(`${path} ${what}`, base, masks));
      if (stat.isDirectory() && !stat.isSymbolicLink()) walk(path);
    }
  };
  walk(base);
  return out.sort();
}

/** The registered results, without what only Python modules add, with `failed: false` (cxplay leaves it out) dropped and the machine's values as their types. */
function results(base: string, masks: readonly RegExp[]): unknown {
  let text: string;
  try {
    text = readFileSync(join(base, 'results.json'), 'utf8');
  } catch {
    return undefined;
  }
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value === null || typeof value !== 'object') return value;
    const kept = Object.entries(value).filter(([key, inner]) => !PYTHON_ONLY_KEYS.has(key) && !(key === 'failed' && inner === false));
    return Object.fromEntries(kept.map(([key, inner]) => [key, MACHINE_KEYS.has(key) ? typeof inner : clean(inner)]));
  };
  return clean(JSON.parse(masked(text, base, masks)));
}

interface Outcome {
  readonly run: CommandResult;
  readonly recap: Record<string, RecapLine>;
  readonly code: number;
  readonly files: string[];
  readonly results: unknown;
}

/** One engine's run of the playbook on a fresh base directory, with what it left there. */
async function runOn(engine: 'ansible' | 'cxplay', playbook: string, extra: readonly string[]): Promise<Outcome> {
  const base = mkdtempSync(join(work, `${playbook}-${engine}-`));
  mkdirSync(join(base, 'sub'));
  const args = ['-i', inventory, join(playbooks, playbook), '-e', `base=${base}`, ...extra];
  const run = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: playbooks, work, pipelining: false }) : await cxplay(['run', ...args, '-o', 'plain'], { cwd: playbooks });
  const masks = masksOf(playbook);
  const printed = { code: run.code, stdout: masked(run.stdout, base, masks), stderr: masked(run.stderr, base, masks) };
  return { run: printed, recap: parseRecap(run.stdout), code: run.code, files: snapshot(base, masks), results: results(base, masks) };
}

/** What decides Ansible's outcome besides the playbook: the files beside the playbooks, the stand-ins, and how it is run and compared. */
const supportInputs = [
  ...readdirSync(playbooks)
    .filter((name) => !name.endsWith('.yaml'))
    .map((name) => join(playbooks, name)),
  resolve(projectRoot, 'test', 'standins'),
  resolve(projectRoot, 'test', 'support', 'ansible.ts'),
  fileURLToPath(import.meta.url),
];

/** Ansible's outcome (recorded while its inputs are unchanged) and cxplay's. */
async function runBoth(playbook: string, extra: readonly string[]): Promise<[Outcome, Outcome]> {
  const reference = await ansibleReference(
    { name: `modules/${playbook}${extra.length > 0 ? '.check' : ''}`, inputs: [join(playbooks, playbook), ...supportInputs], work, settings: extra },
    () => runOn('ansible', playbook, extra),
  );
  return [reference, await runOn('cxplay', playbook, extra)];
}

const files = readdirSync(playbooks).filter((name) => name.endsWith('.yaml'));

describe.skipIf(!hasAnsible)("each module's playbook: the same as under ansible-playbook", () => {
  for (const playbook of files) {
    it(`${playbook}: recap, files and registered results match, in check mode too`, async () => {
      for (const extra of [[], ['--check', '--diff']]) {
        const [reference, ours] = await runBoth(playbook, extra);
        const label = `${extra.join(' ')}\n${ours.run.stdout}${ours.run.stderr}\n--- ansible ---\n${reference.run.stdout}${reference.run.stderr}`;
        expect(Object.keys(reference.recap), label).toEqual(['localhost']);
        // A playbook that stopped before writing its results would compare nothing.
        expect(reference.results, label).toBeDefined();
        expect(ours.recap, label).toEqual(reference.recap);
        expect(ours.code, label).toBe(reference.code);
        expect(ours.files, label).toEqual(reference.files);
        expect(ours.results, label).toEqual(reference.results);
      }
    }, 600_000);
  }
});
