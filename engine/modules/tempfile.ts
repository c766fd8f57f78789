/**
 * tempfile: a new file (0600) or directory (0700) with a random name that
 * only its creator can use, in one exec (engine/modules/sh/tempfile.sh),
 * described as Ansible describes a returned path (mode, owner, size, ...).
 * Like Ansible's, it always changes and does not run in check mode.
 */
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, reportedAttributes } from './lib/file-attributes.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import type { ModuleDef } from './module.js';
import TEMPFILE_SH from './sh/tempfile.sh';

const TEMPFILE_FUNCTIONS = shellCode(TEMPFILE_SH);
const TEMPFILE_REPORT = { path: 'text', ...ATTRIBUTE_REPORT } as const;

export const tempfileModule: ModuleDef = {
  name: 'tempfile',
  argsSchema: {
    type: 'object',
    properties: {
      state: { enum: ['file', 'directory'], default: 'file' },
      path: { type: 'string' },
      prefix: { type: 'string', default: 'ansible.' },
      suffix: { type: 'string', default: '' },
    },
    additionalProperties: false,
  },
  checkMode: 'none',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const call = ['cx_tempfile_task', quote(String(args.state)), quote(String(args.path ?? '')), quote(String(args.prefix)), quote(String(args.suffix))];
    const result = await ctx.exec(`${REPORT_FUNCTIONS}${ATTRIBUTE_FUNCTIONS}${TEMPFILE_FUNCTIONS}${call.join(' ')}\n`);
    const report = readReport(result.stdout, TEMPFILE_REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.path === undefined) return scriptFailure(result.rc, result.stderr);
    // Like every Ansible module that returns a path, the path's attributes.
    return { changed: true, path: report.path, ...reportedAttributes(report), state: args.state };
  },
};
