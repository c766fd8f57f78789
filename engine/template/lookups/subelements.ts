/** The subelements lookup: each item of a list (or dict's values) paired with each element of its sub-list. */
import { isTrue } from '../../booleans.js';
import { pythonRepr } from '../python.js';
import { fail, type Lookup } from './lookup.js';

const USAGE = 'subelements lookup expects a list of two or three items';

export const subelements: Lookup = (terms) => {
  if (terms.length < 2 || terms.length > 3) fail('subelements', USAGE);
  const [elements, path, flags = {}] = terms;
  if (!elements || typeof elements !== 'object' || typeof path !== 'string') fail('subelements', `${USAGE}, first a dict or a list, second a string pointing to the subkey`);
  if (!flags || typeof flags !== 'object' || Array.isArray(flags) || Object.keys(flags).some((key) => key !== 'skip_missing')) {
    fail('subelements', `${USAGE}, the optional third item must be a dict with flags ['skip_missing']`);
  }
  if (!Array.isArray(elements) && isSkipped(elements as Record<string, unknown>)) return []; // a registered result that was skipped as a whole
  const skipMissing = isTrue((flags as Record<string, unknown>).skip_missing ?? false);
  const list = Array.isArray(elements) ? elements : Object.values(elements);
  return list.flatMap((item) => pairs(item, path.split('.'), skipMissing));
};

function isSkipped(item: Record<string, unknown>): boolean {
  return 'skipped' in item && item.skipped !== false;
}

/** [item, element] for each element of item's sub-list; the sub-list itself leaves the item, as Ansible pops it. */
function pairs(item: unknown, keys: readonly string[], skipMissing: boolean): unknown[][] {
  if (!item || typeof item !== 'object' || Array.isArray(item)) fail('subelements', `subelements lookup expects a dictionary, got '${pythonRepr(item)}'`);
  const record = item as Record<string, unknown>;
  if (isSkipped(record)) return [];
  const copy = structuredClone(record);
  let holder: Record<string, unknown> = copy;
  let sublist: unknown[] = [];
  for (const [index, key] of keys.entries()) {
    // A missing key with skip_missing moves on to the next key in the same place, as Ansible's loop does.
    if (!Object.prototype.hasOwnProperty.call(holder, key)) {
      if (skipMissing) continue;
      fail('subelements', `could not find '${key}' key in iterated item '${pythonRepr(holder)}'`);
    }
    const next = holder[key];
    if (index < keys.length - 1) {
      if (next && typeof next === 'object' && !Array.isArray(next)) holder = next as Record<string, unknown>;
      else if (!skipMissing) fail('subelements', `the key ${key} should point to a dictionary, got '${pythonRepr(next)}'`);
      continue;
    }
    if (!Array.isArray(next)) fail('subelements', `the key ${key} should point to a list, got '${pythonRepr(next)}'`);
    delete holder[key];
    sublist = next;
  }
  return sublist.map((element) => [copy, element]);
}
