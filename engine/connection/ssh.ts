/**
 * One SSH connection per host for the whole run (ssh2 over a socket we open
 * ourselves with TCP_NODELAY: 2 ms per exec on loopback instead of 42 ms).
 * Execs without become run one at a time in a long-lived shell session
 * (shell-session.ts: no channel set-up per exec); the others, and any exec
 * that finds the session busy, get a channel running `sh -s` with the script
 * on stdin. The script's first line reports the shell's pid, so a timeout or
 * an interrupt can end the remote process group through a second channel.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import pLimit from 'p-limit';
import { Client, type Algorithms, type AnyAuthMethod, type AuthMethod, type ClientChannel, type ConnectConfig, type ParsedKey } from 'ssh2';
import { becomeCommandLine } from './become.js';
import { checkHostKey, KnownHostsFiles } from './known-hosts.js';
import { PrivateKeys } from './private-keys.js';
import { ShellSession } from './shell-session.js';
import {
  ExecAbortedError,
  ExecTimeoutError,
  UnreachableError,
  type BecomeSpec,
  type Connection,
  type ConnectionSpec,
  type ExecOptions,
  type ExecResult,
} from './connection.js';

/** OpenSSH allows 10 sessions per connection by default; stay below (the shell session takes one more). */
const MAX_CHANNELS = 7;
const PID_MARKER = '@@cxpid ';

/**
 * Key exchange: ssh2's defaults, with ECDH on P-256 moved first. It is as
 * strong as curve25519 (RFC 9142 recommends both; both are in ssh2's and
 * OpenSSH's defaults), and sshd computes it with OpenSSL's optimized code
 * where its curve25519 is portable reference C: about 2 ms less CPU per
 * connection on the host, and less on the controller too. (ssh2 applies
 * `remove` before `prepend`, in this order: prepending a name already listed
 * would not move it.)
 */
const KEX: Algorithms['kex'] = { remove: 'ecdh-sha2-nistp256', prepend: 'ecdh-sha2-nistp256', append: [] };

/** What the connections of a run share, so each file is read and parsed once, not once per host. */
export interface SshShared {
  readonly keys: PrivateKeys;
  readonly knownHosts: KnownHostsFiles;
}

/** Settles an exec: with an error, or with the script's result. */
type Finish = (error: Error | undefined, result?: ExecResult) => void;
/** The script's first line: the shell reports its pid (the session's process group) on stderr before anything else runs. */
const PID_LINE = `echo "${PID_MARKER}$$" >&2\n`;
/** How long close() waits for the kills of interrupted commands. */
const KILL_WAIT_MS = 5_000;

export class SshConnection implements Connection {
  private execs = 0;
  private dead: UnreachableError | undefined;
  private readonly channels = pLimit(MAX_CHANNELS);
  private readonly pending = new Set<(error: Error) => void>();
  /** Kills of timed-out or interrupted scripts still running: close() waits for them. */
  private readonly kills = new Set<Promise<void>>();
  /** The shell session for execs without become (undefined until the first such exec; null when it cannot start). */
  private session: Promise<ShellSession | null> | undefined;

  private constructor(
    readonly host: string,
    private readonly client: Client,
  ) {
    client.on('error', (error) => this.markDead(`connection lost: ${error.message}`));
    client.on('close', () => this.markDead('connection closed by the remote host'));
  }

  /**
   * Connect and authenticate, straight or through the jump host `via`; an
   * abort of `signal` (SIGINT/SIGTERM) gives up at once instead of waiting for the timeout.
   */
  static async open(spec: ConnectionSpec, signal?: AbortSignal, shared: SshShared = newSshShared(), via?: SshConnection): Promise<SshConnection> {
    const key = spec.privateKeyFile ? shared.keys.load(spec.privateKeyFile) : undefined;
    if (key instanceof Error) throw new UnreachableError(spec.host, key.message);
    const socket = via ? await via.tunnel(spec) : await openSocket(spec, signal);
    const client = new Client();
    let hostKeyProblem: string | undefined;
    const config: ConnectConfig = {
      sock: socket,
      username: spec.user,
      readyTimeout: spec.connectTimeoutMs,
      keepaliveInterval: spec.keepaliveIntervalMs,
      keepaliveCountMax: spec.keepaliveCountMax,
      authHandler: authMethods(spec, key),
      algorithms: { kex: KEX },
      hostVerifier: (hostKey: Buffer) => {
        const verdict = checkHostKey(spec.knownHostsFile, spec.address, spec.port, hostKey, spec.acceptNewHostKeys, spec.host, shared.knownHosts);
        if (!verdict.ok) hostKeyProblem = verdict.message;
        return verdict.ok;
      },
    };
    return new Promise<SshConnection>((resolvePromise, reject) => {
      const stop = (error: Error) => {
        signal?.removeEventListener('abort', onAbort);
        client.removeAllListeners();
        client.on('error', () => undefined);
        client.end();
        socket.destroy();
        reject(error);
      };
      const fail = (error: Error) => stop(new UnreachableError(spec.host, describeConnectError(spec, error, hostKeyProblem), { cause: error }));
      const onAbort = () => stop(new ExecAbortedError('interrupted while connecting'));
      client.once('ready', () => {
        signal?.removeEventListener('abort', onAbort);
        client.removeListener('error', fail);
        resolvePromise(new SshConnection(spec.host, client));
      });
      client.once('error', fail);
      signal?.addEventListener('abort', onAbort, { once: true });
      client.connect(config);
    });
  }

  /** A TCP stream from this host to the target of `spec` (what `ssh -J` asks the jump host for). */
  tunnel(spec: ConnectionSpec): Promise<Duplex> {
    const problem = (reason: string) => new UnreachableError(spec.host, `cannot reach ${spec.address}:${spec.port} through the ${this.host}: ${reason}`);
    if (this.dead) return Promise.reject(problem(this.dead.message));
    return new Promise((resolvePromise, reject) => {
      // The jump host's sshd connects; it gives up after its own TCP timeout, ours may be shorter.
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(problem(`no answer within ${Math.round(spec.connectTimeoutMs / 1000)} s`));
      }, spec.connectTimeoutMs);
      this.client.forwardOut('127.0.0.1', 0, spec.address, spec.port, (error, channel) => {
        clearTimeout(timer);
        if (timedOut) return channel?.close();
        if (error) return reject(problem(error.message));
        resolvePromise(channel);
      });
    });
  }

  get execCount(): number {
    return this.execs;
  }

  exec(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.dead) return Promise.reject(this.dead);
    this.execs += 1;
    if (options.become) return this.channels(() => this.run(script, options));
    return this.shellSession().then((session) =>
      session?.available ? this.runInSession(session, script, options) : this.channels(() => this.run(script, options)),
    );
  }

  /** The connection's shell session, opened on first use and again after one was ended (timeout, interrupt). */
  private async shellSession(): Promise<ShellSession | null> {
    const current = await this.session;
    if (current === null || (current && !current.ended)) return current ?? null;
    this.session = ShellSession.open(this.client).catch(() => null);
    return this.session;
  }

  private runInSession(session: ShellSession, script: string, options: ExecOptions): Promise<ExecResult> {
    if (this.dead) return Promise.reject(this.dead);
    // Ending the session's process group ends the script; the next exec opens a new session.
    const stop = () => {
      this.killRemoteGroup(session.pid, undefined);
      session.end();
    };
    return this.supervise(options, stop, (finish) => {
      session.run(script).then(
        (result) => finish(undefined, result),
        (error: Error) => finish(this.dead ?? error),
      );
    });
  }

  private run(script: string, options: ExecOptions): Promise<ExecResult> {
    if (this.dead) return Promise.reject(this.dead);
    const command = becomeCommandLine(options.become);
    let remotePid: number | undefined;
    let channelRef: ClientChannel | undefined;
    const stop = () => {
      if (remotePid !== undefined) this.killRemoteGroup(remotePid, options.become);
      channelRef?.close();
    };
    return this.supervise(options, stop, (finish) => {
      this.client.exec(command, (error, channel) => {
        if (error) return finish(this.dead ?? new UnreachableError(this.host, `cannot open a channel: ${error.message}`));
        channelRef = channel;
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        let stderrHead = '';
        let code: number | undefined;
        channel.on('data', (chunk: Buffer) => stdout.push(chunk));
        channel.stderr.on('data', (chunk: Buffer) => {
          if (remotePid === undefined) {
            stderrHead += chunk.toString('utf8');
            const newline = stderrHead.indexOf('\n');
            if (newline < 0) return;
            const first = stderrHead.slice(0, newline);
            if (first.startsWith(PID_MARKER)) {
              remotePid = Number(first.slice(PID_MARKER.length));
              if (stderrHead.length > newline + 1) stderr.push(Buffer.from(stderrHead.slice(newline + 1)));
            } else {
              remotePid = -1;
              stderr.push(Buffer.from(stderrHead));
            }
            return;
          }
          stderr.push(chunk);
        });
        channel.on('exit', (exitCode: number | null, signal?: string) => {
          code = exitCode ?? (signal ? 128 + (signal === 'KILL' ? 9 : 15) : 255);
        });
        channel.on('close', () => {
          if (remotePid === undefined && stderrHead) stderr.push(Buffer.from(stderrHead));
          // No exit status: the connection dropped under the command (sshd killed, host down).
          if (code === undefined) return finish(this.dead ?? new UnreachableError(this.host, 'the connection dropped while a command was running'));
          finish(undefined, { rc: code ?? 255, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
        });
        channel.end(PID_LINE + script);
      });
    });
  }

  /**
   * One exec's lifetime: it settles once, with the script's result or the
   * first of a dead connection, the timeout or an interrupt; on the last two,
   * `stop` ends what still runs on the host.
   */
  private supervise(options: ExecOptions, stop: () => void, start: (finish: Finish) => void): Promise<ExecResult> {
    return new Promise<ExecResult>((resolvePromise, reject) => {
      let settled = false;
      const finish: Finish = (error, result) => {
        if (settled) return;
        settled = true;
        this.pending.delete(finish);
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolvePromise(result!);
      };
      this.pending.add(finish);
      const end = (error: Error) => {
        stop();
        finish(error);
      };
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => end(new ExecTimeoutError(options.timeoutMs!)), options.timeoutMs);
      const onAbort = () => end(new ExecAbortedError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.signal?.aborted) return onAbort();
      start(finish);
    });
  }

  async close(): Promise<void> {
    if (this.kills.size > 0) {
      // The kill gives up after a few seconds on the host; a connection that hangs must not hold the exit longer.
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, KILL_WAIT_MS)));
      await Promise.race([Promise.all(this.kills), bound]);
      clearTimeout(timer);
    }
    this.dead ??= new UnreachableError(this.host, 'connection closed');
    this.client.end();
  }

  /**
   * A second channel ends the remote process group of a timed-out or
   * interrupted script: TERM, up to 3 s for it to go, then KILL. The channel
   * closes when the group is gone, and close() waits for that, so ending the
   * run cannot cut the kill short.
   */
  private killRemoteGroup(pid: number, become: BecomeSpec | undefined): void {
    if (pid <= 1 || this.dead) return;
    const prefix = become ? `sudo -n -u ${become.user} ` : '';
    // `kill -SIG -PGID`, never `kill -- -PGID`: dash (Debian's sh) takes `--` for a pid.
    const script = `kill -TERM -${pid} 2>/dev/null || kill -TERM ${pid} 2>/dev/null; i=0; while kill -0 -${pid} 2>/dev/null && [ $i -lt 3 ]; do sleep 1; i=$((i+1)); done; kill -KILL -${pid} 2>/dev/null; exit 0`;
    const kill = new Promise<void>((resolvePromise) => {
      // Settles when the kill channel closes, or when the connection dies under it.
      const done = () => {
        this.pending.delete(done);
        resolvePromise();
      };
      this.pending.add(done);
      this.client.exec(`${prefix}sh -c '${script}'`, (error, channel) => {
        if (error) return done();
        channel.on('data', () => undefined);
        channel.stderr.on('data', () => undefined);
        channel.on('close', done);
        channel.end();
      });
    });
    this.kills.add(kill);
    void kill.then(() => this.kills.delete(kill));
  }

  private markDead(message: string): void {
    if (this.dead) return;
    this.dead = new UnreachableError(this.host, message);
    for (const reject of this.pending) reject(this.dead);
    this.pending.clear();
  }
}

export function newSshShared(): SshShared {
  return { keys: new PrivateKeys(), knownHosts: new KnownHostsFiles() };
}

/**
 * The methods to try, in ssh2's own order (password, key, agent), without
 * ssh2's opening `none` request: that round trip only learns which methods
 * the server takes, and ssh2 tries its list whatever the answer.
 */
function authMethods(spec: ConnectionSpec, key: ParsedKey | undefined): AuthMethod[] | undefined {
  const methods: AnyAuthMethod[] = [];
  if (spec.password) methods.push({ type: 'password', username: spec.user, password: spec.password });
  if (key) methods.push({ type: 'publickey', username: spec.user, key });
  if (process.env.SSH_AUTH_SOCK) methods.push({ type: 'agent', username: spec.user, agent: process.env.SSH_AUTH_SOCK });
  // With nothing to offer, ssh2's default (`none` alone) fails as an authentication error.
  return methods.length > 0 ? methods : undefined;
}

function openSocket(spec: ConnectionSpec, signal: AbortSignal | undefined): Promise<Socket> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) return reject(new ExecAbortedError('interrupted before connecting'));
    const socket = connectTcp({ host: spec.address, port: spec.port });
    socket.setNoDelay(true);
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      settle();
      socket.destroy();
      reject(new ExecAbortedError('interrupted while connecting'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
      reject(new UnreachableError(spec.host, `connect to ${spec.address}:${spec.port} timed out after ${Math.round(spec.connectTimeoutMs / 1000)} s`));
    }, spec.connectTimeoutMs);
    socket.once('connect', () => {
      settle();
      socket.removeAllListeners('error');
      resolvePromise(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      settle();
      const reason = error.code === 'ECONNREFUSED' ? 'connection refused' : error.code === 'EHOSTUNREACH' ? 'no route to host' : error.message;
      reject(new UnreachableError(spec.host, `cannot connect to ${spec.address}:${spec.port}: ${reason}`));
    });
  });
}

function describeConnectError(spec: ConnectionSpec, error: Error, hostKeyProblem: string | undefined): string {
  if (hostKeyProblem) return hostKeyProblem;
  const level = (error as { level?: string }).level;
  if (level === 'client-authentication') {
    return `authentication failed for ${spec.user}@${spec.address}:${spec.port}${spec.privateKeyFile ? ` with the key ${spec.privateKeyFile}` : ' (no key given: set ansible_ssh_private_key_file or run an ssh agent)'}`;
  }
  if (/Timed out/i.test(error.message)) return `SSH handshake with ${spec.address}:${spec.port} timed out`;
  return `SSH to ${spec.address}:${spec.port} failed: ${error.message}`;
}
