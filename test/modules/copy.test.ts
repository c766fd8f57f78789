/**
 * copy and template: compare and write in one exec, idempotency, check and
 * diff mode, validate, backup, large content, remote_src, and atomic writes
 * that keep the original when the disk is full or read-only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, sh, tempDir } from './context.js';
import { NamespacedConnection } from './namespace.js';

const copy = findModule('copy')!;
const template = findModule('template')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');
const modeOf = (path: string) => (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');
/** Files other than the ones a test made: a leftover temp file would show here. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.cxplay'));

describe('copy content', () => {
  it('writes, then is idempotent in one exec, with Ansible\'s result fields', async () => {
    const args = { content: 'hello\n', dest: `${d}/out.txt`, mode: '0640' };
    const first = await runModule(copy, { args });
    expect(first.result).toMatchObject({ changed: true, dest: `${d}/out.txt`, checksum: sha1('hello\n'), md5sum: createHash('md5').update('hello\n').digest('hex'), mode: '0640', owner: 'root', group: 'root', uid: 0, gid: 0, size: 6, state: 'file' });
    expect(first.execs).toBe(1);
    expect(readFileSync(`${d}/out.txt`, 'utf8')).toBe('hello\n');
    expect(modeOf(`${d}/out.txt`)).toBe('0640');
    const second = await runModule(copy, { args });
    expect(second.result).toMatchObject({ changed: false, checksum: sha1('hello\n'), mode: '0640', path: `${d}/out.txt` });
    expect(second.execs).toBe(1);
    expect(leftovers(d)).toEqual([]);
  });

  it("changes only the mode when only the mode differs, with the file module's diff of it (as Ansible's copy action, measured)", async () => {
    writeFileSync(`${d}/f`, 'same\n', { mode: 0o600 });
    const { result } = await runModule(copy, { args: { content: 'same\n', dest: `${d}/f`, mode: 'u=rw,g=r,o=r' }, diff: true });
    expect(result).toMatchObject({ changed: true, mode: '0644' });
    expect(result.diff).toEqual({ before: { path: `${d}/f`, mode: '0600' }, after: { path: `${d}/f`, mode: '0644' } });
  });

  it('keeps the mode and owner of a file it replaces when none is given', async () => {
    writeFileSync(`${d}/f`, 'old\n', { mode: 0o604 });
    await sh(`chown 1234:2345 ${d}/f`);
    await runModule(copy, { args: { content: 'new\n', dest: `${d}/f` } });
    expect(modeOf(`${d}/f`)).toBe('0604');
    expect(statSync(`${d}/f`)).toMatchObject({ uid: 1234, gid: 2345 });
  });

  it('gives a new file 0666 less the umask when no mode is given', async () => {
    await runModule(copy, { args: { content: 'x', dest: `${d}/f` } });
    const umask = Number.parseInt((await sh('umask')).stdout.trim(), 8);
    expect(modeOf(`${d}/f`)).toBe((0o666 & ~umask).toString(8).padStart(4, '0'));
  });

  it('gives a new file its mode, owner and group, executable or not, and the group of a setgid directory', async () => {
    await runModule(copy, { args: { content: 'x', dest: `${d}/plain`, mode: '0640' } });
    expect([modeOf(`${d}/plain`), statSync(`${d}/plain`).uid]).toEqual(['0640', 0]);
    await runModule(copy, { args: { content: 'x', dest: `${d}/tool`, mode: '0755', owner: '1234', group: '2345' } });
    expect(modeOf(`${d}/tool`)).toBe('0755');
    expect(statSync(`${d}/tool`)).toMatchObject({ uid: 1234, gid: 2345 });
    mkdirSync(`${d}/shared`);
    await sh(`chgrp 2345 ${d}/shared; chmod 2775 ${d}/shared`);
    await runModule(copy, { args: { content: 'x', dest: `${d}/shared/new`, mode: '0640' } });
    expect(statSync(`${d}/shared/new`)).toMatchObject({ gid: 2345 });
    writeFileSync(`${d}/shared/old`, 'old\n', { mode: 0o644 });
    await sh(`chgrp 0 ${d}/shared/old`);
    await runModule(copy, { args: { content: 'new\n', dest: `${d}/shared/old` } });
    expect(statSync(`${d}/shared/old`)).toMatchObject({ gid: 0 });
    expect(modeOf(`${d}/shared/old`)).toBe('0644');
  });

  it('tells content of the same size apart byte for byte: one byte, a missing final newline, a NUL, a backslash', async () => {
    const wanted = 'key=value\\n\n  indented\ttab\r\nend\n';
    for (const existing of ['key=value\\n\n  indented\ttab\r\nenD\n', 'key=value\\n\n  indented\ttab\r\nend\n\n'.slice(1), 'key=value\\n\n  indented\ttab\r\nend\0', 'key=value\\\\\n  indented\ttab\r\nend\n']) {
      expect(Buffer.byteLength(existing)).toBe(Buffer.byteLength(wanted));
      writeFileSync(`${d}/f`, existing);
      expect((await runModule(copy, { args: { content: wanted, dest: `${d}/f` } })).result.changed).toBe(true);
      expect(readFileSync(`${d}/f`, 'utf8')).toBe(wanted);
    }
    const again = await runModule(copy, { args: { content: wanted, dest: `${d}/f` } });
    expect([again.result.changed, again.execs]).toEqual([false, 1]);
  });

  it('predicts in check mode without writing: only changed and the diff (a list, empty without --diff), as Ansible\'s copy action', async () => {
    writeFileSync(`${d}/f`, 'old\n');
    const { result, execs } = await runModule(copy, { args: { content: 'new\n', dest: `${d}/f` }, check: true, diff: true });
    expect(result).toEqual({ changed: true, diff: [{ before: 'old\n', after: 'new\n', before_header: `${d}/f`, after_header: `${d}/f` }] });
    expect(execs).toBe(1);
    expect(readFileSync(`${d}/f`, 'utf8')).toBe('old\n');
    const withoutDiff = await runModule(copy, { args: { content: 'new\n', dest: `${d}/f` }, check: true });
    expect(withoutDiff.result).toEqual({ changed: true, diff: [] });
    // A file that does not exist yet has no before_header.
    const created = await runModule(copy, { args: { content: 'new\n', dest: `${d}/g` }, check: true, diff: true });
    expect(created.result).toEqual({ changed: true, diff: [{ before: '', after: 'new\n', after_header: `${d}/g` }] });
    expect(leftovers(d)).toEqual([]);
  });

  it('writes content with quotes, $(...), backticks, newlines and binary bytes exactly', async () => {
    const text = "it's \"quoted\" $(touch pwned) `touch pwned` \\ * \n__CX_EOF__\nlast";
    await runModule(copy, { args: { content: text, dest: `${d}/weird name $(x) 'q'` } });
    expect(readFileSync(`${d}/weird name $(x) 'q'`, 'utf8')).toBe(text);
    const binary = randomBytes(4096);
    writeFileSync(`${d}/src.bin`, binary);
    const { result } = await runModule(copy, { args: { src: 'src.bin', dest: `${d}/copy.bin` }, sourceDir: d });
    expect(result).toMatchObject({ changed: true, checksum: sha1(binary), src: 'src.bin' });
    expect(readFileSync(`${d}/copy.bin`).equals(binary)).toBe(true);
    expect(readdirSync(d).some((name) => name.includes('pwned'))).toBe(false);
  });

  it('writes non-string content as Ansible does: mappings as JSON, scalars as Python prints them', async () => {
    await runModule(copy, { args: { content: { a: [1, 'b', null], é: { x: true } }, dest: `${d}/j` } });
    expect(readFileSync(`${d}/j`, 'utf8')).toBe('{"a": [1, "b", null], "\\u00e9": {"x": true}}');
    await runModule(copy, { args: { content: true, dest: `${d}/b` } });
    expect(readFileSync(`${d}/b`, 'utf8')).toBe('True');
    await runModule(copy, { args: { content: 42, dest: `${d}/n` } });
    expect(readFileSync(`${d}/n`, 'utf8')).toBe('42');
  });

  it('with force: no leaves an existing file alone', async () => {
    writeFileSync(`${d}/f`, 'mine\n');
    const { result } = await runModule(copy, { args: { content: 'theirs\n', dest: `${d}/f`, force: false } });
    expect(result.changed).toBe(false);
    expect(readFileSync(`${d}/f`, 'utf8')).toBe('mine\n');
  });

  it('keeps a backup of the file it replaces', async () => {
    writeFileSync(`${d}/f`, 'v1\n');
    const { result } = await runModule(copy, { args: { content: 'v2\n', dest: `${d}/f`, backup: true } });
    expect(result.backup_file).toMatch(new RegExp(`^${d}/f\\.\\d+\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~$`));
    expect(readFileSync(String(result.backup_file), 'utf8')).toBe('v1\n');
  });

  it('copies a src file into a directory dest under its own name', async () => {
    writeFileSync(`${d}/hello.txt`, 'hi\n');
    mkdirSync(`${d}/into`);
    const { result } = await runModule(copy, { args: { src: `${d}/hello.txt`, dest: `${d}/into` } });
    expect(result).toMatchObject({ changed: true, dest: `${d}/into/hello.txt` });
    expect(readFileSync(`${d}/into/hello.txt`, 'utf8')).toBe('hi\n');
  });

  it('gives mode: preserve the mode of the source file', async () => {
    writeFileSync(`${d}/s`, 'x', { mode: 0o751 });
    await runModule(copy, { args: { src: `${d}/s`, dest: `${d}/t`, mode: 'preserve' } });
    expect(modeOf(`${d}/t`)).toBe('0751');
  });

  it('replaces a symlink at dest with the file, or writes through it with follow', async () => {
    writeFileSync(`${d}/real`, 'same\n');
    await sh(`ln -s ${d}/real ${d}/link`);
    expect((await runModule(copy, { args: { content: 'same\n', dest: `${d}/link`, follow: true } })).result.changed).toBe(false);
    expect((await runModule(copy, { args: { content: 'same\n', dest: `${d}/link` } })).result.changed).toBe(true);
    expect(lstatSync(`${d}/link`).isFile()).toBe(true);
    expect(readFileSync(`${d}/real`, 'utf8')).toBe('same\n');
  });

  it('makes the directory of a dest ending in / and puts the file in it', async () => {
    writeFileSync(`${d}/app.bin`, 'bin');
    const { result } = await runModule(copy, { args: { src: `${d}/app.bin`, dest: `${d}/opt/app/` } });
    expect(result).toMatchObject({ changed: true, dest: `${d}/opt/app/app.bin` });
    expect(readFileSync(`${d}/opt/app/app.bin`, 'utf8')).toBe('bin');
  });

  it('predicts a write into a directory that does not exist yet in check mode, as Ansible does', async () => {
    const { result } = await runModule(copy, { args: { content: 'x', dest: `${d}/later/f` }, check: true });
    expect(result).toMatchObject({ changed: true });
    expect(readdirSync(d)).toEqual([]);
  });

  const FAILURES: [string, () => Record<string, unknown>, RegExp][] = [
    ['missing destination directory', () => ({ content: 'x', dest: `${d}/no/such/f` }), /^Destination directory .*\/no\/such does not exist$/],
    ['content into a directory', () => ({ content: 'x', dest: d }), /^can not use content with a dir as dest$/],
    ['neither src nor content', () => ({ dest: `${d}/f` }), /^src \(or content\) is required$/],
    ['validate without %s', () => ({ content: 'x', dest: `${d}/f`, validate: 'true' }), /^validate must contain %s: true$/],
  ];

  it.each(FAILURES)('fails clearly: %s', async (_name, args, message) => {
    const { result } = await runModule(copy, { args: args() });
    expect(result).toMatchObject({ failed: true, changed: false });
    expect(String(result.msg)).toMatch(message);
  });

  it('refuses a src that cannot be found, naming it', async () => {
    await expect(runModule(copy, { args: { src: 'nope.txt', dest: `${d}/f` }, sourceDir: d })).rejects.toThrow(/could not find 'nope.txt'/);
  });
});

describe('validate', () => {
  it('runs the check on the temp file, which already has its final mode and owner, and keeps the original on failure', async () => {
    writeFileSync(`${d}/sudoers`, 'original\n', { mode: 0o440 });
    const validate = `sh -c 'stat -c "%a %u" "$1"; grep -q good "$1"' check %s`;
    const bad = await runModule(copy, { args: { content: 'bad\n', dest: `${d}/sudoers`, mode: '0400', owner: '1234', validate } });
    expect(bad.result).toMatchObject({ failed: true, msg: 'failed to validate', exit_status: 1, stdout: '400 1234' });
    expect(readFileSync(`${d}/sudoers`, 'utf8')).toBe('original\n');
    expect(leftovers(d)).toEqual([]);
    const good = await runModule(copy, { args: { content: 'good\n', dest: `${d}/sudoers`, mode: '0400', validate } });
    expect(good.result).toMatchObject({ changed: true });
    expect(readFileSync(`${d}/sudoers`, 'utf8')).toBe('good\n');
  });
});

describe('large content', () => {
  it('sends content above 256 KiB only once the first exec found it differs', async () => {
    const big = randomBytes(300 * 1024);
    writeFileSync(`${d}/big.src`, big);
    const args = { src: `${d}/big.src`, dest: `${d}/big`, mode: '0600' };
    const predicted = await runModule(copy, { args, check: true });
    expect(predicted).toMatchObject({ result: { changed: true }, execs: 1 });
    const first = await runModule(copy, { args });
    expect(first).toMatchObject({ result: { changed: true, checksum: sha1(big), size: big.length }, execs: 2 });
    expect(readFileSync(`${d}/big`).equals(big)).toBe(true);
    const second = await runModule(copy, { args });
    expect(second).toMatchObject({ result: { changed: false }, execs: 1 });
    const modeOnly = await runModule(copy, { args: { ...args, mode: '0644' } });
    expect(modeOnly).toMatchObject({ result: { changed: true, mode: '0644' }, execs: 1 });
  });
});

describe('remote_src', () => {
  it('copies a file that is on the host, idempotently', async () => {
    writeFileSync(`${d}/on-host`, 'remote\n');
    const args = { src: `${d}/on-host`, dest: `${d}/copied`, remote_src: true, mode: '0600' };
    const first = await runModule(copy, { args, diff: true });
    expect(first.result).toMatchObject({ changed: true, checksum: sha1('remote\n'), diff: { before: '', after: 'remote\n' } });
    expect(readFileSync(`${d}/copied`, 'utf8')).toBe('remote\n');
    expect((await runModule(copy, { args })).result.changed).toBe(false);
    expect((await runModule(copy, { args: { ...args, src: `${d}/missing` } })).result).toMatchObject({ failed: true, msg: `Source ${d}/missing not found` });
  });

  it('copies a directory on the host: with a trailing slash what it holds, without it the directory itself; predicted in check mode', async () => {
    mkdirSync(`${d}/tree/sub`, { recursive: true });
    writeFileSync(`${d}/tree/a`, 'a\n', { mode: 0o600 });
    writeFileSync(`${d}/tree/sub/b`, 'b\n');
    const contents = { src: `${d}/tree/`, dest: `${d}/contents`, remote_src: true, mode: '0750' };
    const predicted = await runModule(copy, { args: contents, check: true });
    expect(predicted.result).toEqual({ changed: true, src: `${d}/tree/`, dest: `${d}/contents`, md5sum: null, checksum: null });
    expect(readdirSync(d)).toEqual(['tree']);
    const first = await runModule(copy, { args: contents });
    expect(first).toMatchObject({ result: { changed: true, dest: `${d}/contents`, state: 'directory', mode: '0750' }, execs: 2 });
    expect([readFileSync(`${d}/contents/sub/b`, 'utf8'), modeOf(`${d}/contents/a`)]).toEqual(['b\n', '0600']);
    expect((await runModule(copy, { args: contents })).result).toMatchObject({ changed: false, dest: `${d}/contents/` });
    writeFileSync(`${d}/tree/a`, 'changed\n');
    expect((await runModule(copy, { args: contents, check: true })).result.changed).toBe(true);
    expect(readFileSync(`${d}/contents/a`, 'utf8')).toBe('a\n');
    const itself = await runModule(copy, { args: { src: `${d}/tree`, dest: `${d}/contents`, remote_src: true } });
    expect(itself.result).toMatchObject({ changed: true, dest: `${d}/contents/tree` });
    expect(readFileSync(`${d}/contents/tree/a`, 'utf8')).toBe('changed\n');
  });
});

describe('template', () => {
  it('renders a Handlebars file for the host and writes it like copy', async () => {
    writeFileSync(`${d}/app.conf.j2`, 'port={{ port }}\nhost={{ host.name }}\n');
    const args = { src: 'app.conf.j2', dest: `${d}/app.conf`, mode: '0600' };
    const vars = { port: 8080, host: { name: "it's $(x)" } };
    const first = await runModule(template, { args, vars, sourceDir: d, diff: true });
    // The copy action's result, as Ansible's template gives it: the diff is a list.
    expect(first.result).toMatchObject({ changed: true, mode: '0600', diff: [{ before: '', after: "port=8080\nhost=it's $(x)\n", after_header: `${d}/app.conf.j2` }] });
    expect(readFileSync(`${d}/app.conf`, 'utf8')).toBe("port=8080\nhost=it's $(x)\n");
    expect(await runModule(template, { args, vars, sourceDir: d })).toMatchObject({ result: { changed: false }, execs: 1 });
    const changedVars = await runModule(template, { args, vars: { ...vars, port: 9090 }, sourceDir: d, check: true, diff: true });
    expect(changedVars.result).toMatchObject({ changed: true, diff: [{ before: "port=8080\nhost=it's $(x)\n", after: "port=9090\nhost=it's $(x)\n" }] });
    expect(readFileSync(`${d}/app.conf`, 'utf8')).toContain('port=8080');
  });
});

describe('atomic writes on a real small filesystem', () => {
  let conn: NamespacedConnection;
  beforeEach(async () => {
    conn = await NamespacedConnection.start(d, 64);
  });
  afterEach(async () => conn.close());

  it('keeps the original and leaves no temp file when the disk is full', async () => {
    await conn.exec(`printf 'original\\n' > ${d}/conf; chmod 600 ${d}/conf`);
    const { result } = await runModule(copy, { args: { content: 'x'.repeat(100 * 1024), dest: `${d}/conf` } }, conn);
    expect(result).toMatchObject({ failed: true, changed: false });
    expect(String(result.msg)).toMatch(/could not write .*conf \(disk full or read-only\?\); the original is unchanged/);
    expect((await conn.exec(`cat ${d}/conf; ls -A ${d}`)).stdout).toBe('original\nconf\n');
  });

  it('keeps the original when the filesystem is read-only', async () => {
    await conn.exec(`printf 'original\\n' > ${d}/conf && mount -o remount,ro ${d}`);
    const { result } = await runModule(copy, { args: { content: 'new\n', dest: `${d}/conf` } }, conn);
    expect(result).toMatchObject({ failed: true, changed: false, msg: `cannot create a temporary file in ${d}` });
    expect((await conn.exec(`cat ${d}/conf`)).stdout).toBe('original\n');
  });

  it('writes normally when there is room', async () => {
    const { result } = await runModule(copy, { args: { content: 'fits\n', dest: `${d}/conf` } }, conn);
    expect(result.changed).toBe(true);
    expect((await conn.exec(`cat ${d}/conf`)).stdout).toBe('fits\n');
    expect(readdirSync(d)).toEqual([]); // the tmpfs is private to the namespace: nothing reached the real directory
  });
});
