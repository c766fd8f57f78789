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
  /** True when `name`'s own value is a template still to render (Ansible then renders `{{ name }}` as text, not as the value's type). */
  holdsTemplate?(name: string): boolean;
  /** Every defined name, where the scope can list them (the varnames lookup). */
  names?(): string[];
}

export function scopeFromObject(values: Readonly<Record<string, unknown>>): Scope {
  return {
    has: (name) => Object.prototype.hasOwnProperty.call(values, name),
    get: (name) => values[name],
    names: () => Object.keys(values),
  };
}

