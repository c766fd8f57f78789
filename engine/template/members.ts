/**
 * Safe member access for expressions: only own data of plain objects, arrays
 * and strings, never the prototype chain, and a short whitelist of methods
 * Ansible playbooks use on strings, lists and dicts.
 */
import { TemplateError } from '../errors.js';
import { Undefined } from './undefined.js';
import { pythonString } from './python.js';

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

const STRING_METHODS: Record<string, Method> = {
  startswith: (self: string, prefix: unknown) => (Array.isArray(prefix) ? prefix.some((p) => self.startsWith(String(p))) : self.startsWith(String(prefix))),
  endswith: (self: string, suffix: unknown) => (Array.isArray(suffix) ? suffix.some((s) => self.endsWith(String(s))) : self.endsWith(String(suffix))),
  split: (self: string, separator?: unknown, limit?: unknown) => pythonSplit(self, separator, limit),
  strip: (self: string, chars?: unknown) => stripChars(self, chars, true, true),
  lstrip: (self: string, chars?: unknown) => stripChars(self, chars, true, false),
  rstrip: (self: string, chars?: unknown) => stripChars(self, chars, false, true),
  lower: (self: string) => self.toLowerCase(),
  upper: (self: string) => self.toUpperCase(),
  replace: (self: string, from: unknown, to: unknown) => self.split(String(from)).join(String(to)),
  splitlines: (self: string) => self.split(/\r?\n/).filter((line, index, all) => index < all.length - 1 || line !== ''),
  find: (self: string, needle: unknown) => self.indexOf(String(needle)),
  join: (self: string, items: unknown) => (Array.isArray(items) ? items.map(pythonString).join(self) : ''),
  format: (self: string, ...args: unknown[]) => {
    let next = 0;
    return self.replace(/\{(\d*)\}/g, (_m, index: string) => pythonString(args[index === '' ? next++ : Number(index)]));
  },
};

const LIST_METHODS: Record<string, Method> = {
  index: (self: unknown[], item: unknown) => self.findIndex((candidate) => JSON.stringify(candidate) === JSON.stringify(item)),
  count: (self: unknown[], item: unknown) => self.filter((candidate) => JSON.stringify(candidate) === JSON.stringify(item)).length,
};

const DICT_METHODS: Record<string, Method> = {
  keys: (self: Record<string, unknown>) => Object.keys(self),
  values: (self: Record<string, unknown>) => Object.values(self),
  items: (self: Record<string, unknown>) => Object.entries(self),
  get: (self: Record<string, unknown>, key: unknown, fallback: unknown = null) =>
    Object.prototype.hasOwnProperty.call(self, String(key)) ? self[String(key)] : fallback,
};

export function callMethod(self: unknown, name: string, args: unknown[]): unknown {
  assertSafeName(name);
  const table = typeof self === 'string' ? STRING_METHODS : Array.isArray(self) ? LIST_METHODS : self && typeof self === 'object' ? DICT_METHODS : undefined;
  const method = table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!method) throw new TemplateError(`'${name}' is not a method that can be called here`);
  return method(self as never, ...args);
}

function pythonSplit(text: string, separator: unknown, limit: unknown): string[] {
  const max = typeof limit === 'number' ? limit : -1;
  if (separator === undefined || separator === null) {
    const parts = text.trim().split(/\s+/).filter(Boolean);
    return max >= 0 && parts.length > max + 1 ? [...parts.slice(0, max), parts.slice(max).join(' ')] : parts;
  }
  const parts = text.split(String(separator));
  return max >= 0 && parts.length > max + 1 ? [...parts.slice(0, max), parts.slice(max).join(String(separator))] : parts;
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
