/** Reading keyword values that may be booleans, Ansible truthy strings, or templates. */
import { isTrue } from '../booleans.js';
import { renderString } from '../template/render.js';
import type { Scope } from '../template/scope.js';

/** A keyword such as `ignore_errors: "{{ x }}"`: rendered, then read as a boolean. */
export function flag(value: boolean | string | undefined, scope: Scope, fallback = false): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  return isTrue(renderString(value, scope));
}

export function optionalFlag(value: boolean | string | undefined, scope: Scope): boolean | undefined {
  return value === undefined ? undefined : flag(value, scope);
}

export function numberKeyword(value: number | string | undefined, scope: Scope): number | undefined {
  if (value === undefined) return undefined;
  // A number, or a whole float from YAML (delay: 1.0, a PyFloat).
  if (typeof value !== 'string') return Number(value);
  const rendered = Number(renderString(value, scope));
  return Number.isFinite(rendered) ? rendered : undefined;
}

export function stringKeyword(value: string | undefined, scope: Scope): string | undefined {
  return value === undefined ? undefined : String(renderString(value, scope));
}
