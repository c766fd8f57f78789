/**
 * One connection per host for the run: the first task to need a host opens
 * it, concurrent callers share the same attempt, and a host that could not
 * be reached keeps failing fast with the same error. Likewise one connection
 * per jump host (ProxyJump), shared by every host behind it. SSH
 * handshakes are paced (handshakes.ts).
 */
import type { Connection, ConnectionSpec } from './connection.js';
import { Handshakes } from './handshakes.js';
import { LocalConnection } from './local.js';
import type { SshConnection, SshShared } from './ssh.js';

export class ConnectionPool {
  private readonly connections = new Map<string, Promise<Connection>>();
  private readonly opened: Connection[] = [];
  /** Jump host connections by jumpKey(), and the ones opened, in the order they came up. */
  private readonly jumps = new Map<string, Promise<SshConnection>>();
  private readonly openedJumps: SshConnection[] = [];
  /** Key and known_hosts files, read once for all the hosts (made with the first SSH host). */
  private shared: SshShared | undefined;
  readonly handshakes: Handshakes;

  /** `handshakes`: SSH handshakes under way at once (default DEFAULT_HANDSHAKES). */
  constructor(handshakes?: number) {
    this.handshakes = new Handshakes(handshakes);
  }

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

  /**
   * After an ignored unreachable result (ignore_unreachable), the next task
   * tries the host again, as Ansible does: a failed attempt, or a connection
   * that has dropped, is forgotten. A live connection is kept.
   */
  forgetFailed(host: string): void {
    const attempt = this.connections.get(host);
    if (!attempt) return;
    attempt.then(
      (connection) => {
        if (!connection.alive && this.connections.get(host) === attempt) this.connections.delete(host);
      },
      () => {
        if (this.connections.get(host) === attempt) this.connections.delete(host);
      },
    );
  }

  /** meta: reset_connection: close the host's connection; its next task opens a new one. */
  async reset(host: string): Promise<void> {
    // Its own connection, and those that connection:/remote_user: keywords opened (keyed `host\0type\0user`).
    const keys = [...this.connections.keys()].filter((key) => key === host || key.startsWith(`${host}\u0000`));
    await Promise.all(keys.map((key) => this.close(key)));
  }

  private async close(key: string): Promise<void> {
    const attempt = this.connections.get(key)!;
    this.connections.delete(key);
    const connection = await attempt.catch(() => undefined);
    if (!connection) return;
    this.opened.splice(this.opened.indexOf(connection), 1);
    await connection.close().catch(() => undefined);
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

  /** The hosts' connections first, then their jump hosts, each before the one it goes through. */
  async closeAll(): Promise<void> {
    await Promise.all(this.opened.map((connection) => connection.close().catch(() => undefined)));
    for (const jump of [...this.openedJumps].reverse()) await jump.close().catch(() => undefined);
  }

  private async open(spec: ConnectionSpec, signal: AbortSignal | undefined): Promise<Connection> {
    const connection = spec.type === 'local' ? new LocalConnection(spec.host) : await this.openSsh(spec, signal);
    this.opened.push(connection);
    return connection;
  }

  /** ssh2 loads with the first SSH host (some 25 ms of CPU): a run on local connections never needs it. */
  private async openSsh(spec: ConnectionSpec, signal: AbortSignal | undefined): Promise<SshConnection> {
    const { SshConnection, newSshShared } = await import('./ssh.js');
    this.shared ??= newSshShared();
    const via = spec.jump ? await this.jumpHost(spec.jump, signal) : undefined;
    // The slot is taken once the jump host is up: a host waiting for its jump host holds none.
    const shared = this.shared;
    return this.handshakes.open(() => SshConnection.open(spec, signal, shared, via), signal);
  }

  private jumpHost(spec: ConnectionSpec, signal: AbortSignal | undefined): Promise<SshConnection> {
    const key = jumpKey(spec);
    let connection = this.jumps.get(key);
    if (!connection) {
      connection = this.openSsh(spec, signal).then((opened) => {
        this.openedJumps.push(opened);
        return opened;
      });
      connection.catch(() => undefined);
      this.jumps.set(key, connection);
    }
    return connection;
  }
}

/** What makes two jump host connections the same one: where, as whom, with which key and known_hosts, through what. */
function jumpKey(spec: ConnectionSpec): string {
  return JSON.stringify([spec.user, spec.address, spec.port, spec.privateKeyFile, spec.identityFiles, spec.knownHostsFile, spec.acceptNewHostKeys, spec.jump ? jumpKey(spec.jump) : null]);
}
