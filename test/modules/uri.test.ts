/** uri against an HTTP server the test starts on 127.0.0.1: Ansible's result shape, bodies, auth, status checks. */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';
import { makeTlsFiles, startTlsServer, type TlsFiles } from './tls-files.js';

const uri = findModule('uri')!;
let server: Server;
let base: string;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      if (request.url === '/health') response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '27', 'X-Node': 'n1' }).end('{"ready": true, "nodes": 3}');
      else if (request.url === '/old') response.writeHead(301, { location: '/health' }).end();
      else if (request.url === '/saved' && request.headers['if-modified-since']) response.writeHead(304).end();
      else if (request.url === '/saved') response.end('saved body\n');
      else if (request.url === '/echo') response.writeHead(201, { 'Content-Type': 'text/plain' }).end(body);
      else if (request.url === '/guarded' && !request.headers.authorization) response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"' }).end();
      else if (request.url === '/guarded') response.writeHead(200).end('in');
      else response.writeHead(404, 'Not Found').end('nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

// An HTTPS server whose certificate a throwaway CA signed; it names the client certificate it was shown.
let tls: TlsFiles;
let tlsBase: string;
let removeTls: () => void;
let httpsServer: Server;
beforeAll(async () => {
  let tlsDir: string;
  ({ path: tlsDir, cleanup: removeTls } = tempDir());
  tls = makeTlsFiles(tlsDir);
  ({ server: httpsServer, base: tlsBase } = await startTlsServer(tls));
});
afterAll(async () => {
  await new Promise<void>((resolve) => httpsServer.close(() => resolve()));
  removeTls();
});

let d: string;
let cleanup: () => void;
beforeEach(() => {
  ({ path: d, cleanup } = tempDir());
  seen.length = 0;
});
afterEach(() => cleanup());

describe('uri', () => {
  it('GETs, parses JSON and names headers as Ansible does, in one exec', async () => {
    const { result, execs } = await runModule(uri, { args: { url: `${base}/health` } });
    expect(result).toMatchObject({ changed: false, status: 200, url: `${base}/health`, redirected: false, json: { ready: true, nodes: 3 }, content_type: 'application/json', x_node: 'n1', content_length: '27', msg: 'OK (27 bytes)' });
    expect(result.content).toBeUndefined();
    expect(result.failed).toBeUndefined();
    expect(execs).toBe(1);
  });

  it('follows redirects for GET and says so', async () => {
    const { result } = await runModule(uri, { args: { url: `${base}/old`, return_content: true } });
    expect(result).toMatchObject({ status: 200, url: `${base}/health`, redirected: true, content: '{"ready": true, "nodes": 3}' });
  });

  it('sends a JSON body, headers and, with force_basic_auth, basic auth in the first request', async () => {
    const { result } = await runModule(uri, { args: { url: `${base}/echo`, method: 'post', body: { name: "it's $(x)" }, body_format: 'json', status_code: [200, 201], headers: { 'X-Trace': 'a "b"' }, url_username: 'admin', url_password: 'p@ss:word', force_basic_auth: true, return_content: true } });
    expect(result).toMatchObject({ status: 201, content: '{"name":"it\'s $(x)"}' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"name":"it\'s $(x)"}' });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'a "b"', authorization: `Basic ${Buffer.from('admin:p@ss:word').toString('base64')}` });
  });

  it('sends credentials only when the server asks for them, as Ansible (measured: 401 with Basic, then the request with them)', async () => {
    const { result } = await runModule(uri, { args: { url: `${base}/guarded`, user: 'admin', password: 'pw"\\x', return_content: true } });
    expect(result).toMatchObject({ status: 200, content: 'in' });
    expect(seen.map((request) => request.headers.authorization)).toEqual([undefined, `Basic ${Buffer.from('admin:pw"\\x').toString('base64')}`]);
    seen.length = 0;
    await runModule(uri, { args: { url: `${base}/health`, user: 'admin', password: 'pw' } });
    expect(seen.map((request) => request.headers.authorization)).toEqual([undefined]);
  });

  it("sends Ansible's User-Agent (ansible-httpget) unless http_agent names another", async () => {
    await runModule(uri, { args: { url: `${base}/health` } });
    await runModule(uri, { args: { url: `${base}/health`, http_agent: 'probe/1.0' } });
    expect(seen.map((request) => request.headers['user-agent'])).toEqual(['ansible-httpget', 'probe/1.0']);
  });

  it('with use_proxy: false, ignores the proxy the environment names', async () => {
    const environment = { http_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };
    expect((await runModule(uri, { args: { url: `${base}/health` }, environment })).result).toMatchObject({ failed: true, status: -1 });
    expect((await runModule(uri, { args: { url: `${base}/health`, use_proxy: false }, environment })).result).toMatchObject({ status: 200 });
  });

  it('checks the server against ca_path, shows client_cert/client_key, and takes ciphers', async () => {
    expect((await runModule(uri, { args: { url: tlsBase } })).result).toMatchObject({ failed: true, status: -1 });
    expect((await runModule(uri, { args: { url: tlsBase, ca_path: tls.ca, return_content: true } })).result).toMatchObject({ status: 200, content: 'client=none' });
    const withClient = { url: tlsBase, ca_path: tls.ca, client_cert: tls.clientCert, client_key: tls.clientKey, return_content: true };
    expect((await runModule(uri, { args: withClient })).result).toMatchObject({ status: 200, content: 'client=lab-client' });
    expect((await runModule(uri, { args: { ...withClient, ciphers: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'] } })).result).toMatchObject({ status: 200 });
    expect((await runModule(uri, { args: { ...withClient, ciphers: ['NO-SUCH-CIPHER'] } })).result).toMatchObject({ failed: true, status: -1 });
  });

  it('sends a form body', async () => {
    await runModule(uri, { args: { url: `${base}/echo`, method: 'POST', body: { a: '1 2', b: '&' }, body_format: 'form-urlencoded', status_code: 201 } });
    expect(seen[0]).toMatchObject({ body: 'a=1+2&b=%26' });
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('fails when the status is not one it expects, with Ansible\'s message', async () => {
    const { result } = await runModule(uri, { args: { url: `${base}/missing` } });
    expect(result).toMatchObject({ failed: true, status: 404, msg: 'Status code was 404 and not [200]: HTTP Error 404: Not Found' });
    expect((await runModule(uri, { args: { url: `${base}/missing`, status_code: '200,404' } })).result).toMatchObject({ status: 404 });
  });

  it('reports an unreachable server as status -1', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { result } = await runModule(uri, { args: { url: `http://127.0.0.1:${port}/`, timeout: 5 } });
    expect(result).toMatchObject({ failed: true, status: -1 });
    expect(String(result.msg)).toMatch(/^Status code was -1 and not \[200\]: Request failed: /);
  });

  it('is skipped by creates/removes without a request', async () => {
    writeFileSync(join(d, 'done'), '');
    expect((await runModule(uri, { args: { url: `${base}/health`, creates: join(d, 'done') } })).result).toEqual({ changed: false, stdout: `skipped, since '${d}/done' exists` });
    expect((await runModule(uri, { args: { url: `${base}/health`, removes: join(d, 'gone') } })).result).toEqual({ changed: false, stdout: `skipped, since '${d}/gone' does not exist` });
    expect(seen).toEqual([]);
  });

  it('refuses a method that is not one word and a URL with a newline', async () => {
    expect((await runModule(uri, { args: { url: base, method: 'GET /x' } })).result).toMatchObject({ failed: true });
    expect((await runModule(uri, { args: { url: `${base}/\nuser = x:y` } })).result).toMatchObject({ failed: true, msg: 'url, headers and credentials must not contain control characters (a newline?)' });
    expect(seen).toEqual([]);
  });

  it('leaves unredirected_headers out of the request after a redirect, keeps the others', async () => {
    await runModule(uri, { args: { url: `${base}/old`, headers: { 'X-Once': '1', 'X-Keep': '2' }, unredirected_headers: ['x-ONCE'] } });
    expect(seen.map((request) => [request.url, request.headers['x-once'], request.headers['x-keep']])).toEqual([
      ['/old', '1', '2'],
      ['/health', undefined, '2'],
    ]);
  });

  it('refuses use_gssapi with unredirected_headers before any request, saying so', async () => {
    const { result } = await runModule(uri, { args: { url: `${base}/old`, use_gssapi: true, headers: { 'X-Once': '1' }, unredirected_headers: ['x-once'] } });
    expect(result).toMatchObject({ failed: true, msg: 'use_gssapi with unredirected_headers is not supported by cxplay: leave one of them out' });
    expect(seen).toEqual([]);
  });

  it("sends ~/.netrc's (or $NETRC's) credentials for the host unless use_netrc is false or a user is named; fails on a ~/.netrc others may read", async () => {
    const netrc = writeNetrc(join(d, '.netrc'), 0o600);
    const basic = `Basic ${Buffer.from('nu:n p').toString('base64')}`;
    await runModule(uri, { args: { url: `${base}/health` }, environment: { HOME: d } });
    await runModule(uri, { args: { url: `${base}/health` }, environment: { HOME: '/nonexistent', NETRC: netrc } });
    await runModule(uri, { args: { url: `${base}/health`, use_netrc: false }, environment: { HOME: d } });
    await runModule(uri, { args: { url: `${base}/health`, url_username: 'named' }, environment: { HOME: d } });
    expect(seen.map((request) => request.headers.authorization)).toEqual([basic, basic, undefined, undefined]);
    writeNetrc(join(d, '.netrc'), 0o644);
    const { result } = await runModule(uri, { args: { url: `${base}/health` }, environment: { HOME: d } });
    expect(result).toMatchObject({ failed: true, msg: '~/.netrc access too permissive: access permissions must restrict access to only the owner' });
    expect(seen).toHaveLength(4);
  });

  it('requests over unix_socket', async () => {
    const socketPath = join(d, 'http.sock');
    const socketServer = createServer((_request, response) => response.end('over the socket'));
    await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
    try {
      const { result } = await runModule(uri, { args: { url: 'http://localhost/x', unix_socket: socketPath, return_content: true } });
      expect(result).toMatchObject({ status: 200, content: 'over the socket' });
    } finally {
      await new Promise<void>((resolve) => socketServer.close(() => resolve()));
    }
  });

  it('saves the body in dest with its mode, changed whenever saved; an existing dest is asked for if modified since', async () => {
    const dest = join(d, 'saved.txt');
    const first = await runModule(uri, { args: { url: `${base}/saved`, dest, mode: '0600' } });
    expect(first.result).toMatchObject({ changed: true, status: 200, path: dest, mode: '0600', state: 'file', size: 11 });
    expect(readFileSync(dest, 'utf8')).toBe('saved body\n');
    expect(statSync(dest).mode & 0o777).toBe(0o600);
    expect(first.execs).toBe(1);
    const again = await runModule(uri, { args: { url: `${base}/saved`, dest, status_code: [200, 304] } });
    expect(again.result).toMatchObject({ changed: false, status: 304, path: dest, msg: 'HTTP Error 304: Not Modified', body: '' });
    expect(seen[1]!.headers['if-modified-since']).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    // A directory dest gets the last part of the URL after the redirect.
    const intoDirectory = await runModule(uri, { args: { url: `${base}/old`, dest: d } });
    expect(intoDirectory.result).toMatchObject({ changed: true, path: join(d, 'health'), json: { ready: true, nodes: 3 } });
  });

  it("sends a src file of the controller, or with remote_src the host's, as the body", async () => {
    writeFileSync(join(d, 'payload.bin'), Buffer.from([0x61, 0x00, 0xff, 0x0a]));
    const fromController = await runModule(uri, { args: { url: `${base}/echo`, method: 'POST', src: 'payload.bin', status_code: 201 }, sourceDir: d });
    expect(fromController.result).toMatchObject({ status: 201 });
    writeFileSync(join(d, 'remote.json'), '{"on": "host"}');
    await runModule(uri, { args: { url: `${base}/echo`, method: 'PUT', src: join(d, 'remote.json'), remote_src: true, body_format: 'json', status_code: 201 } });
    // The server reads the body as UTF-8: the 0xff byte arrives as U+FFFD.
    expect(seen.map((request) => [request.method, request.headers['content-type'], request.body])).toEqual([
      ['POST', 'application/x-www-form-urlencoded', 'a\u0000\ufffd\n'],
      ['PUT', 'application/json', '{"on": "host"}'],
    ]);
    expect((await runModule(uri, { args: { url: `${base}/echo`, src: join(d, 'absent'), remote_src: true } })).result).toMatchObject({ failed: true, msg: `Unable to open source file ${join(d, 'absent')}` });
    expect((await runModule(uri, { args: { url: `${base}/echo`, src: join(d, 'remote.json'), remote_src: true, body: 'x' } })).result).toMatchObject({ failed: true, msg: 'parameters are mutually exclusive: body|src' });
    expect(seen).toHaveLength(2);
  });
});

function writeNetrc(path: string, mode: number): string {
  writeFileSync(path, 'machine 127.0.0.1 login nu password "n p"\n', { mode });
  chmodSync(path, mode);
  return path;
}
