/** systemd (also systemd_service): state, enablement and masking of a unit, and daemon-reload. */
import { manageService, SERVICE_ARGS } from './lib/service.js';
import type { ModuleDef } from './module.js';

export const systemdModule: ModuleDef = {
  name: 'systemd',
  aliases: ['systemd_service'],
  argumentAliases: { 'daemon-reload': 'daemon_reload', 'daemon-reexec': 'daemon_reexec' },
  argsSchema: { type: 'object', properties: { ...SERVICE_ARGS, unit: { type: 'string' }, service: { type: 'string' } }, additionalProperties: false },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  run: (ctx) => manageService(ctx, (ctx.args.name ?? ctx.args.unit ?? ctx.args.service) as string | undefined),
};
