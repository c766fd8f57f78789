/** debug: print a message or a variable (the result is what the views show). */
import { UndefinedVariableError } from '../errors.js';
import type { ModuleDef } from './module.js';

export const debugModule: ModuleDef = {
  name: 'debug',
  argsSchema: {
    type: 'object',
    properties: { msg: {}, var: { type: 'string' }, verbosity: { type: 'integer', default: 0 } },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    if (Number(ctx.args.verbosity ?? 0) > ctx.verbosity) return { changed: false, skipped: true, skipped_reason: 'Verbosity threshold not met.' };
    if (ctx.args.var !== undefined) {
      const name = String(ctx.args.var);
      try {
        return { changed: false, [name]: ctx.evaluate(name) };
      } catch (error) {
        if (error instanceof UndefinedVariableError) return { changed: false, [name]: 'VARIABLE IS NOT DEFINED!' };
        throw error;
      }
    }
    return { changed: false, msg: ctx.args.msg === undefined ? 'Hello world!' : ctx.args.msg } as { changed: false; msg: string };
  },
};
