/**
 * Key exchange: ECDH on P-256 is offered first (sshd computes it with
 * OpenSSL's optimized code), and a server without it still gets curve25519.
 * An ssh2 server on 127.0.0.1 that this test starts reports what was agreed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, utils, type KexAlgorithm } from 'ssh2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../engine/connection/connection.js';
import { SshConnection } from '../../engine/connection/ssh.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-kex-'));
  for (const name of ['host_key', 'user_key']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, name)]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a server offering `kex`, connects once, and gives the key exchange it agreed to. */
async function agreedKex(kex: KexAlgorithm[]): Promise<string> {
  const userKey = utils.parseKey(readFileSync(join(dir, 'user_key.pub')));
  if (userKey instanceof Error) throw userKey;
  let agreed = '';
  const server = new Server({ hostKeys: [readFileSync(join(dir, 'host_key'))], algorithms: { kex } }, (client) => {
    client.on('handshake', (negotiated) => (agreed = negotiated.kex));
    client.on('authentication', (context) => {
      if (context.method === 'publickey' && context.key.data.equals(userKey.getPublicSSH())) return context.accept();
      context.reject(['publickey']);
    });
    client.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${hostKey}\n`);
  const spec: ConnectionSpec = {
    host: 'kex',
    type: 'ssh',
    address: '127.0.0.1',
    port,
    user: 'root',
    privateKeyFile: join(dir, 'user_key'),
    knownHostsFile: join(dir, 'known_hosts'),
    acceptNewHostKeys: false,
    connectTimeoutMs: 10_000,
    keepaliveIntervalMs: 5_000,
    keepaliveCountMax: 3,
  };
  try {
    const connection = await SshConnection.open(spec);
    await connection.close();
  } finally {
    server.close();
  }
  return agreed;
}

it('prefers ECDH on P-256', async () => {
  expect(await agreedKex(['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256'])).toBe('ecdh-sha2-nistp256');
});

it('falls back to curve25519 on a server without P-256', async () => {
  expect(await agreedKex(['curve25519-sha256'])).toBe('curve25519-sha256');
});
