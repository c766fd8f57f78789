/** stat: facts about a path in one exec, under Ansible's names (stat.exists, stat.mode, stat.checksum, ...). */
import { quote } from '../connection/quote.js';
import { chattrFlagNames } from './lib/chattr-flags.js';
import { readReport, REPORT_FUNCTIONS, scriptFailure, type Report } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import STAT_SH from './sh/stat.sh';
import type { ModuleDef } from './module.js';

const ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
/** stat(1) fields, in the order `statFacts` reads them. */
const FORMAT = '%f|%s|%u|%g|%U|%G|%.9X|%.9Y|%.9Z|%i|%h|%d|%b|%B|%r';

/** What the stat script reports. */
const STAT_REPORT = { exists: 'flag', info: 'text', readable: 'flag', writeable: 'flag', executable: 'flag', lnk_source: 'text', lnk_target: 'text', checksum: 'text', md5: 'text', mime: 'text', lsattr: 'text' } as const;

/** `cx_stat_task` (engine/modules/sh/stat.sh). */
const STAT_FUNCTION = shellCode(STAT_SH);

export const statModule: ModuleDef = {
  name: 'stat',
  // In Ansible's order: when an argument is given with its alias, the alias given last here wins.
  argumentAliases: {
    checksum: 'checksum_algorithm',
    checksum_algo: 'checksum_algorithm',
    attr: 'get_attributes',
    attributes: 'get_attributes',
    mime: 'get_mime',
    mime_type: 'get_mime',
    'mime-type': 'get_mime',
    dest: 'path',
    name: 'path',
  },
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      follow: { type: 'boolean', default: false },
      get_checksum: { type: 'boolean', default: true },
      checksum_algorithm: { enum: ALGORITHMS, default: 'sha1' },
      get_md5: { type: 'boolean', default: false },
      get_mime: { type: 'boolean', default: true },
      get_attributes: { type: 'boolean', default: true },
    },
    required: ['path'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  speculative: true,
  appliesInOneExec: true,
  async run(ctx) {
    const { args } = ctx;
    const path = String(args.path);
    const algorithm = String(args.checksum_algorithm);
    const follow = args.follow === true;
    const call = [
      'cx_stat_task',
      quote(path),
      quote(FORMAT),
      String(follow),
      args.get_checksum === false ? "''" : quote(algorithm),
      String(args.get_md5 === true),
      String(args.get_mime !== false),
      String(args.get_attributes !== false),
    ];
    const script = `${REPORT_FUNCTIONS}${STAT_FUNCTION}${call.join(' ')}\n`;
    const result = await ctx.exec(script);
    const report = readReport(result.stdout, STAT_REPORT);
    if (report.failed) return { changed: false, failed: true, msg: report.msg ?? `cannot stat ${path}` };
    if (report.exists === false) return { changed: false, stat: { exists: false } };
    if (!report.info) return scriptFailure(result.rc, result.stderr);
    const stat = statFacts(path, report, args.get_mime !== false);
    return { changed: false, stat: args.get_attributes === false ? stat : { ...stat, ...lsattrFacts(report.lsattr) } };
  },
};

function statFacts(path: string, report: Report<typeof STAT_REPORT>, withMime: boolean): Record<string, unknown> {
  const [hexMode, size, uid, gid, owner, group, atime, mtime, ctime, inode, links, device, blocks, blockSize, rdev] = report.info!.split('|');
  const stat: Record<string, unknown> = {
    exists: true,
    path,
    ...modeFacts(hexMode!),
    uid: Number(uid),
    gid: Number(gid),
    size: Number(size),
    inode: Number(inode),
    dev: Number(device),
    nlink: Number(links),
    atime: Number(atime),
    mtime: Number(mtime),
    ctime: Number(ctime),
    ...permissionFacts(hexMode!),
    blocks: Number(blocks),
    block_size: Number(blockSize),
    device_type: Number(rdev),
    readable: report.readable === true,
    writeable: report.writeable === true,
    executable: report.executable === true,
  };
  // stat(1) prints UNKNOWN for ids with no name; Ansible then leaves pw_name/gr_name out.
  if (owner !== 'UNKNOWN') stat.pw_name = owner;
  if (group !== 'UNKNOWN') stat.gr_name = group;
  if (report.lnk_source !== undefined) {
    stat.lnk_source = report.lnk_source;
    stat.lnk_target = report.lnk_target;
  }
  if (report.checksum) stat.checksum = report.checksum;
  if (report.md5) stat.md5 = report.md5;
  if (withMime) {
    const [mimetype, charset] = (report.mime ?? '').split(';').map((part) => part.trim().replace(/^charset=/, ''));
    stat.mimetype = mimetype || 'unknown';
    stat.charset = charset || 'unknown';
  }
  return stat;
}

/** Ansible's version, attributes and attr_flags from `lsattr -vd`'s line (none read: null, [], ''). */
function lsattrFacts(line: string | undefined): Record<string, unknown> {
  if (line === undefined) return { version: null, attributes: [], attr_flags: '' };
  const [version, flags = ''] = line.trim().split(/\s+/);
  const attrFlags = flags.replaceAll('-', '');
  return { version, attributes: chattrFlagNames(attrFlags), attr_flags: attrFlags };
}

/** stat's and find's mode and type keys from stat(1)'s raw mode in hex (%f): mode, isdir, ..., issock. */
export function modeFacts(hexMode: string): Record<string, unknown> {
  const raw = Number.parseInt(hexMode, 16);
  const type = raw & 0o170000;
  return {
    mode: (raw & 0o7777).toString(8).padStart(4, '0'),
    isdir: type === 0o040000,
    ischr: type === 0o020000,
    isblk: type === 0o060000,
    isreg: type === 0o100000,
    isfifo: type === 0o010000,
    islnk: type === 0o120000,
    issock: type === 0o140000,
  };
}

/** stat's and find's permission keys (wusr, rusr, ... isgid) from stat(1)'s raw mode in hex. */
export function permissionFacts(hexMode: string): Record<string, boolean> {
  const raw = Number.parseInt(hexMode, 16);
  const bit = (mask: number) => (raw & mask) !== 0;
  return {
    wusr: bit(0o200),
    rusr: bit(0o400),
    xusr: bit(0o100),
    wgrp: bit(0o020),
    rgrp: bit(0o040),
    xgrp: bit(0o010),
    woth: bit(0o002),
    roth: bit(0o004),
    xoth: bit(0o001),
    isuid: bit(0o4000),
    isgid: bit(0o2000),
  };
}
