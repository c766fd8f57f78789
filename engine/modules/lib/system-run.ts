/**
 * What the system modules (group, user, cron, ...) share: the shell
 * functions of engine/modules/sh/system.sh (get_bin_path's search, a program
 * run with its output kept) and the reading of what such a run reported.
 */
import SYSTEM_SH from '../sh/system.sh';
import { splitLines } from './run-command.js';
import { shellCode } from './shell-code.js';

export const SYSTEM_FUNCTIONS = shellCode(SYSTEM_SH);

/** The fields cx_report_run sends, and `done`, which a script sends last. */
export const RUN_REPORT = { rc: 'number', stdout: 'text', stderr: 'text', done: 'flag' } as const;

/** A program's run as Ansible's modules put it in their results: stdout and stderr (with their lines) only when not empty. */
export function ranCommand(report: { readonly rc?: number; readonly stdout?: string; readonly stderr?: string }): { rc?: number; stderr?: string; output: Record<string, string | string[]> } {
  const output: Record<string, string | string[]> = {};
  // Ansible adds the _lines lists to any result with stdout or stderr.
  if (report.stdout) Object.assign(output, { stdout: report.stdout, stdout_lines: splitLines(report.stdout) });
  if (report.stderr) Object.assign(output, { stderr: report.stderr, stderr_lines: splitLines(report.stderr) });
  return { ...(report.rc === undefined ? {} : { rc: report.rc }), ...(report.stderr === undefined ? {} : { stderr: report.stderr }), output };
}
