/** service: the same as systemd for hosts managed by systemd (the only service manager supported). */
import { manageService, SERVICE_ARGS } from './lib/service.js';
import type { ModuleDef } from './module.js';

export const serviceModule: ModuleDef = {
  name: 'service',
  argsSchema: {
    type: 'object',
    properties: { ...SERVICE_ARGS, pattern: { type: 'string' }, sleep: { type: 'integer' }, arguments: { type: 'string' }, use: { type: 'string' } },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  run: manageService,
};
