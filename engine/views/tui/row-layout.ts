/**
 * Which host rows fit on the screen. ink redraws the whole terminal (and
 * wipes the scrollback) once its live area is as tall as the terminal, so
 * the live area is kept shorter: rows that do not fit collapse into one
 * summary line, e.g. "+37 hosts: 30 done, 7 running".
 */
import type { HostView, TuiState } from './tui-state.js';

/** Lines the live area uses besides host rows: header (3), collapsed line, footer, a spare. */
const FIXED_LINES = 6;
/** Lines one failure takes besides its output tail: what, where, and the blank after it. */
const FAILURE_LINES = 3;
export const MAX_SHOWN_FAILURES = 3;

export interface HiddenSummary {
  readonly count: number;
  readonly running: number;
  readonly done: number;
  readonly queued: number;
  readonly failed: number;
  readonly unreachable: number;
}

export interface RowLayout {
  readonly visible: readonly HostView[];
  readonly hidden: HiddenSummary | undefined;
  readonly failuresShown: number;
}

/** Failures are shown first (most recent last), then running hosts, then the rest, each in inventory order. */
export function layoutRows(state: TuiState, terminalRows: number): RowLayout {
  const failuresShown = Math.min(state.failures.length, MAX_SHOWN_FAILURES, Math.max(0, Math.floor((terminalRows - FIXED_LINES - 4) / (FAILURE_LINES + 3))));
  const failureLines = state.failures.slice(state.failures.length - failuresShown).reduce((sum, failure) => sum + FAILURE_LINES + failure.tail.length, 0) + (state.failures.length > failuresShown ? 1 : 0);
  const room = Math.max(1, terminalRows - FIXED_LINES - failureLines);
  const rows = state.hostOrder.map((name) => state.hosts[name]).filter((host): host is HostView => host !== undefined);
  if (rows.length <= room) return { visible: rows, hidden: undefined, failuresShown };
  const shown = new Set([...rows].sort((a, b) => priority(a) - priority(b)).slice(0, Math.max(0, room - 1)));
  const visible = rows.filter((host) => shown.has(host));
  return { visible, hidden: summarize(rows.filter((host) => !shown.has(host))), failuresShown };
}

function priority(host: HostView): number {
  if (host.outcome === 'unreachable' || host.outcome === 'failed') return 0;
  if (host.activity === 'running') return 1;
  if (host.activity === 'queued') return 2;
  return 3;
}

function summarize(hosts: readonly HostView[]): HiddenSummary {
  const count = (test: (host: HostView) => boolean) => hosts.filter(test).length;
  const broken = (host: HostView) => host.outcome === 'failed' || host.outcome === 'unreachable';
  return {
    count: hosts.length,
    failed: count((host) => host.outcome === 'failed'),
    unreachable: count((host) => host.outcome === 'unreachable'),
    running: count((host) => !broken(host) && host.activity === 'running'),
    queued: count((host) => !broken(host) && host.activity === 'queued'),
    done: count((host) => !broken(host) && (host.activity === 'idle' || host.activity === 'done')),
  };
}
