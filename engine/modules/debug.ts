/** debug: a message or a variable's value (the result is what the views show), skipped below its verbosity. */
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
  showsResult: true,
  async run(ctx) {
    const { args } = ctx;
    if (args.msg !== undefined && args.var !== undefined) return { changed: false, failed: true, msg: "'msg' and 'var' are incompatible options" };
    if (Number(args.verbosity ?? 0) > ctx.verbosity) return { changed: false, failed: false, skipped: true, skipped_reason: 'Verbosity threshold not met.' };
    if (args.var === undefined) return { changed: false, failed: false, msg: (args.msg ?? 'Hello world!') as string };
    const name = String(args.var);
    // A name that came from a host is not looked up, as in Ansible, which shows it back between braces.
    if (ctx.unsafeArgs.has('var')) return { changed: false, failed: false, [name]: `{{${name}}}` };
    // The result key is the variable's name, as in Ansible: `x.y` gives {"x.y": value}.
    try {
      return { changed: false, failed: false, [name]: ctx.evaluate(name) };
    } catch (error) {
      if (!(error instanceof UndefinedVariableError)) throw error;
      return { changed: false, failed: false, [name]: ctx.verbosity > 0 ? `VARIABLE IS NOT DEFINED!: ${error.message}` : 'VARIABLE IS NOT DEFINED!' };
    }
  },
};
