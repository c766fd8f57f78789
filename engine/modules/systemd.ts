/** systemd (also systemd_service): state and enablement of a unit. */
import { manageService, SERVICE_ARGS } from './lib/service.js';
import type { ModuleDef } from './module.js';

export const systemdModule: ModuleDef = {
  name: 'systemd',
  aliases: ['systemd_service'],
  argsSchema: { type: 'object', properties: { ...SERVICE_ARGS, unit: { type: 'string' } }, additionalProperties: false },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  run: (ctx) => manageService(ctx.args.unit !== undefined && ctx.args.name === undefined ? { ...ctx, args: { ...ctx.args, name: ctx.args.unit } } : ctx),
};
