/**
 * Where `errors='warn'` sends a lookup's failure: the run sets a listener
 * for its duration (it emits a warning event); renders are synchronous and
 * know nothing of the run, as with unsafe.ts's sink.
 */
let listener: ((message: string) => void) | undefined;

export function warnLookup(message: string): void {
  if (listener) listener(message);
  else process.stderr.write(`[WARNING]: ${message}\n`);
}

/** Sends lookup warnings to `onWarning` while `work` runs. */
export async function withLookupWarnings<T>(onWarning: (message: string) => void, work: () => Promise<T>): Promise<T> {
  const outer = listener;
  listener = onWarning;
  try {
    return await work();
  } finally {
    listener = outer;
  }
}
