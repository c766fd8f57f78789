/**
 * pause: wait on the controller, as Ansible 2.14's pause action does: a
 * number of seconds or minutes (ended early by an interrupt), or until the
 * operator presses Enter, with its lines ("Pausing for N seconds", the
 * prompt under the task's name) shown as it shows them. Where stdin is no
 * terminal, a prompt without a time is shown and not waited for, with
 * Ansible's warning, and the answer is empty.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { pythonRounded, pythonTime } from './lib/python-time.js';
import type { ModuleContext, ModuleDef } from './module.js';

const DEFAULT_PROMPT = 'Press enter to continue, Ctrl+C to interrupt';
const INTERRUPT_HINT = "(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)\r";

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
    const echo = ctx.args.echo !== false;
    const hidden = echo ? '' : ' (output is hidden)';
    const promptLines = `[${ctx.taskName}]\n${prompt || DEFAULT_PROMPT}${hidden}:`;
    // Ansible takes whole numbers (int()) and waits at least one second.
    const wait = minutes !== undefined || seconds !== undefined ? Math.max(1, Math.trunc(minutes ?? 0) * 60 + Math.trunc(seconds ?? 0)) : undefined;
    const start = new Date();
    let userInput = '';
    let aborted: string | undefined;
    if (wait !== undefined) {
      ctx.display(`Pausing for ${wait} seconds${hidden}`);
      ctx.display(INTERRUPT_HINT);
      if (prompt) ctx.display(promptLines);
      await sleep(wait * 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
    } else {
      ctx.display(promptLines);
      ({ userInput, aborted } = await operatorAnswer(ctx, echo));
    }
    const stop = new Date();
    if (aborted !== undefined) return { changed: false, failed: true, msg: aborted };
    const elapsed = (stop.getTime() - start.getTime()) / 1000;
    const stdout = seconds === undefined ? `Paused for ${pythonRounded(elapsed / 60)} minutes` : `Paused for ${pythonRounded(elapsed)} seconds`;
    return { changed: false, rc: 0, stderr: '', stdout, start: pythonTime(start), stop: pythonTime(stop), delta: Math.trunc(elapsed), echo, user_input: userInput };
  },
};

/** What the operator typed up to Enter; nothing, with Ansible's warning, when stdin is no terminal; the reason when the wait could not be or was aborted. */
async function operatorAnswer(ctx: ModuleContext, echo: boolean): Promise<{ userInput: string; aborted?: string }> {
  if (ctx.askOperator === undefined) {
    ctx.displayWarning('Not waiting for response to prompt as stdin is not interactive');
    return { userInput: '' };
  }
  try {
    return { userInput: await ctx.askOperator(echo) };
  } catch (error) {
    return { userInput: '', aborted: (error as Error).message };
  }
}
