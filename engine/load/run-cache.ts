/**
 * Caches that live for one run: each parsed file, role and task file is read
 * once however often it is used. `clearRunCaches()` forgets them all, for a
 * new run in the same process (tests, a long-lived caller) that must see
 * edited files.
 */
const caches: Map<unknown, unknown>[] = [];

export function runCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  caches.push(cache as Map<unknown, unknown>);
  return cache;
}

export function clearRunCaches(): void {
  for (const cache of caches) cache.clear();
}
