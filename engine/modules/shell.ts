/** shell: runs a command line through /bin/sh (or `executable`). */
import { checkedAsRun, COMMAND_ARGS, guardedByPath, runCommand } from './lib/run-command.js';
import type { ModuleDef } from './module.js';

export const shellModule: ModuleDef = {
  name: 'shell',
  argsSchema: {
    type: 'object',
    properties: COMMAND_ARGS,
    additionalProperties: false,
  },
  freeForm: true,
  checkMode: 'partial',
  diffMode: 'none',
  runsOn: 'target',
  speculative: guardedByPath,
  checkedAsRun,
  run: (ctx) => runCommand(ctx, true),
};
