/**
 * wait_for state=drained on a lab host, side by side with ansible-playbook:
 * the test listens on 127.0.0.1 and holds a connection to it open (lab hosts
 * share this machine's network, so both modules see it in /proc/net/tcp);
 * both engines must time out on it with the same message, pass when it is
 * excluded (exclude_hosts) or its state not counted (active_connection_states),
 * refuse the same bad arguments, and pass once the test has closed it; same
 * recap, same results (but the measured `elapsed`, kept as its type).
 * ansible-playbook's runs are recorded in test/references/wait-for-drained-lab
 * while this file is unchanged.
 */
import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { scratch, type Scratch } from '../reliability/support.js';

let work: Scratch;
let lab: Lab;
let server: Server;
let port: number;
const accepted: Socket[] = [];

/** The playbook: each wait registered and written to RESULTS on the host. */
function playbook(results: string, tasks: readonly Record<string, unknown>[]): unknown[] {
  const names = tasks.map((task) => String(task.register));
  return [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        ...tasks.map((task) => ({ ...task, ignore_errors: true })),
        { copy: { dest: results, content: `{{ {${names.map((name) => `'${name}': ${name}`).join(', ')}} | to_json }}` } },
      ],
    },
  ];
}

const OPEN_TASKS = [
  { register: 'held', wait_for: { port: '{{ port }}', state: 'drained', timeout: 1 } },
  { register: 'held_any_address', wait_for: { host: '0.0.0.0', port: '{{ port }}', state: 'drained', timeout: 1, msg: 'still busy' } },
  { register: 'excluded', wait_for: { port: '{{ port }}', state: 'drained', timeout: 10, exclude_hosts: ['127.0.0.1'] } },
  { register: 'excluded_by_name', wait_for: { port: '{{ port }}', state: 'drained', timeout: 10, exclude_hosts: 'localhost,127.0.0.2' } },
  { register: 'not_counted', wait_for: { port: '{{ port }}', state: 'drained', timeout: 10, active_connection_states: ['TIME_WAIT', 'SYN_SENT'] } },
  { register: 'other_address', wait_for: { host: '::1', port: '{{ port }}', state: 'drained', timeout: 10 } },
  { register: 'excluded_not_drained', wait_for: { port: '{{ port }}', exclude_hosts: ['127.0.0.1'] } },
  { register: 'unknown_state', wait_for: { port: '{{ port }}', state: 'drained', active_connection_states: ['ESTABLISHED', 'LISTEN'] } },
];
const CLOSED_TASKS = [{ register: 'drained', wait_for: { port: '{{ port }}', state: 'drained', timeout: 10, sleep: 1 } }];

const LAB_OPTIONS = { names: ['drain1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } };

beforeAll(async () => {
  server = createServer((socket) => accepted.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as { port: number }).port;
  work = scratch('wait-for-drained-lab');
  for (const engine of ['ansible', 'cxplay']) {
    work.write(`${engine}-open.yaml`, playbook(`/tmp/${engine}-open.json`, OPEN_TASKS));
    work.write(`${engine}-closed.yaml`, playbook(`/tmp/${engine}-closed.json`, CLOSED_TASKS));
  }
  lab = await Lab.start(LAB_OPTIONS);
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  work?.remove();
  for (const socket of accepted) socket.destroy();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Outcome {
  readonly recap: ReturnType<typeof parseRecap>;
  readonly results: Record<string, unknown>;
  readonly output: string;
}

async function run(engine: 'ansible' | 'cxplay', phase: 'open' | 'closed', target = lab): Promise<Outcome> {
  const args = ['-i', target.inventoryPath, `${engine}-${phase}.yaml`, '-e', `port=${port}`];
  const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work.dir, work: work.dir }) : await cxplay(['run', ...args, '--known-hosts', target.knownHostsPath, '-o', 'plain'], { cwd: work.dir });
  const text = (await target.exec('drain1', `cat /tmp/${engine}-${phase}.json`)).stdout;
  // `elapsed` is measured: its type only; `failed: false` dropped (cxplay leaves it out); invocation is Python's.
  const results = JSON.parse(text, (key, value: unknown) => (key === 'elapsed' ? typeof value : key === 'invocation' || (key === 'failed' && value !== true) ? undefined : value)) as Record<string, unknown>;
  return { recap: parseRecap(result.stdout), results, output: `${result.stdout}${result.stderr}` };
}

/** The outcome with the listener's port (picked free per run) written as placeholders (`recorded`) or back: the number, and within text. */
function withPort(outcome: Outcome, recorded: boolean): Outcome {
  const text = String(port);
  return JSON.parse(JSON.stringify(outcome), (_key, value: unknown) => {
    if (recorded && value === port) return '<PORT:number>';
    if (!recorded && value === '<PORT:number>') return port;
    if (typeof value !== 'string') return value;
    return recorded ? value.split(text).join('<PORT>') : value.split('<PORT>').join(text);
  }) as Outcome;
}

/** ansible-playbook's run of PHASE on a lab of its own (the listener is on this machine, which lab hosts share), recorded while this file is unchanged. */
async function ansibleRun(phase: 'open' | 'closed'): Promise<Outcome> {
  const request = { name: `wait-for-drained-lab/${phase}`, inputs: [fileURLToPath(import.meta.url)], work: work.dir, lab: LAB_OPTIONS, settings: { phase } };
  return withPort(await labReference(request, async (target) => withPort(await run('ansible', phase, target), true)), false);
}

describe.skipIf(!hasAnsible)('wait_for state=drained on a lab host', () => {
  it('counts the open connection on the port as ansible-playbook does, and passes once it is closed', async () => {
    const client = createConnection(port, '127.0.0.1');
    await once(client, 'connect');
    const ansibleOpen = await ansibleRun('open');
    const ours = await run('cxplay', 'open');
    const label = `${ours.output}\n--- ansible ---\n${ansibleOpen.output}`;
    expect(ansibleOpen.results, label).toMatchObject({
      held: { failed: true, msg: `Timeout when waiting for 127.0.0.1:${port} to drain`, elapsed: 'number' },
      held_any_address: { failed: true, msg: 'still busy' },
      excluded: { state: 'drained', port },
      excluded_not_drained: { failed: true, msg: 'exclude_hosts should only be with state=drained' },
      unknown_state: { failed: true, msg: 'unknown active_connection_state (LISTEN) defined' },
    });
    expect(ours.results, label).toEqual(ansibleOpen.results);
    expect(ours.recap, label).toEqual(ansibleOpen.recap);

    // The client closes first: its side waits in TIME_WAIT on its own port, not on the listener's.
    client.end();
    await once(client, 'close');
    await Promise.all(accepted.filter((socket) => !socket.closed).map((socket) => once(socket, 'close')));
    const ansibleClosed = await ansibleRun('closed');
    const oursClosed = await run('cxplay', 'closed');
    const closedLabel = `${oursClosed.output}\n--- ansible ---\n${ansibleClosed.output}`;
    expect(ansibleClosed.results, closedLabel).toMatchObject({ drained: { state: 'drained', port, path: null, match_groups: [] } });
    expect(oursClosed.results, closedLabel).toEqual(ansibleClosed.results);
    expect(oursClosed.recap, closedLabel).toEqual(ansibleClosed.recap);
  }, 600_000);
});
