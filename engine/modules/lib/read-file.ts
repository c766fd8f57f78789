/** Read a remote file's content and attributes in one exec (lineinfile compares on the controller). */
import { quote } from '../../connection/quote.js';
import type { ModuleContext } from '../module.js';
import { attributeFunctions } from './file-attributes.js';
import { parseReport, REPORT_FUNCTIONS, type Report } from './report.js';

export interface RemoteFile {
  readonly exists: boolean;
  readonly isDirectory: boolean;
  readonly content: string;
  readonly report: Report;
}

export async function readRemoteFile(ctx: ModuleContext, path: string): Promise<RemoteFile> {
  const script = [
    REPORT_FUNCTIONS,
    attributeFunctions({}, true),
    `p=${quote(path)}`,
    'if [ -d "$p" ]; then cx_report directory 1',
    'elif [ -f "$p" ]; then cx_report exists 1; cx_report64 content "$(cat -- "$p"; printf x)"; cx_report_attributes "$p"',
    'else cx_report exists 0; fi',
  ].join('\n');
  const result = await ctx.exec(script);
  const report = parseReport(result.stdout);
  if (report.exists === undefined && report.directory === undefined) throw new Error(result.stderr.trim() || `could not read ${path}`);
  return {
    exists: report.exists === '1',
    isDirectory: report.directory === '1',
    content: report.content === undefined ? '' : report.content.slice(0, -1),
    report,
  };
}
