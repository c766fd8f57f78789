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

/**
 * A loop registers `results` with one entry per item; the task is
 * changed/failed if any item was. As measured with ansible-playbook 2.14:
 * `skipped` is always there (false unless every item was skipped), an empty
 * loop says why in `skipped_reason` (no `msg`), and the items' module
 * warnings move to the loop's own `warnings`, in item order.
 */
export function aggregateLoop(itemResults: readonly Result[]): Result {
  if (itemResults.length === 0) return { changed: false, results: [], skipped: true, skipped_reason: 'No items in the list' };
  const warnings = itemResults.flatMap((item) => (Array.isArray(item.warnings) ? item.warnings : []));
  const results = itemResults.map(({ warnings: _warnings, ...item }) => item);
  const aggregate: Result = {
    changed: results.some((item) => item.changed === true),
    results,
    msg: 'All items completed',
    skipped: false,
  };
  if (results.some((item) => item.failed === true)) {
    aggregate.failed = true;
    aggregate.msg = 'One or more items failed';
  } else if (results.every((item) => item.skipped === true)) {
    aggregate.skipped = true;
    aggregate.msg = 'All items skipped';
  }
  if (warnings.length > 0) aggregate.warnings = warnings;
  return aggregate;
}
