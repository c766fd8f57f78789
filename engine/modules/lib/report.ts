import { quote } from '../../connection/quote.js';
/**
 * How module scripts talk back: lines `@@cx key=value` (plain) or
 * `@@cx key:=BASE64` (any bytes) on stdout, mixed with nothing else the
 * module needs. The shell functions below are prepended to every script.
 * Reports are gathered and written in one go when the script exits
 * (`cx_flush`, an EXIT trap): one write reaches the controller as one SSH
 * packet, where a write per line cost the host and the controller a packet
 * each. A script that sets its own EXIT trap calls cx_flush in it (see
 * flushOnExit); one that writes other output the controller reads in order
 * calls cx_flush first.
 */
export const REPORT_FUNCTIONS = [
  "cx_rep=; cx_nl='\n'",
  'cx_report() { cx_rep="$cx_rep@@cx $1=$2$cx_nl"; }',
  // Only a value with a newline would break its line: that one goes through base64 (two processes), any other as it is.
  "cx_report64() { case $2 in *'\n'*) cx_rep=\"$cx_rep@@cx $1:=$(printf '%s' \"$2\" | base64 | tr -d '\\n')$cx_nl\";; *) cx_report \"$1\" \"$2\";; esac; }",
  'cx_flush() { [ -n "$cx_rep" ] && printf \'%s\' "$cx_rep"; cx_rep=; }',
  'cx_fail() { cx_report64 msg "$1"; cx_report failed 1; exit 0; }',
  'trap cx_flush EXIT',
  '',
].join('\n');

/**
 * An EXIT trap action that also writes the gathered reports (a script's own
 * trap replaces cx_flush's). The clean-up comes first: when the run was
 * interrupted the output may have no reader left, and writing to it ends the
 * shell (SIGPIPE) before anything after the write.
 */
export function flushOnExit(cleanUp: string): string {
  return `trap ${quote(`${cleanUp}; cx_flush`)} EXIT`;
}

export type Report = Record<string, string>;

export function parseReport(stdout: string): Report {
  const report: Report = {};
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('@@cx ')) continue;
    const body = line.slice(5);
    const encoded = /^([A-Za-z0-9_]+):=(.*)$/.exec(body);
    if (encoded) {
      report[encoded[1]!] = Buffer.from(encoded[2]!, 'base64').toString('utf8');
      continue;
    }
    const plain = /^([A-Za-z0-9_]+)=(.*)$/s.exec(body);
    if (plain) report[plain[1]!] = plain[2]!;
  }
  return report;
}

/** A failed result when the script reported one, else undefined. */
export function reportedFailure(report: Report, extra: Record<string, unknown> = {}): { changed: false; failed: true; msg: string } | undefined {
  if (report.failed !== '1') return undefined;
  return { changed: false, failed: true, msg: report.msg ?? 'the remote script failed', ...extra };
}

/** When the script itself could not run (no sh, syntax error), the host's words are the message. */
export function scriptFailure(rc: number, stderr: string): { changed: false; failed: true; msg: string; rc: number } {
  return { changed: false, failed: true, rc, msg: stderr.trim() || `the remote script exited with ${rc}` };
}
