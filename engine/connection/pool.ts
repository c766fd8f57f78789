/**
 * One connection per host for the run: the first task to need a host opens
 * it, concurrent callers share the same attempt, and a host that could not
 * be reached keeps failing fast with the same error.
 */
import type { Connection, ConnectionSpec } from './connection.js';
import { LocalConnection } from './local.js';
import type { SshShared } from './ssh.js';

export class ConnectionPool {
  private readonly connections = new Map<string, Promise<Connection>>();
  private readonly opened: Connection[] = [];
  /** Key and known_hosts files, read once for all the hosts (made with the first SSH host). */
  private shared: SshShared | undefined;

  /** `signal` (the run's interrupt) abandons a connection attempt still under way. */
  get(host: string, spec: ConnectionSpec, signal?: AbortSignal): Promise<Connection> {
    let connection = this.connections.get(host);
    if (!connection) {
      connection = this.open(spec, signal);
      connection.catch(() => undefined);
      this.connections.set(host, connection);
    }
    return connection;
  }

  /** The host's connection (or the attempt at it) when there is one. */
  current(host: string): Promise<Connection> | undefined {
    return this.connections.get(host);
  }

  totalExecs(): number {
    return this.opened.reduce((total, connection) => total + connection.execCount, 0);
  }

  /** Hosts where a timed-out or interrupted command could not be ended (it may still run there). */
  hostsWithUnendedCommands(): string[] {
    return this.opened.filter((connection) => connection.unendedCommands > 0).map((connection) => connection.host);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.opened.map((connection) => connection.close().catch(() => undefined)));
  }

  private async open(spec: ConnectionSpec, signal: AbortSignal | undefined): Promise<Connection> {
    const connection = spec.type === 'local' ? new LocalConnection(spec.host) : await this.openSsh(spec, signal);
    this.opened.push(connection);
    return connection;
  }

  /** ssh2 loads with the first SSH host (some 25 ms of CPU): a run on local connections never needs it. */
  private async openSsh(spec: ConnectionSpec, signal: AbortSignal | undefined): Promise<Connection> {
    const { SshConnection, newSshShared } = await import('./ssh.js');
    this.shared ??= newSshShared();
    return SshConnection.open(spec, signal, this.shared);
  }
}
