/**
 * Result bookkeeping with Ansible's rules: how a result maps to a status,
 * how loop item results aggregate, and how a status is counted in the recap.
 */
import type { HostCounts, HostStatus } from '../events.js';

export type Result = Record<string, unknown>;

export function statusOf(result: Readonly<Result>): Exclude<HostStatus, 'unreachable'> {
  if (result.failed === true) return 'failed';
  if (result.skipped === true) return 'skipped';
  return result.changed === true ? 'changed' : 'ok';
}

/** A loop registers `results` with one entry per item; the task is changed/failed if any item was. */
export function aggregateLoop(results: readonly Result[]): Result {
  const aggregate: Result = {
    changed: results.some((item) => item.changed === true),
    results: [...results],
    msg: 'All items completed',
  };
  if (results.some((item) => item.failed === true)) {
    aggregate.failed = true;
    aggregate.msg = 'One or more items failed';
  } else if (results.length === 0 || results.every((item) => item.skipped === true)) {
    aggregate.skipped = true;
    aggregate.msg = results.length === 0 ? 'No items in the list' : 'All items skipped';
  }
  return aggregate;
}

export interface CountInput {
  readonly status: HostStatus;
  readonly changed: boolean;
  readonly ignored: boolean;
  /** The failure happened inside a block with a rescue section. */
  readonly rescued: boolean;
}

/** Ansible's stats: ok counts every task that did not fail or skip, changed ones too. */
export function count(counts: HostCounts, input: CountInput): void {
  switch (input.status) {
    case 'unreachable':
      counts.unreachable += 1;
      return;
    case 'skipped':
      counts.skipped += 1;
      return;
    case 'failed':
      if (input.ignored) {
        counts.ok += 1;
        counts.ignored += 1;
        if (input.changed) counts.changed += 1;
      } else if (input.rescued) {
        counts.rescued += 1;
      } else {
        counts.failed += 1;
      }
      return;
    case 'ok':
    case 'changed':
      counts.ok += 1;
      if (input.changed) counts.changed += 1;
  }
}
