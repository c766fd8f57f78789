/**
 * List filters: Jinja's (first, sort, map, select, groupby, batch...) and
 * Ansible's set theory (unique, union...), itertools (product, zip...),
 * flatten and subelements.
 */
import { TemplateError } from '../../errors.js';
import type { EvalContext } from '../evaluate.js';
import { arithmetic } from '../python-arithmetic.js';
import { numeric, PyTuple, pythonCompare, pythonEqual, pythonRepr, pythonString, pythonTypeName, truthy } from '../python.js';
import { applyFilter } from '../filters.js';
import { applyTest } from '../tests.js';
import { Undefined } from '../undefined.js';
import { type Filter, type FilterTable, attribute, integer, list, param, sortBy, sortKeyOf, text } from './support.js';

/** First occurrences only, compared as Python's `in` compares (optionally ignoring case, or by an attribute). */
function unique(items: readonly unknown[], caseSensitive = true, by?: unknown): unknown[] {
  const key = sortKeyOf(by, caseSensitive);
  const seen: unknown[] = [];
  return items.filter((item) => {
    const itemKey = key(item);
    if (seen.some((other) => pythonEqual(other, itemKey))) return false;
    seen.push(itemKey);
    return true;
  });
}

const contains = (items: readonly unknown[], item: unknown) => items.some((other) => pythonEqual(other, item));

function flatten(items: readonly unknown[], levels: number | null, skipNulls: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (skipNulls && (item === null || item === 'None' || item === 'null')) continue;
    if (Array.isArray(item) && (levels === null || levels >= 1)) out.push(...flatten(item, levels === null ? null : levels - 1, skipNulls));
    else out.push(item);
  }
  return out;
}

function product(lists: readonly unknown[][]): PyTuple[] {
  return lists.reduce<PyTuple[]>((acc, items) => acc.flatMap((prefix) => items.map((item) => PyTuple.of(...prefix, item))), [PyTuple.of()]);
}

function permutations(items: readonly unknown[], size: number): PyTuple[] {
  if (size === 0) return [PyTuple.of()];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)], size - 1).map((rest) => PyTuple.of(item, ...rest)));
}

function combinations(items: readonly unknown[], size: number): PyTuple[] {
  if (size === 0) return [PyTuple.of()];
  return items.flatMap((item, index) => combinations(items.slice(index + 1), size - 1).map((rest) => PyTuple.of(item, ...rest)));
}

function zip(lists: readonly unknown[][], longest: boolean, fill: unknown): PyTuple[] {
  const lengths = lists.map((items) => items.length);
  const length = lists.length === 0 ? 0 : longest ? Math.max(...lengths) : Math.min(...lengths);
  return Array.from({ length }, (_, index) => PyTuple.of(...lists.map((items) => (index < items.length ? items[index] : fill))));
}

function subelements(value: unknown, path: unknown, skipMissing: boolean, context: EvalContext): PyTuple[] {
  const elements = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : undefined;
  if (!elements) throw new TemplateError(`subelements: obj must be a list of dicts or a nested dict in "${context.expression}"`);
  const keys = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : undefined;
  if (!keys) throw new TemplateError('subelements must be a list or a string');
  return elements.flatMap((element: unknown) => {
    let values: unknown = element;
    for (const key of keys) {
      const next = values && typeof values === 'object' && !Array.isArray(values) && Object.prototype.hasOwnProperty.call(values, key) ? (values as Record<string, unknown>)[key] : undefined;
      if (next === undefined) {
        if (!skipMissing) throw new TemplateError(`could not find '${key}' key in iterated item ${pythonRepr(values)}`);
        values = [];
        break;
      }
      values = next;
    }
    if (!Array.isArray(values)) throw new TemplateError(`the key ${pythonRepr(keys.at(-1))} should point to a list, got ${pythonRepr(values)}`);
    return values.map((item) => PyTuple.of(element, item));
  });
}

/** select/reject/selectattr/rejectattr: a test (or truthiness) applied to each item or to one of its attributes. */
function selecting(keep: boolean, byAttribute: boolean): Filter {
  return (value, args, _kwargs, context) => {
    const [first, ...rest] = args;
    const testName = byAttribute ? rest[0] : first;
    const testArgs = byAttribute ? rest.slice(1) : rest;
    return list(value, context).filter((item) => {
      const subject = byAttribute ? attribute(item, first) : item;
      const passed = testName === undefined ? !(subject instanceof Undefined) && truthy(subject) : applyTest(String(testName), subject, testArgs, context);
      return passed === keep;
    });
  };
}

/** min and max, as Jinja picks them (case-insensitive by default, optionally by attribute). */
function extreme(sign: 1 | -1): Filter {
  return (value, args, kwargs, context) => {
    const items = list(value, context);
    if (items.length === 0) return new Undefined(`No aggregated item, sequence was empty.`);
    const key = sortKeyOf(param(args, kwargs, 1, 'attribute'), Boolean(param(args, kwargs, 0, 'case_sensitive', false)));
    return items.reduce((best, item) => (sign * pythonCompare(key(item), key(best)) < 0 ? item : best));
  };
}

function chunks(items: readonly unknown[], size: number, fill: unknown, pad: boolean): unknown[][] {
  const out: unknown[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  const lastChunk = out.at(-1);
  if (pad && lastChunk && lastChunk.length < size) lastChunk.push(...Array.from({ length: size - lastChunk.length }, () => fill));
  return out;
}

/** Jinja's slice: `count` columns, the first ones one item longer, optionally padded. */
function sliceInto(items: readonly unknown[], count: number, fill: unknown): unknown[][] {
  const perSlice = Math.floor(items.length / count);
  const withExtra = items.length % count;
  let offset = 0;
  return Array.from({ length: count }, (_, index) => {
    const size = perSlice + (index < withExtra ? 1 : 0);
    const column = items.slice(offset, offset + size);
    offset += size;
    if (fill !== null && fill !== undefined && index >= withExtra) column.push(fill);
    return column;
  });
}

/** Jinja's groupby: sorted by the key, each group named by its first item's own (not lower-cased) key. */
function groupby(items: readonly unknown[], by: unknown, fallback: unknown, caseSensitive: boolean): PyTuple[] {
  const grouper = (item: unknown) => {
    const found = attribute(item, by);
    return found instanceof Undefined ? fallback : found;
  };
  const key = (item: unknown) => {
    const found = grouper(item);
    return !caseSensitive && typeof found === 'string' ? found.toLowerCase() : found;
  };
  const groups: { key: unknown; items: unknown[] }[] = [];
  for (const item of sortBy(items, key)) {
    const last = groups.at(-1);
    if (last && pythonEqual(last.key, key(item))) last.items.push(item);
    else groups.push({ key: key(item), items: [item] });
  }
  return groups.map((group) => PyTuple.of(grouper(group.items[0]), group.items));
}

function sum(items: readonly unknown[], start: unknown, context: EvalContext): unknown {
  return items.reduce((total, item) => {
    if (Array.isArray(total) && Array.isArray(item)) return [...total, ...item];
    const a = numeric(total);
    const b = numeric(item);
    if (a === undefined || b === undefined) throw new TemplateError(`unsupported operand type(s) for +: '${pythonTypeName(total)}' and '${pythonTypeName(item)}' in "${context.expression}"`);
    return arithmetic('+', a, b, total, item);
  }, start);
}

const sequences = (value: unknown, args: unknown[], context: EvalContext) => [list(value, context), ...args.map((other) => list(other, context))];

export const LIST_FILTERS: FilterTable = {
  first: (value, _args, _kwargs, context) => {
    const items = list(value, context);
    return items.length > 0 ? items[0] : new Undefined('No first item, sequence was empty.');
  },
  last: (value, _args, _kwargs, context) => {
    const items = list(value, context);
    return items.length > 0 ? items.at(-1) : new Undefined('No last item, sequence was empty.');
  },
  length: (value, _args, _kwargs, context) => (typeof value === 'string' ? [...value].length : list(value, context).length),
  join: (value, args, kwargs, context) => {
    const by = param(args, kwargs, 1, 'attribute');
    const items = list(value, context).map((item) => (by === undefined ? item : attribute(item, by)));
    return items.map(pythonString).join(text(param(args, kwargs, 0, 'd', '')));
  },
  reverse: (value, _args, _kwargs, context) => (typeof value === 'string' ? [...value].reverse().join('') : [...list(value, context)].reverse()),
  list: (value, _args, _kwargs, context) => [...list(value, context)],
  sort: (value, args, kwargs, context) =>
    sortBy(list(value, context), sortKeyOf(param(args, kwargs, 2, 'attribute'), Boolean(param(args, kwargs, 1, 'case_sensitive', false))), Boolean(param(args, kwargs, 0, 'reverse', false))),
  unique: (value, args, kwargs, context) => unique(list(value, context), Boolean(param(args, kwargs, 0, 'case_sensitive', false)), param(args, kwargs, 1, 'attribute')),
  min: extreme(1),
  max: extreme(-1),
  sum: (value, args, kwargs, context) => {
    const by = param(args, kwargs, 0, 'attribute');
    const items = list(value, context).map((item) => (by === undefined || by === null ? item : attribute(item, by)));
    return sum(items, param(args, kwargs, 1, 'start', 0), context);
  },
  map: (value, args, kwargs, context) => {
    const items = list(value, context);
    if (kwargs.attribute !== undefined) {
      return items.map((item) => {
        const found = attribute(item, kwargs.attribute);
        return found instanceof Undefined && 'default' in kwargs ? kwargs.default : found;
      });
    }
    // map('filter', args..., keywords...) passes the keywords on, as Jinja does.
    const [name, ...rest] = args;
    return items.map((item) => applyFilter(text(name), item, rest, kwargs, context));
  },
  select: selecting(true, false),
  reject: selecting(false, false),
  selectattr: selecting(true, true),
  rejectattr: selecting(false, true),
  batch: (value, args, kwargs, context) => chunks(list(value, context), integer(param(args, kwargs, 0, 'linecount'), 'linecount'), param(args, kwargs, 1, 'fill_with', null), param(args, kwargs, 1, 'fill_with', null) !== null),
  slice: (value, args, kwargs, context) => sliceInto(list(value, context), integer(param(args, kwargs, 0, 'slices'), 'slices'), param(args, kwargs, 1, 'fill_with', null)),
  groupby: (value, args, kwargs, context) => groupby(list(value, context), param(args, kwargs, 0, 'attribute'), param(args, kwargs, 1, 'default', null), Boolean(param(args, kwargs, 2, 'case_sensitive', false))),
  union: (value, args, _kwargs, context) => unique([...list(value, context), ...list(args[0], context)]),
  intersect: (value, args, _kwargs, context) => unique(list(value, context).filter((item) => contains(list(args[0], context), item))),
  difference: (value, args, _kwargs, context) => unique(list(value, context).filter((item) => !contains(list(args[0], context), item))),
  symmetric_difference: (value, args, _kwargs, context) => {
    const [a, b] = [list(value, context), list(args[0], context)];
    return unique([...a, ...b]).filter((item) => !(contains(a, item) && contains(b, item)));
  },
  flatten: (value, args, kwargs, context) => {
    const levels = param<number | null>(args, kwargs, 0, 'levels', null);
    return flatten(list(value, context), levels === null ? null : integer(levels, 'levels'), param(args, kwargs, 1, 'skip_nulls', true) !== false);
  },
  product: (value, args, kwargs, context) => {
    const lists = sequences(value, args, context);
    const repeat = integer(kwargs.repeat ?? 1, 'repeat');
    return product(Array.from({ length: repeat }, () => lists).flat());
  },
  permutations: (value, args, kwargs, context) => {
    const items = list(value, context);
    return permutations(items, integer(param(args, kwargs, 0, 'r', items.length) ?? items.length, 'r'));
  },
  combinations: (value, args, kwargs, context) => combinations(list(value, context), integer(param(args, kwargs, 0, 'r'), 'r')),
  zip: (value, args, _kwargs, context) => zip(sequences(value, args, context), false, null),
  zip_longest: (value, args, kwargs, context) => zip(sequences(value, args, context), true, kwargs.fillvalue ?? null),
  subelements: (value, args, kwargs, context) => subelements(value, param(args, kwargs, 0, 'subelements'), Boolean(param(args, kwargs, 1, 'skip_missing', false)), context),
};
