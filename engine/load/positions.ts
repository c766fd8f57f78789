/**
 * Where each loaded mapping, list and key came from. The YAML loader records
 * positions here; validation errors look them up to name file:line:col.
 */
import type { SourcePosition } from '../errors.js';

const nodes = new WeakMap<object, SourcePosition>();
const keys = new WeakMap<object, Map<string, SourcePosition>>();

export function recordPosition(node: object, at: SourcePosition): void {
  nodes.set(node, at);
}

export function recordKeyPosition(node: object, key: string, at: SourcePosition): void {
  let map = keys.get(node);
  if (!map) {
    map = new Map();
    keys.set(node, map);
  }
  map.set(key, at);
}

export function positionOf(node: unknown, fallback?: SourcePosition): SourcePosition | undefined {
  return (node && typeof node === 'object' ? nodes.get(node) : undefined) ?? fallback;
}

/** The position of `key` in a mapping (or of item `key`, an index, in a list), else of the mapping or list itself. */
export function keyPositionOf(node: unknown, key: string, fallback?: SourcePosition): SourcePosition | undefined {
  if (!node || typeof node !== 'object') return fallback;
  return keys.get(node)?.get(key) ?? nodes.get(node) ?? fallback;
}
