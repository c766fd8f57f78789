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
import { makeTlsFiles, startTlsServer } from './tls-files.js';

const getUrl = findModule('get_url')!;
const BODY = 'payload of the download\n';
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const sha1 = (data: string) => createHash('sha1').update(data).digest('hex');

let server: Server;
let base: string;
const requests: string[] = [];
/** The Authorization and User-Agent headers of each request, in order. */
const credentials: { authorization: string | undefined; agent: string | undefined }[] = [];
/** The X-Once header of each request, in order. */
const onceHeaders: (string | string[] | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url!);
    credentials.push({ authorization: request.headers.authorization, agent: request.headers['user-agent'] });
    onceHeaders.push(request.headers['x-once']);
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
      case '/netrc-guarded':
        if (request.headers.authorization === `Basic ${Buffer.from('nu:np').toString('base64')}`) response.end(BODY);
        else response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"' }).end();
        return;
      case '/guarded':
        if (request.headers.authorization === `Basic ${Buffer.from('fetcher:pa ss"w\\rd').toString('base64')}`) response.end(BODY);
        else response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"' }).end();
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
  credentials.length = 0;
  onceHeaders.length = 0;
});
afterEach(() => cleanup());

describe('get_url', () => {
  it('downloads once; a rerun asks again, only if modified since, and changes nothing (as Ansible 2.14)', async () => {
    const args = { url: `${base}/file.txt`, dest: join(d, 'file'), mode: '0640' };
    const first = await runModule(getUrl, { args });
    expect(first.result).toMatchObject({ changed: true, url: `${base}/file.txt`, dest: join(d, 'file'), status_code: 200, checksum_src: sha1(BODY), checksum_dest: null, mode: '0640', msg: `OK (${BODY.length} bytes)` });
    expect(readFileSync(join(d, 'file'), 'utf8')).toBe(BODY);
    expect(first.execs).toBe(1);
    const second = await runModule(getUrl, { args });
    expect(second.result).toMatchObject({ changed: false, msg: `OK (${BODY.length} bytes)`, mode: '0640' });
    expect(second.execs).toBe(1);
    expect(requests).toEqual(['/file.txt', '/file.txt']);
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

  it('sends credentials when the server asks for them, or with force_basic_auth in the first request, as Ansible (measured)', async () => {
    const basic = `Basic ${Buffer.from('fetcher:pa ss"w\\rd').toString('base64')}`;
    const args = { url: `${base}/guarded`, url_username: 'fetcher', url_password: 'pa ss"w\\rd' };
    expect((await runModule(getUrl, { args: { ...args, dest: join(d, 'a') } })).result).toMatchObject({ changed: true, status_code: 200 });
    expect(credentials.map((request) => request.authorization)).toEqual([undefined, basic]);
    credentials.length = 0;
    expect((await runModule(getUrl, { args: { url: args.url, username: 'fetcher', password: args.url_password, force_basic_auth: true, dest: join(d, 'b') } })).result).toMatchObject({ changed: true });
    expect(credentials.map((request) => request.authorization)).toEqual([basic]);
    expect(readFileSync(join(d, 'b'), 'utf8')).toBe(BODY);
  });

  it('sends no credentials for a username without a password, as Ansible (measured: the 401 stands)', async () => {
    const { result } = await runModule(getUrl, { args: { url: `${base}/guarded`, username: 'fetcher', dest: join(d, 'a') } });
    expect(result).toMatchObject({ failed: true, status_code: 401, response: 'HTTP Error 401: Unauthorized' });
    expect(credentials.map((request) => request.authorization)).toEqual([undefined]);
  });

  it("sends Ansible's User-Agent (ansible-httpget) unless http_agent names another", async () => {
    await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'a') } });
    await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'b'), http_agent: 'fetch "x"' } });
    expect(credentials.map((request) => request.agent)).toEqual(['ansible-httpget', 'fetch "x"']);
  });

  it('with use_proxy: false, ignores the proxy the environment names', async () => {
    const environment = { http_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };
    expect((await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'a') }, environment })).result).toMatchObject({ failed: true });
    expect((await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'b'), use_proxy: false }, environment })).result).toMatchObject({ changed: true });
  });

  it('shows client_cert/client_key to an HTTPS server and takes ciphers', async () => {
    const tls = makeTlsFiles(d);
    const { server: httpsServer, base: tlsBase } = await startTlsServer(tls);
    try {
      const args = { url: `${tlsBase}/x`, validate_certs: false, client_cert: tls.clientCert, client_key: tls.clientKey };
      expect((await runModule(getUrl, { args: { ...args, dest: join(d, 'a'), ciphers: ['ECDHE-RSA-AES128-GCM-SHA256'] } })).result).toMatchObject({ changed: true });
      expect(readFileSync(join(d, 'a'), 'utf8')).toBe('client=lab-client');
      expect((await runModule(getUrl, { args: { ...args, dest: join(d, 'b'), ciphers: ['NO-SUCH-CIPHER'] } })).result).toMatchObject({ failed: true, msg: 'Request failed' });
    } finally {
      await new Promise<void>((resolve) => httpsServer.close(() => resolve()));
    }
  });

  it('refuses a URL with a newline in it', async () => {
    const { result, execs } = await runModule(getUrl, { args: { url: `${base}/file.txt\noutput = /tmp/x`, dest: join(d, 'x') } });
    expect(result).toMatchObject({ failed: true, msg: 'url contains control characters (a newline?)' });
    expect(execs).toBe(0);
  });

  it('predicts in check mode from a HEAD request, writing nothing', async () => {
    const { result } = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'file') }, check: true });
    expect(result.changed).toBe(true);
    expect(requests).toEqual(['/file.txt']);
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
    await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'agent'), http_agent: 'wget-agent' }, environment });
    expect(credentials.at(-1)?.agent).toBe('wget-agent');
    const refused = await runModule(getUrl, { args: { url: `${base}/guarded`, dest: join(d, 'g'), url_username: 'fetcher', url_password: 'pw' }, environment });
    expect(refused.result).toMatchObject({ failed: true, msg: 'url_username/url_password need curl on the host (cxplay\'s wget fallback would show a password in its arguments, takes no TLS options and sends its headers after a redirect)' });
  });

  it('downloads into tmp_dest, then renames a copy beside dest; a tmp_dest that is no directory fails before any request', async () => {
    const tmpDest = join(d, 'tmp');
    mkdirSync(tmpDest);
    mkdirSync(join(d, 'out'));
    const { result } = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'out', 'file'), tmp_dest: tmpDest } });
    expect(result).toMatchObject({ changed: true, status_code: 200 });
    expect(String(result.src)).toMatch(new RegExp(`^${tmpDest}/`));
    expect(readFileSync(join(d, 'out', 'file'), 'utf8')).toBe(BODY);
    expect([readdirSync(tmpDest), readdirSync(join(d, 'out'))]).toEqual([[], ['file']]);
    const missing = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'out', 'other'), tmp_dest: join(d, 'none') } });
    expect(missing.result).toMatchObject({ failed: true, msg: `${join(d, 'none')} directory does not exist.` });
    const aFile = await runModule(getUrl, { args: { url: `${base}/file.txt`, dest: join(d, 'out', 'other'), tmp_dest: join(d, 'out', 'file') } });
    expect(aFile.result).toMatchObject({ failed: true, msg: `${join(d, 'out', 'file')} is a file but should be a directory.` });
    expect(requests).toEqual(['/file.txt']);
  });

  it('leaves unredirected_headers out after a redirect', async () => {
    await runModule(getUrl, { args: { url: `${base}/moved`, dest: join(d, 'file'), headers: { 'X-Once': 'first' }, unredirected_headers: ['X-ONCE'] } });
    await runModule(getUrl, { args: { url: `${base}/moved`, dest: join(d, 'again'), headers: { 'X-Once': 'first' } } });
    expect(requests).toEqual(['/moved', '/file.txt', '/moved', '/file.txt']);
    expect(onceHeaders).toEqual(['first', undefined, 'first', 'first']);
  });

  it("takes the host's credentials from ~/.netrc unless use_netrc is false, with curl and with wget", async () => {
    writeFileSync(join(d, '.netrc'), 'machine 127.0.0.1 login nu password np\n', { mode: 0o600 });
    const args = { url: `${base}/netrc-guarded`, dest: join(d, 'file') };
    expect((await runModule(getUrl, { args, environment: { HOME: d } })).result).toMatchObject({ changed: true, status_code: 200 });
    expect((await runModule(getUrl, { args: { ...args, dest: join(d, 'off'), use_netrc: false }, environment: { HOME: d } })).result).toMatchObject({ failed: true, status_code: 401 });
    const bin = join(d, 'bin');
    mkdirSync(bin);
    for (const tool of readdirSync('/usr/bin')) if (tool !== 'curl') symlinkSync(join('/usr/bin', tool), join(bin, tool));
    const wget = { HOME: d, PATH: bin };
    expect((await runModule(getUrl, { args: { ...args, dest: join(d, 'wget') }, environment: wget })).result).toMatchObject({ changed: true, status_code: 200 });
    expect((await runModule(getUrl, { args: { ...args, dest: join(d, 'wget-off'), use_netrc: false }, environment: wget })).result).toMatchObject({ failed: true, status_code: 401 });
  });
});
