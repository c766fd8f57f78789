/**
 * The objects Jinja gives templates: the `loop` of a for loop, namespace(),
 * cycler() and joiner(). Plain data with TemplateCallable methods, so the
 * evaluator reaches them as it reaches any value.
 */
import { TemplateError } from '../../errors.js';
import { TemplateCallable } from '../callable.js';
import { pythonEqual } from '../python.js';
import { assertSafeName } from '../members.js';
import { pythonString } from '../python.js';
import { Undefined } from '../undefined.js';

/** What `{% set ns.x = ... %}` may assign to: the one object a loop body can change for the code after the loop. */
export class Namespace {
  constructor(values: Record<string, unknown>) {
    for (const [key, item] of Object.entries(values)) this.assign(key, item);
  }

  assign(name: string, item: unknown): void {
    assertSafeName(name);
    (this as unknown as Record<string, unknown>)[name] = item;
  }
}

/**
 * `loop` in a for loop's body: index, index0, revindex, revindex0, first,
 * last, length, previtem, nextitem, depth, depth0, cycle(), changed(), and,
 * for a `recursive` loop, loop(children).
 */
export function loopObject(items: readonly unknown[], index: number, depth: number, recurse: ((children: unknown) => string) | undefined, lastChanged: { value?: unknown[] }): TemplateCallable {
  const length = items.length;
  const loop = new TemplateCallable('loop', (args) => {
    if (!recurse) throw new TemplateError("loop() is only callable in a loop marked 'recursive'", { hint: '{% for x in tree recursive %}...{{ loop(x.children) }}...{% endfor %}' });
    return recurse(args[0]);
  });
  Object.assign(loop, {
    index: index + 1,
    index0: index,
    revindex: length - index,
    revindex0: length - index - 1,
    first: index === 0,
    last: index === length - 1,
    length,
    depth: depth + 1,
    depth0: depth,
    previtem: index > 0 ? items[index - 1] : new Undefined('loop.previtem'),
    nextitem: index < length - 1 ? items[index + 1] : new Undefined('loop.nextitem'),
    cycle: new TemplateCallable('cycle', (args) => {
      if (args.length === 0) throw new TemplateError('loop.cycle() needs at least one value');
      return args[index % args.length];
    }),
    changed: new TemplateCallable('changed', (args) => {
      if (lastChanged.value !== undefined && pythonEqual(lastChanged.value, args)) return false;
      lastChanged.value = args;
      return true;
    }),
  });
  return loop;
}

/** The globals Jinja gives every template beside range/lookup/dict: namespace(), cycler(), joiner(). */
export const JINJA_GLOBALS: Readonly<Record<string, TemplateCallable>> = {
  namespace: new TemplateCallable('namespace', (args, kwargs) => {
    const initial = args[0] && typeof args[0] === 'object' && !Array.isArray(args[0]) ? (args[0] as Record<string, unknown>) : {};
    return new Namespace({ ...initial, ...kwargs });
  }),
  cycler: new TemplateCallable('cycler', (args) => cycler(args)),
  joiner: new TemplateCallable('joiner', (args) => {
    const separator = args.length > 0 ? pythonString(args[0]) : ', ';
    let used = false;
    return new TemplateCallable('joiner', () => {
      if (used) return separator;
      used = true;
      return '';
    });
  }),
};

function cycler(items: unknown[]): Record<string, unknown> {
  let position = 0;
  const state: Record<string, unknown> = {
    next: new TemplateCallable('next', () => {
      const item = items[position];
      position = (position + 1) % items.length;
      state.current = items[position];
      return item;
    }),
    reset: new TemplateCallable('reset', () => {
      position = 0;
      state.current = items[0];
      return null;
    }),
    current: items[0],
  };
  return state;
}
