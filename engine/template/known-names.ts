/**
 * Filters, tests and lookups named in an expression that cxplay does not
 * have, found without evaluating anything: `x | to_jsn`, `x is defind`,
 * `lookup('fil', ...)`, and the names given as strings to map, select,
 * reject, selectattr and rejectattr. Run before any host is contacted, for
 * task arguments, conditions and template files alike.
 */
import { TemplateError } from '../errors.js';
import { didYouMean } from '../load/suggest.js';
import type { Node } from './ast.js';
import { filterNames } from './filters.js';
import { isLookup, lookupNames } from './lookups/registry.js';
import { testNames } from './tests.js';

const LOOKUP_FUNCTIONS = new Set(['lookup', 'query', 'q']);
/** Filters that take a test's name as their first (or, by attribute, second) string argument. */
const TEST_ARGUMENT: Readonly<Record<string, number>> = { select: 0, reject: 0, selectattr: 1, rejectattr: 1 };

/** Throws a TemplateError (without position: the caller knows where the expression is) for the first unknown name. */
export function checkKnownNames(root: Node, expression: string): void {
  const filters = new Set(filterNames());
  const tests = new Set(testNames());
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.t === 'filter') {
      if (!filters.has(node.name)) throw unknown('filter', node.name, filters, expression);
      checkNamedArguments(node, filters, tests, expression);
    } else if (node.t === 'test' && !tests.has(node.name)) {
      throw unknown('test', node.name, tests, expression);
    } else if (node.t === 'call' && node.callee.t === 'name' && LOOKUP_FUNCTIONS.has(node.callee.name)) {
      const plugin = node.args[0];
      if (plugin?.t === 'lit' && typeof plugin.value === 'string' && !isLookup(plugin.value)) throw unknown('lookup', plugin.value, lookupNames(), expression);
    }
    pushChildren(node, stack);
  }
}

/** `map('upper')` names a filter, `select('odd')` a test: literal names are checked too. */
function checkNamedArguments(node: Extract<Node, { t: 'filter' }>, filters: ReadonlySet<string>, tests: ReadonlySet<string>, expression: string): void {
  const literal = (index: number): string | undefined => {
    const arg = node.args[index];
    return arg?.t === 'lit' && typeof arg.value === 'string' ? arg.value : undefined;
  };
  if (node.name === 'map' && !('attribute' in node.kwargs)) {
    const name = literal(0);
    if (name !== undefined && !filters.has(name)) throw unknown('filter', name, filters, expression);
  }
  const position = Object.prototype.hasOwnProperty.call(TEST_ARGUMENT, node.name) ? TEST_ARGUMENT[node.name] : undefined;
  const name = position === undefined ? undefined : literal(position);
  if (name !== undefined && !tests.has(name)) throw unknown('test', name, tests, expression);
}

function unknown(kind: string, name: string, known: Iterable<string>, expression: string): TemplateError {
  return new TemplateError(`unknown ${kind} '${name}'${didYouMean(name, known)} in "${expression}"`, { hint: `the ${kind}s cxplay has: ${[...known].sort().join(', ')}` });
}

/** A node's child nodes: fields, lists of them, dict entries and keyword arguments. */
function pushChildren(node: Node, stack: Node[]): void {
  if (node.t === 'lit') return;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      if ('t' in value) stack.push(value as Node);
      else Object.values(value).forEach(visit);
    }
  };
  Object.values(node).forEach(visit);
}
