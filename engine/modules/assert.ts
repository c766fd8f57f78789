/** assert: every `that` expression must be true, else the task fails naming the first false one. */
import { truthy } from '../template/python.js';
import type { ModuleDef } from './module.js';

export const assertModule: ModuleDef = {
  name: 'assert',
  argsSchema: {
    type: 'object',
    properties: {
      that: { type: ['string', 'array', 'boolean'] },
      fail_msg: {},
      msg: {},
      success_msg: {},
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
      const passed = typeof condition === 'boolean' ? condition : truthy(ctx.evaluate(String(condition)));
      if (!passed) {
        const message = ctx.args.fail_msg ?? ctx.args.msg ?? 'Assertion failed';
        return { changed: false, failed: true, assertion: condition, evaluated_to: false, msg: message as string };
      }
    }
    return { changed: false, msg: (ctx.args.success_msg as string | undefined) ?? 'All assertions passed' };
  },
};
