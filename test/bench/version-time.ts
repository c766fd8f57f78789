/** How long `cxplay --version` takes, start to exit: the median of a few runs. */
import { execFileSync } from 'node:child_process';
import { CLI_PATH } from './bench-paths.js';

export function versionMilliseconds(runs = 5): number {
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    execFileSync(process.execPath, [CLI_PATH, '--version'], { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}
