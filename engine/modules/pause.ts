/**
 * pause: wait a number of seconds or minutes on the controller, ended early
 * by an interrupt. Prompts (waiting for a key) are not supported: a run has
 * no operator at the keyboard.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { pythonRounded, pythonTime } from './lib/python-time.js';
import type { ModuleDef } from './module.js';

export const pauseModule: ModuleDef = {
  name: 'pause',
  argsSchema: {
    type: 'object',
    properties: { seconds: { type: 'number' }, minutes: { type: 'number' }, prompt: { type: 'string' }, echo: { type: 'boolean', default: true } },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  bypassHostLoop: true,
  async run(ctx) {
    const { seconds, minutes, prompt } = ctx.args as { seconds?: number; minutes?: number; prompt?: string };
    if (seconds !== undefined && minutes !== undefined) return { changed: false, failed: true, msg: 'parameters are mutually exclusive: minutes|seconds' };
    if (prompt !== undefined || (seconds === undefined && minutes === undefined)) {
      return { changed: false, failed: true, msg: 'pause: prompts (waiting for the operator) are not supported; give seconds or minutes' };
    }
    // Ansible takes whole numbers (int()) and waits at least one second.
    const wait = Math.max(1, Math.trunc(minutes ?? 0) * 60 + Math.trunc(seconds ?? 0));
    const start = new Date();
    await sleep(wait * 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
    const stop = new Date();
    const elapsed = (stop.getTime() - start.getTime()) / 1000;
    const stdout = minutes !== undefined ? `Paused for ${pythonRounded(elapsed / 60)} minutes` : `Paused for ${pythonRounded(elapsed)} seconds`;
    return { changed: false, rc: 0, stderr: '', stdout, start: pythonTime(start), stop: pythonTime(stop), delta: Math.trunc(elapsed), echo: ctx.args.echo !== false, user_input: '' };
  },
};
