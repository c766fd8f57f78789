/** Per-run figures, the ratios cxplay vs Ansible, and the printed table. */
import type { RecapLine } from '../support/cli.js';
import { MODES, type Mode, type ToolRun } from './tools.js';

export interface RunFigures {
  readonly wallSeconds: number;
  /** Wall time divided by the task results of all hosts (ok, failed and skipped ones). */
  readonly msPerTaskPerHost: number;
  /** Remote execs divided by the task results that ran (ok and failed; skipped ones make none). */
  readonly execsPerTask: number;
  /** Remote execs per host for the run, which is per host and play: the benchmark's playbook is one play. */
  readonly execsPerHost: number;
  readonly remoteExecs: number;
  readonly peakMemoryMB: number;
  /** Summed over hosts. */
  readonly ok: number;
  readonly changed: number;
  readonly skipped: number;
  readonly failed: number;
  readonly exitCode: number;
}

export type ToolFigures = Partial<Record<Mode, RunFigures>>;

export function figuresOf(run: ToolRun): RunFigures {
  const totals = Object.values(run.recap).reduce(
    (sum: RecapLine, line) => {
      for (const key of Object.keys(sum) as (keyof RecapLine)[]) sum[key] += line[key];
      return sum;
    },
    { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 },
  );
  const ran = totals.ok + totals.failed + totals.unreachable;
  return {
    wallSeconds: round(run.wallMs / 1000, 3),
    msPerTaskPerHost: round(run.wallMs / Math.max(1, ran + totals.skipped), 2),
    execsPerTask: round(run.remoteExecs / Math.max(1, ran), 2),
    execsPerHost: round(run.remoteExecs / Math.max(1, Object.keys(run.recap).length), 1),
    remoteExecs: run.remoteExecs,
    peakMemoryMB: round(run.peakMemoryBytes / 2 ** 20, 1),
    ok: totals.ok,
    changed: totals.changed,
    skipped: totals.skipped,
    failed: totals.failed + totals.unreachable,
    exitCode: run.code,
  };
}

/** How many times faster cxplay is, per mode (Ansible's wall time over cxplay's). */
export function speedups(cxplay: ToolFigures, ansible: ToolFigures): Partial<Record<Mode, number>> {
  const ratios: Partial<Record<Mode, number>> = {};
  for (const mode of MODES) {
    const ours = cxplay[mode];
    const theirs = ansible[mode];
    if (ours && theirs) ratios[mode] = round(theirs.wallSeconds / ours.wallSeconds, 1);
  }
  return ratios;
}

export function formatTable(hosts: number, cxplay: ToolFigures, ansible: ToolFigures | undefined): string {
  const header = ['tool', 'run', 'wall s', 'ms/task/host', 'execs/task', 'execs/host/play', 'peak MB', 'ok', 'changed', 'skipped', 'failed'];
  const rows: string[][] = [];
  const add = (tool: string, figures: ToolFigures) => {
    for (const mode of MODES) {
      const f = figures[mode];
      if (!f) continue;
      rows.push([tool, mode, f.wallSeconds.toFixed(2), f.msPerTaskPerHost.toFixed(2), f.execsPerTask.toFixed(2), f.execsPerHost.toFixed(1), f.peakMemoryMB.toFixed(0), String(f.ok), String(f.changed), String(f.skipped), String(f.failed)]);
    }
  };
  add('cxplay', cxplay);
  if (ansible) add('ansible', ansible);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const lines = [`${hosts} hosts`, line(header), ...rows.map(line)];
  if (ansible) {
    const ratios = speedups(cxplay, ansible);
    const peak = (figures: ToolFigures) => Math.max(...MODES.map((mode) => figures[mode]?.peakMemoryMB ?? 0));
    lines.push(
      `cxplay vs ansible-playbook: ${MODES.filter((mode) => ratios[mode] !== undefined).map((mode) => `${mode} ${ratios[mode]}x faster`).join(', ')}; ` +
        `peak memory ${peak(cxplay).toFixed(0)} MB vs ${peak(ansible).toFixed(0)} MB`,
    );
  }
  return lines.join('\n');
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
