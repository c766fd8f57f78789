/** An SSH connection straight to a lab host (no inventory), for tests of the connection itself. */
import type { ConnectionSpec } from '../../engine/connection/connection.js';
import { SshConnection } from '../../engine/connection/ssh.js';
import type { Lab } from '../lab/lab.js';

/** How to reach the lab's host number `index` with the lab's key, host keys checked. */
export function labConnectionSpec(lab: Lab, index = 0, options: Partial<ConnectionSpec> = {}): ConnectionSpec {
  const host = lab.hosts[index]!;
  return {
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
  };
}

export function openLabConnection(lab: Lab, options: Partial<ConnectionSpec> = {}): Promise<SshConnection> {
  return SshConnection.open(labConnectionSpec(lab, 0, options));
}
