/**
 * The items of a task's or an include's `loop:` (`with_items:` flattens one
 * level, `with_<lookup>:` runs the lookup, see loop-lookup.ts), each with
 * whether it holds data from a host: a loop over a registered result gives
 * items that are never templated again.
 */
import { CxError, withPosition, type SourcePosition } from '../errors.js';
import type { LoopControl } from '../load/model.js';
import { renderDeep, renderString } from '../template/render.js';
import type { Scope } from '../template/scope.js';
import { tracked } from '../template/unsafe.js';
import { renderedLayer, type VarLayer } from '../vars/layered-scope.js';
import { lookupLoopItems } from './loop-lookup.js';

export interface LoopItem {
  readonly value: unknown;
  readonly unsafe: boolean;
}

interface LoopSource {
  readonly loop?: unknown;
  readonly loopFlatten?: boolean | undefined;
  readonly loopWith?: string | undefined;
  readonly module?: string | undefined;
  readonly at: SourcePosition;
}

export function loopItems(node: LoopSource, scope: Scope): LoopItem[] {
  const { loop } = node;
  if (node.loopWith) {
    try {
      const { value, unsafe } = tracked(() => lookupLoopItems(node.loopWith!, loop, node.module ?? '', scope));
      return value.map((item) => ({ value: item, unsafe }));
    } catch (error) {
      throw error instanceof CxError ? withPosition(error, node.at) : error;
    }
  }
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

/**
 * The variables one loop iteration sees, as Ansible's task executor sets
 * them: the loop variable, `ansible_loop_var`, the index variable and
 * `ansible_index_var` when asked, and `ansible_loop` only with `extended`.
 */
/** The variables layer of each item of a node's loop (its items, then loopVariables of each). */
export function loopLayers(node: LoopSource & { readonly loopControl?: LoopControl | undefined }, scope: Scope): VarLayer[] {
  const items = loopItems(node, scope);
  return items.map(({ unsafe }, index) => renderedLayer('loop', loopVariables(node.loopControl, items, index), unsafe));
}

export function loopVariables(control: LoopControl | undefined, items: readonly LoopItem[], index: number): Record<string, unknown> {
  const loopVar = control?.loopVar ?? 'item';
  const vars: Record<string, unknown> = { [loopVar]: items[index]!.value, ansible_loop_var: loopVar };
  if (control?.indexVar) {
    vars[control.indexVar] = index;
    vars.ansible_index_var = control.indexVar;
  }
  if (control?.extended) vars.ansible_loop = extendedLoop(control, items, index);
  return vars;
}

function extendedLoop(control: LoopControl, items: readonly LoopItem[], index: number): Record<string, unknown> {
  const length = items.length;
  const loop: Record<string, unknown> = {
    index: index + 1,
    index0: index,
    first: index === 0,
    last: index + 1 === length,
    length,
    revindex: length - index,
    revindex0: length - index - 1,
  };
  if (control.extendedAllItems !== false) loop.allitems = items.map((item) => item.value);
  if (index + 1 < length) loop.nextitem = items[index + 1]!.value;
  if (index > 0) loop.previtem = items[index - 1]!.value;
  return loop;
}
