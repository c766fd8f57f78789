/** An SSH connection straight to a lab host (no inventory), for tests of the connection itself. */
import type { ConnectionSpec } from '../../engine/connection/connection.js';
import { SshConnection } from '../../engine/connection/ssh.js';
import type { Lab } from '../lab/lab.js';

export function openLabConnection(lab: Lab, options: Partial<ConnectionSpec> = {}): Promise<SshConnection> {
  const host = lab.hosts[0]!;
  return SshConnection.open({
    host: host.name,
    type: 'ssh',
    address: host.address,
    port: host.port,
    user: 'root',
    privateKeyFile: lab.privateKeyPath,
    knownHostsFile: lab.knownHostsPath,
    acceptNewHostKeys: false,
    connectTimeoutMs: 10_000,
    keepaliveIntervalMs: 5_000,
    keepaliveCountMax: 3,
    ...options,
  });
}
