/**
 * The filter registry (`x | name(args)`): one map of every filter, built
 * once from the families in filters/ (a filter is one entry in its family's
 * table), so applying a filter is one lookup. A filter receives the value
 * (maybe Undefined: only default/mandatory/type_debug accept that), positional and
 * keyword arguments.
 */
import { TemplateError } from '../errors.js';
import type { EvalContext } from './evaluate.js';
import { CORE_FILTERS } from './filters/core.js';
import { DATETIME_FILTERS } from './filters/datetime.js';
import { DICT_FILTERS } from './filters/dicts.js';
import { ENCODING_FILTERS } from './filters/encoding.js';
import { HASH_FILTERS } from './filters/hash.js';
import { LIST_FILTERS } from './filters/lists.js';
import { MATH_FILTERS } from './filters/math.js';
import { PATH_FILTERS } from './filters/paths.js';
import { REGEX_FILTERS } from './filters/regex.js';
import { STRING_FILTERS } from './filters/strings.js';
import type { Filter } from './filters/support.js';
import { VAULT_FILTERS } from './filters/vault.js';
import { YAML_FILTERS } from './filters/yaml.js';
import { defined } from './undefined.js';

const FAMILIES = [CORE_FILTERS, STRING_FILTERS, LIST_FILTERS, DICT_FILTERS, PATH_FILTERS, ENCODING_FILTERS, REGEX_FILTERS, DATETIME_FILTERS, HASH_FILTERS, MATH_FILTERS, YAML_FILTERS, VAULT_FILTERS];

/** Other names Jinja and Ansible give the same filters. */
const ALIASES: Record<string, string> = { d: 'default', count: 'length', e: 'escape' };

/** Filters that look at an undefined value themselves instead of failing on it. */
const LENIENT = new Set(['default', 'd', 'mandatory', 'type_debug']);

const FILTERS = new Map<string, Filter>();
for (const family of FAMILIES) for (const [name, filter] of Object.entries(family)) FILTERS.set(name, filter);
for (const [alias, name] of Object.entries(ALIASES)) FILTERS.set(alias, FILTERS.get(name)!);

export function applyFilter(name: string, value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown {
  const filter = FILTERS.get(name);
  if (!filter) throw new TemplateError(`unknown filter '${name}' in "${context.expression}"`, { hint: `supported filters: ${[...FILTERS.keys()].sort().join(', ')}` });
  const settled = LENIENT.has(name) ? value : defined(value, context.expression);
  for (const key in kwargs) defined(kwargs[key], context.expression);
  return filter(settled, args.map((arg) => defined(arg, context.expression)), kwargs, context);
}

export function filterNames(): string[] {
  return [...FILTERS.keys()];
}
