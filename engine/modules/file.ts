/** file: a path's state (file, directory, link, hard, touch, absent) and attributes, in one exec. */
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_SCHEMA, attributeScript, attributesFrom } from './lib/file-attributes.js';
import { parseReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

type State = 'file' | 'directory' | 'link' | 'hard' | 'touch' | 'absent';

export const fileModule: ModuleDef = {
  name: 'file',
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      dest: { type: 'string' },
      name: { type: 'string' },
      state: { enum: ['file', 'directory', 'link', 'hard', 'touch', 'absent'] },
      src: { type: 'string' },
      force: { type: 'boolean', default: false },
      follow: { type: 'boolean', default: true },
      recurse: { type: 'boolean', default: false },
      ...ATTRIBUTE_SCHEMA,
    },
    anyOf: [{ required: ['path'] }, { required: ['dest'] }, { required: ['name'] }],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'partial',
  runsOn: 'target',
  async run(ctx) {
    const path = String(ctx.args.path ?? ctx.args.dest ?? ctx.args.name);
    const wanted = ctx.args.state as State | undefined;
    if ((wanted === 'link' || wanted === 'hard') && ctx.args.src === undefined) {
      return { changed: false, failed: true, path, msg: `src is required for creating a ${wanted === 'link' ? 'symlink' : 'hard link'}` };
    }
    const result = await ctx.exec(fileScript(ctx, path, wanted));
    const report = parseReport(result.stdout);
    const failure = reportedFailure(report, { path });
    if (failure) return failure;
    if (!report.before) return scriptFailure(result.rc, result.stderr);
    return fileResult(ctx, path, report);
  },
};

function fileResult(ctx: ModuleContext, path: string, report: Record<string, string>): ModuleResult {
  const changed = report.changed === '1';
  const state = report.after ?? report.before;
  const out: ModuleResult = { changed, path, state };
  if (state !== 'absent') Object.assign(out, { mode: report.mode, owner: report.owner, group: report.group, uid: num(report.uid), gid: num(report.gid), size: num(report.size) });
  if (ctx.args.src !== undefined) out.src = String(ctx.args.src);
  if (ctx.diff && changed) out.diff = { before: { path, state: report.before }, after: { path, state } };
  return out;
}

function num(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function fileScript(ctx: ModuleContext, path: string, wanted: State | undefined): string {
  const check = ctx.check;
  const act = (command: string) => (check ? ':' : command);
  const src = ctx.args.src === undefined ? '' : String(ctx.args.src);
  const force = ctx.args.force === true;
  const lines = [
    REPORT_FUNCTIONS,
    attributeScript(attributesFrom(ctx.args), check),
    `p=${quote(path)}`,
    'if [ -L "$p" ]; then before=link; elif [ -d "$p" ]; then before=directory; elif [ -f "$p" ]; then before=file; elif [ -e "$p" ]; then before=file; else before=absent; fi',
    'cx_report before "$before"',
    'changed=0',
  ];
  switch (wanted ?? 'file') {
    case 'absent':
      lines.push(`if [ "$before" != absent ]; then changed=1; ${act('rm -rf -- "$p" || cx_fail "could not remove $p"')}; fi`, 'cx_report after absent');
      break;
    case 'directory':
      lines.push(
        `case "$before" in absent) changed=1; ${act('mkdir -p -- "$p" || cx_fail "could not create directory $p"')};; directory) ;; *) cx_fail "$p exists and is not a directory ($before)";; esac`,
        'cx_report after directory',
      );
      break;
    case 'file':
      lines.push(`[ "$before" = absent ] && cx_fail "file ($p) is absent, cannot continue"`, '[ "$before" = directory ] && cx_fail "$p is a directory, not a file"', 'cx_report after file');
      break;
    case 'touch':
      lines.push(`changed=1; ${act('touch -- "$p" || cx_fail "could not touch $p"')}`, 'cx_report after "$( [ "$before" = absent ] && echo file || echo "$before")"');
      break;
    case 'link':
      lines.push(
        `s=${quote(src)}`,
        `if [ "$before" = link ] && [ "$(readlink -- "$p")" = "$s" ]; then :; elif [ "$before" = absent ] || [ "$before" = link ] || ${force ? 'true' : 'false'}; then changed=1; ${act('ln -sfn -- "$s" "$p" || cx_fail "could not link $p to $s"')}; else cx_fail "refusing to convert from $before to symlink for $p"; fi`,
        'cx_report after link',
      );
      break;
    case 'hard':
      lines.push(
        `s=${quote(src)}`,
        `if [ -e "$p" ] && [ "$p" -ef "$s" ]; then :; else changed=1; ${act('ln -f -- "$s" "$p" || cx_fail "could not hard link $p to $s"')}; fi`,
        'cx_report after hard',
      );
      break;
  }
  // Attributes of the path itself (for links: of the link, with chown -h; chmod follows).
  lines.push(
    'attr_changed=0',
    `if [ -e "$p" ] || [ -L "$p" ]; then ${wanted === 'absent' ? ':' : 'cx_attributes "$p"'}; fi`,
    '[ "$attr_changed" = 1 ] && changed=1',
    'cx_report changed "$changed"',
    `if [ -e "$p" ]; then cx_report_attributes "$p"; fi`,
  );
  return lines.join('\n');
}
