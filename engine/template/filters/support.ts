/** What every filter family shares: the filter signature and the reading of its input and arguments. */
import { TemplateError } from '../../errors.js';
import type { EvalContext } from '../evaluate.js';
import { member } from '../members.js';
import { isDict, numeric, pythonCompare, pythonString, pythonTypeName } from '../python.js';
import { Undefined } from '../undefined.js';

export type Filter = (value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext) => unknown;
export type FilterTable = Readonly<Record<string, Filter>>;

/** A filter argument given by position or by keyword (Python's calling convention), or its default. */
export function param<T = unknown>(args: unknown[], kwargs: Record<string, unknown>, index: number, name: string, fallback?: unknown): T {
  if (Object.prototype.hasOwnProperty.call(kwargs, name)) return kwargs[name] as T;
  return (index < args.length ? args[index] : fallback) as T;
}

/** The items of a list, the characters of a string, the keys of a dict, as Python iterates them. */
export function list(value: unknown, context: EvalContext): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isDict(value)) return Object.keys(value);
  throw new TemplateError(`'${pythonTypeName(value)}' object is not iterable in "${context.expression}"`);
}

export function mapping(value: unknown, context: EvalContext, filter = 'this filter'): Record<string, unknown> {
  if (isDict(value)) return value;
  throw new TemplateError(`${filter} expects a dict, got ${pythonTypeName(value)} in "${context.expression}"`);
}

export function text(value: unknown): string {
  return pythonString(value);
}

/** An int, float or bool argument as a plain number. */
export function number(value: unknown, context: EvalContext): number {
  const found = numeric(value);
  if (found !== undefined) return found;
  throw new TemplateError(`expected a number, got ${pythonTypeName(value)} in "${context.expression}"`);
}

/** Jinja's attribute lookup for map/sort/groupby (`attribute='a.b'`, `'0'` indexes a list). */
export function attribute(item: unknown, path: unknown): unknown {
  if (typeof path === 'number') return member(item, path, String(path));
  let current = item;
  for (const part of String(path).split('.')) {
    current = member(current, /^\d+$/.test(part) && (Array.isArray(current) || typeof current === 'string') ? Number(part) : part, String(path));
  }
  return current;
}

/** Jinja's sort key: an attribute of the item, lower-cased when the comparison ignores case. */
export function sortKeyOf(by: unknown, caseSensitive: boolean): (item: unknown) => unknown {
  return (item) => {
    const key = by === undefined || by === null ? item : attribute(item, by);
    if (key instanceof Undefined) throw new TemplateError(`'${key.name}' is undefined`);
    return !caseSensitive && typeof key === 'string' ? key.toLowerCase() : key;
  };
}

/** A stable sort of items by Python's ordering of their keys. */
export function sortBy(items: readonly unknown[], key: (item: unknown) => unknown, reverse = false): unknown[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => (reverse ? pythonCompare(b.key, a.key) : pythonCompare(a.key, b.key)));
  return keyed.map((entry) => entry.item);
}

export function integer(value: unknown, name: string): number {
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(parsed)) throw new TemplateError(`${name} must be an integer, got ${pythonString(value)}`);
  return parsed;
}
