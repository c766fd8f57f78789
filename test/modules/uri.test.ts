/** uri against an HTTP server the test starts on 127.0.0.1: Ansible's result shape, bodies, auth, status checks. */
import { writeFileSync } from 'node:fs';
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
});
