/**
 * A corpus of broken playbooks and inventories (cases/<name>/ with an
 * expect.yaml). Each must fail the load with exactly one CxError: its message,
 * the file and line it names, and ansible-playbook's exit code (4 for a parse
 * error, 5 for a bad option such as --limit). Each case runs twice: in
 * process through the loader and preflight, and through the built CLI with
 * --syntax-check, as an operator would meet it, and a third time as a real
 * `cxplay run` whose hosts point at a listener that counts connections:
 * nothing is contacted. Loading the __proto__/constructor cases pollutes no
 * prototype.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import { parseYaml } from '../../engine/load/yaml.js';
import { cliPath, cxplay } from '../support/cli.js';
import { loadAsTheCliDoes } from './load-as-cli.js';
import { startRecorder, type Recorder } from '../support/recorder.js';

interface Expectation {
  readonly message: string;
  /** The file the error names, relative to the case; absent for errors about options. */
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly exit?: 1 | 4 | 5;
  readonly limit?: string;
  /** The inventory file, when not inventory.yaml (e.g. an INI inventory.ini). */
  readonly inventory?: string;
  /** A file too big to keep in git, written into the temporary copy. */
  readonly generate?: { readonly file: string; readonly bytes: number };
}

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly expected: Expectation;
}

const here = dirname(fileURLToPath(import.meta.url));
const names = readdirSync(join(here, 'cases')).sort();
const work = realpathSync(mkdtempSync(join(tmpdir(), 'cxplay-bad-input-')));
const savedRolePaths = [process.env.CXPLAY_ROLES_PATH, process.env.ANSIBLE_ROLES_PATH] as const;

beforeAll(() => {
  delete process.env.CXPLAY_ROLES_PATH;
  delete process.env.ANSIBLE_ROLES_PATH;
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (savedRolePaths[0] !== undefined) process.env.CXPLAY_ROLES_PATH = savedRolePaths[0];
  if (savedRolePaths[1] !== undefined) process.env.ANSIBLE_ROLES_PATH = savedRolePaths[1];
});

/** A temporary copy of the case, completed with the default playbook or inventory it does not override. */
function prepare(name: string): Case {
  const dir = join(work, name);
  cpSync(join(here, 'cases', name), dir, { recursive: true });
  const expected = parseYaml(readFileSync(join(dir, 'expect.yaml'), 'utf8'), 'expect.yaml') as Expectation;
  const defaults = expected.inventory === undefined ? ['playbook.yaml', 'inventory.yaml'] : ['playbook.yaml'];
  for (const file of defaults) if (!existsSync(join(dir, file))) cpSync(join(here, 'defaults', file), join(dir, file));
  if (expected.generate) writeFileSync(join(dir, expected.generate.file), `# ${'x'.repeat(expected.generate.bytes)}\n`);
  const message = expected.message.replaceAll('{dir}', dir).replaceAll('{parent}', dirname(dir));
  return { name, dir, expected: { ...expected, message } };
}

function inventoryOf(expected: Expectation): string {
  return expected.inventory ?? 'inventory.yaml';
}

const cases = names.map(prepare);

describe('bad input through the loader', () => {
  it.each(cases.map((item) => [item.name, item] as const))('%s: one CxError with message, file, line and exit code', (_name, item) => {
    let thrown: unknown;
    try {
      loadAsTheCliDoes(join(item.dir, 'playbook.yaml'), join(item.dir, inventoryOf(item.expected)), item.expected.limit);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CxError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).is_admin).toBeUndefined();
    const error = thrown as CxError;
    expect(error.message).toBe(item.expected.message);
    expect(error.exitCode).toBe(item.expected.exit ?? 4);
    if (item.expected.file === undefined) {
      expect(error.at).toBeUndefined();
    } else {
      expect(error.at?.file).toBe(join(item.dir, item.expected.file));
      expect(error.at?.line).toBe(item.expected.line);
      if (item.expected.col !== undefined) expect(error.at?.col).toBe(item.expected.col);
    }
  });
});

describe('bad input through the CLI (--syntax-check)', () => {
  beforeAll(() => {
    if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run "npm run build" first`);
  });

  it.each(cases.map((item) => [item.name, item] as const))('%s: exit code and a single ERROR! line', async (_name, item) => {
    const limit = item.expected.limit === undefined ? [] : ['--limit', item.expected.limit];
    const result = await cxplay(['run', 'playbook.yaml', '-i', inventoryOf(item.expected), '--syntax-check', ...limit], { cwd: item.dir, env: { CXPLAY_ROLES_PATH: '', ANSIBLE_ROLES_PATH: '' } });
    expect(result.code).toBe(item.expected.exit ?? 4);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('ERROR!'));
    expect(errors).toHaveLength(1);
    const column = item.expected.col === undefined ? '' : `:${item.expected.col}`;
    const where = item.expected.file === undefined ? '' : `${join(item.dir, item.expected.file)}:${item.expected.line ?? ''}${column}`;
    expect(errors[0]).toContain(`ERROR! ${where}`);
    expect(errors[0]).toContain(item.expected.message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('playbook:');
  });
});

describe('bad input through `cxplay run`: one error and no host contacted', () => {
  let recorder: Recorder;
  beforeAll(async () => {
    recorder = await startRecorder();
  });
  afterAll(() => recorder.close());

  it('control: a valid playbook does reach the listener (so a zero below means something)', async () => {
    const dir = join(work, 'control');
    cpSync(join(here, 'defaults'), dir, { recursive: true });
    writeFileSync(join(dir, 'playbook.yaml'), '- hosts: cp1\n  tasks:\n    - debug: {msg: hi}\n');
    const result = await cxplay(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', `ansible_host=${recorder.address}`, '-e', `ansible_port=${recorder.port}`, '-T', '1'], { cwd: dir });
    expect(result.code).toBe(4);
    expect(recorder.connections()).toBe(1);
    recorder.reset();
  });

  it.each(cases.map((item) => [item.name, item] as const))('%s', async (_name, item) => {
    const limit = item.expected.limit === undefined ? [] : ['--limit', item.expected.limit];
    const target = ['-e', `ansible_host=${recorder.address}`, '-e', `ansible_port=${recorder.port}`, '-T', '30'];
    const result = await cxplay(['run', 'playbook.yaml', '-i', inventoryOf(item.expected), ...target, ...limit], { cwd: item.dir, env: { CXPLAY_ROLES_PATH: '', ANSIBLE_ROLES_PATH: '' } });
    expect(result.code).toBe(item.expected.exit ?? 4);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('ERROR!'))).toHaveLength(1);
    expect(result.stderr).toContain(item.expected.message);
    expect(result.stdout).not.toContain('TASK [');
    expect(recorder.connections()).toBe(0);
  });
});
