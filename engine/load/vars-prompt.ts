/**
 * A play's `vars_prompt:` entries (the schema in engine/schema/keywords.ts
 * has checked their keys and types), with Ansible's defaults: private unless
 * `private: false`, a default written as text (Ansible turns the answer into
 * text too).
 */
import { isTrue } from '../booleans.js';
import type { SourcePosition } from '../errors.js';
import type { VarPrompt } from './model.js';
import { keyPositionOf } from './positions.js';

export function parseVarsPrompt(node: Record<string, unknown>, at: SourcePosition): VarPrompt[] {
  const entries = (node.vars_prompt ?? []) as Record<string, unknown>[];
  const list = node.vars_prompt;
  return entries.map((entry, index) => ({
    name: String(entry.name),
    prompt: optionalText(entry.prompt),
    default: optionalText(entry.default),
    private: entry.private === undefined ? true : isTrue(entry.private),
    confirm: entry.confirm !== undefined && isTrue(entry.confirm),
    encrypt: optionalText(entry.encrypt),
    saltSize: entry.salt_size === undefined ? undefined : Number(entry.salt_size),
    salt: optionalText(entry.salt),
    unsafe: entry.unsafe !== undefined && isTrue(entry.unsafe),
    at: keyPositionOf(list, String(index), keyPositionOf(node, 'vars_prompt', at))!,
  }));
}

function optionalText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
}
