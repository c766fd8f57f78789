/**
 * How a host's result counts in the recap, with Ansible's stats rules: ok
 * counts every task that did not fail or skip, changed ones too; an ignored
 * failure is ok and ignored (and changed if it changed); a failure inside a
 * block with a rescue section is rescued. The runner keeps the totals; the
 * live view keeps the same totals as results arrive.
 */
import type { HostCounts, HostStatus } from './events.js';

export interface CountedResult {
  readonly status: HostStatus;
  readonly changed: boolean;
  readonly ignored: boolean;
  /** The failure happened inside a block with a rescue section. */
  readonly rescued: boolean;
}

export function countResult(counts: Readonly<HostCounts>, input: CountedResult): HostCounts {
  const changed = counts.changed + (input.changed ? 1 : 0);
  switch (input.status) {
    case 'unreachable':
      // ignore_unreachable: Ansible counts the task ok and ignored, and the host stays in.
      if (input.ignored) return { ...counts, ok: counts.ok + 1, ignored: counts.ignored + 1 };
      return { ...counts, unreachable: counts.unreachable + 1 };
    case 'skipped':
      return { ...counts, skipped: counts.skipped + 1 };
    case 'failed':
      if (input.ignored) return { ...counts, ok: counts.ok + 1, ignored: counts.ignored + 1, changed };
      if (input.rescued) return { ...counts, rescued: counts.rescued + 1 };
      return { ...counts, failed: counts.failed + 1 };
    case 'ok':
    case 'changed':
      return { ...counts, ok: counts.ok + 1, changed };
  }
}
