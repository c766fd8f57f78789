/**
 * Content to a file, as copy and template do it: one exec compares the
 * checksum and attributes and, only when needed, writes a temp file in the
 * same directory (created 0600 under umask 077, given its final mode and owner
 * before the rename) and renames it over the destination. A failed write
 * (disk full, read-only) leaves the original untouched.
 */
import { createHash } from 'node:crypto';
import { heredocBase64, quote } from '../../connection/quote.js';
import type { FileDiff, ModuleContext, ModuleResult } from '../module.js';
import { attributeScript, prepareTempScript, type FileAttributes } from './file-attributes.js';
import { parseReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './report.js';

/** Above this, the diff is not shown (Ansible's max_diff_size is 100 KiB too). */
const MAX_DIFF_BYTES = 100 * 1024;

export interface WriteFileRequest {
  readonly dest: string;
  readonly content: Buffer;
  readonly attributes: FileAttributes;
  /** false: do not replace an existing file whose content differs (Ansible's force: no). */
  readonly force: boolean;
  readonly backup: boolean;
  /** Shown as the diff's "after" header (the source file, or the dest). */
  readonly sourceLabel: string;
  /** When dest is a directory, write this name inside it (copy with src). */
  readonly nameInDirectory?: string | undefined;
}

export async function writeFile(ctx: ModuleContext, request: WriteFileRequest): Promise<ModuleResult> {
  const checksum = createHash('sha1').update(request.content).digest('hex');
  const result = await ctx.exec(writeScript(request, checksum, ctx.check, ctx.diff));
  const report = parseReport(result.stdout);
  const failure = reportedFailure(report, { dest: report.dest ?? request.dest, checksum });
  if (failure) return failure;
  if (!report.dest) return scriptFailure(result.rc, result.stderr);
  const changed = report.changed === '1';
  const out: ModuleResult = {
    changed,
    dest: report.dest,
    checksum,
    mode: report.mode,
    owner: report.owner,
    group: report.group,
    uid: report.uid === undefined ? undefined : Number(report.uid),
    gid: report.gid === undefined ? undefined : Number(report.gid),
    size: report.size === undefined ? request.content.length : Number(report.size),
    state: 'file',
  };
  if (report.backup_file) out.backup_file = report.backup_file;
  if (ctx.diff && changed) out.diff = fileDiff(report, request);
  return out;
}

function fileDiff(report: Record<string, string>, request: WriteFileRequest): FileDiff {
  const tooBig = request.content.length > MAX_DIFF_BYTES || report.before_too_big === '1';
  const after = request.content.toString('utf8');
  return {
    before: tooBig ? '' : (report.before ?? 'x').slice(0, -1),
    after: tooBig ? '' : after,
    before_header: report.dest ?? request.dest,
    after_header: request.sourceLabel,
  };
}

function writeScript(request: WriteFileRequest, checksum: string, check: boolean, diff: boolean): string {
  const name = request.nameInDirectory;
  return [
    REPORT_FUNCTIONS,
    attributeScript(request.attributes, check),
    `dest=${quote(request.dest)}`,
    name ? `[ -d "$dest" ] && dest="\${dest%/}/"${quote(name)}` : `[ -d "$dest" ] && cx_fail "Destination $dest is a directory"`,
    'cx_report64 dest "$dest"',
    'content_changed=0',
    `if [ -f "$dest" ]; then current=$(sha1sum < "$dest" | cut -c1-40); [ "$current" = ${quote(checksum)} ] || content_changed=1; elif [ -e "$dest" ]; then cx_fail "Destination $dest exists and is not a regular file"; else content_changed=1; fi`,
    request.force ? '' : '[ -f "$dest" ] && content_changed=0',
    diff
      ? `if [ "$content_changed" = 1 ] && [ -f "$dest" ]; then if [ "$(stat -c %s "$dest")" -le ${MAX_DIFF_BYTES} ]; then cx_report64 before "$(cat "$dest"; printf x)"; else cx_report before_too_big 1; fi; fi`
      : '',
    'attr_changed=0',
    '[ -e "$dest" ] && [ "$content_changed" = 0 ] && cx_attributes "$dest"',
    'if [ "$content_changed" = 1 ] || [ "$attr_changed" = 1 ]; then cx_report changed 1; else cx_report changed 0; fi',
    check ? '[ -e "$dest" ] && cx_report_attributes "$dest"; exit 0' : '',
    'if [ "$content_changed" = 1 ]; then',
    '  dir=$(dirname "$dest")',
    '  [ -d "$dir" ] || cx_fail "Destination directory $dir does not exist"',
    `  tmp=$(umask 077; mktemp "$dir/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in $dir"`,
    heredocBase64('  base64 -d > "$tmp"', request.content, '|| { rm -f "$tmp"; cx_fail "could not write $dest (disk full or read-only?); the original is unchanged"; }'),
    prepareTempScript(request.attributes, 'tmp', 'dest'),
    request.backup ? '  if [ -f "$dest" ]; then backup="$dest.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p "$dest" "$backup" && cx_report64 backup_file "$backup"; fi' : '',
    '  mv -f "$tmp" "$dest" || { rm -f "$tmp"; cx_fail "could not rename into $dest"; }',
    'fi',
    'cx_report_attributes "$dest"',
  ]
    .filter(Boolean)
    .join('\n');
}
