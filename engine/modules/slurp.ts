/** slurp: a remote file's content, base64-encoded (`content | b64decode` to read it), with Ansible's messages. */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellParts } from './lib/shell-code.js';
import type { ModuleDef } from './module.js';
import TRANSFER_SH from './sh/transfer.sh';

/** `cx_slurp_task PATH` (engine/modules/sh/transfer.sh). */
const TRANSFER_PARTS = shellParts(TRANSFER_SH);
const SLURP_TASK_FUNCTION = `${TRANSFER_PARTS.common}${TRANSFER_PARTS.slurp}`;

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
  speculative: true,
  appliesInOneExec: true,
  async run(ctx) {
    const source = String(ctx.args.src ?? ctx.args.path);
    const script = `${REPORT_FUNCTIONS}${SLURP_TASK_FUNCTION}cx_slurp_task ${quote(source)}\n`;
    const result = await ctx.exec(script);
    const report = readReport(result.stdout, { content: 'text' });
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.content === undefined) return scriptFailure(result.rc, result.stderr);
    return { changed: false, content: report.content, encoding: 'base64', source };
  },
};
