/**
 * One long-lived `sh` per connection that runs each script in a subshell
 * (`( eval SCRIPT ) </dev/null`). A script then costs one packet each way
 * and one fork on the host, instead of a channel open, an exec request, a
 * login shell and a shell, each with its round trip. The subshell keeps
 * nothing for the next script (variables, functions, traps, cd, umask), its
 * stdin is empty, and a syntax error fails only that script. Scripts run one
 * at a time; whoever finds the session busy uses a channel of its own.
 */
import { randomBytes } from 'node:crypto';
import type { Client, ClientChannel } from 'ssh2';
import type { ExecResult } from './connection.js';
import { quote } from './quote.js';
import { shellCode } from '../modules/lib/shell-code.js';
import SESSION_SH from './session.sh';

/** `cx_run SCRIPT TOKEN` and `cx_run_parts SCRIPT TOKEN` (engine/connection/session.sh), sent once per session. */
const RUNNER = shellCode(SESSION_SH);

interface Running {
  readonly resolve: (result: ExecResult) => void;
  readonly reject: (error: Error) => void;
  readonly stdout: Buffer[];
  readonly stderr: Buffer[];
  code: number | undefined;
  /** Length of the stdout end marker with its exit code. */
  stdoutEndLength: number;
  stderrDone: boolean;
}

const NEWLINE = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** An exit status has at most three digits (0-255). */
const MAX_CODE_DIGITS = 3;

export class ShellSession {
  private running: Running | undefined;
  private isEnded = false;
  /** Stdout ends with this, the exit code and a newline. */
  private readonly stdoutEnd: Buffer;
  /** Stderr ends with this. */
  private readonly stderrEnd: Buffer;

  private constructor(
    private readonly channel: ClientChannel,
    /** The session shell's pid: its process group holds every script it runs. */
    readonly pid: number,
    private readonly token: string,
  ) {
    this.stdoutEnd = Buffer.from(`\n@@cxend_${token} `, 'latin1');
    this.stderrEnd = Buffer.from(`\n@@cxend_${token}\n`, 'latin1');
    channel.on('data', (chunk: Buffer) => this.onStdout(chunk));
    channel.stderr.on('data', (chunk: Buffer) => this.onStderr(chunk));
    channel.on('close', () => this.end(new Error('the remote shell ended while a command was running')));
  }

  /** Start the session shell and learn its pid (one round trip, once per connection). */
  static open(client: Client): Promise<ShellSession> {
    return new Promise((resolvePromise, reject) => {
      client.exec('sh -s', (error, channel) => {
        if (error) return reject(error);
        let head = '';
        const onData = (chunk: Buffer) => {
          head += chunk.toString('latin1');
          const newline = head.indexOf('\n');
          if (newline < 0) return;
          channel.removeListener('data', onData);
          channel.removeListener('close', onClose);
          resolvePromise(new ShellSession(channel, Number(head.slice(0, newline)), randomBytes(12).toString('hex')));
        };
        const onClose = () => reject(new Error('the remote shell did not start'));
        channel.on('data', onData);
        channel.stderr.on('data', () => undefined);
        channel.once('close', onClose);
        channel.write(`${RUNNER}echo "$$"\n`);
      });
    });
  }

  get available(): boolean {
    return !this.isEnded && this.running === undefined;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  /** `partsInSubshells`: the script isolates each of its parts itself (ExecOptions), so it runs without a subshell of its own. */
  run(script: string, partsInSubshells = false): Promise<ExecResult> {
    if (!this.available) return Promise.reject(new Error('the remote shell is not available'));
    return new Promise((resolvePromise, reject) => {
      this.running = { resolve: resolvePromise, reject, stdout: [], stderr: [], code: undefined, stdoutEndLength: 0, stderrDone: false };
      this.channel.write(`${partsInSubshells ? 'cx_run_parts' : 'cx_run'} ${quote(script)} ${this.token}\n`);
    });
  }

  /** Close the session (a running script's promise rejects); the next exec opens another. */
  end(error: Error = new Error('the remote shell was closed')): void {
    if (this.isEnded) return;
    this.isEnded = true;
    const running = this.running;
    this.running = undefined;
    running?.reject(error);
    this.channel.close();
  }

  /**
   * A marker can arrive split over chunks, and output can be megabytes: only
   * a chunk that ends a line can end the output, and then only the last
   * bytes, gathered from the chunks kept anyway, are compared.
   */
  private onStdout(chunk: Buffer): void {
    const running = this.running;
    if (!running) return;
    running.stdout.push(chunk);
    if (chunk[chunk.length - 1] !== NEWLINE) return;
    const marker = endMarker(lastBytes(running.stdout, this.stdoutEnd.length + MAX_CODE_DIGITS + 1), this.stdoutEnd);
    if (!marker) return;
    running.code = marker.code;
    running.stdoutEndLength = marker.length;
    this.settleWhenDone();
  }

  private onStderr(chunk: Buffer): void {
    const running = this.running;
    if (!running) return;
    running.stderr.push(chunk);
    if (chunk[chunk.length - 1] !== NEWLINE || !lastBytes(running.stderr, this.stderrEnd.length).equals(this.stderrEnd)) return;
    running.stderrDone = true;
    this.settleWhenDone();
  }

  private settleWhenDone(): void {
    const running = this.running;
    if (!running || running.code === undefined || !running.stderrDone) return;
    this.running = undefined;
    const stdout = joined(running.stdout);
    const stderr = joined(running.stderr);
    running.resolve({
      rc: running.code,
      stdout: stdout.toString('utf8', 0, stdout.length - running.stdoutEndLength),
      stderr: stderr.toString('utf8', 0, stderr.length - this.stderrEnd.length),
    });
  }
}

function joined(chunks: readonly Buffer[]): Buffer {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** The exit code and the marker's length when `tail` ends with `prefix`, the code's digits and a newline. */
function endMarker(tail: Buffer, prefix: Buffer): { code: number; length: number } | undefined {
  const end = tail.length - 1;
  let start = end;
  while (start > 0 && end - start < MAX_CODE_DIGITS && isDigit(tail[start - 1]!)) start -= 1;
  const markerStart = start - prefix.length;
  if (start === end || markerStart < 0 || !tail.subarray(markerStart, start).equals(prefix)) return undefined;
  return { code: Number(tail.toString('latin1', start, end)), length: tail.length - markerStart };
}

function isDigit(byte: number): boolean {
  return byte >= DIGIT_0 && byte <= DIGIT_9;
}

/** The last `count` bytes of the chunks (fewer when there are fewer), copied only when they span chunks. */
function lastBytes(chunks: readonly Buffer[], count: number): Buffer {
  const last = chunks[chunks.length - 1]!;
  if (last.length >= count) return last.subarray(last.length - count);
  const parts: Buffer[] = [];
  let length = 0;
  for (let index = chunks.length - 1; index >= 0 && length < count; index -= 1) {
    const chunk = chunks[index]!;
    const part = chunk.subarray(Math.max(0, chunk.length - (count - length)));
    parts.unshift(part);
    length += part.length;
  }
  return Buffer.concat(parts, length);
}
