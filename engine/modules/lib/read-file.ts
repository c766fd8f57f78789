/**
 * Read a remote file's content in one exec (lineinfile decides its edit on
 * the controller). The bytes come back as they are after a marker line, from
 * one `cat` on the host, or, for a small file whose size the attributes' stat
 * gave, from the shell's own read; their sha1 is computed here, for text:
 * content that is not valid UTF-8 cannot be held exactly by the text we receive.
 * The script is engine/modules/sh/read-file.sh.
 */
import { createHash } from 'node:crypto';
import { quote } from '../../connection/quote.js';
import type { ModuleContext } from '../module.js';
import { readReport, REPORT_FUNCTIONS } from './report.js';
import { shellCode } from './shell-code.js';
import { SLURP_FUNCTION, SLURP_MAX_BYTES } from './slurp.js';
import READ_FILE_SH from '../sh/read-file.sh';

/** `cx_read_file PATH ATTRIBUTES SLURP_MAX MARKER` (engine/modules/sh/read-file.sh). */
const READ_FILE_FUNCTION = shellCode(READ_FILE_SH);

export interface RemoteFile {
  readonly exists: boolean;
  readonly isDirectory: boolean;
  readonly content: string;
  /** false when the bytes are not valid UTF-8: `content` then holds replacement characters, not the file. */
  readonly isText: boolean;
  /** sha1 of the bytes on the host, for text (for a write that must not clobber a change made meanwhile). */
  readonly checksum: string | undefined;
  /** With `withAttributes`: the mode (four octal digits), owner and group of the file (links followed). */
  readonly attributes?: { readonly mode: string; readonly uid: string; readonly gid: string; readonly owner: string; readonly group: string } | undefined;
}

/** The line after which the file's bytes follow, to the end of the output. */
const CONTENT_MARKER = '@@cxcontent\n';

export async function readRemoteFile(ctx: ModuleContext, path: string, options: { withAttributes?: boolean } = {}): Promise<RemoteFile> {
  const withAttributes = options.withAttributes === true;
  const call = `cx_read_file ${quote(path)} ${String(withAttributes)} ${SLURP_MAX_BYTES} ${quote(CONTENT_MARKER.slice(0, -1))}`;
  const script = `${REPORT_FUNCTIONS}${withAttributes ? SLURP_FUNCTION : ''}${READ_FILE_FUNCTION}${call}\n`;
  const result = await ctx.exec(script);
  const { reports, content } = splitContent(result.stdout);
  const report = readReport(reports, { exists: 'flag', directory: 'flag', attributes: 'text' });
  if (report.failed) throw new Error(report.msg ?? `could not read ${path}`);
  if (report.exists === undefined && report.directory === undefined) throw new Error(result.stderr.trim() || `could not read ${path}`);
  if (report.exists === true && (content === undefined || result.rc !== 0)) throw new Error(result.stderr.trim() || `could not read ${path}`);
  const text = content ?? '';
  // Invalid UTF-8 decodes to U+FFFD; text without one came through byte for byte.
  const isText = !text.includes('\uFFFD');
  return {
    exists: report.exists === true,
    isDirectory: report.directory === true,
    content: text,
    isText,
    checksum: report.exists === true && isText ? createHash('sha1').update(text, 'utf8').digest('hex') : undefined,
    attributes: attributesOf(report.attributes),
  };
}

function splitContent(stdout: string): { reports: string; content: string | undefined } {
  const start = stdout.startsWith(CONTENT_MARKER) ? 0 : stdout.indexOf(`\n${CONTENT_MARKER}`) + 1;
  // 0 here means not found: output that starts with the marker took the first branch.
  if (start === 0 && !stdout.startsWith(CONTENT_MARKER)) return { reports: stdout, content: undefined };
  return { reports: stdout.slice(0, start), content: stdout.slice(start + CONTENT_MARKER.length) };
}

function attributesOf(reported: string | undefined): RemoteFile['attributes'] {
  const [mode, uid, gid, owner, group] = reported?.split(' ') ?? [];
  if (mode === undefined || group === undefined) return undefined;
  return { mode: mode.padStart(4, '0'), uid: uid!, gid: gid!, owner: owner!, group };
}
