/**
 * The sequence lookup: numbers as text, from the short form
 * `[start-]end[/stride][:format]` or `start= end=|count= stride= format=`,
 * formatted printf-style (one `%` conversion), as Ansible's sequence plugin.
 */
import { fail, textTerm, type Lookup } from './lookup.js';

const NUM = '(0?x?[0-9a-f]+)';
const SHORTCUT = new RegExp(`^(${NUM}-)?${NUM}(/${NUM})?(:(.+))?$`, 'i');
/** Far above any real loop: the lookup builds the whole list in memory. */
const MAX_ITEMS = 1_000_000;

interface Sequence {
  start: number;
  end: number | undefined;
  count: number | undefined;
  stride: number;
  format: string;
}

export const sequence: Lookup = (terms) =>
  terms.flatMap((term) => {
    const spec: Sequence = { start: 1, end: undefined, count: undefined, stride: 1, format: '%d' };
    const text = textTerm('sequence', term);
    if (!parseShortcut(text, spec)) parseKeyValues(text, spec);
    const { start, end, stride } = settle(spec);
    if (stride === 0) return [];
    const out: string[] = [];
    for (let value = start; stride > 0 ? value <= end : value >= end; value += stride) {
      if (out.length >= MAX_ITEMS) fail('sequence', `more than ${MAX_ITEMS} items`);
      out.push(printf(spec.format, value));
    }
    return out;
  });

/** Python's int(text, 0): decimal, 0x hex, 0o/0 octal, 0b binary. */
function pythonInt(name: string, text: string): number {
  const trimmed = text.trim().toLowerCase().replace(/_/g, '');
  const match = /^([+-]?)(0x[0-9a-f]+|0o[0-7]+|0b[01]+|0+|[1-9][0-9]*)$/.exec(trimmed);
  if (!match) fail('sequence', `can't parse ${name}=${text} as integer`);
  const digits = match[2]!;
  const value = /^0[xob]/.test(digits) ? Number(digits) : Number.parseInt(digits, 10);
  return match[1] === '-' ? -value : value;
}

function parseShortcut(term: string, spec: Sequence): boolean {
  const match = SHORTCUT.exec(term);
  if (!match) return false;
  const [, , start, end, , stride, , format] = match;
  if (start !== undefined) spec.start = pythonInt('start', start);
  spec.end = pythonInt('end', end!);
  if (stride !== undefined) spec.stride = pythonInt('stride', stride);
  if (format !== undefined) spec.format = format;
  return true;
}

/** `key=value` words (quotes allowed), as Ansible's parse_kv. */
function parseKeyValues(term: string, spec: Sequence): void {
  const args = new Map<string, string>();
  for (const match of term.matchAll(/(\w+)=("([^"]*)"|'([^']*)'|\S+)/g)) args.set(match[1]!, match[3] ?? match[4] ?? match[2]!);
  for (const key of ['start', 'end', 'count', 'stride'] as const) {
    const raw = args.get(key);
    args.delete(key);
    if (raw !== undefined) spec[key] = pythonInt(key, raw);
  }
  if (args.has('format')) spec.format = args.get('format')!;
  args.delete('format');
  if (args.size > 0) fail('sequence', `unrecognized arguments to with_sequence: ${[...args.keys()].join(', ')}`);
}

function settle(spec: Sequence): { start: number; end: number; stride: number } {
  let { start, end, stride } = spec;
  if (spec.count === undefined && end === undefined) fail('sequence', 'must specify count or end in with_sequence');
  if (spec.count !== undefined && end !== undefined) fail('sequence', "can't specify both count and end in with_sequence");
  if (spec.count !== undefined) {
    if (spec.count === 0) [start, end, stride] = [0, 0, 0];
    else end = start + spec.count * stride - 1;
  }
  if (stride > 0 && end! < start) fail('sequence', 'to count backwards make stride negative');
  if (stride < 0 && end! > start) fail('sequence', "to count forward don't make stride negative");
  if (spec.format.split('%').length !== 2) fail('sequence', `bad formatting string: ${spec.format}`);
  return { start, end: end!, stride };
}

/** Python's `format % number` for the one conversion a sequence format holds: %d %i %u %x %X %o %s %f %e %g, flags and width. */
function printf(format: string, value: number): string {
  const match = /%([-+ 0#]*)(\d*)(?:\.(\d+))?([diouxXsrfFeEgGc])/.exec(format);
  if (!match) fail('sequence', `problem formatting ${value} with '${format}'`);
  const [whole, flags, width, precision, conversion] = match;
  let body = convert(value, conversion!, precision, flags!.includes('#'));
  if (flags!.includes('+') && value >= 0 && /[dioxXfFeEgGu]/.test(conversion!)) body = `+${body}`;
  else if (flags!.includes(' ') && value >= 0 && /[dioxXfFeEgGu]/.test(conversion!)) body = ` ${body}`;
  const size = Number(width || 0);
  if (flags!.includes('-')) body = body.padEnd(size);
  else if (flags!.includes('0') && conversion !== 's' && conversion !== 'r') body = padZero(body, size);
  else body = body.padStart(size);
  return format.slice(0, match.index) + body + format.slice(match.index + whole!.length);
}

function convert(value: number, conversion: string, precision: string | undefined, alternate: boolean): string {
  const digits = precision === undefined ? 6 : Number(precision);
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  switch (conversion) {
    case 'x':
      return sign + (alternate ? '0x' : '') + magnitude.toString(16);
    case 'X':
      return sign + (alternate ? '0X' : '') + magnitude.toString(16).toUpperCase();
    case 'o':
      return sign + (alternate ? '0o' : '') + magnitude.toString(8);
    case 'f':
    case 'F':
      return value.toFixed(digits);
    case 'e':
    case 'E': {
      const text = value.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
      return conversion === 'E' ? text.toUpperCase() : text;
    }
    case 'c':
      return String.fromCodePoint(value);
    default:
      return String(value);
  }
}

/** Zeros go after the sign, as Python pads `%05d` of -3 to -0003. */
function padZero(body: string, size: number): string {
  const sign = /^[+\- ]/.test(body) ? body[0]! : '';
  const prefix = /^[+\- ]?(0[xXo])/.exec(body)?.[1] ?? '';
  const rest = body.slice(sign.length + prefix.length);
  return sign + prefix + rest.padStart(size - sign.length - prefix.length, '0');
}
