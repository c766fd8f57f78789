/**
 * The filter registry (`x | name(args)`). A filter receives the value (maybe
 * Undefined: only default/mandatory accept that), positional and keyword
 * arguments.
 */
import { createHash } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { boolFilter } from '../booleans.js';
import { quote } from '../connection/quote.js';
import { TemplateError } from '../errors.js';
import type { EvalContext } from './evaluate.js';
import { equal, typeName } from './evaluate.js';
import { assertSafeName, member, stripChars } from './members.js';
import { pythonString, truthy } from './python.js';
import { pythonRegExp, pythonReplacement } from './regex.js';
import { applyTest } from './tests.js';
import { Undefined, defined } from './undefined.js';

type Filter = (value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext) => unknown;

const list = (value: unknown, context: EvalContext): unknown[] => {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (value && typeof value === 'object') return Object.keys(value);
  throw new TemplateError(`expected a list, got ${typeName(value)} in "${context.expression}"`);
};

const mapping = (value: unknown, context: EvalContext): Record<string, unknown> => {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new TemplateError(`expected a dict, got ${typeName(value)} in "${context.expression}"`);
};

const attribute = (item: unknown, path: unknown): unknown => {
  let current = item;
  for (const part of String(path).split('.')) current = member(current, /^\d+$/.test(part) && Array.isArray(current) ? Number(part) : part, String(path));
  return current;
};

const sortKey = (a: unknown, b: unknown): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return pythonString(a) < pythonString(b) ? -1 : pythonString(a) > pythonString(b) ? 1 : 0;
};

const unique = (items: unknown[]): unknown[] => items.filter((item, index) => items.findIndex((other) => equal(other, item)) === index);

function combine(base: Record<string, unknown>, other: Record<string, unknown>, recursive: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(other)) {
    assertSafeName(key);
    const existing = out[key];
    const both = recursive && existing && value && typeof existing === 'object' && typeof value === 'object' && !Array.isArray(existing) && !Array.isArray(value);
    out[key] = both ? combine(existing as Record<string, unknown>, value as Record<string, unknown>, true) : value;
  }
  return out;
}

function selectBy(items: unknown[], args: unknown[], context: EvalContext, keep: boolean, byAttribute: boolean): unknown[] {
  const [first, ...rest] = args;
  return items.filter((item) => {
    const subject = byAttribute ? attribute(item, first) : item;
    const testName = byAttribute ? rest[0] : first;
    const testArgs = byAttribute ? rest.slice(1) : rest;
    const passed = testName === undefined ? truthy(subject instanceof Undefined ? false : subject) : applyTest(String(testName), subject, testArgs, context);
    return passed === keep;
  });
}

const FILTERS: Record<string, Filter> = {
  default: (value, args) => {
    const fallback = args[0] ?? '';
    if (value instanceof Undefined) return fallback;
    return args[1] === true && !truthy(value) ? fallback : value;
  },
  mandatory: (value, args, _kwargs, context) => {
    if (value instanceof Undefined) throw new TemplateError(args[0] ? String(args[0]) : `mandatory variable '${value.name}' is not defined in "${context.expression}"`);
    return value;
  },
  bool: (value) => boolFilter(value),
  int: (value, args) => {
    const parsed = typeof value === 'boolean' ? Number(value) : Math.trunc(Number.parseFloat(String(value)));
    return Number.isFinite(parsed) ? parsed : (args[0] ?? 0);
  },
  float: (value, args) => {
    const parsed = Number.parseFloat(String(value));
    return Number.isFinite(parsed) ? parsed : (args[0] ?? 0);
  },
  string: (value) => pythonString(value),
  lower: (value) => pythonString(value).toLowerCase(),
  upper: (value) => pythonString(value).toUpperCase(),
  capitalize: (value) => {
    const text = pythonString(value);
    return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  },
  title: (value) => pythonString(value).replace(/\w\S*/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()),
  trim: (value, args) => stripChars(pythonString(value), args[0], true, true),
  length: (value, _args, _kwargs, context) => (typeof value === 'string' ? value.length : list(value, context).length),
  join: (value, args, _kwargs, context) => list(value, context).map(pythonString).join(args[0] === undefined ? '' : String(args[0])),
  first: (value, _args, _kwargs, context) => list(value, context)[0] ?? new Undefined('first of an empty list'),
  last: (value, _args, _kwargs, context) => list(value, context).at(-1) ?? new Undefined('last of an empty list'),
  split: (value, args) => (args[0] === undefined ? pythonString(value).trim().split(/\s+/).filter(Boolean) : pythonString(value).split(String(args[0]))),
  replace: (value, args) => pythonString(value).split(String(args[0])).join(String(args[1] ?? '')),
  to_json: (value) => JSON.stringify(value),
  to_nice_json: (value, args, kwargs) => JSON.stringify(value, null, Number(kwargs.indent ?? args[0] ?? 4)),
  from_json: (value) => {
    try {
      return JSON.parse(pythonString(value)) as unknown;
    } catch (error) {
      throw new TemplateError(`from_json: ${(error as Error).message}`);
    }
  },
  to_yaml: (value) => stringifyYaml(value, { lineWidth: 0 }),
  to_nice_yaml: (value, args, kwargs) => stringifyYaml(value, { indent: Number(kwargs.indent ?? args[0] ?? 4), lineWidth: 0 }),
  from_yaml: (value) => parseYaml(pythonString(value), { maxAliasCount: 100 }) as unknown,
  b64encode: (value) => Buffer.from(pythonString(value), 'utf8').toString('base64'),
  b64decode: (value) => Buffer.from(pythonString(value), 'base64').toString('utf8'),
  regex_replace: (value, args, kwargs) =>
    pythonString(value).replace(pythonRegExp(String(args[0]), 'global', kwargs.ignorecase ? 'i' : ''), pythonReplacement(String(args[1] ?? ''))),
  regex_search: (value, args) => {
    const match = pythonRegExp(String(args[0]), 'search').exec(pythonString(value));
    if (!match) return null;
    const groups = args.slice(1).map(String).filter((arg) => arg.startsWith('\\'));
    if (groups.length === 0) return match[0];
    return groups.map((group) => (/^\\\d+$/.test(group) ? match[Number(group.slice(1))] : match.groups?.[group.replace(/^\\g<|>$/g, '')]));
  },
  regex_findall: (value, args) => [...pythonString(value).matchAll(pythonRegExp(String(args[0]), 'global'))].map((match) => (match.length > 2 ? match.slice(1) : (match[1] ?? match[0]))),
  map: (value, args, kwargs, context) => {
    const items = list(value, context);
    if (kwargs.attribute !== undefined) {
      return items.map((item) => {
        const found = attribute(item, kwargs.attribute);
        return found instanceof Undefined && 'default' in kwargs ? kwargs.default : found;
      });
    }
    const [name, ...rest] = args;
    return items.map((item) => applyFilter(String(name), item, rest, {}, context));
  },
  select: (value, args, _kwargs, context) => selectBy(list(value, context), args, context, true, false),
  reject: (value, args, _kwargs, context) => selectBy(list(value, context), args, context, false, false),
  selectattr: (value, args, _kwargs, context) => selectBy(list(value, context), args, context, true, true),
  rejectattr: (value, args, _kwargs, context) => selectBy(list(value, context), args, context, false, true),
  unique: (value, _args, _kwargs, context) => unique(list(value, context)),
  sort: (value, args, kwargs, context) => {
    const by = kwargs.attribute;
    const sorted = [...list(value, context)].sort((a, b) => (by ? sortKey(attribute(a, by), attribute(b, by)) : sortKey(a, b)));
    return kwargs.reverse === true || args[0] === true ? sorted.reverse() : sorted;
  },
  reverse: (value, _args, _kwargs, context) => (typeof value === 'string' ? [...value].reverse().join('') : [...list(value, context)].reverse()),
  list: (value, _args, _kwargs, context) => [...list(value, context)],
  dict2items: (value, _args, kwargs, context) =>
    Object.entries(mapping(value, context)).map(([key, item]) => ({ [String(kwargs.key_name ?? 'key')]: key, [String(kwargs.value_name ?? 'value')]: item })),
  items2dict: (value, _args, kwargs, context) => {
    const out: Record<string, unknown> = {};
    for (const item of list(value, context)) {
      // A key taken from data ('__proto__' as a value) must not become the mapping's prototype.
      const key = String(attribute(item, kwargs.key_name ?? 'key'));
      assertSafeName(key);
      out[key] = attribute(item, kwargs.value_name ?? 'value');
    }
    return out;
  },
  combine: (value, args, kwargs, context) =>
    args.reduce<Record<string, unknown>>((base, other) => combine(base, mapping(other, context), kwargs.recursive === true), { ...mapping(value, context) }),
  ternary: (value, args) => (truthy(value) ? args[0] : (value === null && args.length > 2 ? args[2] : args[1])),
  basename: (value) => basename(pythonString(value)),
  dirname: (value) => dirname(pythonString(value)),
  quote: (value) => quote(pythonString(value)),
  min: (value, _args, _kwargs, context) => [...list(value, context)].sort(sortKey)[0],
  max: (value, _args, _kwargs, context) => [...list(value, context)].sort(sortKey).at(-1),
  sum: (value, args, _kwargs, context) => list(value, context).reduce<number>((total, item) => total + Number(item), Number(args[0] ?? 0)),
  abs: (value) => Math.abs(Number(value)),
  round: (value, args) => {
    const factor = 10 ** Number(args[0] ?? 0);
    return Math.round(Number(value) * factor) / factor;
  },
  union: (value, args, _kwargs, context) => unique([...list(value, context), ...list(args[0], context)]),
  difference: (value, args, _kwargs, context) => unique(list(value, context).filter((item) => !list(args[0], context).some((other) => equal(other, item)))),
  intersect: (value, args, _kwargs, context) => unique(list(value, context).filter((item) => list(args[0], context).some((other) => equal(other, item)))),
  flatten: (value, args, kwargs, context) => list(value, context).flat(Number(kwargs.levels ?? args[0] ?? Infinity)),
  zip: (value, args, _kwargs, context) => list(value, context).map((item, index) => [item, ...args.map((other) => list(other, context)[index])]),
  hash: (value, args) => createHash(String(args[0] ?? 'sha1')).update(pythonString(value)).digest('hex'),
  checksum: (value) => createHash('sha1').update(pythonString(value)).digest('hex'),
  indent: (value, args) => {
    const pad = ' '.repeat(Number(args[0] ?? 4));
    return pythonString(value).split('\n').map((line, index) => (index === 0 && args[1] !== true ? line : line ? pad + line : line)).join('\n');
  },
  center: (value, args) => pythonString(value).padStart(Math.floor((Number(args[0] ?? 80) + pythonString(value).length) / 2)).padEnd(Number(args[0] ?? 80)),
  type_debug: (value) => typeName(value),
};
FILTERS.d = FILTERS.default!;
FILTERS.count = FILTERS.length!;

export function applyFilter(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown {
  const filter = Object.prototype.hasOwnProperty.call(FILTERS, name) ? FILTERS[name] : undefined;
  if (!filter) throw new TemplateError(`unknown filter '${name}' in "${context.expression}"`, { hint: `supported filters: ${Object.keys(FILTERS).sort().join(', ')}` });
  const lenient = name === 'default' || name === 'd' || name === 'mandatory';
  const settled = lenient ? value : defined(value, context.expression);
  return filter(settled, args.map((arg) => defined(arg, context.expression)), kwargs, context);
}

export function filterNames(): string[] {
  return Object.keys(FILTERS);
}
