import { quote } from '../../connection/quote.js';
import REPORT_SH from '../sh/report.sh';
import { shellCode } from './shell-code.js';
/**
 * How module scripts talk back: lines `@@cx key=value` on stdout, written by
 * the sh functions of engine/modules/sh/report.sh, which come first in every
 * script; readReport below reads them.
 */
export const REPORT_FUNCTIONS = shellCode(REPORT_SH);

/**
 * An EXIT trap action that also writes the gathered reports (a script's own
 * trap replaces cx_flush's). The clean-up comes first: when the run was
 * interrupted the output may have no reader left, and writing to it ends the
 * shell (SIGPIPE) before anything after the write.
 */
export function flushOnExit(cleanUp: string): string {
  return `trap ${quote(`${cleanUp}; cx_flush`)} EXIT`;
}

/**
 * What a field of a report holds: `text` as it was sent, `number`, or `flag`
 * (cx_report KEY 1 / 0: true / false).
 */
export type FieldType = 'text' | 'number' | 'flag';
export type ReportFields = Readonly<Record<string, FieldType>>;
type FieldValue<T extends FieldType> = T extends 'flag' ? boolean : T extends 'number' ? number : string;

/** A module's report: each field it declared, typed, when the script sent it; `failed` and `msg` always. */
export type Report<F extends ReportFields> = { readonly [K in keyof F]?: FieldValue<F[K]> } & { readonly failed: boolean; readonly msg?: string };

/**
 * The one reader of the result protocol: the `@@cx` lines of a script's
 * output, the fields a module declared (others are ignored), typed. A flag
 * not sent is undefined (callers that need false use `=== true`).
 */
export function readReport<F extends ReportFields>(stdout: string, fields: F): Report<F> {
  const raw = rawFields(stdout);
  const report: Record<string, unknown> = { failed: raw.get('failed') === '1' };
  if (raw.has('msg')) report.msg = raw.get('msg');
  for (const [name, type] of Object.entries(fields)) {
    const value = raw.get(name);
    if (value === undefined) continue;
    report[name] = type === 'flag' ? value === '1' : type === 'number' ? Number(value) : value;
  }
  return report as Report<F>;
}

function rawFields(stdout: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('@@cx ')) continue;
    const body = line.slice(5);
    const encoded = /^([A-Za-z0-9_]+):=(.*)$/.exec(body);
    if (encoded) {
      fields.set(encoded[1]!, Buffer.from(encoded[2]!, 'base64').toString('utf8'));
      continue;
    }
    const plain = /^([A-Za-z0-9_]+)=(.*)$/s.exec(body);
    if (plain) fields.set(plain[1]!, plain[2]!);
  }
  return fields;
}

/** A failed result when the script reported one, else undefined. */
export function reportedFailure(report: { readonly failed: boolean; readonly msg?: string | undefined }, extra: Record<string, unknown> = {}): { changed: false; failed: true; msg: string } | undefined {
  if (!report.failed) return undefined;
  return { changed: false, failed: true, msg: report.msg ?? 'the remote script failed', ...extra };
}

/** When the script itself could not run (no sh, syntax error), the host's words are the message. */
export function scriptFailure(rc: number, stderr: string): { changed: false; failed: true; msg: string; rc: number } {
  return { changed: false, failed: true, rc, msg: stderr.trim() || `the remote script exited with ${rc}` };
}
