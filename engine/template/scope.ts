/**
 * What an expression sees: variables by name. The engine's variable layers
 * implement this lazily (a variable's own `{{ }}` are rendered on first use);
 * tests can use `scopeFromObject`.
 */
export interface Scope {
  /** True when some layer defines `name` (even as null). */
  has(name: string): boolean;
  /** The fully rendered value of `name`; only called after `has(name)`. */
  get(name: string): unknown;
}

export function scopeFromObject(values: Readonly<Record<string, unknown>>): Scope {
  return {
    has: (name) => Object.prototype.hasOwnProperty.call(values, name),
    get: (name) => values[name],
  };
}

/** `values` over `scope`: Ansible's template action adds its template_* variables over the task's this way. */
export function overlay(values: Readonly<Record<string, unknown>>, scope: Scope): Scope {
  const own = scopeFromObject(values);
  return {
    has: (name) => own.has(name) || scope.has(name),
    get: (name) => (own.has(name) ? values[name] : scope.get(name)),
  };
}
