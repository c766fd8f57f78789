/**
 * Python's pprint.pformat with its defaults (width 80, indent 1, dict keys
 * sorted, not compact), which Jinja's `pprint` filter returns: a value whose
 * repr fits the room left on its line is written as that repr; a longer
 * dict, list or tuple puts one item per line, aligned under its first item;
 * a longer string is cut at its spaces into adjacent literals. The room
 * counts what must still follow on the line (closing brackets, a comma).
 */
import { isDict, PyTuple, pythonCompare, pythonRepr } from './python.js';

const WIDTH = 80;

export function pythonPformat(value: unknown): string {
  const out: string[] = [];
  format(value, out, 0, 0, 0);
  return out.join('');
}

/** Python's len() of text: code points. */
const length = (text: string) => [...text].length;

function sortedEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).sort(([a], [b]) => pythonCompare(a, b));
}

/** pprint's one-line repr: Python's repr, with dict keys sorted at every depth. */
function safeRepr(value: unknown): string {
  if (value instanceof PyTuple) return value.length === 1 ? `(${safeRepr(value[0])},)` : `(${value.map(safeRepr).join(', ')})`;
  if (Array.isArray(value)) return `[${value.map(safeRepr).join(', ')}]`;
  if (isDict(value)) return `{${sortedEntries(value).map(([key, item]) => `${pythonRepr(key)}: ${safeRepr(item)}`).join(', ')}}`;
  return pythonRepr(value);
}

function format(value: unknown, out: string[], indent: number, allowance: number, level: number): void {
  const repr = safeRepr(value);
  if (length(repr) <= WIDTH - indent - allowance) {
    out.push(repr);
  } else if (value instanceof PyTuple) {
    const close = value.length === 1 ? ',)' : ')';
    out.push('(');
    formatItems(value, out, indent, allowance + close.length, level + 1);
    out.push(close);
  } else if (Array.isArray(value)) {
    out.push('[');
    formatItems(value, out, indent, allowance + 1, level + 1);
    out.push(']');
  } else if (isDict(value)) {
    out.push('{');
    formatDictItems(sortedEntries(value), out, indent, allowance + 1, level + 1);
    out.push('}');
  } else if (typeof value === 'string') {
    formatString(value, out, indent, allowance, level + 1);
  } else {
    out.push(repr);
  }
}

function formatItems(items: readonly unknown[], out: string[], outer: number, allowance: number, level: number): void {
  const indent = outer + 1;
  items.forEach((item, index) => {
    if (index > 0) out.push(`,\n${' '.repeat(indent)}`);
    format(item, out, indent, index === items.length - 1 ? allowance : 1, level);
  });
}

function formatDictItems(entries: readonly [string, unknown][], out: string[], outer: number, allowance: number, level: number): void {
  const indent = outer + 1;
  entries.forEach(([key, item], index) => {
    const keyRepr = pythonRepr(key);
    if (index > 0) out.push(`,\n${' '.repeat(indent)}`);
    out.push(`${keyRepr}: `);
    format(item, out, indent + length(keyRepr) + 2, index === entries.length - 1 ? allowance : 1, level);
  });
}

/** A long string as adjacent literals, cut after runs of spaces (and at line ends); in parentheses at the top. */
function formatString(text: string, out: string[], outer: number, outerAllowance: number, level: number): void {
  const top = level === 1;
  const indent = top ? outer + 1 : outer;
  const allowance = top ? outerAllowance + 1 : outerAllowance;
  const lines = splitLines(text);
  const chunks: string[] = [];
  lines.forEach((line, lineIndex) => {
    const lastLine = lineIndex === lines.length - 1;
    const repr = pythonRepr(line);
    if (length(repr) <= WIDTH - indent - (lastLine ? allowance : 0)) {
      chunks.push(repr);
      return;
    }
    const parts = line.match(/\S*\s*/gu)!.slice(0, -1);
    let current = '';
    parts.forEach((part, partIndex) => {
      const candidate = current + part;
      const room = WIDTH - indent - (lastLine && partIndex === parts.length - 1 ? allowance : 0);
      if (length(pythonRepr(candidate)) > room) {
        if (current) chunks.push(pythonRepr(current));
        current = part;
      } else {
        current = candidate;
      }
    });
    if (current) chunks.push(pythonRepr(current));
  });
  if (chunks.length <= 1) {
    out.push(chunks[0] ?? pythonRepr(text));
    return;
  }
  out.push(`${top ? '(' : ''}${chunks.join(`\n${' '.repeat(indent)}`)}${top ? ')' : ''}`);
}

/** Python's str.splitlines(keepends=True). */
function splitLines(text: string): string[] {
  return text.match(/[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])|[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+$/gu) ?? [];
}
