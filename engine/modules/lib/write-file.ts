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
import { BACKUP_FUNCTION } from './backup.js';
import { DIRNAME_FUNCTION } from './dirname.js';
import { FLAG_FUNCTIONS } from './flags.js';
import { SLURP_FUNCTION, SLURP_MAX_BYTES } from './slurp.js';
import { ATTRIBUTE_CHANGE_REPORT, ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributeChangeDiff, attributesWanted, chattrChangeDiff, chattrFailureDetails, chownFailureMessage, reportedAttributes, SELF_FUNCTIONS, TEMP_FILE_FUNCTIONS, type FileAttributes, type FileAttributesDiff } from './file-attributes.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './report.js';
import { shellCode, shellParts } from './shell-code.js';
import { splitCommandLine } from './shlex.js';
import { surrogateEscaped } from './surrogate-escape.js';
import VALIDATE_SH from '../sh/validate.sh';
import WRITE_SH from '../sh/write.sh';

/** `cx_write_task` (engine/modules/sh/write.sh): `common`, and `remote`, `expected`, `diff`, `write` for the scripts that need them. */
const WRITE_PARTS = shellParts(WRITE_SH);

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
  source_is_directory: 'flag',
  kept: 'flag',
  ids_before: 'text',
  ...ATTRIBUTE_REPORT,
  ...ATTRIBUTE_CHANGE_REPORT,
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
  /** Leave an existing dest as it is, its attributes too, whatever its content (Ansible's copy action with force: no). */
  readonly keepExisting?: boolean | undefined;
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

/**
 * As Ansible's copy action (which template's action hands its rendered file
 * to), which compares checksums before it runs the module: when the content
 * differs the result has `diff`, a list (empty without --diff), and in check
 * mode it is only that prediction, `{changed, diff}`.
 */
export function copyActionResult(ctx: ModuleContext, written: DetailedWrite): ModuleResult {
  const { result, contentChanged } = written;
  if (result.failed) return result;
  // Content already right: the action ran the file module, whose result has its diff of the attributes.
  if (!contentChanged) return written.attributesDiff ? { ...result, diff: written.attributesDiff } : result;
  const diff = result.diff === undefined ? [] : [result.diff];
  return ctx.check ? { changed: true, diff } : { ...result, diff };
}

/** What a validate command did (assemble's result has it). */
export interface Validation {
  readonly rc: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** writeFile's result, with what changed and, when a validate command ran, what it did. */
export interface DetailedWrite {
  readonly result: ModuleResult;
  /** The file's mode, owner or group changed (lineinfile's message says so). */
  readonly attributesChanged: boolean;
  /** The content differed, so it was written (or, in check mode, would be). */
  readonly contentChanged: boolean;
  /** The remote source is a directory: nothing was done (copy copies it as a tree). */
  readonly sourceIsDirectory?: boolean;
  /** dest existed and keepExisting was asked: nothing was done. */
  readonly kept?: boolean;
  /** With the content left as it was: Ansible's file diff of the attributes ({path} on both sides when none changed). */
  readonly attributesDiff?: FileAttributesDiff;
  /** Ansible's diff of the chattr flags, where they changed (whether the content did or not). */
  readonly flagsDiff?: FileAttributesDiff;
  /** After a write: the mode, uid and gid dest had before (a new file: those it was created with, as Ansible's modules create it). */
  readonly idsBefore?: { readonly mode: string; readonly uid: string; readonly gid: string };
  readonly validation?: Validation;
}

export async function writeFileDetailed(ctx: ModuleContext, request: WriteFileRequest): Promise<DetailedWrite> {
  const content = Buffer.isBuffer(request.content) ? request.content : undefined;
  const checksum = content ? createHash('sha1').update(content).digest('hex') : undefined;
  if (request.validate !== undefined && !request.validate.includes('%s')) {
    return { result: { changed: false, failed: true, msg: `validate must contain %s: ${request.validate}` }, attributesChanged: false, contentChanged: false };
  }
  const large = content !== undefined && content.length > LARGE_CONTENT_BYTES;
  let result = await ctx.exec(writeScript(ctx, request, checksum, large ? 'probe' : 'write'));
  let report = readReport(result.stdout, WRITE_REPORT);
  if (report.needs_content) {
    result = await ctx.exec(writeScript(ctx, request, checksum, 'write'));
    report = readReport(result.stdout, WRITE_REPORT);
  }
  if (report.source_is_directory) return { result: { changed: false }, attributesChanged: false, contentChanged: false, sourceIsDirectory: true };
  if (report.kept) return { result: { changed: false }, attributesChanged: false, contentChanged: false, kept: true };
  const failure = reportedFailure(report, { dest: report.dest ?? request.dest, ...chattrFailureDetails(report) });
  if (failure) {
    const validation = report.validate_rc === undefined ? {} : { exit_status: report.validate_rc, stdout: report.validate_out ?? '', stderr: report.validate_err ?? '' };
    return { result: { ...failure, ...validation }, attributesChanged: false, contentChanged: false };
  }
  if (!report.dest) return { result: scriptFailure(result.rc, result.stderr), attributesChanged: false, contentChanged: false };
  const written = {
    result: writtenResult(ctx, request, report, content, checksum ?? report.checksum),
    attributesChanged: report.attributes_changed === true,
    contentChanged: report.content_changed === true,
    ...(report.content_changed === true ? {} : { attributesDiff: attributeChangeDiff(report.dest, report) }),
    flagsDiff: chattrChangeDiff(report),
    ...(report.ids_before === undefined ? {} : { idsBefore: idsOf(report.ids_before) }),
  };
  return report.validate_rc === undefined ? written : { ...written, validation: { rc: report.validate_rc, stdout: report.validate_out ?? '', stderr: report.validate_err ?? '' } };
}

/** "MODE UID GID" as write.sh reports them. */
function idsOf(reported: string): { mode: string; uid: string; gid: string } {
  const [mode = '', uid = '', gid = ''] = reported.split(' ');
  return { mode, uid, gid };
}

/** copy's result: dest, checksum, the file's attributes, md5sum after a write or path when the content is left alone, the diff. */
function writtenResult(ctx: ModuleContext, request: WriteFileRequest, report: WriteReport, content: Buffer | undefined, checksum: string | undefined): ModuleResult {
  const out: ModuleResult = { changed: report.changed === true, dest: report.dest, checksum, state: 'file' };
  if (report.mode !== undefined) {
    Object.assign(out, reportedAttributes(report));
  } else if (content) {
    out.size = content.length;
  }
  if (report.backup_file) out.backup_file = report.backup_file;
  if (report.md5sum) out.md5sum = report.md5sum;
  // Measured: Ansible's copy gives path when the content is left as it is, in check mode too.
  else if (report.content_changed !== true) out.path = report.dest;
  if (ctx.diff && report.content_changed) out.diff = contentDiff(report, request, content);
  return out;
}

/** As Ansible's _get_diff_data: a file that did not exist has no before_header. */
function contentDiff(report: WriteReport, request: WriteFileRequest, content: Buffer | undefined): FileDiff {
  const tooBig = (content?.length ?? 0) > MAX_DIFF_BYTES || report.before_too_big === true || report.after_too_big === true;
  const existed = report.before !== undefined || report.before_too_big === true;
  return {
    before: tooBig ? '' : (report.before ?? 'x').slice(0, -1),
    after: tooBig ? '' : content ? surrogateEscaped(content) : (report.after ?? 'x').slice(0, -1),
    ...(existed ? { before_header: report.dest ?? request.dest } : {}),
    after_header: request.sourceLabel,
  };
}

/**
 * `probe`: compare only; when the content differs (and not in check mode)
 * report `needs_content` and stop. `write`: compare and write. The work is
 * cx_write_task's (engine/modules/sh/write.sh); this builds its call.
 */
function writeScript(ctx: ModuleContext, request: WriteFileRequest, checksum: string | undefined, mode: 'probe' | 'write'): string {
  const { check } = ctx;
  const content = Buffer.isBuffer(request.content) ? request.content : undefined;
  const text = inlineText(request);
  const remote = content === undefined ? request.content as { remotePath: string } : undefined;
  const flags = [
    request.follow && 'follow',
    request.force && 'force',
    request.keepExisting && 'keep',
    request.makeParents && 'parents',
    check && 'check',
    ctx.diff && 'diff',
    mode === 'probe' && 'probe',
    text !== undefined && 'text',
    text !== undefined && content!.length <= SLURP_MAX_BYTES && request.expectedChecksum === undefined && 'slurp',
    request.validate !== undefined && 'validate',
    remote && 'remote',
  ].filter(Boolean);
  const cleanUp = ['cx_write_cleanup', request.validate === undefined ? '' : 'cx_validate_cleanup', request.backup ? 'cx_backup_cleanup' : ''].filter(Boolean).join('; ');
  const call = [
    'cx_write_task',
    quote(request.dest),
    quote(request.nameInDirectory ?? ''),
    quote(flags.join(' ')),
    checksum ?? "''",
    // The size tells a different content at once; a changed-meanwhile check needs the sha1 anyway.
    content && request.expectedChecksum === undefined ? content.length : "''",
    quote(text ?? ''),
    quote(request.expectedChecksum === null ? 'absent' : (request.expectedChecksum ?? '')),
    // The md5 of content we sent is known here; only a remote source is summed there.
    content ? createHash('md5').update(content).digest('hex') : "''",
    quote(request.attributes.mode ?? ''),
    randomBytes(6).toString('hex'),
    request.backup ? randomInt(10_000, 100_000) : "''",
    MAX_DIFF_BYTES,
    quote(remote?.remotePath ?? ''),
    quote(chownFailureMessage(request.attributes)),
  ];
  return [
    REPORT_FUNCTIONS,
    FLAG_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(request.attributes, check),
    check ? '' : SELF_FUNCTIONS,
    check ? '' : TEMP_FILE_FUNCTIONS,
    DIRNAME_FUNCTION,
    WRITE_PARTS.common,
    remote ? WRITE_PARTS.remote : '',
    request.expectedChecksum === undefined ? '' : WRITE_PARTS.expected,
    ctx.diff ? WRITE_PARTS.diff : '',
    check ? '' : WRITE_PARTS.write,
    flags.includes('slurp') ? SLURP_FUNCTION : '',
    request.backup ? BACKUP_FUNCTION : '',
    request.validate === undefined ? '' : `${VALIDATE_FUNCTION}\n${validateFunction(request.validate)}`,
    mode === 'write' && content && text === undefined ? heredocBase64('cx_write_content() { base64 -d', content, '; }') : '',
    flushOnExit(cleanUp),
    "trap 'exit 143' TERM HUP INT",
    call.join(' '),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Content that travels in the script as text (cx_write_task's TEXT): UTF-8 without NUL, up to LARGE_CONTENT_BYTES. */
function inlineText(request: WriteFileRequest): string | undefined {
  if (!Buffer.isBuffer(request.content) || request.content.length > LARGE_CONTENT_BYTES) return undefined;
  const text = request.content.toString('utf8');
  return !text.includes('\0') && Buffer.from(text, 'utf8').equals(request.content) ? text : undefined;
}

/**
 * Ansible runs `validate % tmp` without a shell: `cx_write_validate TMP` runs
 * its words, with %s as TMP, through cx_validate.
 */
function validateFunction(validate: string): string {
  const words = splitCommandLine(validate).map((word) => word.split('%s').map(quote).join('"$1"'));
  return `cx_write_validate() { cx_validate ${words.join(' ')}; }`;
}
