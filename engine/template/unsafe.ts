/**
 * Data from hosts is never templated twice (Ansible's "unsafe"). A render
 * that reads host data (a registered result, a fact, a set_fact value or a
 * loop item built from them, a lookup) is tainted, as Ansible's template
 * context is when it resolves an unsafe variable; text a tainted render
 * produced is data: no condition, debug `var` or template parses it again.
 *
 * Values stay plain JS values: the taint lives with the variable that holds
 * them (a layer's unsafe names, see layered-scope.ts), and renders are
 * synchronous, so one sink per render in progress is enough.
 */
import { TemplateError } from '../errors.js';

interface Sink {
  unsafe: boolean;
}

let current: Sink | undefined;

/** Called whenever a render reads data that came from a host. */
export function readsUnsafeData(): void {
  if (current) current.unsafe = true;
}

/** Runs a render and says whether it read host data; an enclosing render is tainted too. */
export function tracked<T>(render: () => T): { readonly value: T; readonly unsafe: boolean } {
  const outer = current;
  const sink: Sink = { unsafe: false };
  current = sink;
  try {
    return { value: render(), unsafe: sink.unsafe };
  } finally {
    current = outer;
    if (sink.unsafe) readsUnsafeData();
  }
}

/**
 * A value the playbook marked `!unsafe`: text that is never templated. The
 * loader gives it for the YAML tag; rendering gives its text back as is and
 * taints the render, as host data does. The text is private, so code that
 * walks raw playbook values looking for `{{ }}` sees nothing in it.
 */
export class UnsafeText {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }

  toJSON(): string {
    return this.#text;
  }
}

/** Only text carries taint, as in Ansible (numbers and booleans are never templated). */
export function holdsText(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(holdsText);
  if (value && typeof value === 'object') return Object.values(value).some(holdsText);
  return false;
}

/** Ansible's refusal of a condition whose text was built from host data. */
export function unsafeConditionError(condition: string): TemplateError {
  return new TemplateError(`The conditional check '${condition}' failed. The error was: Conditional is marked as unsafe, and cannot be evaluated.`, {
    hint: "the condition's {{ }} pasted in data from a host (a registered result, a fact, a lookup); compare the variable itself instead: r.stdout == 'ready'",
  });
}
