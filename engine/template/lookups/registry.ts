/**
 * Every lookup by name (`lookup('name', ...)` is a map lookup), and how a
 * lookup's list becomes an expression's value, as Ansible's Templar._lookup:
 * `query`/`q`/`wantlist=True` give the list; `lookup` joins a list of text
 * with commas, gives a single other value alone, else the list. A result is
 * data, never templated again (Ansible marks it unsafe) unless allow_unsafe=True. `errors=warn|ignore`
 * turn a lookup's failure into None (or [] for a list).
 */
import { TemplateError, UndefinedVariableError } from '../../errors.js';
import { readsUnsafeData } from '../unsafe.js';
import { didYouMean } from '../../load/suggest.js';
import { lines, pipe } from './commands.js';
import { config } from './config.js';
import { file, fileglob, firstFound, template } from './files.js';
import { dict, indexedItems, items, list, nested, randomChoice, together } from './lists.js';
import type { Lookup, LookupContext } from './lookup.js';
import { password } from './password.js';
import { sequence } from './sequence.js';
import { subelements } from './subelements.js';
import { env, vars, varnames } from './variables.js';
import { warnLookup } from './warnings.js';

const LOOKUPS: ReadonlyMap<string, Lookup> = new Map<string, Lookup>([
  ['config', config],
  ['dict', dict],
  ['env', env],
  ['file', file],
  ['fileglob', fileglob],
  ['first_found', firstFound],
  ['indexed_items', indexedItems],
  ['items', items],
  ['lines', lines],
  ['list', list],
  ['nested', nested],
  ['password', password],
  ['pipe', pipe],
  ['random_choice', randomChoice],
  ['sequence', sequence],
  ['subelements', subelements],
  ['template', template],
  ['together', together],
  ['vars', vars],
  ['varnames', varnames],
]);

/** A lookup's short name: `ansible.builtin.file` and `ansible.legacy.file` are `file`. */
export function lookupName(name: string): string {
  return name.replace(/^ansible\.(?:builtin|legacy)\./, '');
}

export function isLookup(name: string): boolean {
  return LOOKUPS.has(lookupName(name));
}

export function lookupNames(): string[] {
  return [...LOOKUPS.keys()];
}

export function unknownLookupError(name: string): TemplateError {
  return new TemplateError(`lookup plugin '${name}' not found${didYouMean(lookupName(name), LOOKUPS.keys())}`, { hint: `cxplay's lookups: ${lookupNames().join(', ')}` });
}

/** The lookup's raw list, for `with_<lookup>` loops (Ansible runs the plugin with wantlist=True). */
export function runLookupList(name: string, terms: unknown[], context: LookupContext, kwargs: Readonly<Record<string, unknown>> = {}, allowUnsafe = false): unknown[] {
  const lookup = LOOKUPS.get(lookupName(name));
  if (!lookup) throw unknownLookupError(name);
  const result = lookup(terms, kwargs, context);
  if (result.length > 0 && !allowUnsafe) readsUnsafeData();
  return result;
}

/** `lookup(name, *terms, **kwargs)` or, with `wantlist`, `query(...)`. */
export function callLookup(name: string, terms: unknown[], kwargs: Readonly<Record<string, unknown>>, context: LookupContext, wantlist: boolean): unknown {
  const { wantlist: asked, errors = 'strict', allow_unsafe: allowUnsafe, ...options } = kwargs;
  const asList = wantlist || (asked !== undefined && asked !== false && asked !== null);
  let result: unknown[];
  try {
    result = runLookupList(name, terms, context, options, allowUnsafe === true);
  } catch (error) {
    // As Ansible: an undefined variable always fails; the lookup's own errors obey errors=.
    if (!(error instanceof TemplateError) || error instanceof UndefinedVariableError || errors === 'strict') throw error;
    if (errors === 'warn') warnLookup(`Lookup failed but the error is being ignored: ${error.message}`);
    return asList ? [] : null;
  }
  if (asList || result.length === 0) return result;
  if (result.every((item) => typeof item === 'string')) return result.join(',');
  return result.length === 1 ? result[0] : result;
}
