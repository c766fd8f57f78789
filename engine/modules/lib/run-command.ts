/**
 * command and shell: one exec that checks creates/removes (globs, as Ansible),
 * changes directory, and runs the command with its stdout, stderr and exit
 * code passed through untouched. The script runs on stdin (`sh -s`), so the
 * command text never appears as an argument of our own wrapper.
 */
import { heredocBase64, quote } from '../../connection/quote.js';
import type { ModuleContext, ModuleResult } from '../module.js';
import { parseReport } from './report.js';
import { splitCommandLine } from './shlex.js';

const SKIP_MARKER = '@@cx skipped-by-path';

export const COMMAND_ARGS = {
  _raw_params: { type: 'string' },
  cmd: { type: 'string' },
  chdir: { type: 'string' },
  creates: { type: 'string' },
  removes: { type: 'string' },
  stdin: { type: 'string' },
  stdin_add_newline: { type: 'boolean', default: true },
  strip_empty_ends: { type: 'boolean', default: true },
  warn: { type: 'boolean' },
} as const;

export async function runCommand(ctx: ModuleContext, useShell: boolean): Promise<ModuleResult> {
  const { args } = ctx;
  const raw = (args.cmd ?? args._raw_params) as string | undefined;
  const argv = args.argv as string[] | undefined;
  if ((!raw || raw.trim() === '') && !argv) return { changed: false, failed: true, rc: 256, msg: 'no command given' };
  if (raw && argv) return { changed: false, failed: true, rc: 256, msg: 'only command or argv can be given, not both' };
  const words = useShell ? undefined : (argv ?? splitCommandLine(raw!));
  const cmd: unknown = useShell ? raw : words;
  const creates = args.creates as string | undefined;
  const removes = args.removes as string | undefined;
  const verb = ctx.check ? 'Would' : 'Did';

  const started = new Date();
  const result = await ctx.exec(commandScript(ctx, raw, words, useShell));
  const ended = new Date();
  if (result.stdout.startsWith(SKIP_MARKER)) {
    const report = parseReport(result.stdout);
    if (report.chdir_failed) return { changed: false, failed: true, cmd, rc: null, msg: `Unable to change directory before execution: ${report.chdir_failed}`, stdout: '', stderr: '' };
    const byCreates = report.reason === 'creates';
    const path = byCreates ? creates : removes;
    return {
      changed: false,
      cmd,
      rc: 0,
      stdout: byCreates ? `skipped, since ${path} exists` : `skipped, since ${path} does not exist`,
      stderr: '',
      msg: `${verb} not run command since '${path}' ${byCreates ? 'exists' : 'does not exist'}`,
      start: null,
      end: null,
      delta: null,
      stdout_lines: [byCreates ? `skipped, since ${path} exists` : `skipped, since ${path} does not exist`],
      stderr_lines: [],
    };
  }
  if (ctx.check) {
    const out: ModuleResult = { changed: true, cmd, rc: 0, stdout: '', stderr: '', msg: 'Command would have run if not in check mode', stdout_lines: [], stderr_lines: [] };
    if (creates === undefined && removes === undefined) {
      out.skipped = true;
      out.changed = false;
    }
    return out;
  }
  const strip = args.strip_empty_ends !== false;
  const stdout = strip ? result.stdout.replace(/[\r\n]+$/, '') : result.stdout;
  const stderr = strip ? result.stderr.replace(/[\r\n]+$/, '') : result.stderr;
  const out: ModuleResult = {
    changed: true,
    cmd,
    rc: result.rc,
    stdout,
    stderr,
    stdout_lines: lines(stdout),
    stderr_lines: lines(stderr),
    start: pythonTime(started),
    end: pythonTime(ended),
    delta: delta(ended.getTime() - started.getTime()),
    msg: '',
  };
  if (result.rc !== 0) {
    out.failed = true;
    out.msg = 'non-zero return code';
  }
  return out;
}

function commandScript(ctx: ModuleContext, raw: string | undefined, words: readonly string[] | undefined, useShell: boolean): string {
  const { args } = ctx;
  const parts = [
    "cx_report() { printf '@@cx %s=%s\\n' \"$1\" \"$2\"; }",
    `cx_skip() { printf '%s\\n' ${quote(SKIP_MARKER)}; cx_report reason "$1"; exit 0; }`,
    'cx_exists() { ( IFS=\'\n\'; set +f; for p in $1; do [ -e "$p" ] || [ -L "$p" ] && exit 0; done; exit 1 ); }',
  ];
  if (args.chdir !== undefined) parts.push(`cd ${quote(String(args.chdir))} 2>/dev/null || { printf '%s\\n' ${quote(SKIP_MARKER)}; cx_report chdir_failed ${quote(`[Errno 2] No such file or directory: '${String(args.chdir)}'`)}; exit 0; }`);
  if (args.creates !== undefined) parts.push(`cx_exists ${quote(String(args.creates))} && cx_skip creates`);
  if (args.removes !== undefined) parts.push(`cx_exists ${quote(String(args.removes))} || cx_skip removes`);
  if (ctx.check) {
    parts.push('exit 0');
    return parts.join('\n');
  }
  const executable = typeof args.executable === 'string' ? args.executable : '/bin/sh';
  const command = useShell ? `${quote(executable)} -c ${quote(raw!)}` : words!.map(quote).join(' ');
  if (typeof args.stdin === 'string') {
    const data = args.stdin_add_newline === false ? args.stdin : `${args.stdin}\n`;
    parts.push(heredocBase64('base64 -d', data, `| ${command}`));
  } else {
    parts.push(`exec ${command} </dev/null`);
  }
  return parts.join('\n');
}

function lines(text: string): string[] {
  return text === '' ? [] : text.split(/\r?\n/);
}

function pythonTime(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1000, 6)}`;
}

function delta(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `0:00:${String(seconds).padStart(2, '0')}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}
