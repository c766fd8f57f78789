/** The keywords every play, block, task and role entry may carry, read into the model's shape. */
import { isTrue } from '../booleans.js';
import type { SourcePosition } from '../errors.js';
import { checkCollections } from './collections-keyword.js';
import { checkConnectionVars } from './connection-vars.js';
import { moduleDefaultsOf } from './module-defaults.js';
import { INHERITED_KEYWORDS, type Inheritable, type InheritedKeywords, type RoleInstance } from './model.js';

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
  const anyErrorsFatal = node.any_errors_fatal ?? undefined;
  const inherited: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(INHERITED_KEYWORDS)) inherited[field] = node[key] ?? undefined;
  checkConnectionVars(node.vars, at);
  checkCollections(node, at);
  return {
    at,
    when: conditionList(node.when),
    tags: tagList(node.tags),
    vars: (node.vars ?? {}) as Record<string, unknown>,
    ...(inherited as InheritedKeywords),
    anyErrorsFatal: anyErrorsFatal === undefined ? undefined : isTrue(anyErrorsFatal),
    moduleDefaults: moduleDefaultsOf(node, at),
    role,
  };
}
