/**
 * How ansible-core 2.14 runs a meta task (its strategy plugins'
 * _execute_meta), for the lines it prints: the linear strategy runs some
 * actions once for each host and the rest once, for the first host, and
 * prints the task's header each time; a `when` false on that host skips it
 * with a `skipping:` line and the reason below. Three actions ignore `when`
 * and say so.
 */
import type { MetaTask } from '../load/model.js';
import type { TaskResult } from '../events.js';

type MetaAction = MetaTask['action'];

/** The actions linear runs for each host; the others run once (for the first host), as run_once tasks. */
const PER_HOST: ReadonlySet<MetaAction> = new Set(['noop', 'reset_connection', 'end_host', 'flush_handlers']);

/** The actions whose `when` is not evaluated. */
const WHEN_IGNORED: ReadonlySet<MetaAction> = new Set(['noop', 'refresh_inventory', 'reset_connection']);

export const runsPerHost = (action: MetaAction): boolean => PER_HOST.has(action);

export const ignoresWhen = (action: MetaAction): boolean => WHEN_IGNORED.has(action);

/** Ansible's warning for a `when` on an action that ignores it. */
export const whenIgnoredWarning = (action: MetaAction): string => `${action} task does not support when conditional`;

/** What each action says after "conditional evaluated to False" when it is skipped for a host. */
const SKIPPED_BECAUSE: Readonly<Record<string, (host: string) => string>> = {
  flush_handlers: (host) => `not running handlers for ${host}`,
  clear_facts: (host) => `not clearing facts and fact cache for ${host}`,
  clear_host_errors: (host) => `not clearing host error state for ${host}`,
  end_batch: () => 'continuing current batch',
  end_play: () => 'continuing play',
  end_host: (host) => `continuing execution for ${host}`,
};

/** The result of a meta task skipped for a host by its `when`. */
export function skippedMetaResult(action: MetaAction, host: string): TaskResult {
  const because = SKIPPED_BECAUSE[action]?.(host);
  const reason = `${action} conditional evaluated to False${because === undefined ? '' : `, ${because}`}`;
  const msg = action === 'end_host' ? `end_host conditional evaluated to false, continuing execution for ${host}` : action;
  return { msg, skipped: true, skip_reason: reason };
}
