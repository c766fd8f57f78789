/**
 * Bad input that only shows when the run evaluates it (runtime-cases/<name>/
 * with an expect.yaml): undefined variables, expressions and Handlebars
 * templates reaching for constructor or __proto__, include cycles, and
 * prototype keys in vars files and extra vars. Each gives exactly one error
 * naming the file and line (and the variable, for an undefined one), no
 * stack trace, and the single host, pointed at a listener that counts
 * connections, is never contacted. No prototype is polluted in this process
 * by loading the same files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVarsFile } from '../../engine/load/vars-file.js';
import { parseYaml } from '../../engine/load/yaml.js';
import { cxplay } from '../support/cli.js';
import { startRecorder, type Recorder } from '../support/recorder.js';
import { SourceCache } from '../../engine/load/source-cache.js';

interface Expectation {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  /** 2: the host failed; 4 and 5: the run refused to start. */
  readonly exit?: 2 | 4 | 5;
  readonly extra_vars?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const work = realpathSync(mkdtempSync(join(tmpdir(), 'cxplay-runtime-errors-')));
const INVENTORY = 'all:\n  hosts:\n    cp1:\n      ansible_host: 127.0.0.1\n';

const cases = readdirSync(join(here, 'runtime-cases'))
  .sort()
  .map((name) => {
    const dir = join(work, name);
    cpSync(join(here, 'runtime-cases', name), dir, { recursive: true });
    writeFileSync(join(dir, 'inventory.yaml'), INVENTORY);
    const expected = parseYaml(readFileSync(join(dir, 'expect.yaml'), 'utf8'), 'expect.yaml') as Expectation;
    return [name, { dir, expected: { ...expected, message: expected.message.replaceAll('{dir}', dir) } }] as const;
  });

let recorder: Recorder;
beforeAll(async () => {
  recorder = await startRecorder();
});
afterAll(async () => {
  await recorder.close();
  rmSync(work, { recursive: true, force: true });
});

/** The one error of the run: an ERROR! line, or the msg of the one failed host. */
function theError(stdout: string, stderr: string): string {
  const errors = stderr.split('\n').filter((line) => line.startsWith('ERROR!'));
  const fatals = stdout.split('\n').filter((line) => line.startsWith('fatal: ['));
  expect(errors.length + fatals.length, stdout + stderr).toBe(1);
  if (errors.length === 1) return errors[0]!.slice('ERROR! '.length);
  return (JSON.parse(fatals[0]!.slice(fatals[0]!.indexOf('=> ') + 3)) as { msg: string }).msg;
}

describe('bad input found while running', () => {
  it.each(cases)('%s: one error with file:line, no stack trace, no host contacted', async (_name, { dir, expected }) => {
    const extra = expected.extra_vars === undefined ? [] : ['-e', expected.extra_vars];
    const result = await cxplay(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', `ansible_port=${recorder.port}`, '-T', '30', ...extra], { cwd: dir });
    expect(result.code, result.stdout + result.stderr).toBe(expected.exit ?? 2);
    const error = theError(result.stdout, result.stderr);
    const where = expected.file === undefined ? '' : `${join(dir, expected.file)}:${expected.line}`;
    expect(error.startsWith(where), error).toBe(true);
    expect(error).toContain(expected.message);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    expect(recorder.connections()).toBe(0);
  });

  it('prototype keys in vars files are refused without polluting any prototype', () => {
    const [, { dir }] = cases.find(([name]) => name === 'proto-key-in-vars-file')!;
    expect(() => loadVarsFile(join(dir, 'vars', 'app.yaml'), new SourceCache())).toThrow("key 'constructor' is not allowed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
