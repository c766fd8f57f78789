/**
 * `action:` and `local_action:`, the older way to name a task's module:
 * `action: copy src=a dest=b` or `action: {module: copy, src: a}`. They are
 * rewritten into the usual `copy: ...` form (positions kept), and
 * `local_action` adds `delegate_to: localhost`, winning over a `delegate_to`
 * of the task as it does in Ansible.
 */
import { CxError, type SourcePosition } from '../errors.js';
import { keyPositionOf, positionOf, recordKeyPosition, recordPosition } from './positions.js';

const ACTION_KEYS = ['action', 'local_action'] as const;

export function withActionAsModule(node: Record<string, unknown>, at: SourcePosition): Record<string, unknown> {
  const present = ACTION_KEYS.filter((key) => key in node);
  if (present.length === 0) return node;
  if (present.length > 1) throw new CxError('a task takes action: or local_action:, not both', { at: keyPositionOf(node, 'local_action', at), hint: 'keep one of them' });
  const key = present[0]!;
  const keyAt = keyPositionOf(node, key, at)!;
  const { module, args } = splitAction(node[key], keyAt);
  if (module in node) throw new CxError(`conflicting action statements: ${module}, ${module}`, { at: keyAt, hint: `name the module once, either as ${key}: or as ${module}:` });
  const rewritten: Record<string, unknown> = {};
  const nodeAt = positionOf(node);
  if (nodeAt) recordPosition(rewritten, nodeAt);
  for (const [name, value] of Object.entries(node)) {
    const newName = name === key ? module : name;
    if (name === 'delegate_to' && key === 'local_action') continue;
    rewritten[newName] = name === key ? args : value;
    const at = keyPositionOf(node, name);
    if (at) recordKeyPosition(rewritten, newName, at);
  }
  if (key === 'local_action') rewritten.delegate_to = 'localhost';
  return rewritten;
}

/** The module and its arguments (a `k=v` string or a mapping) of an action value. */
function splitAction(value: unknown, at: SourcePosition): { module: string; args: unknown } {
  if (typeof value === 'string') {
    const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(value);
    if (match) return { module: match[1]!, args: match[2] === '' ? null : match[2] };
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { module, ...args } = value as Record<string, unknown>;
    for (const name of Object.keys(args)) {
      const argAt = keyPositionOf(value, name);
      if (argAt) recordKeyPosition(args, name, argAt);
    }
    if (typeof module === 'string' && module !== '') return { module, args };
  }
  throw new CxError('action: needs a module name: "action: copy src=a dest=b" or a mapping with module:', { at, hint: 'or name the module directly: "copy: src=a dest=b"' });
}
