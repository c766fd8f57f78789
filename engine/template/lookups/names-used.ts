/** Lookups an expression names, for the check before a run: `lookup('fiel', ...)` fails there, not on a host. */
import type { Node } from '../ast.js';
import { isLookup, unknownLookupError } from './registry.js';
import type { TemplateError } from '../../errors.js';

const CALLS = new Set(['lookup', 'query', 'q']);

/** The error for the first unknown lookup named literally in `node`, if any. */
export function unknownLookupIn(node: Node): TemplateError | undefined {
  if (node.t === 'call' && node.callee.t === 'name' && CALLS.has(node.callee.name)) {
    const first = node.args[0];
    if (first?.t === 'lit' && typeof first.value === 'string' && !isLookup(first.value)) return unknownLookupError(first.value);
  }
  for (const child of children(node)) {
    const error = unknownLookupIn(child);
    if (error) return error;
  }
  return undefined;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && 't' in value) out.push(value as Node);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const [key, value] of Object.entries(node)) if (key !== 'value') visit(value);
  return out;
}
