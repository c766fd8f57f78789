/** stat, slurp and fetch: Ansible's result fields, one exec, binary-safe, fetch paths and idempotency. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, sh, tempDir } from './context.js';

const stat = findModule('stat')!;
const slurp = findModule('slurp')!;
const fetch = findModule('fetch')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

const sha = (algorithm: string, data: string | Buffer) => createHash(algorithm).update(data).digest('hex');

describe('stat', () => {
  it('describes a regular file with Ansible\'s fields', async () => {
    writeFileSync(join(d, 'f'), 'hello\n', { mode: 0o640 });
    await sh(`chown 1234:0 ${d}/f`);
    const { result, execs } = await runModule(stat, { args: { path: join(d, 'f') } });
    const info = statSync(join(d, 'f'));
    expect(result).toMatchObject({
      changed: false,
      stat: {
        exists: true, path: join(d, 'f'), mode: '0640', isreg: true, isdir: false, islnk: false, size: 6, uid: 1234, gid: 0, gr_name: 'root',
        rusr: true, wusr: true, xusr: false, rgrp: true, wgrp: false, roth: false, isuid: false, readable: true, checksum: sha('sha1', 'hello\n'), inode: info.ino, nlink: 1,
      },
    });
    const facts = result.stat as Record<string, unknown>;
    expect(facts.pw_name).toBeUndefined(); // uid 1234 has no name here
    expect(Math.abs((facts.mtime as number) - info.mtimeMs / 1000)).toBeLessThan(0.001);
    expect(execs).toBe(1);
  });

  it('says exists: false for a missing path', async () => {
    expect((await runModule(stat, { args: { path: join(d, 'none') } })).result).toEqual({ changed: false, stat: { exists: false } });
  });

  it('describes a link itself, or its target with follow', async () => {
    writeFileSync(join(d, 'target'), 'x');
    symlinkSync('target', join(d, 'ln'));
    const own = (await runModule(stat, { args: { path: join(d, 'ln') } })).result.stat as Record<string, unknown>;
    expect(own).toMatchObject({ islnk: true, isreg: false, lnk_target: 'target', lnk_source: join(d, 'target'), mode: '0777' });
    expect(own.checksum).toBeUndefined();
    const followed = (await runModule(stat, { args: { path: join(d, 'ln'), follow: true } })).result.stat as Record<string, unknown>;
    expect(followed).toMatchObject({ islnk: false, isreg: true, checksum: sha('sha1', 'x') });
  });

  it('computes the checksum algorithm asked for, and none when told not to', async () => {
    writeFileSync(join(d, 'f'), 'data');
    expect(((await runModule(stat, { args: { path: join(d, 'f'), checksum_algorithm: 'sha256' } })).result.stat as Record<string, unknown>).checksum).toBe(sha('sha256', 'data'));
    expect(((await runModule(stat, { args: { path: join(d, 'f'), get_checksum: false } })).result.stat as Record<string, unknown>).checksum).toBeUndefined();
  });

  it('sees directories and special paths with odd names', async () => {
    const name = join(d, "it's $(x) `y`\nz *");
    mkdirSync(name, { mode: 0o2750 });
    await sh(`chmod 2750 '${name.replace(/'/g, `'"'"'`)}'`);
    expect((await runModule(stat, { args: { path: name } })).result.stat).toMatchObject({ exists: true, isdir: true, mode: '2750', isgid: true });
  });
});

describe('slurp', () => {
  it('returns any bytes base64-encoded', async () => {
    const data = randomBytes(10_000);
    writeFileSync(join(d, 'bin'), data);
    const { result, execs } = await runModule(slurp, { args: { src: join(d, 'bin') } });
    expect(result).toMatchObject({ changed: false, encoding: 'base64', source: join(d, 'bin') });
    expect(Buffer.from(String(result.content), 'base64').equals(data)).toBe(true);
    expect(execs).toBe(1);
  });

  it('fails with Ansible\'s messages', async () => {
    expect((await runModule(slurp, { args: { src: join(d, 'none') } })).result).toMatchObject({ failed: true, msg: `file not found: ${d}/none` });
    expect((await runModule(slurp, { args: { path: d } })).result).toMatchObject({ failed: true, msg: 'source is a directory and must be a file' });
  });
});

describe('fetch', () => {
  it('stores the file under dest/<host>/<path>, then does not transfer it again', async () => {
    const data = randomBytes(5000);
    writeFileSync(join(d, 'remote.bin'), data);
    const args = { src: join(d, 'remote.bin'), dest: join(d, 'fetched') };
    const first = await runModule(fetch, { args, host: 'web1' });
    const local = join(d, 'fetched', 'web1', d, 'remote.bin');
    expect(first.result).toMatchObject({ changed: true, dest: local, checksum: sha('sha1', data), remote_checksum: sha('sha1', data), md5sum: sha('md5', data), remote_md5sum: null });
    expect(readFileSync(local).equals(data)).toBe(true);
    expect(statSync(local).mode & 0o777).toBe(0o600);
    const second = await runModule(fetch, { args, host: 'web1' });
    expect(second.result).toMatchObject({ changed: false, dest: local, checksum: sha('sha1', data), file: join(d, 'remote.bin') });
    expect(second.execs).toBe(1);
  });

  it('stores a flat file, into a directory when dest ends with /, relative to the playbook', async () => {
    writeFileSync(join(d, 'token'), 'secret\n');
    mkdirSync(join(d, 'pb'));
    const flat = await runModule(fetch, { args: { src: join(d, 'token'), dest: 'out/node-token', flat: true }, playbookDir: join(d, 'pb') });
    expect(flat.result).toMatchObject({ changed: true, dest: join(d, 'pb', 'out', 'node-token') });
    const intoDir = await runModule(fetch, { args: { src: join(d, 'token'), dest: `${d}/dir/`, flat: true } });
    expect(readFileSync(join(d, 'dir', 'token'), 'utf8')).toBe('secret\n');
    expect(intoDir.result.changed).toBe(true);
  });

  it('refuses a source that would land outside dest/<host>', async () => {
    writeFileSync(join(d, 'f'), 'x');
    for (const [src, host] of [['../../../f', 'web1'], [join(d, 'f'), '../..']]) {
      const { result, execs } = await runModule(fetch, { args: { src: src!, dest: join(d, 'out') }, host });
      expect(result).toMatchObject({ failed: true });
      expect(String(result.msg)).toMatch(/^Detected directory traversal, expected to be contained in/);
      expect(execs).toBe(0);
    }
    const absolute = await runModule(fetch, { args: { src: `${d}/../../${d}/f`, dest: join(d, 'out') }, host: 'web1' });
    expect(absolute.result).toMatchObject({ changed: true, dest: join(d, 'out', 'web1', d, 'f') });
  });

  it('fails on a missing file unless fail_on_missing is off, and on directories', async () => {
    expect((await runModule(fetch, { args: { src: join(d, 'none'), dest: join(d, 'out') } })).result).toMatchObject({ failed: true, msg: 'the remote file does not exist, not transferring, ignored' });
    const tolerated = await runModule(fetch, { args: { src: join(d, 'none'), dest: join(d, 'out'), fail_on_missing: false } });
    expect(tolerated.result).toEqual({ changed: false, file: join(d, 'none'), msg: 'the remote file does not exist, not transferring, ignored' });
    expect((await runModule(fetch, { args: { src: d, dest: join(d, 'out') } })).result).toMatchObject({ failed: true, msg: 'remote file is a directory, fetch cannot work on directories' });
  });

  it('is not run in check mode, as in Ansible', () => {
    expect(fetch.checkMode).toBe('none');
  });
});
