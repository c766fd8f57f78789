/** Run the built `cxplay` CLI (the bundle in dist/bundle/, as shipped) as an operator would, capturing its output. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = resolve(projectRoot, 'dist', 'bundle', 'cxplay.js');

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCommand(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? projectRoot, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    // A program may exit without reading its input (e.g. ansible-playbook, which never reads a vault
    // password from stdin): the pipe then breaks, and what it printed and its exit code are the result.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin.end(options.input ?? '');
  });
}

/** `cxplay ARGS` with plain output (no TTY here) and no colour. */
export function cxplay(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CommandResult> {
  return runCommand(process.execPath, [cliPath, ...args], { ...options, env: { NO_COLOR: '1', ...options.env } });
}

export interface RecapLine {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
}

/** The PLAY RECAP lines of ansible-playbook or cxplay plain output, by host. */
export function parseRecap(output: string): Record<string, RecapLine> {
  const recap: Record<string, RecapLine> = {};
  const start = output.lastIndexOf('PLAY RECAP');
  if (start < 0) return recap;
  const pattern = /^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+skipped=(\d+)\s+rescued=(\d+)\s+ignored=(\d+)/gm;
  for (const match of output.slice(start).matchAll(pattern)) {
    const [, host, ok, changed, unreachable, failed, skipped, rescued, ignored] = match.map(String);
    recap[host!] = {
      ok: Number(ok),
      changed: Number(changed),
      unreachable: Number(unreachable),
      failed: Number(failed),
      skipped: Number(skipped),
      rescued: Number(rescued),
      ignored: Number(ignored),
    };
  }
  return recap;
}
