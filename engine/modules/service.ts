/**
 * service: on systemd hosts (the only service manager supported) Ansible runs
 * the systemd module for it, dropping the arguments systemd has no use for
 * with a warning; so does this.
 */
import { manageService, SERVICE_ARGS } from './lib/service.js';
import type { ModuleDef } from './module.js';

const UNUSED_BY_SYSTEMD = ['pattern', 'runlevel', 'sleep', 'arguments', 'args'];

export const serviceModule: ModuleDef = {
  name: 'service',
  argsSchema: {
    type: 'object',
    properties: {
      ...SERVICE_ARGS,
      pattern: { type: 'string' },
      runlevel: { type: 'string' },
      sleep: { type: 'integer' },
      arguments: { type: 'string' },
      args: { type: 'string' },
      use: { type: 'string', default: 'auto' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    if (ctx.args.use !== 'auto' && ctx.args.use !== 'systemd') {
      return { changed: false, failed: true, msg: `service: use=${String(ctx.args.use)} is not supported; only systemd hosts are` };
    }
    for (const name of UNUSED_BY_SYSTEMD) if (ctx.args[name] !== undefined) ctx.warn(`Ignoring "${name}" as it is not used in "systemd"`);
    return manageService(ctx, ctx.args.name as string);
  },
};
