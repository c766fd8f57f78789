/**
 * command and shell: one exec that changes directory, checks creates/removes
 * (globs, as Ansible), and runs the command with its stdout, stderr and exit
 * code passed through untouched. The script travels on stdin (`sh -s`), so the
 * command text never appears as an argument of our own wrapper. When the
 * script decides not to run the command it says so on a line that starts
 * with a marker made fresh for each run, which no command output can forge
 * (engine/modules/sh/command.sh).
 */
import { randomBytes } from 'node:crypto';
import { heredocBase64, quote } from '../../connection/quote.js';
import type { ModuleContext, ModuleResult } from '../module.js';
import { pythonDelta, pythonTime } from './python-time.js';
import { readReport } from './report.js';
import { shellParts } from './shell-code.js';
import { splitCommandLine } from './shlex.js';
import COMMAND_SH from '../sh/command.sh';

/** engine/modules/sh/command.sh: the marker's stop, and a part per check (chdir, glob for creates and removes, program). */
const COMMAND_PARTS = shellParts(COMMAND_SH);

export const COMMAND_ARGS = {
  _raw_params: { type: 'string' },
  cmd: { type: 'string' },
  chdir: { type: 'string' },
  creates: { type: 'string' },
  removes: { type: 'string' },
  executable: { type: 'string' },
  stdin: { type: 'string' },
  stdin_add_newline: { type: 'boolean', default: true },
  strip_empty_ends: { type: 'boolean', default: true },
  /** Gone from Ansible 2.14's command; accepted and ignored so older playbooks load. */
  warn: { type: 'boolean' },
} as const;

/**
 * A command with creates or removes: when the path says it is not to run, a
 * check gives what a run gives (nothing ran either way), so a check made
 * ahead may stand in for the run (speculative compare).
 */
export function guardedByPath(args: Readonly<Record<string, unknown>>): boolean {
  return args.creates !== undefined || args.removes !== undefined;
}

/** The check's result as the run's: measured with Ansible 2.14, only the message's verb differs ("Would not run" / "Did not run"). */
export function checkedAsRun(checked: ModuleResult): ModuleResult {
  return typeof checked.msg === 'string' ? { ...checked, msg: checked.msg.replace(/^Would not run command since /, 'Did not run command since ') } : checked;
}

/** What the script reports instead of running the command. */
type Outcome = { kind: 'skipped'; reason: 'creates' | 'removes' } | { kind: 'chdir_failed' } | { kind: 'missing'; program: string } | { kind: 'check' };

export async function runCommand(ctx: ModuleContext, useShell: boolean): Promise<ModuleResult> {
  const { args } = ctx;
  const raw = (args.cmd ?? args._raw_params) as string | undefined;
  const argv = (args.argv as unknown[] | undefined)?.map(String);
  if ((!raw || raw.trim() === '') && !argv?.length) return commandFailure(null, 256, 'no command given');
  if (raw && argv?.length) return commandFailure(null, 256, 'only command or argv can be given, not both');
  if (!useShell && args.executable !== undefined) {
    ctx.warn(`As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '${String(args.executable)}'.`);
  }
  const words = useShell ? undefined : (argv ?? splitCommandLine(raw!));
  const cmd: unknown = useShell ? raw : words;
  const marker = `@@cx-${randomBytes(8).toString('hex')}`;

  const started = new Date();
  const result = await ctx.exec(commandScript(ctx, marker, raw, words));
  const ended = new Date();
  const outcome = readOutcome(result.stdout, marker);
  if (outcome) return notRun(ctx, outcome, cmd);

  const strip = args.strip_empty_ends !== false;
  const stdout = strip ? result.stdout.replace(/[\r\n]+$/, '') : result.stdout;
  const stderr = strip ? result.stderr.replace(/[\r\n]+$/, '') : result.stderr;
  const out: ModuleResult = {
    changed: true,
    cmd,
    rc: result.rc,
    stdout,
    stderr,
    stdout_lines: splitLines(stdout),
    stderr_lines: splitLines(stderr),
    start: pythonTime(started),
    end: pythonTime(ended),
    delta: pythonDelta(ended.getTime() - started.getTime()),
    msg: '',
  };
  if (result.rc !== 0) {
    out.failed = true;
    out.msg = 'non-zero return code';
  }
  return out;
}

function readOutcome(stdout: string, marker: string): Outcome | undefined {
  if (!stdout.startsWith(`${marker}\n`)) return undefined;
  const report = readReport(stdout, { outcome: 'text', program: 'text' });
  if (report.outcome === 'creates' || report.outcome === 'removes') return { kind: 'skipped', reason: report.outcome };
  if (report.outcome === 'chdir_failed') return { kind: 'chdir_failed' };
  if (report.outcome === 'missing') return { kind: 'missing', program: report.program ?? '' };
  return { kind: 'check' };
}

/** The result when the command did not run: skipped by creates/removes, check mode, or an error before it. */
function notRun(ctx: ModuleContext, outcome: Outcome, cmd: unknown): ModuleResult {
  const { args } = ctx;
  switch (outcome.kind) {
    case 'chdir_failed':
      return commandFailure(cmd, null, `Unable to change directory before execution: [Errno 2] No such file or directory: b'${String(args.chdir)}'`);
    case 'missing':
      return commandFailure(cmd, 2, `[Errno 2] No such file or directory: b'${outcome.program}'`);
    case 'skipped': {
      const path = String(outcome.reason === 'creates' ? args.creates : args.removes);
      const stdout = outcome.reason === 'creates' ? `skipped, since ${path} exists` : `skipped, since ${path} does not exist`;
      const verb = ctx.check ? 'Would' : 'Did';
      return {
        changed: false,
        cmd,
        rc: 0,
        stdout,
        stderr: '',
        stdout_lines: [stdout],
        stderr_lines: [],
        msg: `${verb} not run command since '${path}' ${outcome.reason === 'creates' ? 'exists' : 'does not exist'}`,
        start: null,
        end: null,
        delta: null,
      };
    }
    case 'check': {
      // Ansible 2.14: without creates/removes the task is skipped in check mode; with them it would have run.
      const decidedByPath = args.creates !== undefined || args.removes !== undefined;
      const out: ModuleResult = { changed: decidedByPath, cmd, rc: 0, stdout: '', stderr: '', stdout_lines: [], stderr_lines: [], msg: 'Command would have run if not in check mode', start: null, end: null, delta: null };
      if (!decidedByPath) out.skipped = true;
      return out;
    }
  }
}

function commandFailure(cmd: unknown, rc: number | null, msg: string): ModuleResult {
  return { changed: false, failed: true, cmd, rc, msg, stdout: '', stderr: '', stdout_lines: [], stderr_lines: [], start: null, end: null, delta: null };
}

/** The script: the checks of engine/modules/sh/command.sh the task asks for, then the command, each value quoted. */
function commandScript(ctx: ModuleContext, marker: string, raw: string | undefined, words: readonly string[] | undefined): string {
  const { args } = ctx;
  const parts = [COMMAND_PARTS.common, `cx_command_marker ${quote(marker)}`];
  if (args.chdir !== undefined) parts.push(COMMAND_PARTS.chdir, `cx_command_chdir ${quote(String(args.chdir))}`);
  if (args.creates !== undefined || args.removes !== undefined) parts.push(COMMAND_PARTS.glob);
  if (args.creates !== undefined) parts.push(`cx_command_creates ${quote(String(args.creates))}`);
  if (args.removes !== undefined) parts.push(`cx_command_removes ${quote(String(args.removes))}`);
  if (ctx.check) return [...parts, 'cx_command_stop check'].join('\n');
  if (words) parts.push(COMMAND_PARTS.program, `cx_command_program ${quote(words[0]!)}`);
  const executable = typeof args.executable === 'string' ? args.executable : '/bin/sh';
  const command = words ? words.map(quote).join(' ') : `${quote(executable)} -c ${quote(raw!)}`;
  if (typeof args.stdin === 'string') {
    const data = args.stdin_add_newline === false ? args.stdin : `${args.stdin}\n`;
    parts.push(heredocBase64('base64 -d', data, `| ${command}`));
  } else {
    parts.push(`exec ${command} </dev/null`);
  }
  return parts.join('\n');
}

/** Python's str.splitlines: no empty last line for a trailing newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}
