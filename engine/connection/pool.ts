/**
 * One connection per host for the run: the first task to need a host opens
 * it, concurrent callers share the same attempt, and a host that could not
 * be reached keeps failing fast with the same error.
 */
import type { Connection, ConnectionSpec } from './connection.js';
import { LocalConnection } from './local.js';
import { SshConnection } from './ssh.js';

export class ConnectionPool {
  private readonly connections = new Map<string, Promise<Connection>>();
  private readonly opened: Connection[] = [];

  get(host: string, spec: ConnectionSpec): Promise<Connection> {
    let connection = this.connections.get(host);
    if (!connection) {
      connection = this.open(spec);
      connection.catch(() => undefined);
      this.connections.set(host, connection);
    }
    return connection;
  }

  totalExecs(): number {
    return this.opened.reduce((total, connection) => total + connection.execCount, 0);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.opened.map((connection) => connection.close().catch(() => undefined)));
  }

  private async open(spec: ConnectionSpec): Promise<Connection> {
    const connection = spec.type === 'local' ? new LocalConnection(spec.host) : await SshConnection.open(spec);
    this.opened.push(connection);
    return connection;
  }
}
