/** pause: wait a number of seconds or minutes on the controller (interruptible). Prompts are not supported. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ModuleDef } from './module.js';

export const pauseModule: ModuleDef = {
  name: 'pause',
  argsSchema: {
    type: 'object',
    properties: { seconds: { type: 'number' }, minutes: { type: 'number' }, prompt: { type: 'string' }, echo: { type: 'boolean' } },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    if (ctx.args.prompt !== undefined || (ctx.args.seconds === undefined && ctx.args.minutes === undefined)) {
      return { changed: false, failed: true, msg: 'pause: interactive prompts are not supported; give seconds or minutes' };
    }
    const seconds = Number(ctx.args.seconds ?? 0) + Number(ctx.args.minutes ?? 0) * 60;
    const start = new Date();
    await sleep(seconds * 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
    const stop = new Date();
    return { changed: false, rc: 0, start: start.toISOString(), stop: stop.toISOString(), delta: Math.round((stop.getTime() - start.getTime()) / 1000), echo: true, stdout: `Paused for ${seconds} seconds`, stderr: '', user_input: '' };
  },
};
