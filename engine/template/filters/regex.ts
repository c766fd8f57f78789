/** Regular-expression filters with Python's `re` semantics (regex.ts translates the patterns). */
import { TemplateError } from '../../errors.js';
import { PyTuple } from '../python.js';
import { pythonEscape, pythonRegExp, pythonReplacement } from '../regex.js';
import { type FilterTable, param, text } from './support.js';

const flagsOf = (ignorecase: unknown, multiline: unknown) => `${ignorecase ? 'i' : ''}${multiline ? 'm' : ''}`;

/** What re.findall gives for one match: the whole match, the one group, or a tuple of groups ('' for a group that took no part). */
function findallItem(match: RegExpMatchArray): unknown {
  const groups = match.slice(1).map((group) => group ?? '');
  if (groups.length === 0) return match[0];
  return groups.length === 1 ? groups[0] : PyTuple.of(...groups);
}

function regexSearch(value: string, pattern: string, groupArgs: unknown[], kwargs: Record<string, unknown>): unknown {
  const groups = groupArgs.map((arg) => {
    const name = text(arg);
    const named = /^\\g<(\S+)>/.exec(name);
    if (named) return /^\d+$/.test(named[1]!) ? Number(named[1]) : named[1]!;
    const numbered = /^\\(\d+)/.exec(name);
    if (numbered) return Number(numbered[1]);
    throw new TemplateError('Unknown argument');
  });
  const match = pythonRegExp(pattern, 'search', flagsOf(kwargs.ignorecase, kwargs.multiline)).exec(value);
  if (!match) return null;
  if (groups.length === 0) return match[0];
  return groups.map((group) => (typeof group === 'number' ? match[group] : match.groups?.[group]) ?? null);
}

export const REGEX_FILTERS: FilterTable = {
  regex_replace: (value, args, kwargs) => {
    const pattern = text(param(args, kwargs, 0, 'pattern', ''));
    const flags = flagsOf(param(args, kwargs, 2, 'ignorecase', false), param(args, kwargs, 3, 'multiline', false));
    return text(value).replace(pythonRegExp(pattern, 'global', flags), pythonReplacement(text(param(args, kwargs, 1, 'replacement', ''))));
  },
  regex_search: (value, args, kwargs) => regexSearch(text(value), text(args[0] ?? kwargs.regex), args.slice(1), kwargs),
  regex_findall: (value, args, kwargs) => {
    const flags = flagsOf(param(args, kwargs, 2, 'ignorecase', false), param(args, kwargs, 1, 'multiline', false));
    return [...text(value).matchAll(pythonRegExp(text(param(args, kwargs, 0, 'regex')), 'global', flags))].map(findallItem);
  },
  regex_escape: (value, args, kwargs) => {
    const type = text(param(args, kwargs, 0, 're_type', 'python'));
    if (type === 'python') return pythonEscape(text(value));
    if (type === 'posix_basic') return text(value).replace(/[\].[^$*\\]/g, '\\$&');
    throw new TemplateError(type === 'posix_extended' ? `Regex type (${type}) not yet implemented` : `Invalid regex type (${type})`);
  },
};
