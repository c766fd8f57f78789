/**
 * 24 inventory hosts on one sshd whose MaxStartups is 3 (it closes any
 * connection beyond 3 unauthenticated ones before its greeting): with
 * --handshakes 2 the run reaches every host. sshd may still drop one now and
 * then: it frees a connection's slot only when its listener reads that the
 * child authenticated, which can come after the client has started the next
 * handshake (seen in CI), and the engine tries such a handshake again. The
 * cap itself and the retries are tested in handshakes.test.ts; without the
 * pacing, 24 handshakes at once, sshd drops many (docs/BENCHMARKS.md).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, scratch, type Scratch } from '../reliability/support.js';

const ALIASES = Array.from({ length: 24 }, (_, index) => `alias${index + 1}`);
let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['shared'], maxStartups: '3', logLevel: 'INFO' });
  work = scratch('handshake-pacing');
  const shared = lab.hosts[0]!;
  const connection = {
    ansible_host: shared.address,
    ansible_user: 'root',
    ansible_ssh_private_key_file: lab.privateKeyPath,
    ansible_ssh_common_args: `-o UserKnownHostsFile=${lab.knownHostsPath} -o StrictHostKeyChecking=yes`,
  };
  work.write('inventory.yaml', { all: { hosts: Object.fromEntries(ALIASES.map((name) => [name, connection])) } });
  work.write('playbook.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ name: 'Run', command: 'true' }] }]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

it('paced handshakes reach every host of an sshd with MaxStartups 3', async () => {
  const result = await cxplayRun(['run', work.path('playbook.yaml'), '-i', work.path('inventory.yaml'), '--forks', '24', '--handshakes', '2']);
  expect(result.stdout).not.toContain('UNREACHABLE');
  expect(result.code).toBe(0);
  const recap = parseRecap(result.stdout);
  expect(Object.keys(recap).sort()).toEqual([...ALIASES].sort());
  for (const name of ALIASES) expect(recap[name]).toMatchObject({ ok: 1, unreachable: 0, failed: 0 });
});
