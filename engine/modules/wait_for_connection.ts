/**
 * wait_for_connection (Ansible's action plugin): after `delay`, reconnect to
 * the host and run a ping there, again every `sleep` seconds until it
 * answers or `timeout` is up. Skipped in check mode, as Ansible's.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readReport, REPORT_FUNCTIONS } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { elapsedSeconds, errorText, untilSuccess } from './lib/until-success.js';
import type { ModuleContext, ModuleDef } from './module.js';
import PING_SH from './sh/ping.sh';

const PING_SCRIPT = `${REPORT_FUNCTIONS}${shellCode(PING_SH)}cx_ping pong\n`;

export const waitForConnectionModule: ModuleDef = {
  name: 'wait_for_connection',
  argsSchema: {
    type: 'object',
    properties: {
      connect_timeout: { type: 'integer', default: 5 },
      delay: { type: 'integer', default: 0 },
      sleep: { type: 'integer', default: 1 },
      timeout: { type: 'integer', default: 600 },
    },
    additionalProperties: false,
  },
  // Ansible's attributes say none, but its action plugin answers a bare `skipped` (no message): done in run.
  checkMode: 'partial',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    if (ctx.check) return { changed: false, skipped: true };
    const start = Date.now();
    const { connect_timeout, delay, sleep: pause, timeout } = ctx.args as Record<string, number>;
    if (delay > 0) await sleep(delay * 1000, undefined, { signal: ctx.signal });
    const outcome = await untilSuccess(() => pingAfresh(ctx, connect_timeout), { timeoutMs: timeout * 1000, pauseMs: () => pause * 1000, signal: ctx.signal });
    const elapsed = elapsedSeconds(start);
    if (outcome.ok) return { changed: false, elapsed };
    return { changed: false, failed: true, elapsed, msg: `timed out waiting for ping module test: ${errorText(outcome.error)}` };
  },
};

/** A new connection, and a module script that answers on it. */
async function pingAfresh(ctx: ModuleContext, connectTimeout: number): Promise<void> {
  await ctx.reconnect(connectTimeout);
  const result = await ctx.exec(PING_SCRIPT);
  if (readReport(result.stdout, { ping: 'text' }).ping !== 'pong') throw new Error(result.stderr.trim() || 'ping test failed');
}
