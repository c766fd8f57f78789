/**
 * Ansible's do_until_success_or_timeout (wait_for_connection, reboot): try
 * until an attempt succeeds or the time is up, pausing between attempts.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export type Attempts = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

export interface RetryTiming {
  readonly timeoutMs: number;
  /** The pause after the attempt that failed `failures` times before (0 for the first). */
  readonly pauseMs: (failures: number) => number;
  /** Interrupting the run ends the wait (the sleep rejects). */
  readonly signal: AbortSignal;
}

export async function untilSuccess(attempt: () => Promise<void>, timing: RetryTiming): Promise<Attempts> {
  const deadline = Date.now() + timing.timeoutMs;
  let error: unknown = new Error('no attempt was made within the timeout');
  for (let failures = 0; Date.now() < deadline; failures += 1) {
    try {
      await attempt();
      return { ok: true };
    } catch (caught) {
      if (timing.signal.aborted) throw caught;
      error = caught;
    }
    await sleep(timing.pauseMs(failures), undefined, { signal: timing.signal });
  }
  return { ok: false, error };
}

/** An attempt's error as Ansible's message shows it: its text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whole seconds since `start`, as Python's timedelta.seconds gives them (the results' `elapsed`). */
export function elapsedSeconds(start: number): number {
  return Math.floor((Date.now() - start) / 1000);
}
