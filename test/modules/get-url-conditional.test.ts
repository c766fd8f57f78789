/**
 * get_url's request when dest exists, side by side with ansible-playbook
 * (local connection), against a server on 127.0.0.1 that answers
 * If-Modified-Since with 304 as web servers do. Measured with Ansible 2.14
 * (modules/get_url.py, module_utils/urls.py), not as its documentation
 * reads: without a checksum, an existing dest is asked for again only if
 * modified since its mtime (a 304 ends the task unchanged); with force, with
 * `Cache-Control: no-cache`; a checksum that dest has skips the request; in
 * check mode the request is a HEAD, and the prediction compares dest with
 * the HEAD's empty body; a file: URL has no status and is read whole in
 * check mode too. Both engines must make the same requests and
 * register the same results. Ansible's side is recorded.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';
import { scratch, type Scratch } from '../reliability/support.js';

const LAST_MODIFIED = new Date('2026-01-01T00:00:00Z');
const BODY = 'content v1\n';
let work: Scratch;
let server: Server;
let seen: string[] = [];

/** The If-Modified-Since a request carried: the fixed date the test gives a file, else only that it had one (dest's mtime is the run's). */
function condition(value: string | undefined): string {
  if (value === undefined) return '-';
  return value.includes(' 2000 ') ? value : 'mtime of dest';
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const since = request.headers['if-modified-since'];
    seen.push(`${request.method} ${request.url} since=${condition(since)} cache=${request.headers['cache-control'] ?? '-'}`);
    if (request.url !== '/f.txt') return void response.writeHead(404).end('not here\n');
    if (since !== undefined && new Date(since) >= LAST_MODIFIED) return void response.writeHead(304).end();
    response.writeHead(200, { 'Content-Length': String(BODY.length), 'Last-Modified': LAST_MODIFIED.toUTCString() }).end(request.method === 'HEAD' ? undefined : BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  work = scratch('get-url-conditional');
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' } } } });
  work.write('source.txt', BODY);
  work.write('server.yaml', { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  const get = (dest: string, extra: Record<string, unknown> = {}) => ({ get_url: { url: '{{ base }}/f.txt', dest: `{{ out }}/${dest}`, ...extra } });
  const aged = (name: string, content: string) => [{ copy: { content, dest: `{{ out }}/${name}` } }, { file: { path: `{{ out }}/${name}`, modification_time: '200001010000.00' } }];
  work.write('conditional.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { ...get('a.txt'), register: 'first' },
        { ...get('a.txt'), register: 'not_modified' },
        ...aged('same.txt', BODY),
        { ...get('same.txt'), register: 'older_same' },
        ...aged('other.txt', 'other\n'),
        { ...get('other.txt'), register: 'older_other' },
        { ...get('a.txt', { force: true }), register: 'forced' },
        { ...get('a.txt', { checksum: `sha1:${createHash('sha1').update(BODY).digest('hex')}` }), register: 'checksum_kept' },
        { ...get('a.txt'), check_mode: true, register: 'check_not_modified' },
        { ...get('new.txt'), check_mode: true, register: 'check_new' },
        ...aged('older.txt', 'older\n'),
        { ...get('older.txt'), check_mode: true, register: 'check_older' },
        { get_url: { url: '{{ base }}/missing', dest: '{{ out }}/a.txt' }, check_mode: true, register: 'check_missing', ignore_errors: true },
        // A file: URL: no HTTP status, and check mode reads it whole (urllib's file handler has no HEAD).
        { get_url: { url: 'file://{{ playbook_dir }}/source.txt', dest: '{{ out }}/from-file.txt' }, register: 'file_first' },
        { get_url: { url: 'file://{{ playbook_dir }}/source.txt', dest: '{{ out }}/from-file.txt' }, register: 'file_again' },
        { get_url: { url: 'file://{{ playbook_dir }}/source.txt', dest: '{{ out }}/from-file.txt' }, check_mode: true, register: 'file_check' },
        { get_url: { url: 'file://{{ playbook_dir }}/source.txt', dest: '{{ out }}/file-new.txt' }, check_mode: true, register: 'file_check_new' },
        {
          copy: {
            content: '{{ {"first": first, "not_modified": not_modified, "older_same": older_same, "older_other": older_other, "forced": forced, "checksum_kept": checksum_kept, "check_not_modified": check_not_modified, "check_new": check_new, "check_older": check_older, "check_missing": check_missing, "file_first": file_first, "file_again": file_again, "file_check": file_check, "file_check_new": file_check_new} | to_json }}',
            dest: '{{ out }}.json',
          },
        },
      ],
    },
  ]);
});

afterAll(async () => {
  work?.remove();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** Each registered result without what differs by nature (elapsed, the temp file's name, the host's user names). */
function registered(out: string): Record<string, Record<string, unknown>> {
  const results = JSON.parse(readFileSync(`${out}.json`, 'utf8').replaceAll(out, '<out>')) as Record<string, Record<string, unknown>>;
  const varying = ['elapsed', 'src', 'invocation', 'owner', 'group', 'uid', 'gid'];
  return Object.fromEntries(Object.entries(results).map(([name, result]) => [name, Object.fromEntries(Object.entries(result).filter(([key]) => !varying.includes(key)))]));
}

describe.skipIf(!hasAnsible)('get_url on an existing dest, as ansible-playbook 2.14 asks', () => {
  it('makes the same conditional requests and registers the same results', async () => {
    const args = (out: string) => ['-i', 'inventory.yaml', 'conditional.yaml', '-e', '@server.yaml', '-e', `out=${out}`];
    const [ansibleOut, oursOut] = [work.path('ansible'), work.path('cxplay')];
    mkdirSync(ansibleOut);
    mkdirSync(oursOut);
    const take = () => {
      const requests = seen;
      seen = [];
      return requests;
    };
    const ansible = await recordedPlaybook({
      name: 'get-url-conditional/conditional.yaml',
      inputs: [join(projectRoot, 'test', 'modules', 'get-url-conditional.test.ts')],
      work: work.dir,
      args: args(ansibleOut),
      pipelining: false,
      collect: () => ({ requests: take(), results: registered(ansibleOut) }),
      normalise: (json) => json.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<PORT>'),
    });
    const run = await cxplay(['run', ...args(oursOut)], { cwd: work.dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const ours = JSON.parse(JSON.stringify({ requests: take(), results: registered(oursOut) }).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<PORT>')) as typeof ansible.left;
    expect(ours.requests).toEqual(ansible.left.requests);
    expect(ours.results).toEqual(ansible.left.results);
    expect(parseRecap(run.stdout)).toEqual(parseRecap(ansible.stdout));
    // What the comparison stands on, as Ansible 2.14 does it:
    expect(ansible.left.requests.slice(0, 2)).toEqual(['GET /f.txt since=- cache=-', 'GET /f.txt since=mtime of dest cache=-']);
    expect(ansible.left.results.not_modified).toMatchObject({ changed: false, status_code: 304, msg: 'HTTP Error 304: Not Modified' });
    expect(ansible.left.results.check_older).toMatchObject({ changed: true });
    expect(ansible.left.results.file_check).toMatchObject({ changed: false, msg: `OK (${BODY.length} bytes)` });
    expect(ansible.left.results.file_first).toMatchObject({ changed: true, status_code: null });
  }, 600_000);
});
