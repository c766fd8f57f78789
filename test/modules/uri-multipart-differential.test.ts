/**
 * uri's `body_format: form-multipart` side by side with ansible-playbook
 * (local connection), written from Ansible 2.14's documentation of uri (its
 * upload example: a file with a mime_type, a content with a filename and a
 * mime_type, a text field) and of prepare_multipart (a text value, a
 * mapping of filename and/or content and mime_type, else the type guessed
 * from the file name), with remote_src and the failures of bad bodies. A
 * server on 127.0.0.1 parses each multipart body and records its parts
 * (headers in order, bytes): both engines must send the same parts, register
 * the same results and end with the same recap. The boundary string differs
 * (a random one each request, in Ansible too); everything else is compared.
 * ansible-playbook's side is recorded in test/references/uri-multipart-differential.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { scratch, type Scratch } from '../reliability/support.js';

let work: Scratch;
let server: Server;
let address = '';
/** Each request the server got: its path, the Content-Type it was sent with (the boundary written <BOUNDARY>), another header, and its parts. */
let seen: Record<string, unknown>[] = [];

/** The parts of a multipart/form-data body: each part's header lines and its bytes (base64), or the body whole when it is not one. */
function parts(contentType: string, body: Buffer): unknown {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (boundary === undefined) return { whole: body.toString('base64') };
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  if (!text.startsWith(delimiter) || !text.endsWith(`\r\n${delimiter}--\r\n`)) return { malformed: body.toString('base64') };
  return text
    .slice(delimiter.length + 2, -(delimiter.length + 6))
    .split(`\r\n${delimiter}\r\n`)
    .map((part) => {
      const end = part.indexOf('\r\n\r\n');
      return { headers: part.slice(0, end).split('\r\n'), bytes: Buffer.from(part.slice(end + 4), 'latin1').toString('base64') };
    });
}

function answer(request: IncomingMessage, response: ServerResponse, body: Buffer): void {
  const contentType = request.headers['content-type'] ?? '-';
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  seen.push({ path: request.url, method: request.method, type: boundary === undefined ? contentType : contentType.replace(boundary, '<BOUNDARY>'), extra: request.headers['x-extra'] ?? '-', parts: parts(contentType, body) });
  // Connection: close, as urllib asks (curl keeps connections alive): the response headers are then the same.
  response.writeHead(200, { 'Content-Type': 'application/json', Connection: 'close' }).end(JSON.stringify({ received: body.length }));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = `http://${address}`;
  work = scratch('uri-multipart-differential');
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' } } } });
  // Files of the controller, found as the action finds them (files/ beside the playbook), a long binary one among them (several base64 lines).
  work.write('files/true.bin', Buffer.from(Array.from({ length: 200 }, (_, index) => (index * 37) % 256)));
  work.write('files/data.json', '{"a": 1}\n');
  work.write('files/bundle.tar.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
  work.write('files/picture.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  work.write('files/notes.unknownext', 'notes\n');
  work.write('files/empty.txt', '');
  const post = (path: string, body: unknown, more: Record<string, unknown> = {}) => ({ uri: { url: `${base}${path}`, method: 'POST', body_format: 'form-multipart', body, ...more } });
  const bad = (name: string, body: unknown, more: Record<string, unknown> = {}) => ({ ...post(`/bad/${name}`, body, more), register: `bad_${name}`, ignore_errors: true });
  work.write('multipart.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        // The documentation's upload example, with a file of the controller's files/.
        { ...post('/example', { file1: { filename: 'true.bin', mime_type: 'application/octet-stream' }, file2: { content: 'text based file content', filename: 'fake.txt', mime_type: 'text/plain' }, text_form_field: 'value' }), register: 'example' },
        // Types guessed from the file names (the target's mime.types, Python's table, compression extensions, case), an empty file.
        {
          ...post('/guessed', {
            json: { filename: 'data.json' },
            tarball: { filename: 'bundle.tar.gz' },
            picture: { filename: 'picture.PNG' },
            unknown: { filename: 'notes.unknownext' },
            empty: { filename: 'empty.txt' },
            named: { content: 'inline', filename: 'dir/page.HTML' },
            tgz: { content: 'inline', filename: 'a.tgz' },
            // Named by the target's /etc/mime.types only (Debian's), and named otherwise there than in Python's table.
            package: { content: 'inline', filename: 'pkg.deb' },
            script: { content: 'inline', filename: 'script.js' },
            // Named by Python's own table only (not Debian's mime.types): a standard type, and a non-standard one.
            hdf: { content: 'inline', filename: 'data.h5' },
            picture_old: { content: 'inline', filename: 'art.pict' },
            bare: { content: 'inline' },
            partial: { content: 'inline', mime_type: 'text' },
            charset: { content: 'inline', mime_type: 'text/plain; charset=utf-8' },
          }),
          register: 'guessed',
        },
        // Text values: line breaks, non-ASCII names and file names, quotes, an empty value, a number as content; the task's Content-Type is replaced, its other headers kept.
        {
          ...post(
            '/text',
            { lines: 'one\ntwo\r\nthree\rfour\n', 'ñame': 'välue', 'quo"te\\d': 'q', '': '', number: { content: 5, filename: 'n.txt' }, unicode: { content: 'x', filename: 'fïle name.txt' }, zero: { content: '', filename: 'empty.txt' } },
            { headers: { 'content-type': 'text/ignored', 'X-Extra': 'kept' }, return_content: true },
          ),
          register: 'text',
        },
        // remote_src: the files are the target's.
        { copy: { content: 'remote file\n', dest: '{{ out }}/remote.cfg' } },
        { ...post('/remote', { conf: { filename: '{{ out }}/remote.cfg' }, note: 'n' }, { remote_src: true }), register: 'remote' },
        bad('list', ['a', 'b']),
        bad('string', 'text'),
        bad('number', { n: 1 }),
        bad('nested_list', { l: [1] }),
        bad('boolean', { b: true }),
        bad('neither', { e: { mime_type: 'text/plain' } }),
        // An absolute path: for a relative one Ansible lists each place it searched twice, cxplay once.
        bad('missing', { m: { filename: '{{ playbook_dir }}/missing.txt' } }),
        bad('remote_list', [1], { remote_src: true }),
        bad('none', null),
        // With a src, Ansible's action sends it and leaves the body to the module.
        { uri: { url: `${base}/bad/src`, method: 'POST', body_format: 'form-multipart', src: 'true.bin' }, register: 'bad_src', ignore_errors: true },
        { copy: { content: '{{ {"example": example, "guessed": guessed, "text": text, "remote": remote, "bad": [bad_list, bad_string, bad_number, bad_nested_list, bad_boolean, bad_neither, bad_missing, bad_remote_list, bad_none, bad_src]} | to_json }}', dest: '{{ out }}.json' } },
      ],
    },
  ]);
});

afterAll(async () => {
  work?.remove();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

type Engine = 'ansible' | 'cxplay';

/** Keys that differ by nature between two runs (the clock, the server's date) and Ansible's "exception" of an action's failure (NoneType: None), which cxplay leaves out. */
const UNCOMPARED = new Set(['elapsed', 'date', 'exception']);

function registered(out: string): unknown {
  return JSON.parse(readFileSync(`${out}.json`, 'utf8').replaceAll(out, '<out>'), (key, value: unknown) => (UNCOMPARED.has(key) ? undefined : value));
}

async function runEngine(engine: Engine): Promise<Record<string, unknown>> {
  const out = join(work.dir, `out-${engine}`);
  mkdirSync(out);
  const args = ['-i', 'inventory.yaml', 'multipart.yaml', '-e', `out=${out}`];
  const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work.dir, work: work.dir, pipelining: false }) : await cxplay(['run', ...args], { cwd: work.dir });
  const requests = seen;
  seen = [];
  const outcome = { recap: parseRecap(result.stdout), requests, results: registered(out), output: result.stdout + result.stderr };
  return JSON.parse(JSON.stringify(outcome).split(address).join('127.0.0.1:<PORT>')) as Record<string, unknown>;
}

describe.skipIf(!hasAnsible)("uri's form-multipart body, as ansible-playbook sends it", () => {
  it('sends the same parts, registers the same results and ends with the same recap', async () => {
    const inputs = [resolve(projectRoot, 'test', 'support', 'ansible.ts'), fileURLToPath(import.meta.url)];
    const ansible = await ansibleReference({ name: 'uri-multipart-differential/multipart', inputs, work: work.dir }, () => runEngine('ansible'));
    const ours = await runEngine('cxplay');
    expect(ours.requests, String(ours.output)).toEqual(ansible.requests);
    expect(ours.results).toEqual(ansible.results);
    expect(ours.recap).toEqual(ansible.recap);
    // What the comparison stands on, as Ansible 2.14 does it:
    expect(ansible.recap, String(ansible.output)).toEqual({ localhost: expect.objectContaining({ ok: 16, failed: 0, ignored: 10 }) });
    const requests = ansible.requests as { path: string; type: string; extra: string; parts: { headers: string[]; bytes: string }[] }[];
    expect(requests.map((request) => request.path)).toEqual(['/example', '/guessed', '/text', '/remote']);
    expect(requests[0]!.type).toBe('multipart/form-data; boundary="<BOUNDARY>"');
    expect(requests[0]!.parts[0]!.headers).toEqual(['Content-Transfer-Encoding: base64', 'Content-Type: application/octet-stream', 'Content-Disposition: form-data; name="file1"; filename="true.bin"']);
    expect(requests[2]!.extra).toBe('kept');
  }, 600_000);
});
