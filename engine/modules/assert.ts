/** assert: every `that` condition must hold; the first false one fails the task, named with what it evaluated to. */
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
  // Conditions are evaluated as `when:` evaluates them, from the text as written (Ansible's untemplated_args).
  rawArgs: ['that'],
  async run(ctx) {
    const conditions = [ctx.args.that].flat();
    for (const condition of conditions) {
      if (!ctx.condition(typeof condition === 'boolean' ? condition : String(condition))) {
        return { changed: false, failed: true, assertion: condition, evaluated_to: false, msg: (ctx.args.fail_msg ?? ctx.args.msg ?? 'Assertion failed') as string };
      }
    }
    return { changed: false, msg: (ctx.args.success_msg ?? 'All assertions passed') as string };
  },
};
