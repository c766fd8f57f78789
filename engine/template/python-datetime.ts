/**
 * Python's datetime and timedelta as Ansible's to_datetime returns them:
 * `(a | to_datetime) - (b | to_datetime)` is a timedelta with .days,
 * .seconds and .total_seconds(); a datetime prints as Python prints it.
 * Datetimes are naive (no zone), as strptime makes them.
 */
import { TemplateError } from '../errors.js';
import { pyFloat, PyValue } from './python.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (value: number) => String(value).padStart(2, '0');

/** The broken-down time a strftime format reads. */
export interface TimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  /** Offset east of UTC in minutes, when known (local time), and the zone's short name. */
  readonly offset?: number;
  readonly zone?: string;
}

const weekday = (parts: TimeParts) => (new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() + 6) % 7;
const dayOfYear = (parts: TimeParts) => Math.round((Date.UTC(parts.year, parts.month - 1, parts.day) - Date.UTC(parts.year, 0, 1)) / 86_400_000) + 1;

/** C-locale strftime, the directives glibc and Python share. */
export function strftime(format: string, parts: TimeParts): string {
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  const offset = parts.offset;
  const directives: Record<string, () => string> = {
    a: () => DAYS[weekday(parts)]!.slice(0, 3),
    A: () => DAYS[weekday(parts)]!,
    w: () => String((weekday(parts) + 1) % 7),
    u: () => String(weekday(parts) + 1),
    d: () => two(parts.day),
    e: () => String(parts.day).padStart(2, ' '),
    b: () => MONTHS[parts.month - 1]!.slice(0, 3),
    h: () => MONTHS[parts.month - 1]!.slice(0, 3),
    B: () => MONTHS[parts.month - 1]!,
    m: () => two(parts.month),
    y: () => two(parts.year % 100),
    Y: () => String(parts.year),
    C: () => two(Math.floor(parts.year / 100)),
    H: () => two(parts.hour),
    k: () => String(parts.hour).padStart(2, ' '),
    I: () => two(hour12),
    l: () => String(hour12).padStart(2, ' '),
    p: () => (parts.hour < 12 ? 'AM' : 'PM'),
    P: () => (parts.hour < 12 ? 'am' : 'pm'),
    M: () => two(parts.minute),
    S: () => two(parts.second),
    f: () => String(parts.microsecond).padStart(6, '0'),
    j: () => String(dayOfYear(parts)).padStart(3, '0'),
    z: () => (offset === undefined ? '' : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`),
    Z: () => parts.zone ?? '',
    s: () => String(Math.floor((Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - (offset ?? 0) * 60_000) / 1000)),
    T: () => `${two(parts.hour)}:${two(parts.minute)}:${two(parts.second)}`,
    R: () => `${two(parts.hour)}:${two(parts.minute)}`,
    D: () => `${two(parts.month)}/${two(parts.day)}/${two(parts.year % 100)}`,
    F: () => `${parts.year}-${two(parts.month)}-${two(parts.day)}`,
    x: () => `${two(parts.month)}/${two(parts.day)}/${two(parts.year % 100)}`,
    X: () => `${two(parts.hour)}:${two(parts.minute)}:${two(parts.second)}`,
    c: () => strftime('%a %b %e %H:%M:%S %Y', parts),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%([A-Za-z%])/g, (whole, letter: string) => directives[letter]?.() ?? whole);
}

const STRPTIME: Record<string, { pattern: string; field?: keyof TimeParts | 'monthName' | 'ampm' | 'year2' }> = {
  Y: { pattern: '(\\d{4})', field: 'year' },
  y: { pattern: '(\\d{2})', field: 'year2' },
  m: { pattern: '(\\d{1,2})', field: 'month' },
  d: { pattern: '(\\d{1,2})', field: 'day' },
  H: { pattern: '(\\d{1,2})', field: 'hour' },
  I: { pattern: '(\\d{1,2})', field: 'hour' },
  M: { pattern: '(\\d{1,2})', field: 'minute' },
  S: { pattern: '(\\d{1,2})', field: 'second' },
  f: { pattern: '(\\d{1,6})', field: 'microsecond' },
  b: { pattern: '([A-Za-z]{3})', field: 'monthName' },
  B: { pattern: '([A-Za-z]+)', field: 'monthName' },
  p: { pattern: '(AM|PM|am|pm)', field: 'ampm' },
  a: { pattern: '[A-Za-z]{3}' },
  A: { pattern: '[A-Za-z]+' },
  j: { pattern: '\\d{1,3}' },
  '%': { pattern: '%' },
};

export class PyDateTime extends PyValue {
  get typeName(): string {
    return 'datetime';
  }

  constructor(readonly year: number, readonly month: number, readonly day: number, readonly hour = 0, readonly minute = 0, readonly second = 0, readonly microsecond = 0) {
    super();
  }

  /** Python's datetime.strptime for the common directives. */
  static parse(value: string, format: string): PyDateTime {
    const fields: string[] = [];
    const source = format.replace(/%([A-Za-z%])|([.*+?^${}()|[\]\\])|(\s+)/g, (_whole, letter: string | undefined, special: string | undefined, space: string | undefined) => {
      if (space) return '\\s+';
      if (special) return `\\${special}`;
      const directive = STRPTIME[letter!];
      if (!directive) throw new TemplateError(`'${letter}' is a bad directive in format '${format}'`);
      if (directive.field) fields.push(directive.field);
      return directive.pattern;
    });
    const match = new RegExp(`^${source}$`).exec(value);
    if (!match) throw new TemplateError(`time data '${value}' does not match format '${format}'`);
    const parts: Record<string, number> = { year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0, microsecond: 0 };
    let pm: boolean | undefined;
    fields.forEach((field, index) => {
      const captured = match[index + 1]!;
      if (field === 'monthName') parts.month = MONTHS.findIndex((name) => name.toLowerCase().startsWith(captured.toLowerCase().slice(0, 3))) + 1;
      else if (field === 'ampm') pm = captured.toLowerCase() === 'pm';
      else if (field === 'year2') parts.year = Number(captured) + (Number(captured) < 69 ? 2000 : 1900);
      else if (field === 'microsecond') parts.microsecond = Number(captured.padEnd(6, '0'));
      else parts[field] = Number(captured);
    });
    if (pm !== undefined) parts.hour = (parts.hour! % 12) + (pm ? 12 : 0);
    return new PyDateTime(parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, parts.microsecond!);
  }

  private microseconds(): number {
    return Date.UTC(this.year, this.month - 1, this.day, this.hour, this.minute, this.second) * 1000 + this.microsecond;
  }

  minus(other: PyDateTime): PyTimedelta {
    return PyTimedelta.fromMicroseconds(this.microseconds() - other.microseconds());
  }

  isoformat(separator = 'T'): string {
    const time = `${two(this.hour)}:${two(this.minute)}:${two(this.second)}${this.microsecond ? `.${String(this.microsecond).padStart(6, '0')}` : ''}`;
    return `${String(this.year).padStart(4, '0')}-${two(this.month)}-${two(this.day)}${separator}${time}`;
  }

  str(): string {
    return this.isoformat(' ');
  }

  repr(): string {
    const fields = [this.year, this.month, this.day, this.hour, this.minute, this.second, this.microsecond];
    while (fields.length > 5 && fields.at(-1) === 0) fields.pop();
    return `datetime.datetime(${fields.join(', ')})`;
  }

  json(): unknown {
    return this.isoformat();
  }

  callMethod(name: string, args: readonly unknown[]): unknown {
    if (name === 'strftime') return strftime(String(args[0]), this);
    if (name === 'isoformat') return this.isoformat(args[0] === undefined ? 'T' : String(args[0]));
    if (name === 'weekday') return weekday(this);
    throw new TemplateError(`'datetime.datetime' object has no method '${name}' that can be called here`);
  }
}

export class PyTimedelta extends PyValue {
  get typeName(): string {
    return 'timedelta';
  }

  constructor(readonly days: number, readonly seconds: number, readonly microseconds: number) {
    super();
  }

  static fromMicroseconds(total: number): PyTimedelta {
    const days = Math.floor(total / 86_400_000_000);
    const rest = total - days * 86_400_000_000;
    return new PyTimedelta(days, Math.floor(rest / 1_000_000), rest % 1_000_000);
  }

  str(): string {
    const time = `${Math.floor(this.seconds / 3600)}:${two(Math.floor((this.seconds % 3600) / 60))}:${two(this.seconds % 60)}${this.microseconds ? `.${String(this.microseconds).padStart(6, '0')}` : ''}`;
    if (this.days === 0) return time;
    return `${this.days} day${Math.abs(this.days) === 1 ? '' : 's'}, ${time}`;
  }

  repr(): string {
    const fields = [['days', this.days], ['seconds', this.seconds], ['microseconds', this.microseconds]].filter(([, value]) => value !== 0);
    return `datetime.timedelta(${fields.map(([name, value]) => `${name}=${value}`).join(', ')})`;
  }

  json(): unknown {
    return this.str();
  }

  callMethod(name: string): unknown {
    if (name === 'total_seconds') return pyFloat(this.days * 86_400 + this.seconds + this.microseconds / 1_000_000);
    throw new TemplateError(`'datetime.timedelta' object has no method '${name}' that can be called here`);
  }
}

/** The local (or UTC) broken-down time of an epoch, for the strftime filter. */
export function timeParts(epochSeconds: number, utc: boolean): TimeParts {
  const date = new Date(Math.floor(epochSeconds * 1000));
  if (utc) {
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), microsecond: 0, offset: 0, zone: 'GMT' };
  }
  const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value;
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), microsecond: 0, offset: -date.getTimezoneOffset(), zone };
}
