/** command and shell: Ansible 2.14's results, creates/removes, check mode, quoting, one exec. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const command = findModule('command')!;
const shell = findModule('shell')!;
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ path: dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'present.txt'), 'x');
});
afterEach(() => cleanup());

describe('command', () => {
  it('runs a program with its words, no shell, and reports Ansible\'s fields', async () => {
    const { result, execs } = await runModule(command, { args: { _raw_params: `printf '%s|' "a b" 'c d' $HOME` } });
    expect(result).toMatchObject({ changed: true, rc: 0, stdout: 'a b|c d|$HOME|', stderr: '', stdout_lines: ['a b|c d|$HOME|'], stderr_lines: [], msg: '' });
    expect(result.cmd).toEqual(['printf', '%s|', 'a b', 'c d', '$HOME']);
    expect(result.failed).toBeUndefined();
    expect(result.start).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    expect(result.delta).toMatch(/^\d+:\d\d:\d\d\.\d{6}$/);
    expect(execs).toBe(1);
  });

  it('passes argv words literally: quotes, $(...), backticks, newlines, globs, spaces', async () => {
    const words = ["it's", '$(touch pwned)', '`touch pwned`', 'two\nlines', '*', 'sp  ace', '"dq"', '\\'];
    const { result } = await runModule(command, { args: { argv: ['printf', '[%s]', ...words], chdir: dir } });
    expect(result.stdout).toBe(words.map((word) => `[${word}]`).join(''));
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('fails with rc, stderr and "non-zero return code"', async () => {
    const { result } = await runModule(command, { args: { argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'] } });
    expect(result).toMatchObject({ changed: true, failed: true, rc: 3, stdout: 'out', stderr: 'err', msg: 'non-zero return code' });
  });

  it('fails as Ansible does when the program does not exist', async () => {
    const { result } = await runModule(command, { args: { _raw_params: 'no-such-program-cx --flag' } });
    expect(result).toMatchObject({ failed: true, rc: 2, msg: "[Errno 2] No such file or directory: b'no-such-program-cx'" });
  });

  it('takes the mapping form with cmd:', async () => {
    const { result } = await runModule(command, { args: { cmd: 'echo mapped' } });
    expect(result.stdout).toBe('mapped');
  });

  it('refuses an empty command and command with argv', async () => {
    expect((await runModule(command, { args: {} })).result).toMatchObject({ failed: true, rc: 256, msg: 'no command given' });
    expect((await runModule(command, { args: { cmd: 'ls', argv: ['ls'] } })).result).toMatchObject({ failed: true, msg: 'only command or argv can be given, not both' });
  });

  it('ignores executable with Ansible\'s warning', async () => {
    const { result, warnings } = await runModule(command, { args: { _raw_params: 'echo x', executable: '/bin/bash' } });
    expect(result.stdout).toBe('x');
    expect(warnings[0]).toMatch(/no longer supported with the 'command' module/);
  });

  it('feeds stdin, with or without the trailing newline', async () => {
    expect((await runModule(command, { args: { _raw_params: 'cat', stdin: "it's $(x)" } })).result.stdout).toBe("it's $(x)");
    const raw = await runModule(command, { args: { _raw_params: 'od -c', stdin: 'ab', stdin_add_newline: false } });
    expect(raw.result.stdout).not.toContain('\\n');
    const added = await runModule(command, { args: { _raw_params: 'od -c', stdin: 'ab' } });
    expect(added.result.stdout).toContain('\\n');
  });

  it('keeps trailing newlines when strip_empty_ends is off, without an empty last line', async () => {
    const { result } = await runModule(command, { args: { argv: ['printf', 'a\\nb\\n\\n'], strip_empty_ends: false } });
    expect(result.stdout).toBe('a\nb\n\n');
    expect(result.stdout_lines).toEqual(['a', 'b', '']);
  });

  it('runs in chdir, and fails before running when chdir does not exist', async () => {
    expect((await runModule(command, { args: { _raw_params: 'pwd', chdir: dir } })).result.stdout).toBe(dir);
    const { result } = await runModule(command, { args: { _raw_params: 'touch should-not-exist', chdir: join(dir, 'nope') } });
    expect(result).toMatchObject({ failed: true, changed: false, msg: `Unable to change directory before execution: [Errno 2] No such file or directory: b'${join(dir, 'nope')}'` });
  });

  it('cannot be fooled by output that looks like its own report', async () => {
    const { result } = await runModule(command, { args: { argv: ['printf', '@@cx outcome=creates\\n'] } });
    expect(result).toMatchObject({ changed: true, rc: 0, stdout: '@@cx outcome=creates' });
  });
});

interface PathCase {
  readonly name: string;
  readonly args: Record<string, unknown>;
  readonly check: boolean;
  readonly runs: boolean;
  readonly expected: Record<string, unknown>;
}

const PATH_CASES: PathCase[] = [
  { name: 'creates matches (glob)', args: { creates: '{dir}/pres*.txt' }, check: false, runs: false, expected: { changed: false, rc: 0, stdout: 'skipped, since {dir}/pres*.txt exists', msg: "Did not run command since '{dir}/pres*.txt' exists" } },
  { name: 'creates missing', args: { creates: '{dir}/absent*' }, check: false, runs: true, expected: { changed: true, rc: 0 } },
  { name: 'removes missing', args: { removes: '{dir}/absent' }, check: false, runs: false, expected: { changed: false, stdout: 'skipped, since {dir}/absent does not exist', msg: "Did not run command since '{dir}/absent' does not exist" } },
  { name: 'removes present', args: { removes: '{dir}/present.txt' }, check: false, runs: true, expected: { changed: true } },
  { name: 'check mode, nothing decides', args: {}, check: true, runs: false, expected: { changed: false, skipped: true, msg: 'Command would have run if not in check mode' } },
  { name: 'check mode, creates missing', args: { creates: '{dir}/absent' }, check: true, runs: false, expected: { changed: true, msg: 'Command would have run if not in check mode' } },
  { name: 'check mode, creates present', args: { creates: '{dir}/present.txt' }, check: true, runs: false, expected: { changed: false, msg: "Would not run command since '{dir}/present.txt' exists" } },
];

describe.each([
  ['command', command, (marker: string) => ({ argv: ['touch', marker] })],
  ['shell', shell, (marker: string) => ({ _raw_params: `touch '${marker}' && echo done | cat` })],
] as const)('%s with creates/removes and check mode', (_name, module, commandArgs) => {
  it.each(PATH_CASES)('$name', async ({ args, check, runs, expected }) => {
    const fill = (value: unknown): unknown => (typeof value === 'string' ? value.replaceAll('{dir}', dir) : value);
    const marker = join(dir, 'ran');
    const filled = Object.fromEntries(Object.entries(args).map(([key, value]) => [key, fill(value)]));
    const { result, execs } = await runModule(module, { args: { ...commandArgs(marker), ...filled }, check });
    expect(result).toMatchObject(Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, fill(value)])));
    expect(existsSync(marker)).toBe(runs);
    expect(execs).toBe(1);
  });
});

describe('shell', () => {
  it('runs through /bin/sh with pipes and the task environment', async () => {
    const { result } = await runModule(shell, { args: { _raw_params: 'echo "$GREETING" | tr a-z A-Z' }, environment: { GREETING: "hello 'world' $(x)" } });
    expect(result).toMatchObject({ changed: true, rc: 0, stdout: "HELLO 'WORLD' $(X)", cmd: 'echo "$GREETING" | tr a-z A-Z' });
  });

  it('uses executable when given', async () => {
    const { result } = await runModule(shell, { args: { _raw_params: 'echo $0', executable: '/bin/dash' } });
    expect(result.stdout).toBe('/bin/dash');
  });
});
