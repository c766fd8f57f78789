/**
 * Safe member access for expressions: only own data of plain objects, arrays
 * and strings, never the prototype chain, and a short whitelist of methods
 * Ansible playbooks use on strings, lists and dicts.
 */
import { TemplateError } from '../errors.js';
import { Undefined } from './undefined.js';
import { PyTuple, PyValue, pythonEqual, pythonRepr, pythonString } from './python.js';
import { braceFormat } from './python-format.js';

/** Names that lead out of plain data in JavaScript. (`caller` is not one here: values are never functions, and Jinja's call blocks name their body `caller`.) */
const FORBIDDEN = new Set(['constructor', 'prototype', 'callee', 'arguments']);

export function isSafeName(name: string): boolean {
  return !name.startsWith('__') && !FORBIDDEN.has(name);
}

export function assertSafeName(name: string): void {
  if (!isSafeName(name)) {
    throw new TemplateError(`access to '${name}' is not allowed in expressions`);
  }
}

export function member(object: unknown, key: unknown, path: string): unknown {
  if (typeof key === 'string') assertSafeName(key);
  if (Array.isArray(object) || typeof object === 'string') {
    if (typeof key === 'number' && Number.isInteger(key)) {
      const index = key < 0 ? object.length + key : key;
      return index >= 0 && index < object.length ? object[index] : new Undefined(path);
    }
    return new Undefined(path);
  }
  if (object && typeof object === 'object' && !(object instanceof Undefined)) {
    const name = String(key);
    return Object.prototype.hasOwnProperty.call(object, name) ? (object as Record<string, unknown>)[name] : new Undefined(path);
  }
  return new Undefined(path);
}

type Method = (self: never, ...args: unknown[]) => unknown;

const affix = (test: (self: string, part: string) => boolean) => (self: string, part: unknown) =>
  Array.isArray(part) ? part.some((item) => test(self, String(item))) : test(self, String(part));
const every = (pattern: RegExp) => (self: string) => self.length > 0 && pattern.test(self);
const partition = (self: string, separator: unknown, fromRight: boolean): PyTuple => {
  const sep = String(separator);
  const at = fromRight ? self.lastIndexOf(sep) : self.indexOf(sep);
  if (at < 0) return fromRight ? PyTuple.of('', '', self) : PyTuple.of(self, '', '');
  return PyTuple.of(self.slice(0, at), sep, self.slice(at + sep.length));
};

/** The str methods Jinja's sandbox lets a template call (none of them changes anything). */
const STRING_METHODS: Record<string, Method> = {
  startswith: affix((self, part) => self.startsWith(part)),
  endswith: affix((self, part) => self.endsWith(part)),
  split: (self: string, separator?: unknown, limit?: unknown) => pythonSplit(self, separator, limit),
  rsplit: (self: string, separator?: unknown, limit?: unknown) => pythonRsplit(self, separator, limit),
  strip: (self: string, chars?: unknown) => stripChars(self, chars, true, true),
  lstrip: (self: string, chars?: unknown) => stripChars(self, chars, true, false),
  rstrip: (self: string, chars?: unknown) => stripChars(self, chars, false, true),
  lower: (self: string) => self.toLowerCase(),
  upper: (self: string) => self.toUpperCase(),
  casefold: (self: string) => self.toLowerCase(),
  swapcase: (self: string) => [...self].map((char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join(''),
  capitalize: (self: string) => capitalize(self),
  title: (self: string) => self.toLowerCase().replace(/(^|[^A-Za-z])([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase()),
  replace: (self: string, from: unknown, to: unknown, count?: unknown) => {
    const parts = self.split(String(from));
    const limit = typeof count === 'number' && count >= 0 ? count : parts.length;
    return parts.slice(0, limit + 1).join(String(to)) + (parts.length > limit + 1 ? String(from) + parts.slice(limit + 1).join(String(from)) : '');
  },
  splitlines: (self: string, keepends?: unknown) => (keepends ? self.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [] : self.split(/\r\n|\r|\n/).filter((line, index, all) => index < all.length - 1 || line !== '')),
  find: (self: string, needle: unknown) => self.indexOf(String(needle)),
  rfind: (self: string, needle: unknown) => self.lastIndexOf(String(needle)),
  index: (self: string, needle: unknown) => found(self.indexOf(String(needle)), 'substring not found'),
  rindex: (self: string, needle: unknown) => found(self.lastIndexOf(String(needle)), 'substring not found'),
  count: (self: string, needle: unknown) => (String(needle) === '' ? self.length + 1 : self.split(String(needle)).length - 1),
  join: (self: string, items: unknown) => (Array.isArray(items) ? items.map(pythonString).join(self) : typeof items === 'string' ? [...items].join(self) : ''),
  format: (self: string, ...args: unknown[]) => braceFormat(self, args, {}),
  center: (self: string, width: unknown, fill: unknown = ' ') => pad(self, Number(width), String(fill), 'center'),
  ljust: (self: string, width: unknown, fill: unknown = ' ') => pad(self, Number(width), String(fill), 'left'),
  rjust: (self: string, width: unknown, fill: unknown = ' ') => pad(self, Number(width), String(fill), 'right'),
  zfill: (self: string, width: unknown) => {
    const sign = /^[-+]/.test(self) ? self[0]! : '';
    return sign + self.slice(sign.length).padStart(Number(width) - sign.length, '0');
  },
  partition: (self: string, separator: unknown) => partition(self, separator, false),
  rpartition: (self: string, separator: unknown) => partition(self, separator, true),
  isdigit: every(/^\d+$/),
  isnumeric: every(/^\p{N}+$/u),
  isdecimal: every(/^\d+$/),
  isalpha: every(/^\p{L}+$/u),
  isalnum: every(/^[\p{L}\p{N}]+$/u),
  isspace: every(/^\s+$/),
  islower: (self: string) => /\p{Ll}/u.test(self) && !/\p{Lu}/u.test(self),
  isupper: (self: string) => /\p{Lu}/u.test(self) && !/\p{Ll}/u.test(self),
  isidentifier: every(/^[A-Za-z_]\w*$/),
};

const LIST_METHODS: Record<string, Method> = {
  index: (self: unknown[], item: unknown) => found(self.findIndex((candidate) => pythonEqual(candidate, item)), `${pythonRepr(item)} is not in list`),
  count: (self: unknown[], item: unknown) => self.filter((candidate) => pythonEqual(candidate, item)).length,
  copy: (self: unknown[]) => [...self],
};

const DICT_METHODS: Record<string, Method> = {
  keys: (self: Record<string, unknown>) => Object.keys(self),
  values: (self: Record<string, unknown>) => Object.values(self),
  items: (self: Record<string, unknown>) => Object.entries(self).map(([key, item]) => PyTuple.of(key, item)),
  get: (self: Record<string, unknown>, key: unknown, fallback: unknown = null) =>
    Object.prototype.hasOwnProperty.call(self, String(key)) ? self[String(key)] : fallback,
  copy: (self: Record<string, unknown>) => ({ ...self }),
};

export function callMethod(self: unknown, name: string, args: unknown[], kwargs: Record<string, unknown> = {}): unknown {
  assertSafeName(name);
  if (typeof self === 'string' && name === 'format') return braceFormat(self, args, kwargs);
  if (self instanceof PyValue) return self.callMethod(name, args);
  const table = typeof self === 'string' ? STRING_METHODS : Array.isArray(self) ? LIST_METHODS : self && typeof self === 'object' ? DICT_METHODS : undefined;
  const method = table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!method) throw new TemplateError(`'${name}' is not a method that can be called here`);
  return method(self as never, ...args);
}

/** Python's str.capitalize: the first character upper, the rest lower. */
export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

function found(index: number, message: string): number {
  if (index < 0) throw new TemplateError(message);
  return index;
}

function pad(self: string, width: number, fill: string, align: 'left' | 'right' | 'center'): string {
  const room = Math.max(width - self.length, 0);
  if (align === 'left') return self + fill.repeat(room);
  if (align === 'right') return fill.repeat(room) + self;
  const left = Math.floor(room / 2) + (room & width & 1);
  return fill.repeat(left) + self + fill.repeat(room - left);
}

/** Python's str.split: on runs of whitespace when no separator is given, at most `limit` splits. */
export function pythonSplit(text: string, separator: unknown, limit: unknown): string[] {
  const max = typeof limit === 'number' ? limit : -1;
  if (separator === undefined || separator === null) {
    const parts = text.trim().split(/\s+/).filter(Boolean);
    if (max < 0 || parts.length <= max + 1) return parts;
    const rest = text.trimStart().replace(new RegExp(`^(?:\\S+\\s+){${max}}`), '');
    return [...parts.slice(0, max), rest];
  }
  const parts = text.split(String(separator));
  return max >= 0 && parts.length > max + 1 ? [...parts.slice(0, max), parts.slice(max).join(String(separator))] : parts;
}

function pythonRsplit(text: string, separator: unknown, limit: unknown): string[] {
  const max = typeof limit === 'number' ? limit : -1;
  const sep = separator === undefined || separator === null ? undefined : String(separator);
  const parts = sep === undefined ? text.trim().split(/\s+/).filter(Boolean) : text.split(sep);
  if (max < 0 || parts.length <= max + 1) return parts;
  const keep = parts.length - max;
  return [parts.slice(0, keep).join(sep ?? ' '), ...parts.slice(keep)];
}

export function stripChars(text: string, chars: unknown, left: boolean, right: boolean): string {
  if (chars === undefined || chars === null) {
    return left && right ? text.trim() : left ? text.trimStart() : text.trimEnd();
  }
  const set = new Set(String(chars));
  let start = 0;
  let end = text.length;
  if (left) while (start < end && set.has(text[start]!)) start += 1;
  if (right) while (end > start && set.has(text[end - 1]!)) end -= 1;
  return text.slice(start, end);
}
