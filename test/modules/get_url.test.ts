/**
 * get_url against an HTTP server the test starts on 127.0.0.1: download,
 * no request at all once converged, checksums (literal and from a checksums
 * file), redirects, errors with the status, headers, check mode, and the
 * wget fallback when the host has no curl.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const getUrl = findModule('get_url')!;
const BODY = 'payload of the download\n';
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const sha1 = (data: string) => createHash('sha1').update(data).digest('hex');

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url!);
    switch (request.url) {
      case '/file.txt':
        response.end(BODY);
        return;
      case '/moved':
        response.writeHead(302, { location: '/file.txt' }).end();
        return;
      case '/sums.txt':
        response.end(`${sha256('other')}  other.txt\n${sha256(BODY)} *./file.txt\n`);
        return;
      case '/private':
        if (request.headers['x-token'] === 's3cr3t "x"') response.end(BODY);
        else response.writeHead(403, 'Forbidden').end();
        return;
      default:
        response.writeHead(404, 'Not Found').end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

let d: string;
let cleanup: () => void;
beforeEach(() => {
  ({ path: d, cleanup } = tempDir());
  requests.length = 0;
});
afterEach(() => cleanup());

describe('get_url', () => {
  it('downloads once, then makes no request at all', async () => {
    const args = { url: `${base}/file.txt`, dest: join(d, 'file'), mode: '0640' };
    const first = await runModule(getUrl, { args });
    expect(first.result).toMatchObject({ changed: true, url: `${base}/file.txt`, dest: join(d, 'file'), status_code: 200, checksum_src: sha1(BODY), checksum_dest: null, mode: '0640', msg: `OK (${BODY.length} bytes)` });
    expect(readFileSync(join(d, 'file'), 'utf8')).toBe(BODY);
    expect(first.execs).toBe(1);
    const second = await runModule(getUrl, { args });
    expect(second.result).toMatchObject({ changed: false, msg: 'file already exists', mode: '0640' });
    expect(second.execs).toBe(1);
    expect(requests).toEqual(['/file.txt']);
    expect(readdirSync(d)).toEqual(['file']);
  });

  it('with force: yes downloads again but changes nothing when the content is the same', async () => {
    writeFileSync(join(d, 'file'), BODY);
    const { result } = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'file'), force: true } });
    expect(result).toMatchObject({ changed: false, checksum_src: sha1(BODY), checksum_dest: sha1(BODY) });
    expect(requests).toEqual(['/file.txt']);
  });

  it('replaces an existing file whose checksum is wrong, and keeps one that matches without a request', async () => {
    writeFileSync(join(d, 'file'), 'stale\n');
    const args = { url: `${base}/file.txt`, dest: join(d, 'file'), checksum: `sha256:${sha256(BODY)}` };
    expect((await runModule(getUrl, { args })).result).toMatchObject({ changed: true });
    expect(readFileSync(join(d, 'file'), 'utf8')).toBe(BODY);
    expect((await runModule(getUrl, { args })).result).toMatchObject({ changed: false, msg: 'file already exists' });
    expect(requests).toEqual(['/file.txt']);
  });

  it('takes the checksum from a checksums file', async () => {
    const { result } = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'file'), checksum: `sha256:${base}/sums.txt` } });
    expect(result).toMatchObject({ changed: true });
    const missing = await runModule(getUrl, { args: { url: `${base}/nothere.bin`, dest: join(d, 'other'), checksum: `sha256:${base}/sums.txt` } });
    expect(missing.result).toMatchObject({ failed: true, msg: `Unable to find a checksum for file 'nothere.bin' in '${base}/sums.txt'` });
  });

  it('fails on a checksum mismatch and leaves dest alone', async () => {
    writeFileSync(join(d, 'file'), 'mine\n');
    const wrong = 'ab'.repeat(32);
    const { result } = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'file'), checksum: `sha256:${wrong}`, force: true } });
    expect(result).toMatchObject({ failed: true, msg: `The checksum for ${d}/file did not match ${wrong}; it was ${sha256(BODY)}.` });
    expect(readFileSync(join(d, 'file'), 'utf8')).toBe('mine\n');
    expect(readdirSync(d)).toEqual(['file']);
  });

  it('follows redirects and saves into a directory under the URL\'s file name', async () => {
    mkdirSync(join(d, 'dl'));
    const { result } = await runModule(getUrl, { args: { url: `${base}/moved`, dest: join(d, 'dl') } });
    expect(result).toMatchObject({ changed: true, dest: join(d, 'dl', 'moved') });
    expect(readFileSync(join(d, 'dl', 'moved'), 'utf8')).toBe(BODY);
  });

  it('reports "Request failed" with the HTTP status', async () => {
    const { result } = await runModule(getUrl, { args: { url: `${base}/missing`, dest: join(d, 'x') } });
    expect(result).toMatchObject({ failed: true, changed: false, msg: 'Request failed', status_code: 404, response: 'HTTP Error 404: Not Found' });
    expect(readdirSync(d)).toEqual([]);
  });

  it('sends headers (quotes included) without putting them in the process list', async () => {
    const { result } = await runModule(getUrl, { args: { url: `${base}/private`, dest: join(d, 'p'), headers: { 'X-Token': 's3cr3t "x"' } } });
    expect(result).toMatchObject({ changed: true });
    expect((await runModule(getUrl, { args: { url: `${base}/private`, dest: join(d, 'q') } })).result).toMatchObject({ failed: true, status_code: 403 });
  });

  it('refuses a URL with a newline in it', async () => {
    const { result, execs } = await runModule(getUrl, { args: { url: `${base}/file.txt\noutput = /tmp/x`, dest: join(d, 'x') } });
    expect(result).toMatchObject({ failed: true, msg: 'url contains control characters (a newline?)' });
    expect(execs).toBe(0);
  });

  it('predicts in check mode without downloading', async () => {
    const { result } = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'file') }, check: true });
    expect(result.changed).toBe(true);
    expect(requests).toEqual([]);
    expect(readdirSync(d)).toEqual([]);
  });

  it('uses wget when the host has no curl', async () => {
    const bin = join(d, 'bin');
    mkdirSync(bin);
    for (const tool of readdirSync('/usr/bin')) if (tool !== 'curl') symlinkSync(join('/usr/bin', tool), join(bin, tool));
    const environment = { PATH: bin };
    const args = { url: `${base}/file.txt`, dest: join(d, 'file') };
    expect((await runModule(getUrl, { args, environment })).result).toMatchObject({ changed: true, status_code: 200 });
    expect(readFileSync(join(d, 'file'), 'utf8')).toBe(BODY);
    expect((await runModule(getUrl, { args: { url: `${base}/missing`, dest: join(d, 'm') }, environment })).result).toMatchObject({ failed: true, status_code: 404 });
  });
});
