/**
 * Every module that writes, on a nearly full disk (a small tmpfs in a mount
 * namespace of the test's own, test/modules/namespace.ts): each fails with a
 * message that says what could not be written, the original file is
 * byte-identical and no temp file or partial backup is left. fetch writes on
 * the controller: its dest is reached inside the namespace through
 * /proc/PID/root. (uri takes no `dest` here: it writes nothing.)
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from '../modules/context.js';
import { NamespacedConnection } from '../modules/namespace.js';

const BIG = 200 * 1024;
let conn: NamespacedConnection;
let d: string;
let controllerDir: { path: string; cleanup: () => void };
let server: Server;
let base: string;

beforeAll(async () => {
  const mount = tempDir();
  d = mount.path;
  conn = await NamespacedConnection.start(d, 512, 64);
  controllerDir = tempDir();
  writeFileSync(`${controllerDir.path}/small.conf.hbs`, 'new\n');
  writeFileSync(`${controllerDir.path}/big.remote`, randomBytes(BIG));
  server = createServer((request, response) => response.end(request.url === '/big' ? 'y'.repeat(BIG) : 'small\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async () => {
    await conn.close();
    mount.cleanup();
  };
});

afterAll(async () => {
  controllerDir?.cleanup();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/**
 * A fresh tmpfs holding app.conf (a first line `keep`, then 1500 lines of
 * x's: about 120 KiB) and fillers that leave `freeKiB` of space and
 * `freeInodes` inodes. Returns what the disk holds: app.conf's sha1 and the
 * names of its files.
 */
async function nearlyFull(freeKiB: number, freeInodes: number): Promise<string> {
  const script = [
    `cd ${d} && find . -mindepth 1 -delete`,
    "{ echo keep; i=0; while [ $i -lt 1500 ]; do printf 'x%079d\\n' $i; i=$((i+1)); done; } > app.conf",
    'avail=$(df -k --output=avail . | tail -n 1)',
    `dd if=/dev/zero of=filler bs=1k count=$((avail - ${freeKiB})) 2>/dev/null`,
    'ifree=$(df --output=iavail . | tail -n 1); n=0',
    `while [ $((ifree - n)) -gt ${freeInodes} ]; do : > "inode$n"; n=$((n+1)); done`,
  ].join('\n');
  await conn.exec(script);
  return diskState();
}

async function diskState(): Promise<string> {
  return (await conn.exec(`cd ${d} && sha1sum app.conf && ls -A`)).stdout;
}

const moduleNamed = (name: string) => findModule(name)!;

describe('a write that does not fit', () => {
  // Room for a small temp file but not for the copy of the 120 KiB original, nor for 200 KiB of new content.
  const cases: [string, string, () => Record<string, unknown>, RegExp][] = [
    ['copy', 'copy', () => ({ content: 'z'.repeat(BIG), dest: `${d}/app.conf` }), /^could not write .*\/app\.conf \(disk full or read-only\?\); the original is unchanged$/],
    ['copy, backup', 'copy', () => ({ content: 'new\n', dest: `${d}/app.conf`, backup: true }), /^Could not make backup of .*\/app\.conf to .*\/app\.conf\.\d+\.[\d-]+@[\d:]+~: .*No space left on device/],
    ['template, backup', 'template', () => ({ src: 'small.conf.hbs', dest: `${d}/app.conf`, backup: true }), /^Could not make backup of .*\/app\.conf to .*: .*No space left on device/],
    ['lineinfile', 'lineinfile', () => ({ path: `${d}/app.conf`, line: 'z'.repeat(BIG) }), /^could not write .*\/app\.conf \(disk full or read-only\?\); the original is unchanged$/],
    ['lineinfile, backup', 'lineinfile', () => ({ path: `${d}/app.conf`, regexp: '^x', state: 'absent', backup: true }), /^Could not make backup of .*\/app\.conf to .*: .*No space left on device/],
    ['get_url', 'get_url', () => ({ url: `${base}/big`, dest: `${d}/app.conf`, force: true }), /^could not write the download to .*\/app\.conf \(disk full or read-only\?\): .*; the original is unchanged$/],
    ['get_url, backup', 'get_url', () => ({ url: `${base}/small`, dest: `${d}/app.conf`, force: true, backup: true }), /^Could not make backup of .*\/app\.conf to .*: .*No space left on device/],
    ['fetch (on the controller)', 'fetch', () => ({ src: `${controllerDir.path}/big.remote`, dest: conn.controllerPath(`${d}/app.conf`), flat: true }), /^could not write .*\/app\.conf on the controller \(ENOSPC: no space left on device.*\); the original is unchanged$/],
  ];

  it.each(cases)('%s fails, keeps the original byte for byte and leaves nothing behind', async (_label, module, args, message) => {
    const before = await nearlyFull(16, 4);
    const { result } = await runModule(moduleNamed(module), { args: args(), sourceDir: controllerDir.path }, conn);
    expect(result).toMatchObject({ failed: true, changed: false });
    expect(String(result.msg)).toMatch(message);
    expect(result.backup_file).toBeUndefined();
    expect(await diskState()).toBe(before);
  });
});

describe('a file or directory that cannot be created (no inode left)', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['touch', { path: 'new.flag', state: 'touch' }, /^Error, could not touch target: .*No space left on device/],
    ['directory', { path: 'new/dir', state: 'directory' }, /^There was an issue creating .*\/new as requested: .*No space left on device/],
  ];

  it.each(cases)('file state=%s fails clearly and changes nothing', async (_label, args, message) => {
    const before = await nearlyFull(0, 0);
    const { result } = await runModule(moduleNamed('file'), { args: { ...args, path: `${d}/${String(args.path)}` } }, conn);
    expect(result).toMatchObject({ failed: true, changed: false });
    expect(String(result.msg)).toMatch(message);
    expect(await diskState()).toBe(before);
  });
});
