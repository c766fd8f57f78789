/** stat: facts about a path, in one exec, under Ansible's names (stat.exists, stat.mode, ...). */
import { quote } from '../connection/quote.js';
import { parseReport, REPORT_FUNCTIONS, scriptFailure } from './lib/report.js';
import type { ModuleDef } from './module.js';

export const statModule: ModuleDef = {
  name: 'stat',
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      follow: { type: 'boolean', default: false },
      get_checksum: { type: 'boolean', default: true },
      checksum_algorithm: { enum: ['sha1', 'sha256', 'md5', 'sha512'], default: 'sha1' },
      get_mime: { type: 'boolean' },
      get_attributes: { type: 'boolean' },
    },
    required: ['path'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const path = String(ctx.args.path);
    const algorithm = String(ctx.args.checksum_algorithm ?? 'sha1');
    const follow = ctx.args.follow === true ? '-L ' : '';
    const script = [
      REPORT_FUNCTIONS,
      `p=${quote(path)}`,
      'if [ ! -e "$p" ] && [ ! -L "$p" ]; then cx_report exists 0; exit 0; fi',
      'cx_report exists 1',
      `cx_report64 info "$(stat ${follow}-c '%f|%a|%s|%u|%g|%U|%G|%X|%Y|%Z|%i|%h|%d' -- "$p")"`,
      '[ -L "$p" ] && cx_report64 lnk_source "$(readlink -f -- "$p")" && cx_report64 lnk_target "$(readlink -- "$p")"',
      ctx.args.get_checksum === false ? '' : `[ -f "$p" ] && [ -r "$p" ] && cx_report checksum "$(${algorithm}sum < "$p" | cut -d' ' -f1)"`,
      '[ -r "$p" ] && cx_report readable 1; [ -w "$p" ] && cx_report writeable 1; [ -x "$p" ] && cx_report executable 1',
    ].join('\n');
    const result = await ctx.exec(script);
    const report = parseReport(result.stdout);
    if (report.exists === undefined) return scriptFailure(result.rc, result.stderr);
    if (report.exists === '0') return { changed: false, stat: { exists: false } };
    const [hexMode, mode, size, uid, gid, owner, group, atime, mtime, ctime, inode, links, device] = report.info!.split('|');
    const raw = Number.parseInt(hexMode!, 16);
    const type = raw & 0o170000;
    const stat: Record<string, unknown> = {
      exists: true,
      path,
      mode: mode!.padStart(4, '0'),
      isdir: type === 0o040000,
      isreg: type === 0o100000,
      islnk: type === 0o120000,
      isblk: type === 0o060000,
      ischr: type === 0o020000,
      isfifo: type === 0o010000,
      issock: type === 0o140000,
      size: Number(size),
      uid: Number(uid),
      gid: Number(gid),
      pw_name: owner,
      gr_name: group,
      atime: Number(atime),
      mtime: Number(mtime),
      ctime: Number(ctime),
      inode: Number(inode),
      nlink: Number(links),
      dev: Number(device),
      readable: report.readable === '1',
      writeable: report.writeable === '1',
      executable: report.executable === '1',
      isuid: (raw & 0o4000) !== 0,
      isgid: (raw & 0o2000) !== 0,
    };
    if (report.checksum) stat.checksum = report.checksum;
    if (report.lnk_source) {
      stat.lnk_source = report.lnk_source;
      stat.lnk_target = report.lnk_target;
    }
    return { changed: false, stat };
  },
};
