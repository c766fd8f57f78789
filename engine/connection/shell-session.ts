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

interface Running {
  readonly resolve: (result: ExecResult) => void;
  readonly reject: (error: Error) => void;
  readonly stdout: Buffer[];
  readonly stderr: Buffer[];
  code: number | undefined;
  stderrDone: boolean;
}

export class ShellSession {
  private running: Running | undefined;
  private isEnded = false;
  private stdoutTail = '';
  private stderrTail = '';
  private readonly stdoutEnd: RegExp;
  private readonly stderrEnd: RegExp;

  private constructor(
    private readonly channel: ClientChannel,
    /** The session shell's pid: its process group holds every script it runs. */
    readonly pid: number,
    private readonly token: string,
  ) {
    this.stdoutEnd = new RegExp(`\\n@@cxend_${token} (\\d+)\\n$`);
    this.stderrEnd = new RegExp(`\\n@@cxend_${token}\\n$`);
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
        channel.write(`cx_run() { ( eval "$1" ) </dev/null; printf '\\n@@cxend_%s %s\\n' "$2" "$?"; printf '\\n@@cxend_%s\\n' "$2" >&2; }\necho "$$"\n`);
      });
    });
  }

  get available(): boolean {
    return !this.isEnded && this.running === undefined;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  run(script: string): Promise<ExecResult> {
    if (!this.available) return Promise.reject(new Error('the remote shell is not available'));
    return new Promise((resolvePromise, reject) => {
      this.running = { resolve: resolvePromise, reject, stdout: [], stderr: [], code: undefined, stderrDone: false };
      this.channel.write(`cx_run '${script.replace(/'/g, "'\\''")}' ${this.token}\n`);
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

  private onStdout(chunk: Buffer): void {
    const running = this.running;
    if (!running) return;
    running.stdout.push(chunk);
    this.stdoutTail = (this.stdoutTail + chunk.toString('latin1')).slice(-200);
    const match = this.stdoutEnd.exec(this.stdoutTail);
    if (!match) return;
    running.code = Number(match[1]);
    this.stdoutTail = '';
    this.settleWhenDone();
  }

  private onStderr(chunk: Buffer): void {
    const running = this.running;
    if (!running) return;
    running.stderr.push(chunk);
    this.stderrTail = (this.stderrTail + chunk.toString('latin1')).slice(-200);
    if (!this.stderrEnd.test(this.stderrTail)) return;
    running.stderrDone = true;
    this.stderrTail = '';
    this.settleWhenDone();
  }

  private settleWhenDone(): void {
    const running = this.running;
    if (!running || running.code === undefined || !running.stderrDone) return;
    this.running = undefined;
    const stdout = Buffer.concat(running.stdout);
    const stderr = Buffer.concat(running.stderr);
    const stdoutMarker = Buffer.byteLength(`\n@@cxend_${this.token} ${running.code}\n`);
    const stderrMarker = Buffer.byteLength(`\n@@cxend_${this.token}\n`);
    running.resolve({
      rc: running.code,
      stdout: stdout.subarray(0, stdout.length - stdoutMarker).toString('utf8'),
      stderr: stderr.subarray(0, stderr.length - stderrMarker).toString('utf8'),
    });
  }
}
