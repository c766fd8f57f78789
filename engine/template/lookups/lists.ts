/** The lookups that reshape lists and dicts: items, list, indexed_items, together, nested, dict, random_choice. */
import { randomInt } from 'node:crypto';
import { fail, flattenOnce, type Lookup } from './lookup.js';

/** Terms that are not a list become one, as Ansible's listify_lookup_plugin_terms. */
function listed(term: unknown): unknown[] {
  return Array.isArray(term) ? term : [term];
}

export const items: Lookup = (terms) => flattenOnce(terms);

export const list: Lookup = (terms) => terms;

export const indexedItems: Lookup = (terms) => flattenOnce(terms).map((item, index) => [index, item]);

export const together: Lookup = (terms) => {
  if (terms.length === 0) fail('together', 'with_together requires at least one element in each list');
  const lists = terms.map(listed);
  const length = Math.max(...lists.map((each) => each.length));
  return Array.from({ length }, (_, index) => flattenOnce(lists.map((each) => (index < each.length ? each[index] : null))));
};

export const nested: Lookup = (terms) => {
  if (terms.length === 0) fail('nested', 'with_nested requires at least one element in the nested list');
  const [first, ...rest] = terms.map(listed);
  let combined: unknown[] = first!;
  for (const next of rest) combined = combined.flatMap((left) => next.map((right) => flattenOnce([left, right])));
  return combined.map(iterateFlat);
};

/** Python's `_flatten(x)` on one value: a string gives its characters, a dict its keys. */
function iterateFlat(value: unknown): unknown[] {
  if (Array.isArray(value)) return flattenOnce(value);
  if (typeof value === 'string') return [...value];
  if (value && typeof value === 'object') return Object.keys(value);
  fail('nested', `cannot iterate over ${JSON.stringify(value)}`);
}

export const dict: Lookup = (terms) =>
  terms.flatMap((term) => {
    if (!term || typeof term !== 'object' || Array.isArray(term)) fail('dict', 'with_dict expects a dict');
    return Object.entries(term).map(([key, value]) => ({ key, value }));
  });

export const randomChoice: Lookup = (terms) => (terms.length === 0 ? terms : [terms[randomInt(terms.length)]]);
