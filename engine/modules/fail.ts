/** fail: stop this host with a message. */
import type { ModuleDef } from './module.js';

export const failModule: ModuleDef = {
  name: 'fail',
  argsSchema: { type: 'object', properties: { msg: {} }, additionalProperties: false },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    return { changed: false, failed: true, msg: (ctx.args.msg as string | undefined) ?? 'Failed as requested from task' };
  },
};
