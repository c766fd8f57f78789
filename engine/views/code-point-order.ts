/**
 * Python's sorted() order of text: by code point. JavaScript's `<` compares
 * UTF-16 units, which puts a character beyond U+FFFF (a surrogate pair)
 * before U+E000-U+FFFF; Python puts it after.
 */
export function byCodePoint(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const order = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (order !== 0) return order;
  }
}

/** A recap's hosts in the order ansible-playbook's default callback prints them: sorted by name. */
export function hostsInRecapOrder<T>(hosts: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(hosts).sort(([a], [b]) => byCodePoint(a, b));
}
