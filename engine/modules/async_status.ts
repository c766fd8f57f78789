/**
 * async_status: the state of a job an `async:`/`poll: 0` task started on
 * this host (finished 0 while it runs), its module's result once it has
 * finished, or with `mode: cleanup` its files removed. The looking is done
 * by the runner's async jobs (engine/run/async-jobs.ts), which alone knows
 * which module's output a job holds.
 */
import type { ModuleDef } from './module.js';

export const asyncStatusModule: ModuleDef = {
  name: 'async_status',
  argsSchema: {
    type: 'object',
    properties: {
      jid: { type: 'string' },
      mode: { enum: ['status', 'cleanup'], default: 'status' },
    },
    required: ['jid'],
    additionalProperties: false,
  },
  // Ansible's attributes: check_mode none. Its action plugin runs it in check mode all the same; so does cxplay.
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  run: (ctx) => ctx.asyncStatus(String(ctx.args.jid), ctx.args.mode === 'cleanup' ? 'cleanup' : 'status'),
};
