/**
 * `ansible_connection: local`: the script runs on the controller with
 * `sh -s`, fed on stdin like over SSH. Used for localhost and for tests of
 * modules that need no remote host.
 */
import { spawn } from 'node:child_process';
import {
  ExecAbortedError,
  ExecTimeoutError,
  type Connection,
  type ExecOptions,
  type ExecResult,
} from './connection.js';
import { becomeCommand, becomeInput, SuExchange } from './become.js';

export class LocalConnection implements Connection {
  private execs = 0;

  constructor(readonly host: string = 'localhost') {}

  get execCount(): number {
    return this.execs;
  }

  /** A local connection has nothing to drop. */
  get alive(): boolean {
    return true;
  }

  /** An ended exec settles only once its process and everything holding its output have gone. */
  get unendedCommands(): number {
    return 0;
  }

  exec(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    this.execs += 1;
    const [command, ...args] = becomeCommand(options.become);
    // detached: the script leads its own process group, so a timeout ends its whole tree.
    const child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    return new Promise<ExecResult>((resolve, reject) => {
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let ended: Error | undefined;
      const endTree = (error: Error) => {
        ended = error;
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            // already gone
          }
        }
      };
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => endTree(new ExecTimeoutError(options.timeoutMs!)), options.timeoutMs);
      const onAbort = () => endTree(new ExecAbortedError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.signal?.aborted) onAbort();
      const become = options.become;
      // su asks for its password on stderr; the script goes once the shell under it runs (become.ts).
      const su = become?.method === 'su' ? new SuExchange(become, (text) => child.stdin.write(text), () => child.stdin.end(script), endTree) : undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        const kept = su ? su.stdout(chunk) : chunk;
        if (kept) stdout.push(kept);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        const kept = su ? su.stderr(chunk) : chunk;
        if (kept) stderr.push(kept);
      });
      child.stdin.on('error', () => undefined); // the script may exit before reading all of stdin
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (ended) return reject(ended);
        if (su && !su.shellStarted) return reject(su.failure(code ?? 1));
        resolve({
          rc: code ?? (signal ? 128 + signalNumber(signal) : 1),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      });
      if (!su) child.stdin.end(becomeInput(become) + script);
    });
  }

  async close(): Promise<void> {}
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}
