/**
 * The items of a task's or an include's `loop:` (`with_items:` flattens one
 * level), each with whether it holds data from a host: a loop over a
 * registered result gives items that are never templated again.
 */
import { CxError, type SourcePosition } from '../errors.js';
import { renderDeep, renderString } from '../template/render.js';
import type { Scope } from '../template/scope.js';
import { tracked } from '../template/unsafe.js';

export interface LoopItem {
  readonly value: unknown;
  readonly unsafe: boolean;
}

export function loopItems(node: { readonly loop?: unknown; readonly loopFlatten?: boolean | undefined; readonly at: SourcePosition }, scope: Scope): LoopItem[] {
  const { loop } = node;
  // A list written out is rendered item by item, so only the items built from host data are tainted.
  if (Array.isArray(loop)) {
    const items = loop.map((item) => tracked(() => renderDeep(item, scope)));
    if (!node.loopFlatten) return items;
    return items.flatMap(({ value, unsafe }) => (Array.isArray(value) ? value.map((inner) => ({ value: inner, unsafe })) : [{ value, unsafe }]));
  }
  const { value, unsafe } = tracked(() => (typeof loop === 'string' ? renderString(loop, scope) : renderDeep(loop, scope)));
  if (!Array.isArray(value)) {
    throw new CxError(`loop needs a list, got ${value === null ? 'null' : typeof value}`, {
      at: node.at,
      hint: 'use a list, or a filter such as dict2items to turn a mapping into one',
    });
  }
  return (node.loopFlatten ? value.flat(1) : value).map((item) => ({ value: item, unsafe }));
}
