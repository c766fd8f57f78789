/**
 * Result bookkeeping with Ansible's rules: how a result maps to a status,
 * and how loop item results aggregate (the recap's counting is engine/recap-counts.ts).
 */
import type { HostStatus } from '../events.js';

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
