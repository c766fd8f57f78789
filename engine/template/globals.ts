/** Functions callable by name in expressions: range(), lookup('env', ...), dict(), and Jinja's namespace(), cycler(), joiner(). */
import { TemplateError } from '../errors.js';
import type { EvalContext } from './evaluate.js';
import { JINJA_GLOBALS } from './jinja/runtime.js';
import { assertSafeName } from './members.js';
import { pythonString } from './python.js';
import { readsUnsafeData } from './unsafe.js';

export function callGlobal(name: string, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown {
  switch (name) {
    case 'range':
      return range(args.map(Number));
    case 'lookup':
    case 'query':
      return lookup(args, kwargs, context);
    case 'dict':
      return dict(args[0], kwargs, context);
  }
  if (Object.prototype.hasOwnProperty.call(JINJA_GLOBALS, name)) return JINJA_GLOBALS[name]!.call(args, kwargs);
  throw new TemplateError(`unknown function '${name}' in "${context.expression}"`, { hint: `supported: range, lookup, dict, ${Object.keys(JINJA_GLOBALS).join(', ')}` });
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

/** The lookup plugins `lookup()`/`query()` know (checked before a run, too). */
export const LOOKUP_PLUGINS: readonly string[] = ['env'];

function lookup(args: unknown[], kwargs: Record<string, unknown>, context: EvalContext): unknown {
  const [plugin, ...terms] = args.map(String);
  if (plugin === 'env') {
    readsUnsafeData(); // a lookup's result is data, as in Ansible: never templated again
    const values = terms.map((term) => process.env[term] ?? (kwargs.default !== undefined ? String(kwargs.default) : ''));
    return values.length === 1 ? values[0] : values.join(',');
  }
  throw new TemplateError(`lookup plugin '${plugin}' is not supported in "${context.expression}"`, { hint: `supported: ${LOOKUP_PLUGINS.join(', ')}` });
}
