/**
 * lineinfile against Ansible 2.14 itself: data/lineinfile-ansible-2.14.json
 * holds cases and what `ansible -m lineinfile` did with them (content,
 * changed, msg, and whether a second run changed again).
 */
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import { writeFile } from '../../engine/modules/lib/write-file.js';
import { findModule } from '../../engine/modules/registry.js';
import { buildContext, runModule, tempDir } from './context.js';

const lineinfile = findModule('lineinfile')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

interface AnsibleCase {
  readonly name: string;
  readonly content: string;
  readonly args: Record<string, unknown>;
  readonly expected: { content: string; changed: boolean; msg: string; changedAgain: boolean; found?: number };
}

const CASES = JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'lineinfile-ansible-2.14.json'), 'utf8')) as AnsibleCase[];

describe('lineinfile does what Ansible 2.14 does', () => {
  it.each(CASES)('$name', async ({ content, args, expected }) => {
    const path = join(d, 'f');
    writeFileSync(path, content);
    const predicted = await runModule(lineinfile, { args: { ...args, path }, check: true, diff: true });
    expect(predicted.result.changed).toBe(expected.changed);
    expect(predicted.result.diff).toMatchObject([{ before: content, after: expected.content }, {}]);
    expect(readFileSync(path, 'utf8')).toBe(content);

    const first = await runModule(lineinfile, { args: { ...args, path } });
    expect(readFileSync(path, 'utf8')).toBe(expected.content);
    expect(first.result).toMatchObject({ changed: expected.changed, msg: expected.msg, backup: '' });
    if (expected.found !== undefined) expect(first.result.found).toBe(expected.found);
    expect(first.execs).toBe(expected.changed ? 2 : 1);

    const second = await runModule(lineinfile, { args: { ...args, path } });
    expect(second.result.changed).toBe(expected.changedAgain);
    if (!expected.changedAgain) expect(second.execs).toBe(1);
  });
});

describe('lineinfile details', () => {
  it('creates the file (and its directory) with create: yes and a mode', async () => {
    const path = join(d, 'sub', 'new.conf');
    const { result } = await runModule(lineinfile, { args: { path, line: 'k=v', create: true, mode: '0600' } });
    expect(result).toMatchObject({ changed: true, msg: 'line added and ownership, perms or SE linux context changed' });
    expect(readFileSync(path, 'utf8')).toBe('k=v\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await runModule(lineinfile, { args: { path, line: 'k=v', create: true, mode: '0600' } })).result).toMatchObject({ changed: false, msg: '' });
  });

  it('fails as Ansible does on a missing file or a directory, and says "file not present" for absent', async () => {
    expect((await runModule(lineinfile, { args: { path: join(d, 'none'), line: 'x' } })).result).toMatchObject({ failed: true, rc: 257, msg: `Destination ${d}/none does not exist !` });
    expect((await runModule(lineinfile, { args: { path: d, line: 'x' } })).result).toMatchObject({ failed: true, rc: 256, msg: `Path ${d} is a directory !` });
    expect((await runModule(lineinfile, { args: { path: join(d, 'none'), line: 'x', state: 'absent' } })).result).toMatchObject({ changed: false, msg: 'file not present' });
  });

  it('changes only the attributes when the line is there, with Ansible\'s message', async () => {
    const path = join(d, 'f');
    writeFileSync(path, 'a\n', { mode: 0o644 });
    const { result, execs } = await runModule(lineinfile, { args: { path, line: 'a', mode: '0600' } });
    expect(result).toMatchObject({ changed: true, msg: 'ownership, perms or SE linux context changed' });
    expect(execs).toBe(2);
    // Once right, the read exec sees the attributes too: nothing to write, one exec.
    const again = await runModule(lineinfile, { args: { path, line: 'a', mode: '0600', owner: 'root', group: '0' } });
    expect(again).toMatchObject({ result: { changed: false, msg: '' }, execs: 1 });
    // A symbolic mode is worked out by the write script, so it takes the second exec (and changes nothing).
    expect(await runModule(lineinfile, { args: { path, line: 'a', mode: 'u=rw,go=' } })).toMatchObject({ result: { changed: false }, execs: 2 });
  });

  it('edits the file a symlink points to and keeps the link', async () => {
    writeFileSync(join(d, 'real'), 'a\n');
    symlinkSync(join(d, 'real'), join(d, 'link'));
    await runModule(lineinfile, { args: { path: join(d, 'link'), line: 'b' } });
    expect(readFileSync(join(d, 'real'), 'utf8')).toBe('a\nb\n');
    expect(statSync(join(d, 'link')).isFile()).toBe(true);
    expect(readFileSync(join(d, 'link'), 'utf8')).toBe('a\nb\n');
  });

  it('refuses Ansible\'s invalid combinations', async () => {
    const path = join(d, 'f');
    writeFileSync(path, '');
    const cases: [Record<string, unknown>, string][] = [
      [{ regexp: 'a', search_string: 'a', line: 'x' }, 'parameters are mutually exclusive: regexp|search_string'],
      [{ insertafter: 'a', insertbefore: 'b', line: 'x' }, 'parameters are mutually exclusive: insertafter|insertbefore'],
      [{ backrefs: true, line: 'x' }, 'regexp is required with backrefs=true'],
      [{ regexp: 'x' }, 'line is required with state=present'],
      [{ state: 'absent' }, 'one of line, search_string, or regexp is required with state=absent'],
    ];
    for (const [args, msg] of cases) expect((await runModule(lineinfile, { args: { ...args, path } })).result).toMatchObject({ failed: true, msg });
  });

  it('keeps a backup when asked', async () => {
    const path = join(d, 'f');
    writeFileSync(path, 'a\n');
    const { result } = await runModule(lineinfile, { args: { path, line: 'b', backup: true } });
    expect(readFileSync(String(result.backup), 'utf8')).toBe('a\n');
  });

  it('does not overwrite a file that changed after it was read', async () => {
    const path = join(d, 'f');
    writeFileSync(path, 'edited by someone else\n');
    const ctx = buildContext(lineinfile, { args: { path, line: 'x' } }, new LocalConnection(), []);
    const readBefore = 'a'.repeat(40); // the sha1 the file had when the module read it
    const result = await writeFile(ctx, { dest: path, content: Buffer.from('a\nx\n'), attributes: {}, force: true, backup: false, sourceLabel: path, expectedChecksum: readBefore });
    expect(result).toMatchObject({ failed: true, msg: `${path} was changed by someone else while this task edited it; run the task again` });
    expect(readFileSync(path, 'utf8')).toBe('edited by someone else\n');
  });

  it.each([
    ['', {}],
    [' (with a mode: read by the shell)', { mode: '0644' }],
    [' (with a mode and a NUL byte: read by cat)', { mode: '0644' }, 'nul\0byte\n'],
    [' (with a mode, too large for the shell)', { mode: '0644' }, `${'x'.repeat(3000)}\n`],
  ])('reads the file byte for byte: lines that look like its own report markers, no final newline%s', async (_, extra, head = '') => {
    const path = join(d, 'f');
    const content = `${head}@@cxcontent\n@@cx exists=0\n@@cx failed=1\n\n  spaced \\ back\\slash\r\nlast`;
    writeFileSync(path, content, { mode: 0o644 });
    const { result, execs } = await runModule(lineinfile, { args: { path, line: 'added', ...extra } });
    expect(result).toMatchObject({ changed: true, msg: 'line added' });
    expect(execs).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(`${content}\nadded\n`);
    expect((await runModule(lineinfile, { args: { path, line: '@@cx exists=0', ...extra } })).result.changed).toBe(false);
  });

  it('leaves a file that is not UTF-8 alone: ok when the line is there, a clear failure when it would have to write', async () => {
    const path = join(d, 'latin1');
    const bytes = Buffer.from('caf\xe9=1\nkey=v\n', 'latin1');
    writeFileSync(path, bytes);
    expect((await runModule(lineinfile, { args: { path, line: 'key=v' } })).result).toMatchObject({ changed: false });
    const { result } = await runModule(lineinfile, { args: { path, line: 'other=2' } });
    expect(result).toMatchObject({ failed: true, msg: `${path} is not UTF-8 text: lineinfile edits UTF-8 files only, and writing this one would change its other bytes` });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
