/**
 * get_url and uri side by side with ansible-playbook (local connection), each
 * against its own HTTP server the test starts on 127.0.0.1, which logs every
 * request's path, Authorization and User-Agent: both engines must make the
 * same requests (credentials only after a 401 challenge unless
 * force_basic_auth, none for a username without a password, Ansible's
 * User-Agent or http_agent's; unarchive's download of a URL, Ansible's
 * User-Agent) and end with the same recap. The second case
 * covers the arguments of Ansible 2.14's url options and uri's files:
 * unredirected_headers, use_netrc ($NETRC), unix_socket, get_url's tmp_dest,
 * uri's dest (mode, If-Modified-Since, a directory), src and remote_src: the
 * same requests, registered results and files. ansible-playbook's side is
 * recorded in test/references/url-request-differential while this file
 * (which writes the playbooks and answers the requests) is unchanged
 * (test/support/ansible-reference.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { scratch, type Scratch } from '../reliability/support.js';

const BASIC = `Basic ${Buffer.from('fetcher:pw "9"').toString('base64')}`;
let work: Scratch;
let server: Server;
let log: string[] = [];
let archive: Buffer;

beforeAll(async () => {
  server = createServer((request, response) => {
    log.push(`${request.url} ${request.headers.authorization ?? '-'} ${request.headers['user-agent']}`);
    if (request.url!.startsWith('/archive')) response.end(archive);
    else if (request.url!.startsWith('/guarded') && request.headers.authorization !== BASIC) response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"' }).end();
    else response.end('ok\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  addresses.push(base.slice('http://'.length));
  work = scratch('url-request-differential');
  writeFileSync(join(work.dir, 'hello.txt'), 'hello\n');
  execFileSync('tar', ['-cf', join(work.dir, 'hello.tar'), '-C', work.dir, 'hello.txt']);
  archive = readFileSync(join(work.dir, 'hello.tar'));
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' } } } });
  const credentials = { url_username: 'fetcher', url_password: 'pw "9"' };
  work.write('requests.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { get_url: { url: `${base}/guarded/1`, dest: '{{ out }}/one', ...credentials } },
        { get_url: { url: `${base}/guarded/2`, dest: '{{ out }}/two', username: 'fetcher', password: 'pw "9"', force_basic_auth: true, http_agent: 'agent/2' } },
        { get_url: { url: `${base}/guarded/3`, dest: '{{ out }}/three', username: 'fetcher' }, ignore_errors: true },
        { get_url: { url: `${base}/open/4`, dest: '{{ out }}/four', ...credentials, use_proxy: false } },
        { uri: { url: `${base}/guarded/5`, user: 'fetcher', password: 'pw "9"' } },
        { uri: { url: `${base}/guarded/6`, ...credentials, force_basic_auth: true, http_agent: 'agent/6' } },
        { uri: { url: `${base}/open/7`, ...credentials } },
        { unarchive: { src: `${base}/archive/8.tar`, dest: '{{ out }}', remote_src: true } },
      ],
    },
  ]);
});

afterAll(async () => {
  work?.remove();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

type Engine = 'ansible' | 'cxplay';

/** The servers' addresses: their ports differ per run, so both engines' outcomes are compared with each written 127.0.0.1:<PORT>. */
const addresses: string[] = [];

function withoutPorts<T>(outcome: T): T {
  let text = JSON.stringify(outcome);
  for (const address of addresses) text = text.split(address).join('127.0.0.1:<PORT>');
  return JSON.parse(text) as T;
}

/**
 * The outcome of `run` under each engine, ports written <PORT>: Ansible's
 * recorded as url-request-differential/NAME while this file and the harness
 * are unchanged.
 */
async function bothEngines<T>(name: string, run: (engine: Engine) => Promise<T>): Promise<{ ansible: T; ours: T }> {
  const inputs = [resolve(projectRoot, 'test', 'support', 'ansible.ts'), fileURLToPath(import.meta.url)];
  const ansible = await ansibleReference({ name: `url-request-differential/${name}`, inputs, work: work.dir }, async () => withoutPorts(await run('ansible')));
  return { ansible, ours: withoutPorts(await run('cxplay')) };
}

/** Runs a playbook of `work` under one engine with `out` set to a fresh directory of its own. */
async function runEngine(engine: Engine, playbook: string): Promise<{ out: string; stdout: string; output: string }> {
  const out = join(work.dir, `${playbook}-${engine}`);
  mkdirSync(out);
  const args = ['-i', 'inventory.yaml', playbook, '-e', `out=${out}`];
  const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work.dir, work: work.dir, pipelining: false }) : await cxplay(['run', ...args], { cwd: work.dir });
  return { out, stdout: result.stdout, output: result.stdout + result.stderr };
}

describe.skipIf(!hasAnsible)('get_url and uri requests, as ansible-playbook makes them', () => {
  it('send the same credentials and User-Agent in the same requests, with the same recap', async () => {
    const run = async (engine: Engine) => {
      const result = await runEngine(engine, 'requests.yaml');
      const requests = log;
      log = [];
      return { recap: parseRecap(result.stdout), requests, output: result.output };
    };
    const { ansible, ours } = await bothEngines('requests', run);
    expect(ansible.requests).toContain(`/guarded/1 ${BASIC} ansible-httpget`);
    expect(ansible.requests).toContain('/archive/8.tar - ansible-httpget');
    expect(ours.requests, ours.output).toEqual(ansible.requests);
    expect(ours.recap).toEqual(ansible.recap);
    expect(ours.recap.localhost).toMatchObject({ ok: 8, changed: 4, failed: 0 });
  }, 300_000);
});

/** What the second server saw of each request: the same list under both engines. */
let seen: Record<string, unknown>[] = [];
let fileServer: Server;
let socketServer: Server;

beforeAll(async () => {
  const answer = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, body: Buffer) => {
    const path = request.url!;
    // The request Ansible makes before it finds tmp_dest missing (cxplay checks first): not compared.
    if (!path.startsWith('/unlogged')) {
      const header = (name: string) => request.headers[name] ?? '-';
      seen.push({ path, method: request.method, authorization: header('authorization'), keep: header('x-keep'), once: header('x-once'), modifiedSince: request.headers['if-modified-since'] !== undefined, type: header('content-type'), body: body.toString('base64') });
    }
    if (path === '/hop/start') response.writeHead(302, { Location: '/hop/end' }).end();
    else if (path === '/cached' && request.headers['if-modified-since']) response.writeHead(304).end();
    else if (path === '/named') response.writeHead(200, { 'Content-Disposition': 'attachment; filename="named.txt"' }).end('named body\n');
    else response.end(`body of ${path}\n`);
  };
  const handler = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks)));
  };
  fileServer = createServer(handler);
  await new Promise<void>((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
  socketServer = createServer(handler);
  await new Promise<void>((resolve) => socketServer.listen(work.path('http.sock'), resolve));
  const base = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}`;
  addresses.push(base.slice('http://'.length));
  work.write('empty.netrc', '', 0o600);
  work.write('lab.netrc', 'machine 127.0.0.1 login netrc-user password "netrc pw"\n', 0o600);
  work.write('files/payload.bin', Buffer.from([0x62, 0x69, 0x6e, 0x00, 0xff, 0x0a]));
  const netrc = { NETRC: '{{ playbook_dir }}/lab.netrc' };
  const keep = { 'X-Keep': 'k', 'X-Once': 'o', Authorization: 'Bearer t' };
  work.write('arguments.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      // No ~/.netrc of the machine's user counts: an empty one, except where a task names the lab's.
      environment: { NETRC: '{{ playbook_dir }}/empty.netrc' },
      tasks: [
        { uri: { url: `${base}/hop/start`, headers: keep, unredirected_headers: ['x-once', 'AUTHORIZATION'] }, register: 'hop' },
        { get_url: { url: `${base}/hop/start`, dest: '{{ out }}/hop.txt', headers: { 'X-Keep': 'k', 'X-Once': 'o' }, unredirected_headers: ['X-Once'] }, register: 'hop_get' },
        { uri: { url: `${base}/netrc` }, environment: netrc, register: 'from_netrc' },
        { uri: { url: `${base}/netrc-off`, use_netrc: false }, environment: netrc },
        { uri: { url: `${base}/netrc-user`, url_username: 'named', url_password: 'pw' }, environment: netrc },
        { get_url: { url: `${base}/netrc-get`, dest: '{{ out }}/netrc.txt' }, environment: netrc },
        { uri: { url: 'http://localhost/socket', unix_socket: '{{ playbook_dir }}/http.sock', return_content: true }, register: 'socket' },
        { file: { path: '{{ out }}/tmpd', state: 'directory' } },
        { get_url: { url: `${base}/tmp-dest`, dest: '{{ out }}/via-tmp.txt', tmp_dest: '{{ out }}/tmpd' }, register: 'tmp_dest' },
        { get_url: { url: `${base}/unlogged/1`, dest: '{{ out }}/no-tmp.txt', tmp_dest: '{{ out }}/missing' }, register: 'tmp_missing', ignore_errors: true },
        { get_url: { url: `${base}/unlogged/2`, dest: '{{ out }}/no-tmp.txt', tmp_dest: '{{ out }}/hop.txt' }, register: 'tmp_file', ignore_errors: true },
        { uri: { url: `${base}/saved`, dest: '{{ out }}/saved.txt', mode: '0600' }, register: 'saved' },
        { uri: { url: `${base}/cached`, dest: '{{ out }}/saved.txt', status_code: [200, 304] }, register: 'cached' },
        { uri: { url: `${base}/cached`, dest: '{{ out }}/saved.txt' }, register: 'cached_refused', ignore_errors: true },
        { uri: { url: `${base}/replaced`, dest: '{{ out }}/saved.txt', force: true }, register: 'replaced' },
        { uri: { url: `${base}/named`, dest: '{{ out }}/' }, register: 'named' },
        { uri: { url: `${base}/dir/plain%20name.txt?x=1`, dest: '{{ out }}' }, register: 'plain' },
        { uri: { url: `${base}/echo`, method: 'POST', src: 'payload.bin' }, register: 'sent' },
        { copy: { content: 'remote body\n', dest: '{{ out }}/remote.txt' } },
        { uri: { url: `${base}/echo`, method: 'PUT', src: '{{ out }}/remote.txt', remote_src: true, body_format: 'json' }, register: 'sent_remote' },
        { uri: { url: `${base}/echo`, method: 'PUT', src: '{{ out }}/absent.txt', remote_src: true }, register: 'absent', ignore_errors: true },
        {
          copy: {
            content: '{{ {"hop": hop, "hop_get": hop_get, "from_netrc": from_netrc, "socket": socket, "tmp_dest": tmp_dest, "tmp_dest_dir": tmp_dest.src | dirname, "tmp_missing": tmp_missing, "tmp_file": tmp_file, "saved": saved, "cached": cached, "cached_refused": cached_refused, "replaced": replaced, "named": named, "plain": plain, "sent": sent, "sent_remote": sent_remote, "absent": absent} | to_json }}',
            dest: '{{ out }}.json',
          },
        },
      ],
    },
  ]);
});

afterAll(async () => {
  await new Promise<void>((resolve) => fileServer?.close(() => resolve()));
  await new Promise<void>((resolve) => socketServer?.close(() => resolve()));
});

/** The keys of a registered result both engines must agree on (elapsed, dates and temp names differ by nature). */
const COMPARED = ['changed', 'failed', 'msg', 'status', 'status_code', 'url', 'redirected', 'dest', 'path', 'mode', 'owner', 'size', 'state', 'body', 'content', 'json', 'checksum_src', 'checksum_dest'];

function registered(out: string): Record<string, unknown> {
  const results = JSON.parse(readFileSync(`${out}.json`, 'utf8').replaceAll(out, '<out>')) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(results).map(([name, result]) => [name, typeof result === 'object' && result !== null ? Object.fromEntries(Object.entries(result).filter(([key]) => COMPARED.includes(key))) : result]),
  );
}

/** Each file the run left in out: its mode and content. */
function files(out: string, under = ''): Record<string, string> {
  const listing: Record<string, string> = {};
  for (const name of readdirSync(join(out, under)).sort()) {
    const path = join(out, under, name);
    const stat = statSync(path);
    if (stat.isDirectory()) Object.assign(listing, files(out, join(under, name)), { [join(under, name)]: 'directory' });
    else listing[join(under, name)] = `${(stat.mode & 0o7777).toString(8)} ${readFileSync(path, 'base64')}`;
  }
  return listing;
}

describe.skipIf(!hasAnsible)("Ansible 2.14's url and uri file arguments, as ansible-playbook applies them", () => {
  it('make the same requests, register the same results and leave the same files', async () => {
    const run = async (engine: Engine) => {
      const result = await runEngine(engine, 'arguments.yaml');
      const requests = seen;
      seen = [];
      return { recap: parseRecap(result.stdout), requests, output: result.output, results: registered(result.out), files: files(result.out) };
    };
    const { ansible, ours } = await bothEngines('arguments', run);
    expect(ansible.recap.localhost, ansible.output).toMatchObject({ failed: 0, ignored: 4 });
    expect(ours.requests, ours.output).toEqual(ansible.requests);
    expect(ours.results).toEqual(ansible.results);
    expect(ours.files).toEqual(ansible.files);
    expect(ours.recap).toEqual(ansible.recap);
    // What the comparison stands on, as Ansible 2.14 does it:
    const requests = ansible.requests as { path: string; authorization: string; once: string; keep: string }[];
    expect(requests.filter((request) => request.path === '/hop/end').map((request) => [request.once, request.keep, request.authorization])).toEqual([['-', 'k', '-'], ['-', 'k', '-']]);
    expect(requests.find((request) => request.path === '/netrc')?.authorization).toBe(`Basic ${Buffer.from('netrc-user:netrc pw').toString('base64')}`);
    expect(requests.find((request) => request.path === '/netrc-off')?.authorization).toBe('-');
    expect(ansible.results.tmp_dest_dir).toBe('<out>/tmpd');
    expect(ansible.results.cached).toMatchObject({ status: 304, changed: false });
    expect(ansible.files['saved.txt']).toBe(`600 ${Buffer.from('body of /replaced\n').toString('base64')}`);
  }, 900_000);
});
