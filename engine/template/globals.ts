/** Functions callable by name in expressions: range(), dict(), lookup()/query()/q() (lookups/), and Jinja's namespace(), cycler(), joiner(). */
import { TemplateError } from '../errors.js';
import type { Node } from './ast.js';
import type { EvalContext } from './evaluate.js';
import { JINJA_GLOBALS } from './jinja/runtime.js';
import { callLookup } from './lookups/registry.js';
import { assertSafeName } from './members.js';
import { pythonString } from './python.js';

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
      return dict(args[0], kwargs, context);
  }
  if (Object.prototype.hasOwnProperty.call(JINJA_GLOBALS, name)) return JINJA_GLOBALS[name]!.call(args, kwargs);
  throw new TemplateError(`unknown function '${name}' in "${context.expression}"`, { hint: `supported: range, lookup, query, q, dict, ${Object.keys(JINJA_GLOBALS).join(', ')}` });
}

/** Python's dict(): from a dict or a list of pairs, then keyword arguments. */
function dict(from: unknown, kwargs: Record<string, unknown>, context: EvalContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pairs = from === undefined ? [] : Array.isArray(from) ? from : from && typeof from === 'object' ? Object.entries(from) : undefined;
  if (!pairs) throw new TemplateError(`dict() needs a dict or a list of pairs in "${context.expression}"`);
  for (const pair of [...pairs, ...Object.entries(kwargs)]) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new TemplateError(`dict() needs pairs of a key and a value in "${context.expression}"`);
    const key = pythonString(pair[0]);
    assertSafeName(key);
    out[key] = pair[1];
  }
  return out;
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
