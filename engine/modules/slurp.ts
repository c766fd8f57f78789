/** slurp: a remote file's content, base64-encoded (`content | b64decode` to read it), with Ansible's messages. */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import type { ModuleDef } from './module.js';

export const slurpModule: ModuleDef = {
  name: 'slurp',
  argsSchema: {
    type: 'object',
    properties: { src: { type: 'string' }, path: { type: 'string' } },
    anyOf: [{ required: ['src'] }, { required: ['path'] }],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const source = String(ctx.args.src ?? ctx.args.path);
    const script = [
      REPORT_FUNCTIONS,
      `p=${quote(source)}`,
      '[ -d "$p" ] && cx_fail "source is a directory and must be a file"',
      '[ -e "$p" ] || cx_fail "file not found: $p"',
      '[ -r "$p" ] || cx_fail "file is not readable: $p"',
      'printf \'@@cx content=\'; base64 < "$p" | tr -d \'\\n\'; printf \'\\n\'',
    ].join('\n');
    const result = await ctx.exec(script);
    const report = readReport(result.stdout, { content: 'text' });
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.content === undefined) return scriptFailure(result.rc, result.stderr);
    return { changed: false, content: report.content, encoding: 'base64', source };
  },
};
