/** Dict filters: combine (Ansible's merge_hash), dict2items/items2dict, extract, dictsort, items, rekey_on_member. */
import { TemplateError } from '../../errors.js';
import type { EvalContext } from '../evaluate.js';
import { assertSafeName, member } from '../members.js';
import { isDict, PyTuple, pythonEqual, pythonRepr, pythonString } from '../python.js';
import { Undefined } from '../undefined.js';
import { type FilterTable, list, mapping, param, sortBy, text } from './support.js';

const LIST_MERGES = ['replace', 'keep', 'append', 'prepend', 'append_rp', 'prepend_rp'];

function mergeLists(base: unknown[], other: unknown[], how: string): unknown[] {
  const missingFrom = (items: unknown[], from: unknown[]) => items.filter((item) => !from.some((candidate) => pythonEqual(candidate, item)));
  switch (how) {
    case 'keep':
      return base;
    case 'append':
      return [...base, ...other];
    case 'prepend':
      return [...other, ...base];
    case 'append_rp':
      return [...missingFrom(base, other), ...other];
    case 'prepend_rp':
      return [...other, ...missingFrom(base, other)];
  }
  return other;
}

/** Ansible's merge_hash: keys of `other` win, dicts merged when recursive, lists as list_merge says. */
export function mergeHash(base: Record<string, unknown>, other: Record<string, unknown>, recursive: boolean, listMerge: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(other)) {
    assertSafeName(key);
    const existing = out[key];
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
    else if (isDict(existing) && isDict(value)) out[key] = recursive ? mergeHash(existing, value, recursive, listMerge) : value;
    else if (Array.isArray(existing) && Array.isArray(value)) out[key] = mergeLists(existing, value, listMerge);
    else out[key] = value;
  }
  return out;
}

function combine(value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): Record<string, unknown> {
  const unknownOption = Object.keys(kwargs).find((key) => key !== 'recursive' && key !== 'list_merge');
  if (unknownOption) throw new TemplateError("'recursive' and 'list_merge' are the only valid keyword arguments");
  const listMerge = text(kwargs.list_merge ?? 'replace');
  if (!LIST_MERGES.includes(listMerge)) throw new TemplateError(`combine: list_merge can only be one of ${LIST_MERGES.join(', ')}`);
  // `[dict1, dict2] | combine` merges the list's dicts, as Ansible flattens its terms one level.
  const dicts = [value, ...args].flatMap((term) => (Array.isArray(term) ? term : [term])).map((term) => mapping(term, context, 'combine'));
  if (dicts.length === 0) return {};
  return dicts.slice(1).reduce((merged, next) => mergeHash(merged, next, kwargs.recursive === true, listMerge), dicts[0]!);
}

/** Jinja's getitem for extract: a missing key is undefined, as in a template. */
function extract(item: unknown, container: unknown, morekeys: unknown): unknown {
  const keys = morekeys === undefined || morekeys === null ? [item] : Array.isArray(morekeys) ? [item, ...morekeys] : [item, morekeys];
  return keys.reduce<unknown>((current, key) => (current instanceof Undefined ? current : member(current, key, pythonString(key))), container);
}

function rekeyOnMember(value: unknown, key: string, duplicates: string, context: EvalContext): Record<string, unknown> {
  if (duplicates !== 'error' && duplicates !== 'overwrite') throw new TemplateError(`duplicates parameter to rekey_on_member has unknown value: ${duplicates}`);
  const items = isDict(value) ? Object.values(value) : list(value, context);
  const out: Record<string, unknown> = {};
  for (const item of items) {
    if (!isDict(item)) throw new TemplateError('List item is not a valid dict');
    if (!Object.prototype.hasOwnProperty.call(item, key)) throw new TemplateError(`Key ${key} was not found`);
    const newKey = pythonString(item[key]);
    assertSafeName(newKey);
    if (Object.prototype.hasOwnProperty.call(out, newKey) && duplicates === 'error') throw new TemplateError(`Key ${newKey} is not unique, cannot correctly turn into dict`);
    out[newKey] = item;
  }
  return out;
}

export const DICT_FILTERS: FilterTable = {
  combine,
  dict2items: (value, args, kwargs, context) => {
    const [keyName, valueName] = [param(args, kwargs, 0, 'key_name', 'key'), param(args, kwargs, 1, 'value_name', 'value')].map(text);
    return Object.entries(mapping(value, context, 'dict2items')).map(([key, item]) => ({ [keyName!]: key, [valueName!]: item }));
  },
  items2dict: (value, args, kwargs, context) => {
    const [keyName, valueName] = [param(args, kwargs, 0, 'key_name', 'key'), param(args, kwargs, 1, 'value_name', 'value')].map(text);
    const out: Record<string, unknown> = {};
    for (const item of list(value, context)) {
      if (!isDict(item) || !(keyName! in item) || !(valueName! in item)) {
        throw new TemplateError(`items2dict requires each dictionary in the list to contain the keys '${keyName}' and '${valueName}', got ${pythonRepr(value)} instead.`);
      }
      // A key taken from data ('__proto__' as a value) must not become the mapping's prototype.
      const key = pythonString(item[keyName!]);
      assertSafeName(key);
      out[key] = item[valueName!];
    }
    return out;
  },
  extract: (value, args, kwargs) => extract(value, param(args, kwargs, 0, 'container'), param(args, kwargs, 1, 'morekeys')),
  dictsort: (value, args, kwargs, context) => {
    const byValue = text(param(args, kwargs, 1, 'by', 'key')) === 'value';
    const caseSensitive = Boolean(param(args, kwargs, 0, 'case_sensitive', false));
    const pairs = Object.entries(mapping(value, context, 'dictsort')).map(([key, item]) => PyTuple.of(key, item));
    const key = (pair: unknown) => {
      const found = (pair as unknown[])[byValue ? 1 : 0];
      return !caseSensitive && typeof found === 'string' ? found.toLowerCase() : found;
    };
    return sortBy(pairs, key, Boolean(param(args, kwargs, 2, 'reverse', false)));
  },
  items: (value, _args, _kwargs, context) => (value instanceof Undefined ? [] : Object.entries(mapping(value, context, 'items')).map(([key, item]) => PyTuple.of(key, item))),
  rekey_on_member: (value, args, kwargs, context) => rekeyOnMember(value, text(param(args, kwargs, 0, 'key')), text(param(args, kwargs, 1, 'duplicates', 'error')), context),
};
