/**
 * `with_<lookup>: terms` as Ansible's task executor runs it: the terms are
 * templated (a string is rendered, then a value that is not a list becomes
 * a one-item list), then the lookup runs with them and its list is the
 * loop. with_first_found drops terms whose variables are undefined and
 * searches `templates/` under template tasks, `vars/` under *var* modules.
 */
import { UndefinedVariableError } from '../errors.js';
import { runLookupList } from '../template/lookups/registry.js';
import { isTemplated, renderDeep, renderString } from '../template/render.js';
import type { Scope } from '../template/scope.js';

export function lookupLoopItems(lookup: string, raw: unknown, module: string, scope: Scope): unknown[] {
  const terms = lookup === 'first_found' && Array.isArray(raw) ? definedTerms(raw, scope) : listedTerms(lookup, raw, scope);
  const literal = (Array.isArray(raw) ? raw : [raw]).map((term) => typeof term === 'string' && !isTemplated(term));
  return runLookupList(lookup, terms, { scope, expression: `with_${lookup}`, literal, subdir: subdirOf(module) });
}

function listedTerms(lookup: string, raw: unknown, scope: Scope): unknown[] {
  const terms = typeof raw === 'string' ? renderString(raw.trim(), scope) : renderDeep(raw, scope);
  if (Array.isArray(terms)) return terms;
  // Python iterates a dict by its keys; only the dict lookup wraps it whole.
  if (terms && typeof terms === 'object') return lookup === 'dict' ? [terms] : Object.keys(terms);
  return [terms];
}

function definedTerms(raw: readonly unknown[], scope: Scope): unknown[] {
  return raw.flatMap((term) => {
    try {
      return [renderDeep(term, scope)];
    } catch (error) {
      if (error instanceof UndefinedVariableError) return [];
      throw error;
    }
  });
}

function subdirOf(module: string): 'files' | 'templates' | 'vars' {
  if (module.includes('template')) return 'templates';
  return module.includes('var') ? 'vars' : 'files';
}
