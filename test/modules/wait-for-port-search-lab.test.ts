/**
 * wait_for with search_regex on a port (ansible-core 2.14's documentation:
 * "Wait 300 seconds for port 22 to become open and contain OpenSSH"; the
 * pattern is searched in the bytes the server sent so far, re.MULTILINE),
 * on a lab host, side by side with ansible-playbook (its run recorded,
 * test/support/lab-reference.ts). The test's servers listen on 127.0.0.1,
 * which the lab hosts share: one sends a banner in two parts and keeps the
 * connection open, one says "busy" and closes it, and a third port has
 * nothing listening. Same recap, same registered results (`elapsed` kept as
 * its type, the ports written as their role).
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const LAB: LabOptions = { names: ['search1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } };
const RESULTS = '/tmp/wait-for-port-search.json';

/** Each task's result is registered under its name and written, as JSON, to RESULTS on the host. */
const TASKS: readonly Record<string, unknown>[] = [
  { register: 'documented', wait_for: { port: '{{ banner_port }}', host: '127.0.0.1', search_regex: 'OpenSSH', delay: 1, timeout: 20 } },
  { register: 'second_part_multiline', wait_for: { port: '{{ banner_port }}', search_regex: '^ready: (?P<answer>\\w+)$', timeout: 20 } },
  { register: 'across_lines', wait_for: { port: '{{ banner_port }}', search_regex: 'lab\\r\\nready', timeout: 20 } },
  { register: 'never_sent', wait_for: { port: '{{ banner_port }}', search_regex: 'never', timeout: 2 } },
  { register: 'closed_by_server', wait_for: { port: '{{ closing_port }}', search_regex: 'ready', timeout: 2 } },
  { register: 'nothing_listening', wait_for: { port: '{{ free_port }}', search_regex: 'OpenSSH', timeout: 2, connect_timeout: 1, msg: 'no banner' } },
  { register: 'stopped_ignores_pattern', wait_for: { port: '{{ free_port }}', search_regex: 'OpenSSH', state: 'stopped', timeout: 5 } },
];

function playbook(): unknown[] {
  const names = TASKS.map((task) => String(task.register));
  return [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        ...TASKS.map((task) => ({ ...task, ignore_errors: true })),
        { copy: { dest: RESULTS, content: `{{ {${names.map((name) => `'${name}': ${name}`).join(', ')}} | to_json }}` } },
      ],
    },
  ];
}

const work = mkdtempSync(join(tmpdir(), 'cxplay-wait-for-port-search-'));
const sockets: Socket[] = [];
const servers: Server[] = [];
let lab: Lab;
const ports = { banner_port: 0, closing_port: 0, free_port: 0 };

async function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as { port: number }).port };
}

beforeAll(async () => {
  const banner = await listen((socket) => {
    socket.write('hello\r\n');
    setTimeout(() => socket.writable && socket.write('SSH-2.0-OpenSSH_9.2p1 lab\r\nready: yes\n'), 300);
  });
  const closing = await listen((socket) => socket.end('busy\n'));
  const free = await listen(() => undefined);
  await new Promise<void>((resolve) => free.server.close(() => resolve()));
  servers.push(banner.server, closing.server);
  Object.assign(ports, { banner_port: banner.port, closing_port: closing.port, free_port: free.port });
  writeFileSync(join(work, 'search.yaml'), JSON.stringify(playbook()));
  lab = await Lab.start(LAB);
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  rmSync(work, { recursive: true, force: true });
});

/** A port number, or a text holding one, with the port written as its role (the ports are picked free each run). */
function portsNamed(value: unknown): unknown {
  for (const [name, port] of Object.entries(ports)) {
    if (value === port) return `<${name}>`;
    if (typeof value === 'string') value = value.split(String(port)).join(`<${name}>`);
  }
  return value;
}

/** Runs the playbook on `on`'s host with the ports and reads the results back, the ports written as their names. */
async function run(on: Lab, engine: 'ansible' | 'cxplay') {
  const args = ['-i', on.inventoryPath, 'search.yaml', ...Object.entries(ports).flatMap(([name, port]) => ['-e', `${name}=${port}`])];
  const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work, work }) : await cxplay(['run', ...args, '--known-hosts', on.knownHostsPath, '-o', 'plain'], { cwd: work });
  const text = (await on.exec('search1', `cat ${RESULTS}`)).stdout;
  // `elapsed` is measured: its type only; `failed: false` dropped (cxplay leaves it out); invocation is Python's.
  const results = JSON.parse(text, (key, value: unknown) => (key === 'elapsed' ? typeof value : key === 'invocation' || (key === 'failed' && value !== true) ? undefined : portsNamed(value))) as Record<string, unknown>;
  return { recap: parseRecap(result.stdout), results, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!hasAnsible)('wait_for search_regex on a port, on a lab host', () => {
  it("searches what the server sent as ansible-playbook's module does: same results and recap", async () => {
    const reference = await labReference({ name: 'wait-for-port-search/search.yaml', inputs: [fileURLToPath(import.meta.url)], work, lab: LAB }, (ansibleLab) => run(ansibleLab, 'ansible'));
    const ours = await run(lab, 'cxplay');
    const label = `${ours.output}\n--- ansible ---\n${reference.output}`;
    expect(reference.results, label).toMatchObject({
      documented: { state: 'started', port: '<banner_port>', search_regex: 'OpenSSH', match_groups: [] },
      never_sent: { failed: true, msg: 'Timeout when waiting for search string never in 127.0.0.1:<banner_port>' },
      nothing_listening: { failed: true, msg: 'no banner' },
    });
    expect(ours.results, label).toEqual(reference.results);
    expect(ours.recap, label).toEqual(reference.recap);
  }, 300_000);
});
