/** Numbers: Jinja's int/float/round/abs and Ansible's log/pow/root, byte sizes, random and shuffle. */
import { TemplateError } from '../../errors.js';
import type { EvalContext } from '../evaluate.js';
import { seeded, unseeded } from '../python-random.js';
import { isFloat, numeric, pyFloat, pythonString } from '../python.js';
import { type FilterTable, list, number, param, text } from './support.js';

/** Python's float(): decimal text with optional sign, exponent, underscores between digits, inf and nan. */
export function parseFloatStrict(value: string): number | undefined {
  const trimmed = value.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  if (/^[+-]?(inf|infinity)$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  return /^[+-]?nan$/i.test(trimmed) ? Number.NaN : undefined;
}

/** Python's int(text, base). */
function parseIntStrict(value: string, base: number): number | undefined {
  const trimmed = value.trim().replace(/(?<=[0-9a-z])_(?=[0-9a-z])/gi, '');
  const sign = trimmed.startsWith('-') ? -1 : 1;
  let digits = trimmed.replace(/^[+-]/, '');
  const prefixes: Record<number, RegExp> = { 16: /^0x/i, 8: /^0o/i, 2: /^0b/i };
  let radix = base;
  if (base === 0) {
    radix = /^0x/i.test(digits) ? 16 : /^0o/i.test(digits) ? 8 : /^0b/i.test(digits) ? 2 : 10;
  }
  if (prefixes[radix]) digits = digits.replace(prefixes[radix]!, '');
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  if (digits === '' || ![...digits.toLowerCase()].every((char) => alphabet.includes(char))) return undefined;
  return sign * Number.parseInt(digits, radix);
}

function toInt(value: unknown, fallback: unknown, base: number): unknown {
  const number = typeof value === 'string' ? (parseIntStrict(value, base) ?? parseFloatStrict(value)) : numeric(value);
  return number === undefined || !Number.isFinite(number) ? fallback : Math.trunc(number) || 0;
}

function toFloat(value: unknown, fallback: unknown): unknown {
  const number = typeof value === 'string' ? parseFloatStrict(value) : numeric(value);
  return number === undefined ? fallback : pyFloat(number);
}

/** Jinja's round: round(x, n) keeps an int an int; ceil and floor (math's, divided back) give a float. */
function round(value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown {
  const precision = Number(param(args, kwargs, 0, 'precision', 0));
  const method = text(param(args, kwargs, 1, 'method', 'common'));
  const subject = number(value, context);
  if (method === 'common') return isFloat(value) ? pyFloat(pythonRound(subject, precision)) : pythonRound(subject, precision);
  if (method !== 'ceil' && method !== 'floor') throw new TemplateError('method must be common, ceil or floor');
  return pyFloat(Math[method](subject * 10 ** precision) / 10 ** precision);
}

/** Python's round(x, n): the exact binary value rounded half to even at n decimals. */
export function pythonRound(value: number, precision: number): number {
  if (!Number.isFinite(value)) return value;
  if (precision < 0) {
    const factor = 10 ** -precision;
    return pythonRound(value / factor, 0) * factor;
  }
  const exact = Math.abs(value).toFixed(Math.min(precision + 30, 100));
  const cut = exact.indexOf('.') + (precision === 0 ? 0 : precision + 1);
  const kept = precision === 0 ? exact.slice(0, exact.indexOf('.')) : exact.slice(0, cut);
  const rest = exact.slice(precision === 0 ? exact.indexOf('.') + 1 : cut);
  const lastDigit = Number(kept.replace('.', '').at(-1));
  const up = rest[0]! > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || lastDigit % 2 === 1));
  const magnitude = Number(kept) + (up ? 10 ** -precision : 0);
  return Math.sign(value) * Number(magnitude.toFixed(precision));
}

const SIZE_UNITS: readonly [string, number][] = [['Y', 2 ** 80], ['Z', 2 ** 70], ['E', 2 ** 60], ['P', 2 ** 50], ['T', 2 ** 40], ['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10], ['B', 1]];

/** Ansible's bytes_to_human (module_utils/common/text/formatters.py). */
function humanReadable(size: number, isbits: boolean, unit: string | null): string {
  const base = isbits ? 'bits' : 'Bytes';
  let chosen = SIZE_UNITS.at(-1)!;
  for (const entry of SIZE_UNITS) {
    chosen = entry;
    if ((unit === null && size >= entry[1]) || (unit !== null && unit.toUpperCase() === entry[0])) break;
  }
  const suffix = chosen[1] !== 1 ? chosen[0] + base[0] : base;
  return `${(size / chosen[1]).toFixed(2)} ${suffix}`;
}

/** Ansible's human_to_bytes. */
function humanToBytes(input: unknown, defaultUnit: string | null, isbits: boolean): number {
  const source = pythonString(input);
  const match = /^\s*(\d*\.?\d*)\s*([A-Za-z]+)?/.exec(source)!;
  const amount = parseFloatStrict(match[1]!);
  if (amount === undefined) throw new TemplateError(`human_to_bytes() can't interpret following string: ${source}`);
  const unit = match[2] ?? defaultUnit;
  if (unit === null || unit === undefined) return pythonRound(amount, 0);
  const rangeKey = unit[0]!.toUpperCase();
  const limit = SIZE_UNITS.find(([name]) => name === rangeKey)?.[1];
  if (limit === undefined) throw new TemplateError(`human_to_bytes() can't interpret following string: ${source}`);
  const unitClass = isbits ? 'b' : 'B';
  if (unit.length > 1 && !unit.toLowerCase().includes(isbits ? 'bit' : 'byte') && unit[1] !== unitClass) {
    throw new TemplateError(`human_to_bytes() can't interpret following string: ${source}`);
  }
  return pythonRound(amount * limit, 0);
}

/** Jinja's filesizeformat: decimal (kB, MB) or binary (KiB, MiB) units, one decimal. */
function filesizeformat(value: number, binary: boolean): string {
  const base = binary ? 1024 : 1000;
  const prefixes = binary ? ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] : ['kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  if (value === 1) return '1 Byte';
  if (value < base) return `${Math.trunc(value)} Bytes`;
  let unit = base;
  for (const [index, prefix] of prefixes.entries()) {
    unit = base ** (index + 2);
    if (value < unit) return `${((base * value) / unit).toFixed(1)} ${prefix}`;
  }
  return `${((base * value) / unit).toFixed(1)} ${prefixes.at(-1)}`;
}

function random(value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown {
  const seed = param<string | number | null>(args, kwargs, 2, 'seed', null);
  const generator = seed === null ? unseeded() : seeded(typeof seed === 'number' ? seed : pythonString(seed));
  const start = Number(param(args, kwargs, 0, 'start', 0) ?? 0);
  const step = Number(param(args, kwargs, 1, 'step', 1) ?? 1) || 1;
  if (typeof value === 'number' && Number.isInteger(value)) {
    const count = Math.ceil((value - start) / step);
    if (count <= 0) throw new TemplateError(`empty range for randrange() (${start}, ${value}, ${step})`);
    return start + step * generator.below(count);
  }
  if (start || step !== 1) throw new TemplateError('start and step can only be used with integer values');
  const items = list(value, context);
  if (items.length === 0) throw new TemplateError('Cannot choose from an empty sequence');
  return items[generator.below(items.length)];
}

function shuffle(value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown[] {
  const items = [...list(value, context)];
  const seed = param<string | number | null>(args, kwargs, 0, 'seed', null);
  const generator = seed ? seeded(typeof seed === 'number' ? seed : pythonString(seed)) : unseeded();
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = generator.below(index + 1);
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

export const MATH_FILTERS: FilterTable = {
  int: (value, args, kwargs) => toInt(value, param(args, kwargs, 0, 'default', 0), Number(param(args, kwargs, 1, 'base', 10))),
  float: (value, args, kwargs) => toFloat(value, param(args, kwargs, 0, 'default', 0)),
  abs: (value, _args, _kwargs, context) => (isFloat(value) ? pyFloat(Math.abs(number(value, context))) : Math.abs(number(value, context))),
  round,
  log: (value, args, kwargs, context) => {
    const base = Number(param(args, kwargs, 0, 'base', Math.E));
    const subject = number(value, context);
    return pyFloat(base === 10 ? Math.log10(subject) : Math.log(subject) / Math.log(base));
  },
  pow: (value, args, kwargs, context) => pyFloat(number(value, context) ** number(param(args, kwargs, 0, 'y'), context)),
  root: (value, args, kwargs, context) => {
    const base = Number(param(args, kwargs, 0, 'base', 2));
    return pyFloat(base === 2 ? Math.sqrt(number(value, context)) : number(value, context) ** (1 / base));
  },
  human_readable: (value, args, kwargs, context) =>
    humanReadable(number(typeof value === 'string' ? toFloat(value, value) : value, context), Boolean(param(args, kwargs, 0, 'isbits', false)), param(args, kwargs, 1, 'unit', null)),
  human_to_bytes: (value, args, kwargs) => humanToBytes(value, param(args, kwargs, 0, 'default_unit', null), Boolean(param(args, kwargs, 1, 'isbits', false))),
  filesizeformat: (value, args, kwargs) => filesizeformat(Number(toFloat(value, 0)), Boolean(param(args, kwargs, 0, 'binary', false))),
  random,
  shuffle,
};
