/**
 * The connections of a run share one parsed key and one read of known_hosts:
 * every host still authenticates with the key (ed25519, ECDSA and RSA keys
 * all sign what sshd accepts), each host key is still checked, and a key the
 * host does not authorize, or no key file at all, still fails with a message
 * that says so.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreachableError, type ConnectionSpec } from '../../engine/connection/connection.js';
import { ConnectionPool } from '../../engine/connection/pool.js';
import { Lab } from '../lab/lab.js';
import { labConnectionSpec } from '../support/lab-connection.js';

let lab: Lab;
let dir: string;

const spec = (index: number, options: Partial<ConnectionSpec> = {}) => labConnectionSpec(lab, index, options);

function keygen(name: string, authorize: boolean, ...args: string[]): string {
  const file = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-N', '', '-f', file, ...args]);
  if (authorize) appendFileSync(join(lab.dir, 'authorized_keys'), readFileSync(`${file}.pub`));
  return file;
}

beforeAll(async () => {
  lab = await Lab.start({ hosts: 3 });
  dir = mkdtempSync(join(tmpdir(), 'cxplay-shared-keys-'));
});

afterAll(async () => {
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('credentials shared by the connections of a run', () => {
  it('authenticates every host with the one parsed key, host keys checked', async () => {
    const pool = new ConnectionPool();
    try {
      const connections = await Promise.all(lab.hosts.map((host, index) => pool.get(host.name, spec(index))));
      const names = await Promise.all(connections.map(async (connection) => (await connection.exec('hostname')).stdout.trim()));
      expect(names).toEqual(lab.hosts.map((host) => host.name));
    } finally {
      await pool.closeAll();
    }
  });

  it.each([
    ['ecdsa', ['-t', 'ecdsa', '-b', '256']],
    ['rsa', ['-t', 'rsa', '-b', '2048']],
  ])('authenticates with an %s key', async (name, args) => {
    const pool = new ConnectionPool();
    const key = keygen(`id_${name}`, true, ...args);
    try {
      const connection = await pool.get(lab.hosts[0]!.name, spec(0, { privateKeyFile: key }));
      expect((await connection.exec('echo in')).stdout).toBe('in\n');
    } finally {
      await pool.closeAll();
    }
  });

  it('fails clearly with a key the host does not authorize, a missing key file, or an unknown host key', async () => {
    const pool = new ConnectionPool();
    const stranger = keygen('stranger', false, '-t', 'ed25519');
    try {
      const wrongKey = pool.get(lab.hosts[0]!.name, spec(0, { privateKeyFile: stranger }));
      await expect(wrongKey).rejects.toBeInstanceOf(UnreachableError);
      await expect(wrongKey).rejects.toThrow(`authentication failed for root@${lab.hosts[0]!.address}:22 with the key ${stranger}`);
      await expect(pool.get(lab.hosts[1]!.name, spec(1, { privateKeyFile: join(dir, 'missing') }))).rejects.toThrow(`cannot read the private key ${join(dir, 'missing')}`);
      // The same shared known_hosts: a host whose key it does not hold is refused.
      const unknown = spec(2, { knownHostsFile: join(dir, 'known_none') });
      await expect(pool.get(lab.hosts[2]!.name, unknown)).rejects.toThrow(/is not in .*known_none/);
    } finally {
      await pool.closeAll();
    }
  });
});
