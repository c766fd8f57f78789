/**
 * copy of a directory already on the host (remote_src), as Ansible 2.14's
 * copy module does it: one exec (engine/modules/sh/copy-remote-tree.sh).
 * The result is the module's: dest, src, changed, md5sum and checksum null,
 * and dest's attributes and state when it exists; `msg` when force is false
 * and dest is there, or when check mode stops at parents dest would need.
 */
import { quote } from '../../connection/quote.js';
import type { ModuleContext, ModuleResult } from '../module.js';
import { DIRNAME_FUNCTION } from './dirname.js';
import { ATTRIBUTE_CHANGE_REPORT, ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesFrom, chattrFailureDetails, normalizeMode, reportedAttributes } from './file-attributes.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './report.js';
import { shellCode } from './shell-code.js';
import COPY_REMOTE_TREE_SH from '../sh/copy-remote-tree.sh';

const COPY_REMOTE_TREE_FUNCTIONS = shellCode(COPY_REMOTE_TREE_SH);

const TREE_REPORT = { dest: 'text', changed: 'flag', msg: 'text', state: 'text', ...ATTRIBUTE_REPORT, ...ATTRIBUTE_CHANGE_REPORT } as const;

export async function copyRemoteTree(ctx: ModuleContext, src: string): Promise<ModuleResult> {
  const { args } = ctx;
  const attributes = attributesFrom(args);
  // The module's local_follow has no default: neither true nor false leaves links out of an existing tree.
  const localFollow = args.local_follow === undefined ? 'none' : String(args.local_follow === true);
  const call = [
    'cx_rtree_task',
    quote(src),
    quote(String(args.dest)),
    String(ctx.check),
    String(args.force !== false),
    String(args.follow === true),
    localFollow,
    quote(attributes.mode ?? ''),
    quote(normalizeMode(args.directory_mode) ?? ''),
    quote(attributes.owner ?? ''),
    quote(attributes.group ?? ''),
    ...(attributes.flags === undefined ? [] : [quote(attributes.flags)]),
  ].join(' ');
  const result = await ctx.exec([REPORT_FUNCTIONS, ATTRIBUTE_FUNCTIONS, DIRNAME_FUNCTION, COPY_REMOTE_TREE_FUNCTIONS, attributes.selinux ?? '', call].join('\n'));
  const report = readReport(result.stdout, TREE_REPORT);
  const failure = reportedFailure(report, chattrFailureDetails(report));
  if (failure) return failure;
  if (report.changed === undefined) return scriptFailure(result.rc, result.stderr);
  const out: ModuleResult = { changed: report.changed, src };
  if (report.msg !== undefined) out.msg = report.msg;
  if (report.dest === undefined) return out;
  // A stop because force is false has no md5sum and checksum.
  if (report.msg === undefined) Object.assign(out, { md5sum: null, checksum: null });
  return { ...out, dest: report.dest, ...reportedAttributes(report), ...(report.state === undefined ? {} : { state: report.state }) };
}
