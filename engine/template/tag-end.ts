/** Where a `{{ }}` or `{% %}` tag ends: the index of `closer`, skipping strings and bracketed parts (`{{ {"a": {"b": 1}} }}`), or -1. */
export function findTagEnd(text: string, start: number, closer: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (depth === 0 && text.startsWith(closer, index)) {
      return index;
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1;
    } else if ((char === '}' || char === ']' || char === ')') && depth > 0) {
      depth -= 1;
    }
  }
  return -1;
}
