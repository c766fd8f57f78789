/** assert: every `that` condition must hold; the first false one fails the task, named with what it evaluated to. */
import { truthy } from '../template/python.js';
import type { ModuleDef } from './module.js';

const MESSAGE = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

export const assertModule: ModuleDef = {
  name: 'assert',
  argsSchema: {
    type: 'object',
    properties: {
      that: { type: ['string', 'array', 'boolean'] },
      fail_msg: MESSAGE,
      msg: MESSAGE,
      success_msg: MESSAGE,
      quiet: { type: 'boolean', default: false },
    },
    required: ['that'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    const conditions = [ctx.args.that].flat();
    for (const condition of conditions) {
      // A condition written as "{{ ... }}" arrives already rendered (true/false); the rest are expressions.
      const passed = typeof condition === 'boolean' ? condition : truthy(ctx.evaluate(String(condition)));
      if (!passed) {
        return { changed: false, failed: true, assertion: condition, evaluated_to: false, msg: (ctx.args.fail_msg ?? ctx.args.msg ?? 'Assertion failed') as string };
      }
    }
    return { changed: false, msg: (ctx.args.success_msg ?? 'All assertions passed') as string };
  },
};
