/** Python's view of values, which Jinja and Ansible follow: truthiness, repr/str, ordering, tuples. */
import { TemplateError } from '../errors.js';

/**
 * A Python tuple: what itertools (product, zip, permutations...) and
 * subelements give. It is an array everywhere, only printed `(1, 'a')`
 * as Python prints it. Its map/filter/slice give plain lists, as Python's do.
 */
export class PyTuple<T = unknown> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  static override of<T>(...items: T[]): PyTuple<T> {
    const tuple = new PyTuple<T>();
    tuple.push(...items);
    return tuple;
  }
}

/**
 * A Python object that is neither a string, number, list nor dict (a
 * datetime, a timedelta): its attributes are its own fields, its methods
 * are answered by callMethod, and it prints as Python prints it.
 */
export abstract class PyValue {
  /** Its Python class name, as type_debug gives it (not the JS class name, which the bundle may rename). */
  abstract get typeName(): string;
  abstract str(): string;
  abstract repr(): string;
  /** Its form in to_json (Ansible's JSON encoder writes datetimes as ISO text). */
  abstract json(): unknown;
  abstract callMethod(name: string, args: readonly unknown[]): unknown;

  /** Where it leaves the template engine (a registered value, an event): its JSON form. */
  toJSON(): unknown {
    return this.json();
  }
}

/**
 * A Python float whose value is whole (2.0, 1e+20, -0.0). JavaScript has one
 * number type, so the engine's numbers follow one rule: a plain number that
 * is an integer is a Python int, any other plain number (1.5, inf, nan) is a
 * float, and a float with a whole value is boxed here, so that it keeps its
 * type and prints as Python prints it. Ints, the common case, stay plain.
 * Make floats with `pyFloat`, read any number with `numeric`.
 */
export class PyFloat extends PyValue {
  constructor(readonly value: number) {
    super();
  }

  get typeName(): string {
    return 'float';
  }

  str(): string {
    return floatRepr(this.value);
  }

  repr(): string {
    return floatRepr(this.value);
  }

  json(): unknown {
    return this.value;
  }

  callMethod(name: string): unknown {
    if (name === 'is_integer') return true;
    throw new TemplateError(`'float' object has no attribute '${name}'`);
  }

  /** Where engine code reads it as a number (Number(x), an argument given to a module). */
  override valueOf(): number {
    return this.value;
  }

  override toString(): string {
    return this.str();
  }
}

/** A float result: boxed when its value is whole, so that it stays a float. */
export function pyFloat(value: number): number | PyFloat {
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** Python has the value as a float (a boxed whole float, or a plain number that is not an integer). */
export function isFloat(value: unknown): boolean {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

/** The number an int, float or bool stands for in arithmetic (True is 1), or undefined for other values. */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof PyFloat) return value.value;
  return typeof value === 'boolean' ? Number(value) : undefined;
}

/** A Python dict: a plain mapping (not a list, and not a float, datetime or other Python object). */
export function isDict(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PyValue);
}

export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}

/** `str(value)` as Python prints it inside a larger string: True, None, ['a', 1]. */
export function pythonString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyValue) return value.str();
  return pythonRepr(value);
}

export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return reprString(value);
  if (value instanceof PyValue) return value.repr();
  if (value instanceof PyTuple) return value.length === 1 ? `(${pythonRepr(value[0])},)` : `(${value.map(pythonRepr).join(', ')})`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as object).map(([key, item]) => `${reprString(key)}: ${pythonRepr(item)}`).join(', ')}}`;
  }
  return String(value);
}

/** A plain number as Python prints it: an integer as an int (3, 10**21 in full), anything else as a float (1.5, inf, nan). */
export function pythonNumber(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  return floatRepr(value);
}

/**
 * Python's repr of a float: the shortest digits that read back (as JS finds
 * them), in positional form for exponents -4 to 15 and scientific otherwise,
 * with a two-digit exponent at least (1e-05, 1e+16), `.0` on a whole value
 * (2.0, -0.0), and inf, nan.
 */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Object.is(value, -0)) return '-0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}

function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out + quote;
}

/**
 * Python's order of text: by code point. JavaScript's `<` compares UTF-16
 * units, which puts a character beyond U+FFFF (a surrogate pair) before
 * U+E000-U+FFFF; Python puts it after.
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

/** Python's `<` between two values (numbers and booleans, strings, lists); other pairs are a TypeError there too. */
export function pythonCompare(a: unknown, b: unknown): number {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return byCodePoint(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
      const order = pythonCompare(a[index], b[index]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  throw new TemplateError(`'<' not supported between ${pythonTypeName(a)} and ${pythonTypeName(b)}`);
}

/** Python's `==`: 1 == 1.0 == True, lists and dicts by content. */
export function pythonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = numeric(a);
  if (x !== undefined) return x === numeric(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => pythonEqual(item, b[index]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    if (a instanceof PyValue || b instanceof PyValue) return a instanceof PyValue && b instanceof PyValue && a.repr() === b.repr();
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && pythonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}

/** The Python type a value has in Ansible's templates, as `type_debug` names it. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PyValue) return value.typeName;
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'dict';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'boolean' ? 'bool' : 'str';
}
