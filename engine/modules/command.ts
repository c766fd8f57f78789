/** command: runs a program with its arguments, no shell (no pipes, globs or $VARS). */
import { checkedAsRun, COMMAND_ARGS, guardedByPath, runCommand } from './lib/run-command.js';
import type { ModuleDef } from './module.js';

export const commandModule: ModuleDef = {
  name: 'command',
  argsSchema: {
    type: 'object',
    properties: { ...COMMAND_ARGS, argv: { type: 'array', items: { type: ['string', 'number'] } } },
    additionalProperties: false,
  },
  freeForm: true,
  checkMode: 'partial',
  diffMode: 'none',
  runsOn: 'target',
  speculative: guardedByPath,
  checkedAsRun,
  run: (ctx) => runCommand(ctx, false),
};
