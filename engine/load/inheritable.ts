/** The keywords every play, block, task and role entry may carry, read into the model's shape. */
import type { SourcePosition } from '../errors.js';
import type { Inheritable, RoleInstance } from './model.js';

export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((item) => item.trim()).filter(Boolean);
}

export function conditionList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return [value].flat().map((item) => (typeof item === 'boolean' ? (item ? 'True' : 'False') : String(item)));
}

export function inheritableFrom(node: Record<string, unknown>, at: SourcePosition, role?: RoleInstance): Inheritable {
  return {
    at,
    when: conditionList(node.when),
    tags: stringList(node.tags),
    vars: (node.vars as Record<string, unknown> | undefined) ?? {},
    become: node.become as boolean | string | undefined,
    becomeUser: node.become_user as string | undefined,
    environment: node.environment as Record<string, unknown> | string | undefined,
    ignoreErrors: node.ignore_errors as boolean | string | undefined,
    noLog: node.no_log as boolean | string | undefined,
    runOnce: node.run_once as boolean | string | undefined,
    delegateTo: node.delegate_to as string | undefined,
    checkMode: node.check_mode as boolean | string | undefined,
    diff: node.diff as boolean | string | undefined,
    anyErrorsFatal: node.any_errors_fatal === undefined ? undefined : node.any_errors_fatal === true || node.any_errors_fatal === 'true',
    timeout: node.timeout as number | string | undefined,
    role,
  };
}
