/**
 * One SSH connection per host for the whole run (ssh2 over a socket we open
 * ourselves with TCP_NODELAY: 2 ms per exec on loopback instead of 42 ms).
 * Execs without become run one at a time in a long-lived shell session
 * (shell-session.ts: no channel set-up per exec); the others, and any exec
 * that finds the session busy, get a channel running `sh -s` with the script
 * on stdin. The script's first line reports the shell's pid (pid-marker.ts),
 * so a timeout or an interrupt can end the remote process group through a
 * second channel, and say whether it did (remote-kill.ts).
 */
import { randomBytes } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import pLimit from 'p-limit';
import { Client, type Algorithms, type AnyAuthMethod, type AuthMethod, type ClientChannel, type ConnectConfig, type ParsedKey } from 'ssh2';
import { becomeCommandLine, becomeInput, SuExchange } from './become.js';
import { checkHostKey, KnownHostsFiles } from './known-hosts.js';
import { PidMarkerReader } from './pid-marker.js';
import { EncryptedKeyError, PrivateKeys } from './private-keys.js';
import { killOutcome, killScript } from './remote-kill.js';
import { ShellSession } from './shell-session.js';
import {
  BecomeFailedError,
  ENDED,
  ExecAbortedError,
  ExecTimeoutError,
  SuShellRefusedError,
  UnreachableError,
  type EndOutcome,
  type BecomeSpec,
  type Connection,
  type ConnectionSpec,
  type ExecOptions,
  type ExecResult,
} from './connection.js';

/** OpenSSH allows 10 sessions per connection by default; stay below (the shell session takes one more). */
const MAX_CHANNELS = 7;

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
/** How long an interrupted command's shell may take to report its pid (sudo can be slow to resolve its host name). */
const PID_WAIT_MS = 5_000;
/** How long close() lets the host take to close the connection before dropping it. */
const CLOSE_WAIT_MS = 2_000;
/** How long the command (sudo) may take to exit once its shell's process group is gone. */
const CHANNEL_CLOSE_WAIT_MS = 3_000;
/** How long a kill may take: the kill script's own 5 s (TERM, then KILL) and a margin for the round trips. */
const KILL_WAIT_MS = 8_000;

export class SshConnection implements Connection {
  private execs = 0;
  private dead: UnreachableError | undefined;

  get alive(): boolean {
    return this.dead === undefined;
  }
  private readonly channels = pLimit(MAX_CHANNELS);
  private readonly pending = new Set<(error: Error) => void>();
  /** Kills of timed-out or interrupted scripts still running: close() waits for them. */
  private readonly kills = new Set<Promise<EndOutcome>>();
  private unended = 0;
  /** The marker of the pid line (with this connection's random token). */
  private readonly pidMarker = `@@cxpid_${randomBytes(9).toString('hex')} `;
  /** The shell session for execs without become (undefined until the first such exec; null when it cannot start). */
  private session: Promise<ShellSession | null> | undefined;

  private constructor(
    readonly host: string,
    private readonly client: Client,
    private readonly socket: Duplex,
    /** How long su may wait for a password the run does not have: ansible's ssh connection waits its timeout + 2 s. */
    private readonly suPromptTimeoutMs: number,
    /** The address connected to, as ssh's client names it when a connection closes. */
    private readonly address: string,
  ) {
    client.on('error', (error) => this.markDead(`connection lost: ${error.message}`));
    client.on('close', () => this.markDead('connection closed by the remote host'));
    // The remote end closing is known at once; ssh2's 'close' comes turns of the event loop later.
    client.on('end', () => this.markDead('connection closed by the remote host'));
  }

  /**
   * Connect and authenticate, straight or through the jump host `via`; an
   * abort of `signal` (SIGINT/SIGTERM) gives up at once instead of waiting for the timeout.
   */
  static async open(spec: ConnectionSpec, signal?: AbortSignal, shared: SshShared = newSshShared(), via?: SshConnection): Promise<SshConnection> {
    const keys = loadKeys(spec, shared.keys);
    const socket = via ? await via.tunnel(spec) : await openSocket(spec, signal);
    const client = new Client();
    let hostKeyProblem: string | undefined;
    const config: ConnectConfig = {
      sock: socket,
      username: spec.user,
      readyTimeout: spec.connectTimeoutMs,
      keepaliveInterval: spec.keepaliveIntervalMs,
      keepaliveCountMax: spec.keepaliveCountMax,
      authHandler: authMethods(spec, keys),
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
      const fail = (error: Error) => stop(new UnreachableError(spec.host, describeConnectError(spec, keys, error, hostKeyProblem), { cause: error }));
      const onAbort = () => stop(new ExecAbortedError('interrupted while connecting'));
      client.once('ready', () => {
        signal?.removeEventListener('abort', onAbort);
        client.removeListener('error', fail);
        resolvePromise(new SshConnection(spec.host, client, socket, spec.connectTimeoutMs + 2000, spec.address));
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

  get unendedCommands(): number {
    return this.unended;
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
    const stop = async () => {
      const outcome = await this.killRemoteGroup(session.pid, undefined);
      session.end();
      return outcome;
    };
    return this.supervise(options, stop, (finish) => {
      session.run(script, options.partsInSubshells).then(
        (result) => finish(undefined, result),
        (error: Error) => finish(this.dead ?? error),
      );
    });
  }

  private run(script: string, options: ExecOptions): Promise<ExecResult> {
    if (this.dead) return Promise.reject(this.dead);
    const command = becomeCommandLine(options.become);
    const marker = new PidMarkerReader(this.pidMarker);
    let channelRef: ClientChannel | undefined;
    let stopping = false;
    let channelClosed!: () => void;
    const closed = new Promise<void>((resolve) => (channelClosed = resolve));
    const stop = async () => {
      stopping = true;
      if (!channelRef) return ENDED; // the exec request is still under way: its answer closes the channel unused
      const outcome = await this.endReportedShell(marker, options.become);
      // The channel closes once the command (sudo, under become) has exited: only then is it all gone.
      const gone = outcome.ended ? await within(closed, CHANNEL_CLOSE_WAIT_MS) : false;
      channelRef.close();
      return gone || !outcome.ended ? outcome : { ended: false, reason: `its process group is gone, but ${command.split(' ')[0]} did not exit` };
    };
    return this.supervise(options, stop, (finish) => {
      this.client.exec(command, (error, channel) => {
        if (error) return finish(this.dead ?? new UnreachableError(this.host, `cannot open a channel: ${error.message}`));
        if (stopping) {
          marker.finish();
          return channel.close();
        }
        channelRef = channel;
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        const keep = (chunk: Buffer | undefined) => chunk && stderr.push(chunk);
        let code: number | undefined;
        const output = { stdout: (chunk: Buffer) => stdout.push(chunk), stderr: (chunk: Buffer) => keep(marker.read(chunk)) };
        const su = feedBecome(channel, options.become, PidMarkerReader.line(this.pidMarker) + script, output, this.suPromptTimeoutMs, (error) => {
          finish(error);
          channel.close();
        });
        channel.on('exit', (exitCode: number | null, signal?: string) => {
          code = exitCode ?? (signal ? 128 + (signal === 'KILL' ? 9 : 15) : 255);
        });
        channel.on('close', () => {
          channelClosed();
          keep(marker.finish());
          // No exit status: the connection dropped under the command (sshd killed, host down).
          if (code === undefined) return finish(this.dead ?? new UnreachableError(this.host, 'the connection dropped while a command was running'));
          if (su && !su.shellStarted) return finish(seenThroughSshTerminal(su.failure(code), this.address));
          finish(undefined, { rc: code ?? 255, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
        });
      });
    });
  }

  /** Ends the process group of a channel's shell once it has reported its pid; a shell that never started leaves nothing. */
  private async endReportedShell(marker: PidMarkerReader, become: BecomeSpec | undefined): Promise<EndOutcome> {
    let pid: number | undefined;
    const reported = await within(marker.pid.then((known) => (pid = known)), PID_WAIT_MS);
    if (!reported) return { ended: false, reason: `the remote shell did not report its pid within ${PID_WAIT_MS / 1000} s` };
    return pid === undefined ? ENDED : this.killRemoteGroup(pid, become);
  }

  /**
   * One exec's lifetime: it settles once, with the script's result or the
   * first of a dead connection, the timeout or an interrupt; on the last two,
   * `stop` ends what still runs on the host.
   */
  private supervise(options: ExecOptions, stop: () => Promise<EndOutcome>, start: (finish: Finish) => void): Promise<ExecResult> {
    return new Promise<ExecResult>((resolvePromise, reject) => {
      let settled = false;
      let stopping = false;
      const settle: Finish = (error, result) => {
        if (settled) return;
        settled = true;
        this.pending.delete(finish);
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolvePromise(result!);
      };
      // While the command is being ended, its own end (killed, rc 143) is not its result: the kill's outcome is.
      const finish: Finish = (error, result) => {
        if (!stopping) settle(error, result);
      };
      this.pending.add(finish);
      const end = (failure: (outcome: EndOutcome) => Error) => {
        if (settled || stopping) return;
        stopping = true;
        if (timer) clearTimeout(timer);
        void stop().then((outcome) => {
          if (!outcome.ended) this.unended += 1;
          settle(failure(outcome));
        });
      };
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => end((outcome) => new ExecTimeoutError(options.timeoutMs!, outcome)), options.timeoutMs);
      const onAbort = () => end((outcome) => ExecAbortedError.of(outcome));
      if (options.signal?.aborted) return settle(new ExecAbortedError('interrupted before the remote command started'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      start(finish);
    });
  }

  async close(): Promise<void> {
    // Each kill is bounded (KILL_WAIT_MS): ending the run cannot cut one short, nor wait on a host that hangs.
    await Promise.all(this.kills);
    this.dead ??= new UnreachableError(this.host, 'connection closed');
    this.client.end();
    // A host that stopped answering never closes its side: its socket must not hold the exit.
    // (ssh2's destroy() does nothing once end() has run.)
    const timer = setTimeout(() => this.socket.destroy(), CLOSE_WAIT_MS);
    timer.unref();
    this.socket.once('close', () => clearTimeout(timer));
  }

  /**
   * A second channel, as the command's user (the same become command), ends
   * the remote process group of a timed-out or interrupted script and says
   * whether it is gone (remote-kill.ts). close() waits for it.
   */
  private killRemoteGroup(pid: number, become: BecomeSpec | undefined): Promise<EndOutcome> {
    if (this.dead) return Promise.resolve({ ended: false, reason: `the connection is lost: ${this.dead.message}` });
    const kill = new Promise<EndOutcome>((resolvePromise) => {
      const done = (outcome: EndOutcome) => {
        clearTimeout(timer);
        this.pending.delete(lost);
        resolvePromise(outcome);
      };
      const lost = () => done({ ended: false, reason: 'the connection was lost while ending it' });
      const timer = setTimeout(() => done({ ended: false, reason: `the host did not confirm within ${KILL_WAIT_MS / 1000} s that it ended` }), KILL_WAIT_MS);
      this.pending.add(lost);
      this.client.exec(becomeCommandLine(become), (error, channel) => {
        if (error) return done({ ended: false, reason: `cannot open a channel to end it: ${error.message}` });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        feedBecome(channel, become, killScript(pid), { stdout: (chunk) => stdout.push(chunk), stderr: (chunk) => stderr.push(chunk) }, this.suPromptTimeoutMs, (error) => {
          done({ ended: false, reason: error.message });
          channel.close();
        });
        channel.on('close', () => done(killOutcome(Buffer.concat(stdout).toString('utf8'), Buffer.concat(stderr).toString('utf8'))));
      });
    });
    this.kills.add(kill);
    void kill.then(() => this.kills.delete(kill));
    return kill;
  }

  private markDead(message: string): void {
    if (this.dead) return;
    this.dead = new UnreachableError(this.host, message);
    for (const reject of this.pending) reject(this.dead);
    this.pending.clear();
  }
}

/** Where a channel's output goes, chunk by chunk. */
interface OutputSink {
  readonly stdout: (chunk: Buffer) => void;
  readonly stderr: (chunk: Buffer) => void;
}

/**
 * Sends `payload` to a become command's channel: at once (after sudo's
 * password line), or, under su, once su has taken its password and the
 * shell runs; the channel's output goes to `output`, under su without what
 * su said before the shell ran (the returned exchange knows why it failed).
 */
function feedBecome(channel: ClientChannel, become: BecomeSpec | undefined, payload: string, output: OutputSink, suPromptTimeoutMs: number, refuse: (error: Error) => void): SuExchange | undefined {
  const su = become?.method === 'su' ? new SuExchange(become, (text) => channel.write(text), () => channel.end(payload), refuse, suPromptTimeoutMs) : undefined;
  const pass = (filter: ((chunk: Buffer) => Buffer | undefined) | undefined, sink: (chunk: Buffer) => void) => (chunk: Buffer) => {
    const kept = filter ? filter(chunk) : chunk;
    if (kept) sink(kept);
  };
  channel.on('data', pass(su && ((chunk) => su.stdout(chunk)), output.stdout));
  channel.stderr.on('data', pass(su && ((chunk) => su.stderr(chunk)), output.stderr));
  if (!su) channel.end(becomeInput(become) + payload);
  return su;
}

/**
 * su's failure as Ansible's ssh connection shows it: it runs su in a
 * terminal (ssh -tt) over its shared connection (ControlMaster), so what su
 * and the shell printed reach it as one stream with \r\n line ends, and
 * ssh's client adds "Shared connection to HOST closed." on stderr.
 */
function seenThroughSshTerminal(error: BecomeFailedError, address: string): BecomeFailedError {
  if (!(error instanceof SuShellRefusedError)) return error;
  const { rc, stdout, stderr } = error.output;
  const terminal = `${stderr}${stdout}`.replace(/\r?\n/g, '\r\n');
  return new SuShellRefusedError(error.message, { rc, stdout: terminal, stderr: `Shared connection to ${address} closed.\r\n` });
}

/** Whether `promise` settles within `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true), late]);
  clearTimeout(timer);
  return settled;
}

export function newSshShared(): SshShared {
  return { keys: new PrivateKeys(), knownHosts: new KnownHostsFiles() };
}

/** The keys a connection offers: the named one, then the other key files that could be loaded. */
interface OfferedKeys {
  readonly named: ParsedKey | undefined;
  readonly listed: readonly ParsedKey[];
  /** Encrypted key files skipped for want of a passphrase (named in the failure message). */
  readonly locked: readonly string[];
}

/** The named key must load (its problem is the host's); a listed one that is missing, no key or locked is skipped, as ssh skips it. */
function loadKeys(spec: ConnectionSpec, keys: PrivateKeys): OfferedKeys {
  const passphraseOf = (file: string) => spec.keyPassphrases?.get(file);
  const loaded = spec.privateKeyFile ? keys.load(spec.privateKeyFile, passphraseOf(spec.privateKeyFile)) : undefined;
  const listed: ParsedKey[] = [];
  const locked: string[] = [];
  // A locked key may be in the agent, which ssh asks first: only without one is it the host's problem.
  const agentMayHaveIt = loaded instanceof EncryptedKeyError && process.env.SSH_AUTH_SOCK && !spec.identitiesOnly;
  if (agentMayHaveIt) locked.push(loaded.file);
  else if (loaded instanceof Error) throw new UnreachableError(spec.host, loaded.message);
  const named = loaded instanceof Error ? undefined : loaded;
  for (const file of spec.identityFiles ?? []) {
    const key = keys.load(file, passphraseOf(file));
    if (!(key instanceof Error)) listed.push(key);
    else if (key instanceof EncryptedKeyError) locked.push(file);
  }
  return { named, listed, locked };
}

/**
 * The methods to try: the password, the named key, the listed keys, the
 * agent's (unless IdentitiesOnly); ssh's default keys after the agent's, as
 * ssh offers them. ssh2's opening `none` request is left out: that round
 * trip only learns which methods the server takes, and ssh2 tries its list
 * whatever the answer.
 */
function authMethods(spec: ConnectionSpec, keys: OfferedKeys): AuthMethod[] | undefined {
  const methods: AnyAuthMethod[] = [];
  const publicKey = (key: ParsedKey): AnyAuthMethod => ({ type: 'publickey', username: spec.user, key });
  if (spec.password) methods.push({ type: 'password', username: spec.user, password: spec.password });
  if (keys.named) methods.push(publicKey(keys.named));
  if (!spec.defaultKeys) methods.push(...keys.listed.map(publicKey));
  if (process.env.SSH_AUTH_SOCK && !spec.identitiesOnly) methods.push({ type: 'agent', username: spec.user, agent: process.env.SSH_AUTH_SOCK });
  if (spec.defaultKeys) methods.push(...keys.listed.map(publicKey));
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

function describeConnectError(spec: ConnectionSpec, keys: OfferedKeys, error: Error, hostKeyProblem: string | undefined): string {
  if (hostKeyProblem) return hostKeyProblem;
  const level = (error as { level?: string }).level;
  if (level === 'client-authentication') {
    const offered = keys.named || keys.listed.length > 0;
    const locked = keys.locked.length > 0 ? `; skipped the encrypted key ${keys.locked.join(', ')} (no passphrase: run from a terminal, or ssh-add it to an agent)` : '';
    const which = spec.privateKeyFile ? ` with the key ${spec.privateKeyFile}` : offered ? '' : ' (no key given: set ansible_ssh_private_key_file or run an ssh agent)';
    return `authentication failed for ${spec.user}@${spec.address}:${spec.port}${which}${locked}`;
  }
  if (/Timed out/i.test(error.message)) return `SSH handshake with ${spec.address}:${spec.port} timed out`;
  return `SSH to ${spec.address}:${spec.port} failed: ${error.message}`;
}
