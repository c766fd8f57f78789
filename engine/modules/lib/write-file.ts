/**
 * Content to a file, as copy and template do it. One exec compares the
 * checksum and attributes and, only when needed, writes a temp file in the
 * same directory (created 0600 under umask 077, given its final mode and owner
 * before the rename), validates it if asked, and renames it over the
 * destination. A failed write (disk full, read-only) leaves the original
 * untouched and removes the temp file. Content above LARGE_CONTENT_BYTES is
 * not sent until a first exec has found that it differs.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { heredocBase64, quote } from '../../connection/quote.js';
import type { FileDiff, ModuleContext, ModuleResult } from '../module.js';
import { BACKUP_FUNCTION, REMOVE_PARTIAL_BACKUP } from './backup.js';
import { DIRNAME_FUNCTION } from './dirname.js';
import { SLURP_FUNCTION, SLURP_MAX_BYTES } from './slurp.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesWanted, reportedAttributes, SELF_FUNCTIONS, TEMP_FILE_FUNCTIONS, tempFinish, tempTarget, type FileAttributes } from './file-attributes.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './report.js';
import { shellCode } from './shell-code.js';
import { splitCommandLine } from './shlex.js';
import VALIDATE_SH from '../sh/validate.sh';

/** `cx_validate COMMAND...` and `cx_validate_cleanup` (engine/modules/sh/validate.sh). */
const VALIDATE_FUNCTION = shellCode(VALIDATE_SH);

/** What the write script reports. */
const WRITE_REPORT = {
  needs_content: 'flag',
  dest: 'text',
  changed: 'flag',
  content_changed: 'flag',
  attributes_changed: 'flag',
  checksum: 'text',
  md5sum: 'text',
  backup_file: 'text',
  before: 'text',
  after: 'text',
  before_too_big: 'flag',
  after_too_big: 'flag',
  validate_rc: 'number',
  validate_out: 'text',
  validate_err: 'text',
  ...ATTRIBUTE_REPORT,
} as const;
type WriteReport = Report<typeof WRITE_REPORT>;

/** Above this, the diff is not shown (Ansible's max_diff_size is 100 KiB too). */
const MAX_DIFF_BYTES = 100 * 1024;
/** Above this, content travels only in a second exec, once the first has found it differs. */
export const LARGE_CONTENT_BYTES = 256 * 1024;

export interface WriteFileRequest {
  readonly dest: string;
  /** The bytes to write, or a file already on the host (copy's remote_src). */
  readonly content: Buffer | { readonly remotePath: string };
  readonly attributes: FileAttributes;
  /** false: do not replace an existing file whose content differs (Ansible's force: no). */
  readonly force: boolean;
  readonly backup: boolean;
  /** A command run on the temp file before it replaces dest; `%s` is the temp file's path. */
  readonly validate?: string | undefined;
  /** Shown as the diff's "after" header (the source file, or the dest). */
  readonly sourceLabel: string;
  /** When dest is a directory, write this name inside it (copy with src). */
  readonly nameInDirectory?: string | undefined;
  /** Write through a symlink at dest to the file it points to, keeping the link (lineinfile). */
  readonly follow?: boolean | undefined;
  /** Create missing parent directories (lineinfile with create). */
  readonly makeParents?: boolean | undefined;
  /**
   * sha1 the file had when it was read (null: it did not exist). If it has
   * changed since (and not to the wanted content), fail instead of overwriting.
   */
  readonly expectedChecksum?: string | null | undefined;
}

export async function writeFile(ctx: ModuleContext, request: WriteFileRequest): Promise<ModuleResult> {
  return (await writeFileDetailed(ctx, request)).result;
}

/** writeFile, also telling whether the file's mode, owner or group changed (lineinfile's message says so). */
export async function writeFileDetailed(ctx: ModuleContext, request: WriteFileRequest): Promise<{ result: ModuleResult; attributesChanged: boolean }> {
  const content = Buffer.isBuffer(request.content) ? request.content : undefined;
  const checksum = content ? createHash('sha1').update(content).digest('hex') : undefined;
  if (request.validate !== undefined && !request.validate.includes('%s')) {
    return { result: { changed: false, failed: true, msg: `validate must contain %s: ${request.validate}` }, attributesChanged: false };
  }
  const large = content !== undefined && content.length > LARGE_CONTENT_BYTES;
  let result = await ctx.exec(writeScript(ctx, request, checksum, large ? 'probe' : 'write'));
  let report = readReport(result.stdout, WRITE_REPORT);
  if (report.needs_content) {
    result = await ctx.exec(writeScript(ctx, request, checksum, 'write'));
    report = readReport(result.stdout, WRITE_REPORT);
  }
  const failure = reportedFailure(report, { dest: report.dest ?? request.dest });
  if (failure) {
    const validation = report.validate_rc === undefined ? {} : { exit_status: report.validate_rc, stdout: report.validate_out ?? '', stderr: report.validate_err ?? '' };
    return { result: { ...failure, ...validation }, attributesChanged: false };
  }
  if (!report.dest) return { result: scriptFailure(result.rc, result.stderr), attributesChanged: false };
  return { result: writtenResult(ctx, request, report, content, checksum ?? report.checksum), attributesChanged: report.attributes_changed === true };
}

/** copy's result: dest, checksum, the file's attributes, md5sum after a write or path when left alone, the diff. */
function writtenResult(ctx: ModuleContext, request: WriteFileRequest, report: WriteReport, content: Buffer | undefined, checksum: string | undefined): ModuleResult {
  const out: ModuleResult = { changed: report.changed === true, dest: report.dest, checksum, state: 'file' };
  if (report.mode !== undefined) {
    Object.assign(out, reportedAttributes(report));
  } else if (content) {
    out.size = content.length;
  }
  if (report.backup_file) out.backup_file = report.backup_file;
  if (report.md5sum) out.md5sum = report.md5sum;
  else if (!ctx.check) out.path = report.dest;
  if (ctx.diff && report.content_changed) out.diff = contentDiff(report, request, content);
  return out;
}

function contentDiff(report: WriteReport, request: WriteFileRequest, content: Buffer | undefined): FileDiff {
  const tooBig = (content?.length ?? 0) > MAX_DIFF_BYTES || report.before_too_big === true || report.after_too_big === true;
  return {
    before: tooBig ? '' : (report.before ?? 'x').slice(0, -1),
    after: tooBig ? '' : content ? content.toString('utf8') : (report.after ?? 'x').slice(0, -1),
    before_header: report.dest ?? request.dest,
    after_header: request.sourceLabel,
  };
}

/**
 * `probe`: compare only; when the content differs (and not in check mode)
 * report `needs_content` and stop. `write`: compare and write.
 */
function writeScript(ctx: ModuleContext, request: WriteFileRequest, checksum: string | undefined, mode: 'probe' | 'write'): string {
  const { check, diff } = ctx;
  const content = Buffer.isBuffer(request.content) ? request.content : undefined;
  const name = request.nameInDirectory;
  return [
    REPORT_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(request.attributes, check),
    SELF_FUNCTIONS,
    TEMP_FILE_FUNCTIONS,
    'tmp=',
    // The temp files go away whatever happens, even when the exec is ended by a timeout or an interrupt.
    // (rm only when there is one: an `rm` with nothing to remove is a process for nothing on every unchanged file.)
    request.backup ? BACKUP_FUNCTION : '',
    request.validate === undefined ? '' : VALIDATE_FUNCTION,
    flushOnExit(`[ -n "$tmp" ] && rm -f -- "$tmp"${request.validate === undefined ? '' : '; cx_validate_cleanup'}${request.backup ? `; ${REMOVE_PARTIAL_BACKUP}` : ''}`),
    "trap 'exit 143' TERM HUP INT",
    `dest=${quote(request.dest)}`,
    name ? `[ -d "$dest" ] && dest="\${dest%/}/"${quote(name)}` : '[ -d "$dest" ] && cx_fail "can not use content with a dir as dest"',
    request.follow ? '[ -L "$dest" ] && dest=$(readlink -f -- "$dest")' : '',
    'cx_report64 dest "$dest"',
    'cx_resolve_ids',
    checksum ? `want_sum=${checksum}` : remoteSourceScript(request, diff),
    mode === 'write' && inlineText(request) !== undefined ? `want_text=${quote(inlineText(request)!)}\n${SLURP_FUNCTION}` : '',
    'content_changed=0',
    `if [ -f "$dest" ]; then ${contentCompareScript(request)}; elif [ -e "$dest" ]; then cx_fail "Destination $dest exists and is not a regular file"; else content_changed=1; fi`,
    // Without follow a symlink at dest is replaced by the file, as Ansible's copy does.
    request.follow ? '' : '[ -L "$dest" ] && content_changed=1',
    expectedChecksumScript(request.expectedChecksum),
    request.force ? '' : '[ -f "$dest" ] && content_changed=0',
    DIRNAME_FUNCTION,
    'cx_dirname "$dest"; dir=$cx_parent',
    request.makeParents
      ? `[ -d "$dir" ] || ${check ? ':' : 'out=$(mkdir -p -- "$dir" 2>&1) || cx_fail "Error creating $dir ($out)"'}`
      : // In check mode a missing directory may be one an earlier task would have made: predict, as Ansible does.
        `[ -d "$dir" ] || ${check ? ':' : 'cx_fail "Destination directory $dir does not exist"'}`,
    mode === 'probe' && !check ? '[ "$content_changed" = 1 ] && { cx_report needs_content 1; exit 0; }' : '',
    'cx_report content_changed "$content_changed"',
    diff
      ? `if [ "$content_changed" = 1 ] && [ -f "$dest" ]; then if [ "$(stat -c %s "$dest")" -le ${MAX_DIFF_BYTES} ]; then cx_report64 before "$(cat -- "$dest"; printf x)"; else cx_report before_too_big 1; fi; fi`
      : '',
    'attr_changed=0',
    '[ -e "$dest" ] && [ "$content_changed" = 0 ] && { cx_attributes "$dest"; attr_changed=$cx_attributes_changed; }',
    'cx_report attributes_changed "$attr_changed"',
    'if [ "$content_changed" = 1 ] || [ "$attr_changed" = 1 ]; then cx_report changed 1; else cx_report changed 0; fi',
    // cx_attributes ran only when the content was right, and it forgets its stat when it changes anything.
    check ? '[ -e "$dest" ] && cx_report_attributes "$dest" cached; exit 0' : '',
    mode === 'write' ? writeBlock(request) : '',
    checksum ? '' : 'cx_report checksum "$want_sum"',
    'cx_report_attributes "$dest" cached',
    '[ "$content_changed" = 1 ] && cx_temp_check_mode "$dest"',
    // After a write: did the attributes differ from what the file had (or a new file would have had)?
    '[ -n "$cx_temp_old" ] && [ "$cx_temp_old" != "$cx_reported_ids" ] && cx_report attributes_changed 1',
    // The md5 of content we sent is known here; only a remote source is summed there.
    content ? `[ "$content_changed" = 1 ] && cx_report md5sum ${createHash('md5').update(content).digest('hex')}` : '[ "$content_changed" = 1 ] && { cx_s=$(md5sum < "$dest"); cx_report md5sum "${cx_s%% *}"; }',
  ]
    .filter(Boolean)
    .join('\n');
}

function writeBlock(request: WriteFileRequest): string {
  return [
    'if [ "$content_changed" = 1 ]; then',
    `  ${tempTarget('"$dest"', '"$dir"', request.attributes)}`,
    // Created exclusively (noclobber) under a random name: mktemp without its process.
    `  tmp="$dir/.cxplay.${randomBytes(6).toString('hex')}"; cx_temp_create "$tmp" || { tmp=; cx_fail "cannot create a temporary file in $dir"; }`,
    contentScript(request),
    `  ${tempFinish('"$tmp"', request.attributes)}`,
    request.validate === undefined ? '' : validateBlock(request.validate),
    request.backup ? `  cx_backup "$dest" ${randomInt(10_000, 100_000)}` : '',
    '  mv -f -- "$tmp" "$dest" || cx_fail "could not rename the temporary file to $dest; the original is unchanged"',
    // What was kept of the old file is not the new one's.
    '  tmp=; cx_stat_forget',
    'fi',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Content that travels in the script as text (sh variable want_text): UTF-8 without NUL, up to LARGE_CONTENT_BYTES. */
function inlineText(request: WriteFileRequest): string | undefined {
  if (!Buffer.isBuffer(request.content) || request.content.length > LARGE_CONTENT_BYTES) return undefined;
  const text = request.content.toString('utf8');
  return !text.includes('\0') && Buffer.from(text, 'utf8').equals(request.content) ? text : undefined;
}

/**
 * Sets content_changed for an existing dest, with as few processes as it can:
 * a size that differs says it at once (from the stat the attributes need
 * anyway); small text of the same size is read by the shell itself and
 * compared (a NUL byte, which the shell drops, makes it shorter: different);
 * anything else is summed. `current` (its sha1) is set where a
 * changed-meanwhile check needs it.
 */
function contentCompareScript(request: WriteFileRequest): string {
  const summed = 'current=$(sha1sum < "$dest") || cx_fail "cannot read $dest"; current=${current%% *}; [ "$current" = "$want_sum" ] || content_changed=1';
  if (!Buffer.isBuffer(request.content) || request.expectedChecksum !== undefined) return summed;
  const size = request.content.length;
  const read = inlineText(request) !== undefined && size <= SLURP_MAX_BYTES
    ? 'cx_slurp "$dest" || cx_fail "cannot read $dest"; [ "$cx_c" = "$want_text" ] || content_changed=1'
    : summed;
  return [
    'cx_stat_known "$dest"; [ -n "$cx_st" ] || cx_fail "cannot read $dest"',
    'cx_split_stat "$cx_st"',
    `if [ "$cx_split_size" != ${size} ]; then content_changed=1; else ${read}; fi`,
  ].join('; ');
}

/** The new content into "$tmp": text with the printf builtin (no process), other bytes through base64, a remote source with cat. */
function contentScript(request: WriteFileRequest): string {
  const failed = `cx_fail ${quote(`could not write ${request.dest} (disk full or read-only?); the original is unchanged`)}`;
  if (!Buffer.isBuffer(request.content)) return `  cat -- "$src" > "$tmp" || ${failed}`;
  if (inlineText(request) !== undefined) return `  printf '%s' "$want_text" > "$tmp" || ${failed}`;
  return heredocBase64('  base64 -d > "$tmp"', request.content, `|| ${failed}`);
}

function expectedChecksumScript(expected: string | null | undefined): string {
  if (expected === undefined) return '';
  const changedMeanwhile = 'cx_fail "$dest was changed by someone else while this task edited it; run the task again"';
  if (expected === null) return `[ -e "$dest" ] && [ "$content_changed" = 1 ] && ${changedMeanwhile}`;
  return `[ -f "$dest" ] && [ "$content_changed" = 1 ] && [ "$current" != ${quote(expected)} ] && ${changedMeanwhile}`;
}

/** copy with remote_src: the source is a file on the host; its checksum (and, for a diff, its text) comes from there. */
function remoteSourceScript(request: WriteFileRequest, diff: boolean): string {
  const { remotePath } = request.content as { remotePath: string };
  return [
    `src=${quote(remotePath)}`,
    '[ -e "$src" ] || cx_fail "Source $src not found"',
    '[ -d "$src" ] && cx_fail "copying a directory with remote_src is not supported"',
    'want_sum=$(sha1sum < "$src" | cut -c1-40) || cx_fail "Source $src not readable"',
    diff ? `if [ "$(stat -c %s -- "$src")" -le ${MAX_DIFF_BYTES} ]; then cx_report64 after "$(cat -- "$src"; printf x)"; else cx_report after_too_big 1; fi` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Ansible runs `validate % tmp` without a shell: its words, with %s as the temp file's path, run by cx_validate. */
function validateBlock(validate: string): string {
  const words = splitCommandLine(validate).map((word) => word.split('%s').map(quote).join('"$tmp"'));
  return `  cx_validate ${words.join(' ')}`;
}
