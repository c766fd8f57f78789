/**
 * Shared by the reliability tests: a scratch directory for playbooks and
 * inventories, the built CLI started as a child we can signal, and polling
 * for a condition on a lab host (never a fixed sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Lab } from '../lab/lab.js';
import { cliPath, parseRecap, type CommandResult } from '../support/cli.js';

export interface Scratch {
  readonly dir: string;
  /** Write a file (YAML when given an object); returns its absolute path. */
  write(name: string, content: string | Buffer | object, mode?: number): string;
  path(name: string): string;
  remove(): void;
}

export function scratch(prefix: string): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `cxplay-${prefix}-`));
  return {
    dir,
    write(name, content, mode = 0o644) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : stringify(content), { mode });
      return path;
    },
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunningCli {
  readonly child: ChildProcess;
  /** Everything written so far to stdout. */
  stdout(): string;
  done: Promise<CommandResult & { signal: NodeJS.Signals | null }>;
}

/** `cxplay ARGS` as a child process (plain output, no colour) that a test can signal by its pid. */
export function startCxplay(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunningCli {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  const done = new Promise<CommandResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? -1, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
  return { child, stdout: () => Buffer.concat(out).toString('utf8'), done };
}

/** `cxplay ARGS` to completion. */
export function cxplayRun(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CommandResult> {
  return startCxplay(args, options).done;
}

/** A play named NAME of TASKS on every host of work's inventory.yaml (plain output): node1's recap line, the output and the exit code. */
export async function playOnNode1(work: Scratch, name: string, tasks: object[], extra: readonly string[] = []) {
  const playbook = work.write(`${name}.yaml`, [{ name, hosts: 'all', gather_facts: false, tasks }]);
  const run = await cxplayRun(['run', '-i', work.path('inventory.yaml'), playbook, '-o', 'plain', ...extra]);
  return { recap: parseRecap(run.stdout).node1, output: `${run.stdout}${run.stderr}`, code: run.code };
}

/** Poll until `check` holds; the test's own timeout bounds the wait. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, attempts = 600): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Pids on a lab host whose command line contains `needle` (read from /proc, not ps, to avoid matching ourselves). */
export async function remotePids(lab: Lab, host: string, needle: string): Promise<number[]> {
  const script = `for d in /proc/[0-9]*; do c=$(tr '\\0' ' ' < $d/cmdline 2>/dev/null) || continue; case "$c" in *${shellPattern(needle)}*) echo "\${d#/proc/} $c";; esac; done`;
  const { stdout } = await lab.exec(host, script);
  return stdout
    .split('\n')
    .filter((line) => line && !line.includes('/proc/[0-9]*'))
    .map((line) => Number(line.split(' ')[0]));
}

function shellPattern(text: string): string {
  return text.replace(/[^A-Za-z0-9_./-]/g, '?');
}

/** An inventory for lab hosts with the lab's key, overriding whatever a test needs per host. */
export function labInventory(lab: Lab, perHost: Record<string, Record<string, unknown>> = {}, extra: Record<string, Record<string, unknown>> = {}): object {
  const hosts: Record<string, Record<string, unknown>> = {};
  for (const host of lab.hosts) {
    hosts[host.name] = {
      ansible_host: host.address,
      ansible_port: host.port,
      ansible_user: 'root',
      ansible_ssh_private_key_file: lab.privateKeyPath,
      ansible_ssh_common_args: `-o UserKnownHostsFile=${lab.knownHostsPath} -o StrictHostKeyChecking=yes`,
      ...(perHost[host.name] ?? {}),
    };
  }
  for (const [name, vars] of Object.entries(extra)) hosts[name] = vars;
  return { all: { hosts } };
}

/**
 * Watches every process's arguments on lab hosts (a shell loop on each) and
 * on the controller (from here) for any of `secrets`. Call the function it
 * returns to stop watching and get the command lines that held one.
 */
export async function watchProcessArguments(lab: Lab, hosts: readonly string[], secrets: readonly string[]): Promise<() => Promise<string[]>> {
  const decode = secrets.map((secret, index) => `s${index}=$(echo ${Buffer.from(secret).toString('base64')} | base64 -d); export s${index};`).join(' ');
  const patterns = secrets.map((_secret, index) => `*"$s${index}"*`).join('|');
  const loop = `while [ ! -e /tmp/stop-watch ]; do for d in /proc/[0-9]*; do c=$(tr "\\\\0" " " < $d/cmdline 2>/dev/null) || continue; case "$c" in ${patterns}) echo "$c" >> /tmp/hits;; esac; done; done; touch /tmp/watch-done`;
  await Promise.all(hosts.map((host) => lab.exec(host, `rm -f /tmp/hits /tmp/stop-watch /tmp/watch-done; ${decode} nohup sh -c '${loop}' >/dev/null 2>&1 &`)));
  const controllerHits: string[] = [];
  let watching = true;
  const controller = (async () => {
    while (watching) {
      for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
          const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          if (secrets.some((secret) => args.includes(secret))) controllerHits.push(args);
        } catch {
          // the process ended meanwhile
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    watching = false;
    await controller;
    const targetHits = await Promise.all(
      hosts.map(async (host) => {
        await lab.exec(host, 'touch /tmp/stop-watch; while [ ! -e /tmp/watch-done ]; do sleep 0.1; done');
        return (await lab.exec(host, 'cat /tmp/hits 2>/dev/null')).stdout.split('\n').filter(Boolean);
      }),
    );
    return [...targetHits.flat(), ...controllerHits];
  };
}
