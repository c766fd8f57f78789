/**
 * group: a group present (added, or its gid changed) or absent, as Ansible
 * 2.14's group does on Linux, with groupadd/groupmod/groupdel (lgroup* with
 * `local`), in one exec (engine/modules/sh/group.sh).
 */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { SYSTEM_FUNCTIONS, ranCommand, RUN_REPORT } from './lib/system-run.js';
import type { ModuleDef, ModuleResult } from './module.js';
import GROUP_SH from './sh/group.sh';

const GROUP_FUNCTIONS = shellCode(GROUP_SH);
const GROUP_REPORT = { ...RUN_REPORT, early: 'flag', gid: 'number', warning: 'text' } as const;

export const groupModule: ModuleDef = {
  name: 'group',
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      gid: { type: 'integer' },
      state: { enum: ['absent', 'present'], default: 'present' },
      system: { type: 'boolean', default: false },
      local: { type: 'boolean', default: false },
      non_unique: { type: 'boolean', default: false },
    },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    if (args.non_unique === true && args.gid === undefined) return { changed: false, failed: true, msg: 'non_unique is True but all of the following are missing: gid' };
    const name = String(args.name);
    const call = ['cx_group_task', String(ctx.check), quote(String(args.state)), quote(name), args.gid === undefined ? "''" : String(args.gid), String(args.system), String(args.local), String(args.non_unique)];
    const result = await ctx.exec(`${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${GROUP_FUNCTIONS}${call.join(' ')}\ncx_report done 1`);
    const report = readReport(result.stdout, GROUP_REPORT);
    if (report.warning) ctx.warn(report.warning);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(result.rc, result.stderr);
    if (report.early === true) return { changed: true };
    const ran = ranCommand(report);
    if (ran.rc !== undefined && ran.rc !== 0) return { changed: false, failed: true, name, msg: ran.stderr ?? '' };
    const out: ModuleResult = { name, state: args.state, changed: ran.rc !== undefined, ...ran.output };
    if (report.gid !== undefined) Object.assign(out, { system: args.system, gid: report.gid });
    return out;
  },
};
