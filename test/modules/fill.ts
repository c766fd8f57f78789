/** Test data refers to the test's temp dir as `{d}`; this puts the real path in (deeply). */
export function fill<T>(value: T, dir: string): T {
  if (typeof value === 'string') return value.replaceAll('{d}', dir) as T;
  if (Array.isArray(value)) return value.map((item) => fill(item, dir)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [fill(key, dir), fill(item, dir)])) as T;
  return value;
}
