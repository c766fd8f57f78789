/**
 * get_url and uri side by side with ansible-playbook (local connection), each
 * against its own HTTP server the test starts on 127.0.0.1, which logs every
 * request's path, Authorization and User-Agent: both engines must make the
 * same requests (credentials only after a 401 challenge unless
 * force_basic_auth, none for a username without a password, Ansible's
 * User-Agent or http_agent's; unarchive's download of a URL, Ansible's
 * User-Agent) and end with the same recap.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
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

describe.skipIf(!hasAnsible)('get_url and uri requests, as ansible-playbook makes them', () => {
  it('send the same credentials and User-Agent in the same requests, with the same recap', async () => {
    const run = async (engine: 'ansible' | 'cxplay') => {
      const out = join(work.dir, engine);
      mkdirSync(out);
      const args = ['-i', 'inventory.yaml', 'requests.yaml', '-e', `out=${out}`];
      const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work.dir, work: work.dir, pipelining: false }) : await cxplay(['run', ...args], { cwd: work.dir });
      const requests = log;
      log = [];
      return { recap: parseRecap(result.stdout), requests, output: result.stdout + result.stderr };
    };
    const ansible = await run('ansible');
    const ours = await run('cxplay');
    expect(ansible.requests).toContain(`/guarded/1 ${BASIC} ansible-httpget`);
    expect(ansible.requests).toContain('/archive/8.tar - ansible-httpget');
    expect(ours.requests, ours.output).toEqual(ansible.requests);
    expect(ours.recap).toEqual(ansible.recap);
    expect(ours.recap.localhost).toMatchObject({ ok: 8, changed: 4, failed: 0 });
  }, 300_000);
});
