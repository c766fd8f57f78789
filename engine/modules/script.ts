/**
 * script: a local script sent to the host and run there with its arguments
 * (Ansible's action plugin). One exec checks creates/removes, writes the
 * script (sent inside the module script as a here-document, so its content,
 * perhaps vault-decrypted, is never a process argument) to a private temp
 * directory, runs it in chdir, and removes it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { heredocBase64, quote } from '../connection/quote.js';
import { CxError } from '../errors.js';
import { readReport } from './lib/report.js';
import { shellParts } from './lib/shell-code.js';
import { splitCommandLine } from './lib/shlex.js';
import { COMMAND_ARGS, splitLines } from './lib/run-command.js';
import { notFoundMessage } from './include_vars.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import COMMAND_SH from './sh/command.sh';
import SCRIPT_SH from './sh/script.sh';

const COMMAND_PARTS = shellParts(COMMAND_SH);
const SCRIPT_PARTS = shellParts(SCRIPT_SH);
/** command's arguments that script has too. */
const { _raw_params, cmd, chdir, creates, removes, executable } = COMMAND_ARGS;

export const scriptModule: ModuleDef = {
  name: 'script',
  argsSchema: {
    type: 'object',
    properties: { _raw_params, cmd, chdir, creates, removes, executable, decrypt: { type: 'boolean', default: true } },
    additionalProperties: false,
  },
  freeForm: true,
  checkMode: 'partial',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const raw = String(ctx.args.cmd ?? ctx.args._raw_params ?? '').trim();
    const marker = `@@cx-${randomBytes(8).toString('hex')}`;
    // Ansible tests creates/removes on the host before anything else: a task they skip fails on nothing else.
    const prepared = prepare(ctx, raw);
    if (typeof prepared === 'string' || ctx.check) {
      const skip = await pathChecks(ctx, marker);
      if (skip) return skip;
      if (typeof prepared === 'string') return { changed: false, failed: true, msg: prepared };
      return checkModeResult(ctx);
    }
    const result = await ctx.exec(runScript(ctx, marker, prepared));
    const skip = skipped(ctx, result.stdout, marker);
    if (skip) return skip;
    const out: ModuleResult = {
      changed: true,
      rc: result.rc,
      stdout: result.stdout,
      stderr: result.stderr,
      stdout_lines: splitLines(result.stdout),
      stderr_lines: splitLines(result.stderr),
    };
    return result.rc === 0 ? out : { ...out, failed: true, msg: 'non-zero return code' };
  },
};

interface Prepared {
  /** The script's file name (kept on the host, as Ansible keeps it). */
  readonly name: string;
  readonly content: Buffer;
  /** Shell text run by /bin/sh -c, in which "$0" is the script on the host. */
  readonly command: string;
}

/** The script and its command line, or Ansible's message for what stops it. */
function prepare(ctx: ModuleContext, raw: string): Prepared | string {
  const chdir = ctx.args.chdir as string | undefined;
  if (chdir && !chdir.startsWith('/')) return `chdir ${chdir} must be an absolute path for a Unix-aware remote node`;
  if (raw === '') return 'script needs the path of a local script (free form or cmd)';
  const first = firstWord(raw);
  const source = splitCommandLine(first)[0] ?? first;
  let path: string;
  try {
    path = ctx.resolveSource(source, 'files');
  } catch (error) {
    if (error instanceof CxError) return notFoundMessage(source, error.hint);
    throw error;
  }
  const content = ctx.args.decrypt === false ? readFileSync(path) : ctx.readSource(path);
  const executable = typeof ctx.args.executable === 'string' && ctx.args.executable !== '' ? `${splitCommandLine(ctx.args.executable).map(quote).join(' ')} ` : '';
  return { name: basename(path), content, command: `${executable}"$0"${raw.slice(first.length)}` };
}

/**
 * The first word of a command line as written (its quotes kept): Ansible
 * puts the script's path on the host in its place and keeps the rest, which
 * the shell reads (quotes, $VARS).
 */
function firstWord(raw: string): string {
  let quoteChar: string | undefined;
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index]!;
    if (quoteChar) {
      if (char === quoteChar) quoteChar = undefined;
      else if (char === '\\' && quoteChar === '"') index += 1;
    } else if (char === "'" || char === '"') quoteChar = char;
    else if (char === '\\') index += 1;
    else if (/\s/.test(char)) return raw.slice(0, index);
  }
  return raw;
}

/** The creates/removes checks of the task, quoted. */
function checkLines(ctx: ModuleContext): string[] {
  const { creates, removes } = ctx.args;
  return [
    ...(typeof creates === 'string' && creates !== '' ? [`cx_script_creates ${quote(creates)}`] : []),
    ...(typeof removes === 'string' && removes !== '' ? [`cx_script_removes ${quote(removes)}`] : []),
  ];
}

/** Only the creates/removes checks (check mode, or a task that fails before running): the skip they decide, if any. */
async function pathChecks(ctx: ModuleContext, marker: string): Promise<ModuleResult | undefined> {
  const checks = checkLines(ctx);
  if (checks.length === 0) return undefined;
  const result = await ctx.exec([COMMAND_PARTS.common, SCRIPT_PARTS.common, `cx_command_marker ${quote(marker)}`, ...checks].join('\n'));
  return skipped(ctx, result.stdout, marker);
}

/** Check mode: Ansible cannot know what a script would do; with creates/removes (which did not skip it) it would run. */
function checkModeResult(ctx: ModuleContext): ModuleResult {
  if (checkLines(ctx).length > 0) return { changed: true };
  return { changed: false, skipped: true, msg: 'Check mode is not supported for this task.' };
}

function skipped(ctx: ModuleContext, stdout: string, marker: string): ModuleResult | undefined {
  if (!stdout.startsWith(`${marker}\n`)) return undefined;
  const outcome = readReport(stdout, { outcome: 'text' }).outcome;
  const msg = outcome === 'creates' ? `${String(ctx.args.creates)} exists, matching creates option` : `${String(ctx.args.removes)} does not exist, matching removes option`;
  return { changed: false, skipped: true, msg };
}

function runScript(ctx: ModuleContext, marker: string, prepared: Prepared): string {
  return [
    COMMAND_PARTS.common,
    SCRIPT_PARTS.common,
    SCRIPT_PARTS.run,
    `cx_command_marker ${quote(marker)}`,
    ...checkLines(ctx),
    heredocBase64('cx_script_content() { base64 -d', prepared.content, '; }'),
    `cx_script_dir ${quote(prepared.name)}`,
    `cx_script_run ${quote(String(ctx.args.chdir ?? ''))} ${quote(prepared.command)}`,
  ].join('\n');
}
