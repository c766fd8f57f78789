/**
 * The variables an expression reads: the root name of every `a.b[c]` chain,
 * minus the names it guards itself (`x | default(...)`, `x is defined`,
 * `x is undefined`). Function names (`lookup(...)`) are not variables.
 */
import type { Node } from './ast.js';

const DEFAULT_FILTERS = new Set(['default', 'd']);
const DEFINED_TESTS = new Set(['defined', 'undefined']);

export interface NameUse {
  /** Names read without a guard. */
  readonly read: Set<string>;
  /** Names tested with `is defined` / `is undefined` or covered by `default`. */
  readonly guarded: Set<string>;
}

export function collectNames(node: Node, into: NameUse = { read: new Set(), guarded: new Set() }): NameUse {
  switch (node.t) {
    case 'lit':
      return into;
    case 'name':
      into.read.add(node.name);
      return into;
    case 'attr':
      return collectNames(node.object, into);
    case 'slice':
      for (const part of [node.object, node.start, node.end, node.step]) if (part) collectNames(part, into);
      return into;
    case 'index':
      collectNames(node.object, into);
      return collectNames(node.index, into);
    case 'list':
      for (const item of node.items) collectNames(item, into);
      return into;
    case 'dict':
      for (const [key, item] of node.entries) collectNames(item, collectNames(key, into));
      return into;
    case 'unary':
      return collectNames(node.operand, into);
    case 'binary':
    case 'logic':
      collectNames(node.left, into);
      return collectNames(node.right, into);
    case 'cond':
      collectNames(node.test, into);
      collectNames(node.then, into);
      return node.otherwise ? collectNames(node.otherwise, into) : into;
    case 'filter':
      collectArguments(node.args, node.kwargs, into);
      return DEFAULT_FILTERS.has(node.name) ? guard(node.operand, into) : collectNames(node.operand, into);
    case 'test':
      collectArguments(node.args, node.kwargs, into);
      return DEFINED_TESTS.has(node.name) ? guard(node.operand, into) : collectNames(node.operand, into);
    case 'call':
      if (node.callee.t !== 'name') collectNames(node.callee, into);
      return collectArguments(node.args, node.kwargs, into);
  }
}

function collectArguments(args: readonly Node[], kwargs: Readonly<Record<string, Node>>, into: NameUse): NameUse {
  for (const arg of args) collectNames(arg, into);
  for (const arg of Object.values(kwargs)) collectNames(arg, into);
  return into;
}

/** The chain's root is guarded; names inside its subscripts are still read. */
function guard(node: Node, into: NameUse): NameUse {
  if (node.t === 'name') into.guarded.add(node.name);
  else if (node.t === 'attr' || node.t === 'slice') guard(node.object, into);
  else if (node.t === 'index') {
    guard(node.object, into);
    collectNames(node.index, into);
  } else collectNames(node, into);
  return into;
}
