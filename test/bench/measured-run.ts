/** Runs one command to its end, measuring wall time and peak controller memory. */
import { spawn } from 'node:child_process';
import { samplePeakMemory } from './peak-memory.js';

export interface MeasuredRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  readonly peakMemoryBytes: number;
}

export interface MeasureOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Also count processes whose command line names this (detached helpers such as ssh masters). */
  readonly memoryMarker?: string;
  readonly sampleIntervalMs?: number;
}

export function measuredRun(command: string, args: readonly string[], options: MeasureOptions): Promise<MeasuredRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = samplePeakMemory(child.pid!, options.sampleIntervalMs ?? 100, options.memoryMarker);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let peakMemoryBytes = 0;
    // The child is already reaped at 'exit': its last sample is the sampler's latest tick (VmHWM keeps the peak).
    child.on('exit', () => {
      peakMemoryBytes = sampler.stop();
    });
    child.on('error', (error) => {
      sampler.stop();
      reject(error);
    });
    child.on('close', (code) =>
      resolvePromise({
        code: code ?? 1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        wallMs: performance.now() - started,
        peakMemoryBytes,
      }),
    );
  });
}
