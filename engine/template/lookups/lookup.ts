/** What every lookup plugin is: terms in, a list out, as Ansible's LookupBase.run. */
import { TemplateError } from '../../errors.js';
import type { Scope } from '../scope.js';

export interface LookupContext {
  readonly scope: Scope;
  /** The expression (or loop keyword) the lookup runs for, for error messages. */
  readonly expression: string;
  /** Per term: written out literally in the playbook (not built from variables). Only pipe and lines ask. */
  readonly literal: readonly boolean[];
  /** The subdirectory first_found searches: `templates` under template tasks, as Ansible's with_first_found. */
  readonly subdir?: 'files' | 'templates' | 'vars' | undefined;
}

export type Lookup = (terms: unknown[], kwargs: Readonly<Record<string, unknown>>, context: LookupContext) => unknown[];

/** A lookup's own failure (Ansible's AnsibleError inside a plugin): `errors=warn|ignore` can swallow it. */
class LookupFailure extends TemplateError {}

export function fail(name: string, message: string, hint?: string): never {
  throw new LookupFailure(`lookup '${name}': ${message}`, { hint });
}

/** A term that must be text. */
export function textTerm(name: string, term: unknown): string {
  if (typeof term !== 'string') fail(name, `expects text terms, got ${JSON.stringify(term)}`);
  return term;
}

/** The one-level flatten of Ansible's LookupBase._flatten: lists inside the list are spliced in. */
export function flattenOnce(items: readonly unknown[]): unknown[] {
  return items.flatMap((item) => (Array.isArray(item) ? item : [item]));
}
