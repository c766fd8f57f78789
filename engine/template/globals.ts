/** Functions callable by name in expressions: range(), dict(), lookup()/query()/q() (lookups/). */
import { TemplateError } from '../errors.js';
import type { Node } from './ast.js';
import type { EvalContext } from './evaluate.js';
import { callLookup } from './lookups/registry.js';

/** @param argNodes the arguments as written: pipe asks whether its command is a literal */
export function callGlobal(name: string, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext, argNodes: readonly Node[] = []): unknown {
  switch (name) {
    case 'range':
      return range(args.map(Number));
    case 'lookup':
    case 'query':
    case 'q':
      return lookup(args, kwargs, context, argNodes, name !== 'lookup');
    case 'dict':
      return { ...kwargs };
  }
  throw new TemplateError(`unknown function '${name}' in "${context.expression}"`, { hint: 'supported: range, lookup, query, q, dict' });
}

function range(numbers: number[]): number[] {
  const [start, stop, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? 1];
  if (step === 0) throw new TemplateError('range() step must not be zero');
  const out: number[] = [];
  for (let value = start; step > 0 ? value < stop : value > stop; value += step) {
    out.push(value);
    if (out.length > 100_000) throw new TemplateError('range() is too long');
  }
  return out;
}

function lookup(args: unknown[], kwargs: Record<string, unknown>, context: EvalContext, argNodes: readonly Node[], wantlist: boolean): unknown {
  if (args.length === 0) throw new TemplateError(`lookup needs a plugin name in "${context.expression}"`, { hint: "e.g. lookup('file', 'motd.txt')" });
  const [plugin, ...terms] = args;
  const literal = argNodes.slice(1).map((node) => node.t === 'lit' && typeof node.value === 'string');
  return callLookup(String(plugin), terms, kwargs, { scope: context.scope, expression: context.expression, literal }, wantlist);
}
