/**
 * authorized_key with keys from a URL (ansible.posix's documentation: "Set
 * authorized keys taken from url", `key: https://github.com/charlie.keys`),
 * on a lab host, side by side with ansible-playbook (its run recorded,
 * test/support/lab-reference.ts). The keys are served by the test on
 * 127.0.0.1, which the lab hosts share: a file of two keys, one behind a
 * redirect, a missing one (404). Same recap, same registered results, same
 * file, and the same requests (path and User-Agent) reached the server.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const LAB: LabOptions = { names: ['keys1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } };
const KEYS = [
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGPn5ctkT0Cd6lXv2CnnSu6Hvwx0bmYmWGMwxTmzL1b0 charlie@laptop',
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFcXcM8wWtTeAi8Ee7l2U3bX0JDxWdsprHbvG1ybyd9M charlie@desk',
].join('\n');
const FILE = '/tmp/authorized-key-url/authorized_keys';
const RESULTS = '/tmp/authorized-key-url.json';

/** From the documentation's URL example, with the keys on the test's server; each result registered under its name. */
const TASKS: readonly Record<string, unknown>[] = [
  { register: 'checked', check_mode: true, authorized_key: { user: 'root', path: FILE, manage_dir: false, state: 'present', key: '{{ base_url }}/charlie.keys' } },
  { register: 'taken_from_url', authorized_key: { user: 'root', path: FILE, manage_dir: false, state: 'present', key: '{{ base_url }}/charlie.keys' } },
  { register: 'again_redirected', authorized_key: { user: 'root', path: FILE, manage_dir: false, state: 'present', key: '{{ base_url }}/moved.keys', validate_certs: false } },
  { register: 'missing', ignore_errors: true, authorized_key: { user: 'root', path: FILE, manage_dir: false, state: 'present', key: '{{ base_url }}/nobody.keys' } },
  { register: 'removed_by_url', authorized_key: { user: 'root', path: FILE, manage_dir: false, state: 'absent', key: '{{ base_url }}/charlie.keys' } },
];

function playbook(): unknown[] {
  const names = TASKS.map((task) => String(task.register));
  return [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { file: { path: '/tmp/authorized-key-url', state: 'directory', mode: '0700' } },
        { copy: { dest: FILE, content: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOriginalKeyOriginalKeyOriginalKeyOrigin0 kept@host\n', mode: '0600' } },
        ...TASKS,
        { command: `cat ${FILE}`, register: 'final', changed_when: false },
        { copy: { dest: RESULTS, content: `{{ {${[...names, 'final'].map((name) => `'${name}': ${name}`).join(', ')}} | to_json }}` } },
      ],
    },
  ];
}

const work = mkdtempSync(join(tmpdir(), 'cxplay-authorized-key-url-'));
const requests: string[] = [];
let server: Server;
let baseUrl = '';
let lab: Lab;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${request.headers['user-agent']}`);
    if (request.url === '/charlie.keys') response.writeHead(200, { 'content-type': 'text/plain' }).end(`${KEYS}\n`);
    else if (request.url === '/moved.keys') response.writeHead(301, { location: '/charlie.keys' }).end();
    else response.writeHead(404).end('not found\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  writeFileSync(join(work, 'keys.yaml'), JSON.stringify(playbook()));
  lab = await Lab.start(LAB);
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(work, { recursive: true, force: true });
});

/** Runs the playbook on `on`'s host; the results read back and the requests the server saw, the URL's port written <PORT>. */
async function run(on: Lab, engine: 'ansible' | 'cxplay') {
  requests.length = 0;
  const args = ['-i', on.inventoryPath, 'keys.yaml', '-e', `base_url=${baseUrl}`];
  const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work, work }) : await cxplay(['run', ...args, '--known-hosts', on.knownHostsPath, '-o', 'plain'], { cwd: work });
  const port = baseUrl.slice(baseUrl.lastIndexOf(':') + 1);
  const text = (await on.exec('keys1', `cat ${RESULTS}`)).stdout.split(port).join('<PORT>');
  // invocation is Python's; `failed: false` dropped (cxplay leaves it out).
  const results = JSON.parse(text, (key, value: unknown) => (key === 'invocation' || (key === 'failed' && value !== true) || key === 'start' || key === 'end' || key === 'delta' ? undefined : value)) as Record<string, unknown>;
  return { recap: parseRecap(result.stdout), results, requests: [...requests], output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!hasAnsible)('authorized_key with keys from a URL, on a lab host', () => {
  it('fetches the keys on the host as the module does: same results, file, recap and requests', async () => {
    const reference = await labReference({ name: 'authorized-key-url/keys.yaml', inputs: [fileURLToPath(import.meta.url)], work, lab: LAB }, (ansibleLab) => run(ansibleLab, 'ansible'));
    const ours = await run(lab, 'cxplay');
    const label = `${ours.output}\n--- ansible ---\n${reference.output}`;
    expect(reference.results, label).toMatchObject({
      checked: { changed: true },
      taken_from_url: { changed: true, key: 'http://127.0.0.1:<PORT>/charlie.keys' },
      again_redirected: { changed: false },
      missing: { failed: true, msg: 'Error getting key from: http://127.0.0.1:<PORT>/nobody.keys' },
      removed_by_url: { changed: true },
    });
    expect(ours.results, label).toEqual(reference.results);
    expect(ours.recap, label).toEqual(reference.recap);
    expect(ours.requests, label).toEqual(reference.requests);
  }, 300_000);
});
