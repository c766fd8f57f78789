/** The lookups that read variables: env (the controller's environment), vars, varnames. */
import { pythonRegExp } from '../regex.js';
import { fail, textTerm, type Lookup } from './lookup.js';

export const env: Lookup = (terms, kwargs) => {
  const fallback = kwargs.default === undefined ? '' : kwargs.default;
  return terms.map((term) => {
    const name = textTerm('env', term).split(/\s+/).filter(Boolean)[0] ?? '';
    return process.env[name] ?? fallback;
  });
};

export const vars: Lookup = (terms, kwargs, { scope }) =>
  terms.map((term) => {
    const name = textTerm('vars', term);
    if (scope.has(name)) return scope.get(name);
    const host = hostVariable(scope, name);
    if (host.found) return host.value;
    if (kwargs.default !== undefined && kwargs.default !== null) return kwargs.default;
    fail('vars', `No variable found with this name: ${name}`);
  });

/** hostvars[inventory_hostname][name], where Ansible's vars lookup looks second. */
function hostVariable(scope: Parameters<Lookup>[2]['scope'], name: string): { found: boolean; value?: unknown } {
  if (!scope.has('hostvars') || !scope.has('inventory_hostname')) return { found: false };
  const mine = (scope.get('hostvars') as Record<string, unknown> | undefined)?.[String(scope.get('inventory_hostname'))];
  if (!mine || typeof mine !== 'object' || !Object.prototype.hasOwnProperty.call(mine, name)) return { found: false };
  return { found: true, value: (mine as Record<string, unknown>)[name] };
}

export const varnames: Lookup = (terms, _kwargs, { scope }) => {
  const names = scope.names?.() ?? [];
  return terms.flatMap((term) => {
    const source = textTerm('varnames', term);
    let pattern: RegExp;
    try {
      pattern = pythonRegExp(source, 'search');
    } catch (error) {
      fail('varnames', `Unable to use "${source}" as a search parameter: ${(error as Error).message}`);
    }
    return names.filter((name) => pattern.test(name));
  });
};
