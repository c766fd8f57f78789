/**
 * The config lookup, for the Ansible settings cxplay has: each value is
 * what cxplay does (fixed behaviour, or the run's own setting). A setting
 * cxplay has no counterpart for is refused by name rather than guessed;
 * `on_missing=warn|skip` as Ansible's.
 */
import type { Scope } from '../scope.js';
import { fail, textTerm, type Lookup } from './lookup.js';
import { warnLookup } from './warnings.js';

/** Settings whose value is how cxplay always behaves. */
const FIXED: Readonly<Record<string, unknown>> = {
  DEFAULT_ALLOW_UNSAFE_LOOKUPS: false,
  DEFAULT_BECOME_METHOD: 'sudo',
  DEFAULT_BECOME_USER: 'root',
  DEFAULT_GATHERING: 'implicit',
  DEFAULT_HASH_BEHAVIOUR: 'replace',
  DEFAULT_JINJA2_NATIVE: false,
  DEFAULT_UNDEFINED_VAR_BEHAVIOR: true,
  HOST_KEY_CHECKING: true,
  INJECT_FACTS_AS_VARS: true,
};

/** Settings the run chooses, read from the variables it sets. */
const FROM_RUN: Readonly<Record<string, string>> = {
  DEFAULT_FORKS: 'ansible_forks',
};

export function configNames(): string[] {
  return [...Object.keys(FIXED), ...Object.keys(FROM_RUN)].sort();
}

export const config: Lookup = (terms, kwargs, { scope }) => {
  if (kwargs.plugin_type !== undefined || kwargs.plugin_name !== undefined) fail('config', "plugin settings (plugin_type/plugin_name) are not supported: cxplay's plugins are built in");
  const onMissing = String(kwargs.on_missing ?? 'error');
  if (!['error', 'warn', 'skip'].includes(onMissing)) fail('config', `"on_missing" must be a string and one of "error", "warn" or "skip", not ${onMissing}`);
  return terms.flatMap((term) => {
    const name = textTerm('config', term);
    const found = setting(name, scope);
    if (found.known) return [found.value];
    const message = `Unable to find setting ${name}: cxplay has ${configNames().join(', ')}`;
    if (onMissing === 'error') fail('config', message);
    if (onMissing === 'warn') warnLookup(`Skipping, did not find setting ${name}`);
    return [];
  });
};

function setting(name: string, scope: Scope): { known: boolean; value?: unknown } {
  if (Object.prototype.hasOwnProperty.call(FIXED, name)) return { known: true, value: FIXED[name] };
  const variable = FROM_RUN[name];
  if (variable !== undefined && scope.has(variable)) return { known: true, value: scope.get(variable) };
  return { known: false };
}
