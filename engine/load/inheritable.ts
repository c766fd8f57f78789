/** The keywords every play, block, task and role entry may carry, read into the model's shape. */
import type { SourcePosition } from '../errors.js';
import { checkConnectionVars } from './connection-vars.js';
import type { Inheritable, RoleInstance } from './model.js';

/** `tags: a, b`, `tags: [a, b]` and `tags: a` alike (Ansible splits a tags string on commas). */
export function tagList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((item) => item.trim()).filter(Boolean);
}

/** `notify:`/`listen:` take one name or a list; a name may contain commas. */
export function nameList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return [value].flat().map(String);
}

/** `when:` and friends: one condition or a list, kept as written; YAML booleans as Python spells them. */
export function conditionList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return [value].flat().map((item) => (typeof item === 'boolean' ? (item ? 'True' : 'False') : String(item)));
}

export function inheritableFrom(node: Record<string, unknown>, at: SourcePosition, role?: RoleInstance): Inheritable {
  const value = <T>(key: string) => (node[key] ?? undefined) as T | undefined;
  const anyErrorsFatal = value<boolean | string>('any_errors_fatal');
  checkConnectionVars(node.vars, at);
  return {
    at,
    when: conditionList(node.when),
    tags: tagList(node.tags),
    vars: value<Record<string, unknown>>('vars') ?? {},
    become: value('become'),
    becomeUser: value('become_user'),
    environment: value('environment'),
    ignoreErrors: value('ignore_errors'),
    noLog: value('no_log'),
    runOnce: value('run_once'),
    delegateTo: value('delegate_to'),
    checkMode: value('check_mode'),
    diff: value('diff'),
    anyErrorsFatal: anyErrorsFatal === undefined ? undefined : isTrue(anyErrorsFatal),
    timeout: value('timeout'),
    role,
  };
}

/** Ansible's true words (the model keeps any_errors_fatal as a plain boolean). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && ['yes', 'y', 'true', 't', 'on', '1'].includes(value.trim().toLowerCase()));
}
