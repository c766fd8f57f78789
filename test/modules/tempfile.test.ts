/**
 * tempfile: a new file (0600) or directory (0700) with Ansible's name
 * (prefix, eight characters of [a-z0-9_], suffix) in one exec, every time a
 * new one, described as Ansible describes a path; Python's messages when the
 * directory is unusable. (Check mode, where Ansible skips it: the
 * differential test, test/compat/modules/tempfile.yaml.)
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const tempfile = findModule('ansible.builtin.tempfile')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

const modeOf = (path: string) => (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');

describe('tempfile', () => {
  it('creates a file 0600 named prefix + 8 random characters + suffix, a new one each time, in one exec', async () => {
    const args = { path: d, prefix: 'build.', suffix: '.tmp' };
    const first = await runModule(tempfile, { args });
    expect(first.execs).toBe(1);
    expect(first.result).toEqual({ changed: true, path: expect.stringMatching(new RegExp(`^${d}/build\\.[a-z0-9_]{8}\\.tmp$`)), state: 'file', mode: '0600', owner: 'root', group: 'root', uid: 0, gid: 0, size: 0 });
    const path = String(first.result.path);
    expect(statSync(path).isFile()).toBe(true);
    expect(statSync(path).size).toBe(0);
    expect(modeOf(path)).toBe('0600');
    const second = await runModule(tempfile, { args });
    expect(second.result.path).not.toBe(path);
    expect(readdirSync(d)).toHaveLength(2);
  });

  it('creates a directory 0700 with the default prefix ansible.', async () => {
    const { result } = await runModule(tempfile, { args: { state: 'directory', path: d, suffix: 'build' } });
    expect(result.path).toMatch(new RegExp(`^${d}/ansible\\.[a-z0-9_]{8}build$`));
    expect(statSync(String(result.path)).isDirectory()).toBe(true);
    expect(modeOf(String(result.path))).toBe('0700');
  });

  it('uses the system temporary directory (TMPDIR first) when no path is given', async () => {
    const { result } = await runModule(tempfile, { args: {}, environment: { TMPDIR: d } });
    expect(result.path).toMatch(new RegExp(`^${d}/ansible\\.[a-z0-9_]{8}$`));
  });

  it("normalizes a file's directory as Python's mkstemp does, and keeps a prefix with quotes and $(...) literal", async () => {
    mkdirSync(`${d}/sub`);
    const { result } = await runModule(tempfile, { args: { path: `${d}//sub/../sub/.`, prefix: "it's $(touch made) `touch made` " } });
    expect(String(result.path).startsWith(`${d}/sub/it's $(touch made) \`touch made\` `)).toBe(true);
    expect(readdirSync(`${d}/sub`)).toHaveLength(1);
    expect(readdirSync(d)).toEqual(['sub']);
  });

  it("fails with Python's message when the directory is missing or not a directory", async () => {
    const missing = await runModule(tempfile, { args: { path: `${d}/missing` } });
    expect(missing.result).toMatchObject({ failed: true, changed: false, msg: expect.stringMatching(new RegExp(`^\\[Errno 2\\] No such file or directory: '${d}/missing/ansible\\.[a-z0-9_]{8}'$`)) });
    writeFileSync(`${d}/file`, '');
    const notDirectory = await runModule(tempfile, { args: { path: `${d}/file`, state: 'directory' } });
    expect(notDirectory.result.msg).toMatch(new RegExp(`^\\[Errno 20\\] Not a directory: '${d}/file/ansible\\.[a-z0-9_]{8}'$`));
  });
});
