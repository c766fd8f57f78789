/**
 * Peak memory of a running command, sampled from /proc: the peak of the
 * summed PSS (proportional set size, so pages that forked workers share are
 * counted once) of the process and all its descendants, plus any process
 * whose command line names `marker` (Ansible's detached ssh ControlPersist
 * masters, found by their control path), and the root's own VmHWM (its exact
 * peak RSS, kernel-kept). The reported peak is the larger of the two.
 */
import { readFileSync, readdirSync } from 'node:fs';

export interface MemorySampler {
  /** Stop sampling; the peak in bytes. */
  stop(): number;
}

export function samplePeakMemory(rootPid: number, intervalMs: number, marker?: string): MemorySampler {
  let peakTree = 0;
  let rootHwm = 0;
  const sample = () => {
    rootHwm = Math.max(rootHwm, statusField(rootPid, 'VmHWM'));
    const pids = new Set(descendants(rootPid));
    if (marker) for (const pid of pidsNaming(marker)) pids.add(pid);
    let total = 0;
    for (const pid of pids) total += pss(pid);
    peakTree = Math.max(peakTree, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Math.max(peakTree, rootHwm);
    },
  };
}

function descendants(pid: number): number[] {
  const found = [pid];
  for (let index = 0; index < found.length; index += 1) {
    const parent = found[index]!;
    const children = readOr(`/proc/${parent}/task/${parent}/children`, '').trim();
    if (children) for (const child of children.split(/\s+/)) found.push(Number(child));
  }
  return found;
}

function pidsNaming(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (readOr(`/proc/${entry}/cmdline`, '').includes(marker)) pids.push(Number(entry));
  }
  return pids;
}

function pss(pid: number): number {
  const match = /^Pss:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/smaps_rollup`, ''));
  return match ? Number(match[1]) * 1024 : 0;
}

function statusField(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readOr(`/proc/${pid}/status`, ''));
  return match ? Number(match[1]) * 1024 : 0;
}

/** A process may end between listing and reading it. */
function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}
