/**
 * reboot (Ansible's action plugin, its Linux defaults): read the boot time
 * (boot_time_command), run the reboot command (found in search_paths), then
 * reconnect until the boot time has changed and test_command succeeds, each
 * within reboot_timeout. The connection drop the reboot causes is expected.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { quote } from '../connection/quote.js';
import { UnreachableError, type ExecResult } from '../connection/connection.js';
import { shellParts } from './lib/shell-code.js';
import { elapsedSeconds, untilSuccess } from './lib/until-success.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import COMMAND_SH from './sh/command.sh';
import REBOOT_SH from './sh/reboot.sh';

const COMMAND_PARTS = shellParts(COMMAND_SH);
const REBOOT_FUNCTION = shellParts(REBOOT_SH).common;
const DEFAULT_SEARCH_PATHS = ['/sbin', '/bin', '/usr/sbin', '/usr/bin', '/usr/local/sbin'];

export const rebootModule: ModuleDef = {
  name: 'reboot',
  argsSchema: {
    type: 'object',
    properties: {
      boot_time_command: { type: 'string', default: 'cat /proc/sys/kernel/random/boot_id' },
      connect_timeout: { type: 'integer' },
      msg: { type: 'string', default: 'Reboot initiated by Ansible' },
      post_reboot_delay: { type: 'integer', default: 0 },
      pre_reboot_delay: { type: 'integer', default: 0 },
      reboot_command: { type: 'string' },
      reboot_timeout: { type: 'integer', default: 600 },
      search_paths: { type: ['array', 'string'], items: { type: 'string' } },
      test_command: { type: 'string', default: 'whoami' },
    },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    if ((await ctx.connectionType()) === 'local') {
      return { changed: false, elapsed: 0, rebooted: false, failed: true, msg: 'Running reboot with local connection would reboot the control node.' };
    }
    if (ctx.check) return { changed: true, elapsed: 0, rebooted: true };
    const boot = await ctx.exec(String(ctx.args.boot_time_command));
    if (boot.rc !== 0) return { changed: false, failed: true, reboot: false, msg: bootTimeFailure(boot) };
    const before = boot.stdout.trim();
    const rebooted = await rebootNow(ctx);
    if (rebooted.failed) return rebooted.result;
    const postDelay = Math.max(0, Number(ctx.args.post_reboot_delay));
    if (postDelay > 0) await sleep(postDelay * 1000, undefined, { signal: ctx.signal });
    const failure = await validate(ctx, before);
    const elapsed = elapsedSeconds(rebooted.start);
    return failure ? { changed: false, failed: true, rebooted: true, msg: failure, elapsed } : { changed: true, rebooted: true, elapsed };
  },
};

function bootTimeFailure(result: ExecResult): string {
  return `reboot: failed to get host boot time info, rc: ${result.rc}, stdout: ${result.stdout}, stderr: ${result.stderr}`;
}

/** The command and its arguments (shell text): reboot_command as given, else shutdown with Ansible's Linux arguments. */
function rebootCommand(ctx: ModuleContext): { bin: string; args: string } {
  const given = ctx.args.reboot_command as string | undefined;
  if (given !== undefined) {
    const space = given.indexOf(' ');
    return space < 0 ? { bin: given, args: '' } : { bin: given.slice(0, space), args: given.slice(space + 1) };
  }
  const delayMinutes = Math.floor(Math.max(0, Number(ctx.args.pre_reboot_delay)) / 60);
  return { bin: 'shutdown', args: `-r ${delayMinutes} ${quote(String(ctx.args.msg))}` };
}

function searchPaths(ctx: ModuleContext): string[] {
  const given = ctx.args.search_paths;
  if (given === undefined) return DEFAULT_SEARCH_PATHS;
  return typeof given === 'string' ? given.split(',').map((path) => path.trim()) : (given as string[]);
}

/** Runs the reboot command; a connection that drops meanwhile is the reboot under way. */
async function rebootNow(ctx: ModuleContext): Promise<{ failed: false; start: number } | { failed: true; result: ModuleResult }> {
  const { bin, args } = rebootCommand(ctx);
  const paths = searchPaths(ctx);
  const marker = `@@cx-${randomBytes(8).toString('hex')}`;
  const script = [COMMAND_PARTS.common, REBOOT_FUNCTION, `cx_command_marker ${quote(marker)}`, ['cx_reboot', quote(bin), quote(args), ...paths.map(quote)].join(' ')].join('\n');
  let result: ExecResult;
  try {
    result = await ctx.exec(script);
  } catch (error) {
    if (!(error instanceof UnreachableError)) throw error;
    result = { rc: 0, stdout: '', stderr: '' };
  }
  const start = Date.now();
  if (result.stdout.startsWith(`${marker}\n`)) {
    return { failed: true, result: { changed: false, failed: true, msg: `Unable to find command "${bin}" in search paths: ${pythonList(paths)}` } };
  }
  if (result.rc !== 0) {
    const msg = `Reboot command failed. Error was: '${result.stdout.trim()}, ${result.stderr.trim()}'`;
    return { failed: true, result: { changed: false, failed: true, rebooted: false, msg, elapsed: elapsedSeconds(start) } };
  }
  return { failed: false, start };
}

/** The boot time changed, then the test command succeeds: undefined, else Ansible's timeout message. */
async function validate(ctx: ModuleContext, before: string): Promise<string | undefined> {
  const timeout = Number(ctx.args.reboot_timeout);
  const timing = { timeoutMs: timeout * 1000, pauseMs: backoff, signal: ctx.signal };
  const connectTimeout = ctx.args.connect_timeout as number | undefined;
  const booted = await untilSuccess(async () => {
    await ctx.reconnect(connectTimeout);
    const boot = await ctx.exec(String(ctx.args.boot_time_command));
    if (boot.rc !== 0) throw new Error(bootTimeFailure(boot));
    const now = boot.stdout.trim();
    if (now === '' || now === before) throw new Error('boot time has not changed');
  }, timing);
  if (!booted.ok) return `Timed out waiting for last boot time check (timeout=${timeout})`;
  let reconnect = false;
  const tested = await untilSuccess(async () => {
    if (reconnect) await ctx.reconnect(connectTimeout);
    reconnect = true;
    const test = await ctx.exec(String(ctx.args.test_command));
    if (test.rc !== 0) throw new Error(`Test command failed: ${test.stderr} ${test.stdout}`);
  }, timing);
  return tested.ok ? undefined : `Timed out waiting for post-reboot test command (timeout=${timeout})`;
}

/** Ansible's pause after a failed check: 2^failures seconds and a random fraction, at most 12 and the fraction. */
function backoff(failures: number): number {
  const fraction = Math.random();
  return Math.min(2 ** failures, 12) * 1000 + fraction * 1000;
}

/** A list of strings as Python prints it (Ansible's message does). */
function pythonList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
}
