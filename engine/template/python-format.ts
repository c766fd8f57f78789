/**
 * Python's two string formatting languages: `'%s-%05.2f' % args` (Jinja's
 * `format` filter) and `'{} {name:>8}'.format(...)` (the string method).
 * The common conversions only: s r d i f F e E g x X o c %, with flags,
 * width and precision.
 */
import { TemplateError } from '../errors.js';
import { isFloat, numeric, pythonNumber, pythonRepr, pythonString } from './python.js';

interface Spec {
  readonly flags: string;
  readonly width: number | undefined;
  readonly precision: number | undefined;
  readonly conversion: string;
}

export function percentFormat(template: string, args: readonly unknown[], named: Readonly<Record<string, unknown>>): string {
  let next = 0;
  return template.replace(/%(?:\(([^)]*)\))?([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sridfFeEgGxXoc%])/g, (whole, name: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    const value = name !== undefined ? named[name] : args[next++];
    if (name === undefined && next > args.length) throw new TemplateError(`not enough arguments for format string '${template}'`);
    const spec = { flags, width: width === undefined ? undefined : Number(width), precision: precision === undefined ? undefined : Number(precision), conversion };
    return pad(convert(value, spec, whole), spec);
  });
}

function convert(value: unknown, spec: Spec, whole: string): string {
  switch (spec.conversion) {
    case 's':
      return spec.precision === undefined ? pythonString(value) : pythonString(value).slice(0, spec.precision);
    case 'r':
      return pythonRepr(value);
    case 'c':
      return typeof value === 'number' ? String.fromCodePoint(value) : pythonString(value);
  }
  const number = numeric(value);
  if (number === undefined) throw new TemplateError(`${whole} format: a number is required, not ${typeof value === 'string' ? 'str' : pythonRepr(value)}`);
  return signed(number, spec);
}

function signed(value: number, spec: Spec): string {
  const body = digits(Math.abs(value), spec);
  const sign = value < 0 || Object.is(value, -0) ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  if (spec.flags.includes('0') && !spec.flags.includes('-') && spec.width !== undefined) return sign + body.padStart(spec.width - sign.length, '0');
  return sign + body;
}

function digits(value: number, spec: Spec): string {
  const precision = spec.precision ?? 6;
  switch (spec.conversion) {
    case 'd':
    case 'i':
      return String(Math.trunc(value));
    case 'f':
    case 'F':
      return value.toFixed(precision);
    case 'e':
    case 'E': {
      const text = value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
      return spec.conversion === 'E' ? text.toUpperCase() : text;
    }
    case 'g':
    case 'G':
      return generalFormat(value, spec.precision ?? 6, spec.conversion === 'G');
    case 'x':
      return Math.trunc(value).toString(16);
    case 'X':
      return Math.trunc(value).toString(16).toUpperCase();
    case 'o':
      return Math.trunc(value).toString(8);
  }
  return pythonNumber(value);
}

function generalFormat(value: number, precision: number, upper: boolean): string {
  const significant = Math.max(precision, 1);
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(value));
  const text =
    exponent < -4 || exponent >= significant
      ? value.toExponential(significant - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2')
      : value.toFixed(Math.max(significant - 1 - exponent, 0)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return upper ? text.toUpperCase() : text;
}

function pad(text: string, spec: Spec): string {
  if (spec.width === undefined || text.length >= spec.width) return text;
  return spec.flags.includes('-') ? text.padEnd(spec.width) : text.padStart(spec.width);
}

/** `str.format`: {} {0} {name} {0[key]} {name.attr}, with a format spec (fill, align, sign, 0, width, precision, type). */
export function braceFormat(template: string, args: readonly unknown[], named: Readonly<Record<string, unknown>>): string {
  let next = 0;
  return template.replace(/\{\{|\}\}|\{([^{}:!]*)(?:!([rs]))?(?::([^{}]*))?\}/g, (whole, field: string | undefined, conversion: string | undefined, formatSpec: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const [head, ...path] = (field ?? '').split(/\.|\[/).map((part) => part.replace(/\]$/, ''));
    let value: unknown = head === '' ? args[next++] : /^\d+$/.test(head!) ? args[Number(head)] : named[head!];
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[/^\d+$/.test(key) && Array.isArray(value) ? Number(key) : key];
    if (value === undefined) throw new TemplateError(`no value for the replacement field ${whole} in '${template}'`);
    const converted = conversion === 'r' ? pythonRepr(value) : conversion === 's' ? pythonString(value) : value;
    return applySpec(converted, formatSpec ?? '');
  });
}

function applySpec(value: unknown, formatSpec: string): string {
  const match = /^(?:(.)?([<>=^]))?([-+ ])?(0)?(\d+)?(,)?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(formatSpec);
  if (!match) throw new TemplateError(`invalid format specifier '${formatSpec}'`);
  const [, fillChar, align, sign, zero, width, grouping, precision, type] = match;
  let body: string;
  const number = typeof value === 'boolean' ? undefined : numeric(value);
  if (number !== undefined && type !== 's') {
    const float = isFloat(value);
    const spec = { flags: sign ?? '', width: undefined, precision: precision === undefined ? undefined : Number(precision), conversion: type === 'n' ? 'd' : type === '%' ? 'f' : type ?? (float ? 'g' : 'd') };
    body = type === undefined && float && precision === undefined ? (sign === '+' && number >= 0 ? '+' : '') + pythonString(value) : signed(type === '%' ? number * 100 : number, spec);
    if (type === '%') body += '%';
    if (grouping) body = body.replace(/^(\D*)(\d+)/, (_m, lead: string, int: string) => lead + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  } else {
    body = pythonString(value);
    if (precision !== undefined) body = body.slice(0, Number(precision));
  }
  const size = width === undefined ? 0 : Number(width);
  if (body.length >= size) return body;
  const fill = fillChar ?? (zero && !align ? '0' : ' ');
  const alignment = align ?? (zero ? '=' : number !== undefined ? '>' : '<');
  const room = size - body.length;
  if (alignment === '<') return body + fill.repeat(room);
  if (alignment === '>') return fill.repeat(room) + body;
  if (alignment === '^') return fill.repeat(Math.floor(room / 2)) + body + fill.repeat(Math.ceil(room / 2));
  const signPart = /^[-+ ]/.test(body) ? body[0]! : '';
  return signPart + fill.repeat(room) + body.slice(signPart.length);
}
