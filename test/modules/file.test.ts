/**
 * file: every state, first run changes and second run does not, check mode
 * predicts without touching anything, Ansible's messages and diff.
 */
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, sh, tempDir } from './context.js';
import { fill } from './fill.js';

const file = findModule('file')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

/** What `ls`-like inspection shows of the paths a case names: type, mode, link target. */
async function inspect(paths: readonly string[]): Promise<string> {
  const script = paths
    .map((path) => `p='${path}'; if [ -L "$p" ]; then echo "$p link $(readlink "$p")"; elif [ -d "$p" ]; then echo "$p dir $(stat -c %a "$p")"; elif [ -e "$p" ]; then echo "$p file $(stat -c '%a %h' "$p")"; else echo "$p absent"; fi`)
    .join('\n');
  return (await sh(script)).stdout;
}

interface StateCase {
  readonly name: string;
  readonly prepare?: string;
  readonly args: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
  /** `inspect` output for these paths after the run, one line each. */
  readonly after: Record<string, string>;
  /** touch is never idempotent (it sets the times), as in Ansible. */
  readonly changesAgain?: boolean;
}

const STATE_CASES: StateCase[] = [
  { name: 'directory with mode, parents created', args: { path: '{d}/a/b/c', state: 'directory', mode: '0750' }, expected: { changed: true, path: '{d}/a/b/c', state: 'directory', mode: '0750' }, after: { '{d}/a': 'dir 750', '{d}/a/b/c': 'dir 750' } },
  { name: 'directory already there, mode fixed', prepare: 'mkdir -m 700 {d}/x', args: { path: '{d}/x', state: 'directory', mode: '0755' }, expected: { changed: true, mode: '0755' }, after: { '{d}/x': 'dir 755' } },
  { name: 'directory given a symbolic mode', prepare: 'mkdir -m 700 {d}/x', args: { path: '{d}/x', state: 'directory', mode: 'g+rx,o=' }, expected: { changed: true, mode: '0750' }, after: { '{d}/x': 'dir 750' } },
  { name: 'file: attributes of an existing file', prepare: 'echo hi > {d}/f; chmod 600 {d}/f', args: { path: '{d}/f', mode: 'u=rw,go=r' }, expected: { changed: true, state: 'file', mode: '0644' }, after: { '{d}/f': 'file 644 1' } },
  { name: 'no state keeps a directory a directory', prepare: 'mkdir -m 755 {d}/x', args: { path: '{d}/x', mode: '0711' }, expected: { changed: true, state: 'directory', mode: '0711' }, after: { '{d}/x': 'dir 711' } },
  { name: 'absent removes a tree', prepare: 'mkdir -p {d}/t/u; touch {d}/t/u/f', args: { path: '{d}/t', state: 'absent' }, expected: { changed: true, path: '{d}/t', state: 'absent' }, after: { '{d}/t': 'absent' } },
  { name: 'absent on nothing', args: { path: '{d}/none', state: 'absent' }, expected: { changed: false, state: 'absent' }, after: { '{d}/none': 'absent' } },
  { name: 'touch creates an empty file', args: { path: '{d}/new', state: 'touch', mode: '0640' }, expected: { changed: true, dest: '{d}/new', state: 'file', mode: '0640', size: 0 }, after: { '{d}/new': 'file 640 1' }, changesAgain: true },
  { name: 'link to a file', prepare: 'touch {d}/target', args: { path: '{d}/ln', state: 'link', src: '{d}/target' }, expected: { changed: true, dest: '{d}/ln', src: '{d}/target', state: 'link' }, after: { '{d}/ln': 'link {d}/target' } },
  { name: 'link re-pointed', prepare: 'touch {d}/t1 {d}/t2; ln -s {d}/t1 {d}/ln', args: { path: '{d}/ln', state: 'link', src: '{d}/t2' }, expected: { changed: true, state: 'link' }, after: { '{d}/ln': 'link {d}/t2' } },
  { name: 'relative link checked from the link\'s directory', prepare: 'mkdir {d}/sub; touch {d}/sub/target', args: { path: '{d}/sub/ln', state: 'link', src: 'target' }, expected: { changed: true }, after: { '{d}/sub/ln': 'link target' } },
  { name: 'link with force over a file', prepare: 'touch {d}/t; echo data > {d}/f', args: { path: '{d}/f', state: 'link', src: '{d}/t', force: true }, expected: { changed: true, state: 'link' }, after: { '{d}/f': 'link {d}/t' } },
  { name: 'link mode applies to the target', prepare: 'touch {d}/t; chmod 600 {d}/t', args: { path: '{d}/ln', state: 'link', src: '{d}/t', mode: '0640' }, expected: { changed: true }, after: { '{d}/t': 'file 640 1', '{d}/ln': 'link {d}/t' } },
  { name: 'hard link', prepare: 'echo x > {d}/t', args: { path: '{d}/h', state: 'hard', src: '{d}/t' }, expected: { changed: true, dest: '{d}/h', state: 'hard' }, after: { '{d}/h': 'file 644 2' } },
  { name: 'recurse sets a tree\'s mode, X for directories only', prepare: 'mkdir -p {d}/r/s; touch {d}/r/f {d}/r/s/g; chmod 700 {d}/r {d}/r/s; chmod 600 {d}/r/f {d}/r/s/g', args: { path: '{d}/r', state: 'directory', recurse: true, mode: 'u=rwX,g=rX,o=rX' }, expected: { changed: true }, after: { '{d}/r': 'dir 755', '{d}/r/s': 'dir 755', '{d}/r/f': 'file 644 1', '{d}/r/s/g': 'file 644 1' } },
  { name: 'recurse with an octal mode', prepare: 'mkdir -p {d}/r/s; touch {d}/r/s/g', args: { path: '{d}/r', state: 'directory', recurse: true, mode: '0700' }, expected: { changed: true }, after: { '{d}/r/s': 'dir 700', '{d}/r/s/g': 'file 700 1' } },
];

describe('file states', () => {
  it.each(STATE_CASES)('$name', async (raw) => {
    const testCase = fill(raw, d);
    if (testCase.prepare) expect((await sh(testCase.prepare)).rc).toBe(0);
    const paths = Object.keys(testCase.after);
    const before = await inspect(paths);

    const predicted = await runModule(file, { args: testCase.args, check: true });
    expect(predicted.result.changed).toBe(testCase.expected.changed);
    expect(await inspect(paths)).toBe(before);

    const first = await runModule(file, { args: testCase.args });
    expect(first.result).toMatchObject(testCase.expected);
    expect(first.result.failed).toBeUndefined();
    expect(first.execs).toBe(1);
    expect(await inspect(paths)).toBe(paths.map((path) => `${path} ${testCase.after[path]}\n`).join(''));

    const second = await runModule(file, { args: testCase.args });
    expect(second.result.changed).toBe(testCase.changesAgain === true);
    expect(second.execs).toBe(1);
    const checkedAgain = await runModule(file, { args: testCase.args, check: true });
    expect(checkedAgain.result.changed).toBe(testCase.changesAgain === true);
  });
});

interface FailureCase {
  readonly name: string;
  readonly prepare?: string;
  readonly args: Record<string, unknown>;
  readonly msg: string;
}

const FAILURE_CASES: FailureCase[] = [
  { name: 'state=file on a missing path', args: { path: '{d}/none', state: 'file' }, msg: 'file ({d}/none) is absent, cannot continue' },
  { name: 'state=file on a directory', prepare: 'mkdir {d}/x', args: { path: '{d}/x', state: 'file' }, msg: 'file ({d}/x) is directory, cannot continue' },
  { name: 'directory where a file is', prepare: 'touch {d}/f', args: { path: '{d}/f', state: 'directory' }, msg: '{d}/f already exists as a file' },
  { name: 'link without src', args: { path: '{d}/ln', state: 'link' }, msg: 'src is required for creating new symlinks' },
  { name: 'link to a missing source without force', args: { path: '{d}/ln', state: 'link', src: '{d}/missing' }, msg: 'src file does not exist, use "force=yes" if you really want to create the link: {d}/missing' },
  { name: 'link over a file without force', prepare: 'touch {d}/t {d}/f', args: { path: '{d}/f', state: 'link', src: '{d}/t' }, msg: 'refusing to convert from file to symlink for {d}/f' },
  { name: 'link over a non-empty directory', prepare: 'touch {d}/t; mkdir {d}/x; touch {d}/x/f', args: { path: '{d}/x', state: 'link', src: '{d}/t', force: true }, msg: 'the directory {d}/x is not empty, refusing to convert it' },
  { name: 'hard link over a file without force', prepare: 'touch {d}/t {d}/f', args: { path: '{d}/f', state: 'hard', src: '{d}/t' }, msg: 'Cannot link, file exists at destination' },
  { name: 'recurse without directory', args: { path: '{d}/f', state: 'file', recurse: true }, msg: "recurse option requires state to be 'directory'" },
  { name: 'src without link or hard', args: { path: '{d}/f', state: 'touch', src: '{d}/x' }, msg: "src option requires state to be 'link' or 'hard'" },
  { name: 'unknown owner, even in check mode', args: { path: '{d}/f', state: 'touch', owner: 'no-such-user-cx' }, msg: 'chown failed: failed to look up user no-such-user-cx' },
  { name: 'unknown group', args: { path: '{d}/f', state: 'touch', group: 'no-such-group-cx' }, msg: 'chgrp failed: failed to look up group no-such-group-cx' },
];

describe('file failures', () => {
  it.each(FAILURE_CASES)('$name', async (raw) => {
    const testCase = fill(raw, d);
    if (testCase.prepare) await sh(testCase.prepare);
    const listing = (await sh(`ls -lA ${d}`)).stdout;
    for (const check of [true, false]) {
      const { result } = await runModule(file, { args: testCase.args, check });
      expect(result).toMatchObject({ failed: true, changed: false, msg: testCase.msg });
    }
    expect((await sh(`ls -lA ${d}`)).stdout).toBe(listing);
  });
});

describe('file details', () => {
  it('reports the state change and the mode change in its diff, as Ansible does', async () => {
    await sh(`touch ${d}/f; chmod 600 ${d}/f`);
    const { result } = await runModule(file, { args: { path: `${d}/f`, mode: '0644' }, diff: true });
    expect(result.diff).toEqual({ before: { path: `${d}/f`, mode: '0600' }, after: { path: `${d}/f`, mode: '0644' } });
    const created = await runModule(file, { args: { path: `${d}/n`, state: 'directory' }, diff: true });
    expect(created.result.diff).toEqual({ before: { path: `${d}/n`, state: 'absent' }, after: { path: `${d}/n`, state: 'directory' } });
    await sh(`touch ${d}/t1 ${d}/t2; ln -s ${d}/t1 ${d}/ln`);
    const relinked = await runModule(file, { args: { path: `${d}/ln`, state: 'link', src: `${d}/t2` }, diff: true });
    expect(relinked.result.diff).toEqual({ before: { path: `${d}/ln`, src: `${d}/t1` }, after: { path: `${d}/ln`, src: `${d}/t2` } });
  });

  it('makes each missing directory with its mode, the diff naming the mode a plain mkdir gives', async () => {
    const umask = Number.parseInt((await sh('umask')).stdout.trim(), 8);
    const { result, execs } = await runModule(file, { args: { path: `${d}/a/b/c`, state: 'directory', mode: '0750' }, diff: true });
    expect(execs).toBe(1);
    for (const dir of ['a', 'a/b', 'a/b/c']) expect((statSync(`${d}/${dir}`).mode & 0o7777).toString(8)).toBe('750');
    expect(result).toMatchObject({ changed: true, mode: '0750', state: 'directory' });
    expect(result.diff).toEqual({ before: { path: `${d}/a/b/c`, state: 'absent', mode: (0o777 & ~umask).toString(8).padStart(4, '0') }, after: { path: `${d}/a/b/c`, state: 'directory', mode: '0750' } });
    await sh(`mkdir ${d}/s; chgrp 2345 ${d}/s; chmod 2775 ${d}/s`);
    await runModule(file, { args: { path: `${d}/s/n`, state: 'directory', mode: '0750' } });
    expect(statSync(`${d}/s/n`)).toMatchObject({ gid: 2345 });
    expect((await runModule(file, { args: { path: `${d}/s/n`, state: 'directory', mode: '0750' } })).result.changed).toBe(false);
  });

  it('changes owner and group (numbers or names) and reports them', async () => {
    await sh(`touch ${d}/f; chown 1234:2345 ${d}/f`);
    const { result } = await runModule(file, { args: { path: `${d}/f`, owner: 'root', group: '0' }, diff: true });
    expect(result).toMatchObject({ changed: true, owner: 'root', uid: 0, gid: 0 });
    expect(result.diff).toEqual({ before: { path: `${d}/f`, owner: 1234, group: 2345 }, after: { path: `${d}/f`, owner: 0, group: 0 } });
    expect((await runModule(file, { args: { path: `${d}/f`, owner: 'root', group: 'root' } })).result.changed).toBe(false);
  });

  it('recurse changes owners in a tree and is then idempotent', async () => {
    await sh(`mkdir -p ${d}/r/s; touch ${d}/r/s/f; chown -R 1234 ${d}/r; chown 0 ${d}/r`);
    const first = await runModule(file, { args: { path: `${d}/r`, state: 'directory', recurse: true, owner: '0' } });
    expect(first.result.changed).toBe(true);
    expect((await sh(`stat -c %u ${d}/r/s/f`)).stdout.trim()).toBe('0');
    expect((await runModule(file, { args: { path: `${d}/r`, state: 'directory', recurse: true, owner: '0' } })).result.changed).toBe(false);
  });

  it('handles paths with quotes, $(...), backticks, newlines, globs and spaces literally', async () => {
    const names = ["it's", '$(touch pwned)', '`touch pwned`', 'two\nlines', '*', 'sp ace', '-rf'];
    for (const name of names) {
      const path = `${d}/${name}`;
      const created = await runModule(file, { args: { path, state: 'directory', mode: '0700' } });
      expect(created.result).toMatchObject({ changed: true, path, state: 'directory', mode: '0700' });
      expect((await runModule(file, { args: { path: `${path}/ln`, state: 'link', src: path } })).result.changed).toBe(true);
    }
    const listing = (await sh(`cd ${d} && ls -A`)).stdout.split('\n').filter(Boolean).sort();
    expect(listing).toEqual(['$(touch pwned)', '*', '-rf', '`touch pwned`', "it's", 'sp ace', 'two', 'lines'].sort());
    const removed = await runModule(file, { args: { path: `${d}/*`, state: 'absent' } });
    expect(removed.result.changed).toBe(true);
    expect((await sh(`cd ${d} && ls -A`)).stdout.split('\n').filter(Boolean)).not.toContain('*');
    expect((await sh(`cd ${d} && ls -A | wc -l`)).stdout.trim()).toBe('7');
  });

  it('warns when a followed link points nowhere and attributes cannot be set', async () => {
    const { result, warnings } = await runModule(file, { args: { path: `${d}/ln`, state: 'link', src: `${d}/missing`, force: true, mode: '0600' } });
    expect(result).toMatchObject({ changed: true, state: 'link' });
    expect(warnings).toEqual(['Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this.']);
  });
});
