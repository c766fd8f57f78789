/** Read a remote file's content and checksum in one exec (lineinfile decides its edit on the controller). */
import { quote } from '../../connection/quote.js';
import type { ModuleContext } from '../module.js';
import { parseReport, REPORT_FUNCTIONS } from './report.js';

export interface RemoteFile {
  readonly exists: boolean;
  readonly isDirectory: boolean;
  readonly content: string;
  /** sha1 of the bytes on the host (for a write that must not clobber a change made meanwhile). */
  readonly checksum: string | undefined;
  /** With `withAttributes`: the mode (four octal digits), owner and group of the file (links followed). */
  readonly attributes?: { readonly mode: string; readonly uid: string; readonly gid: string; readonly owner: string; readonly group: string } | undefined;
}

export async function readRemoteFile(ctx: ModuleContext, path: string, options: { withAttributes?: boolean } = {}): Promise<RemoteFile> {
  const script = [
    REPORT_FUNCTIONS,
    `p=${quote(path)}`,
    'if [ -d "$p" ]; then cx_report directory 1; exit 0; fi',
    'if [ ! -e "$p" ]; then cx_report exists 0; exit 0; fi',
    '[ -r "$p" ] || cx_fail "Permission denied: $p"',
    'cx_report exists 1',
    // The x keeps trailing newlines through the command substitution.
    'cx_report64 content "$(cat -- "$p"; printf x)"',
    'cx_s=$(sha1sum < "$p"); cx_report checksum "${cx_s%% *}"',
    options.withAttributes ? 'cx_report attributes "$(stat -L -c \'%a %u %g %U %G\' -- "$p")"' : '',
  ].join('\n');
  const result = await ctx.exec(script);
  const report = parseReport(result.stdout);
  if (report.failed === '1') throw new Error(report.msg ?? `could not read ${path}`);
  if (report.exists === undefined && report.directory === undefined) throw new Error(result.stderr.trim() || `could not read ${path}`);
  return {
    exists: report.exists === '1',
    isDirectory: report.directory === '1',
    content: report.content === undefined ? '' : report.content.slice(0, -1),
    checksum: report.checksum,
    attributes: attributesOf(report.attributes),
  };
}

function attributesOf(reported: string | undefined): RemoteFile['attributes'] {
  const [mode, uid, gid, owner, group] = reported?.split(' ') ?? [];
  if (mode === undefined || group === undefined) return undefined;
  return { mode: mode.padStart(4, '0'), uid: uid!, gid: gid!, owner: owner!, group };
}
