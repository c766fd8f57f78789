/**
 * `collections:` tells Ansible where to look up short module names. cxplay
 * has only ansible-core's own modules, so the keyword may name
 * ansible.builtin and ansible.legacy; any other collection is refused where
 * it is written: a task relying on it would otherwise find another module, or
 * none, under the same short name.
 */
import { CxError, type SourcePosition } from '../errors.js';
import { keyPositionOf } from './positions.js';

const BUILT_IN = new Set(['ansible.builtin', 'ansible.legacy']);

export function checkCollections(node: Record<string, unknown>, fallback: SourcePosition): void {
  const value = node.collections;
  if (!Array.isArray(value)) return;
  const keyAt = keyPositionOf(node, 'collections', fallback);
  for (const [index, name] of value.entries()) {
    if (typeof name === 'string' && BUILT_IN.has(name)) continue;
    throw new CxError(`collection '${String(name)}' is not available: cxplay has only ansible-core's modules (ansible.builtin, ansible.legacy)`, {
      at: keyPositionOf(value, String(index), keyAt),
      hint: 'remove it from collections:, and use only ansible.builtin modules',
    });
  }
}
