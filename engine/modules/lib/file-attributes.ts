/**
 * mode, owner, group and chattr flags (`attributes`) as Ansible takes them,
 * and the sh functions that compare and apply them
 * (engine/modules/sh/attributes.sh, temp.sh).
 */
import { CxError } from '../../errors.js';
import { quote } from '../../connection/quote.js';
import ATTRIBUTES_SH from '../sh/attributes.sh';
import SELF_SH from '../sh/self.sh';
import TEMP_SH from '../sh/temp.sh';
import type { Report } from './report.js';
import { secontextDiff, secontextInfo, selinuxGiven, selinuxWanted, SELINUX_FUNCTIONS } from './selinux-context.js';
import { shellCode, shellParts } from './shell-code.js';

export interface FileAttributes {
  /** Four octal digits (`0644`) or a symbolic mode (`u=rw,g=r`). */
  readonly mode?: string | undefined;
  readonly owner?: string | undefined;
  readonly group?: string | undefined;
  /** chattr flags as the task gives them (`+A`, `-A`, `A`); an empty string is given too (Ansible clears every flag). */
  readonly flags?: string | undefined;
  /** The line that tells the script the wanted SELinux context parts (selinux-context.ts; applied only where SELinux is enabled, as in Ansible). */
  readonly selinux?: string | undefined;
}

export const ATTRIBUTE_SCHEMA = {
  mode: { type: ['string', 'integer'] },
  owner: { type: 'string' },
  group: { type: 'string' },
  attributes: { type: 'string' },
  seuser: { type: 'string' },
  serole: { type: 'string' },
  setype: { type: 'string' },
  selevel: { type: 'string' },
} as const;

const SYMBOLIC_MODE = /^[ugoa]*([-+=]([rwxXst]*|[ugo]))+(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*$/;

/** `0644`, `644`, 420 (YAML 1.1 reads 0644 as octal), `u=rw,g=r` → four octal digits or the symbolic mode. */
export function normalizeMode(mode: unknown): string | undefined {
  if (mode === undefined || mode === null || mode === '') return undefined;
  if (typeof mode === 'number') {
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) throw invalidMode(String(mode));
    return mode.toString(8).padStart(4, '0');
  }
  const text = String(mode).trim();
  if (/^[0-7]{1,5}$/.test(text) && Number.parseInt(text, 8) <= 0o7777) return Number.parseInt(text, 8).toString(8).padStart(4, '0');
  if (SYMBOLIC_MODE.test(text)) return text;
  throw invalidMode(text);
}

function invalidMode(text: string): CxError {
  return new CxError(`mode '${text}' is not valid`, { hint: "use an octal string such as '0644' (quoted) or a symbolic mode such as u=rw,g=r,o=r" });
}

/** The fields `cx_report_attributes` reports, for a module's report declaration. */
export const ATTRIBUTE_REPORT = { mode: 'text', owner: 'text', group: 'text', uid: 'number', gid: 'number', size: 'number', secontext: 'text' } as const;

/** ATTRIBUTE_REPORT with what cx_report_path_state says the path is: what withPathInfo reads. */
export const PATH_INFO_REPORT = { ...ATTRIBUTE_REPORT, path_state: 'text' } as const;

/** What cx_attributes reports of each attribute it changes (or would change, in check mode). */
export const ATTRIBUTE_CHANGE_REPORT = {
  mode_before: 'text',
  mode_after: 'text',
  uid_before: 'number',
  uid_after: 'number',
  gid_before: 'number',
  gid_after: 'number',
  attr_before: 'text',
  attr_before_unknown: 'flag',
  attr_after: 'text',
  chattr_details: 'text',
  chattr_path: 'text',
  chattr_on_directory: 'flag',
  chattr_on_link: 'flag',
  secontext_before: 'text',
  secontext_after: 'text',
} as const;

/** Ansible's file diff: both sides name the path. */
export interface FileAttributesDiff {
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
}

/** Ansible's file diff of PATH: mode, owner and group (uid/gid as numbers) on both sides, where they change. */
export function attributeChangeDiff(path: string, report: Report<typeof ATTRIBUTE_CHANGE_REPORT>): FileAttributesDiff {
  const before: Record<string, unknown> = { path };
  const after: Record<string, unknown> = { path };
  if (report.mode_before !== undefined) {
    before.mode = pythonMode(report.mode_before);
    after.mode = pythonMode(report.mode_after!);
  }
  if (report.uid_before !== undefined) {
    before.owner = report.uid_before;
    after.owner = report.uid_after;
  }
  if (report.gid_before !== undefined) {
    before.group = report.gid_before;
    after.group = report.gid_after;
  }
  const flags = chattrChangeDiff(report);
  const context = secontextDiff(report);
  return { before: { ...before, ...flags.before, ...context.before }, after: { ...after, ...flags.after, ...context.after } };
}

/** Ansible's diff of the chattr flags (`attributes`: as lsattr listed them, null where it could not; after: as chattr was given them), where they change. */
export function chattrChangeDiff(report: Report<typeof ATTRIBUTE_CHANGE_REPORT>): FileAttributesDiff {
  if (report.attr_after === undefined) return { before: {}, after: {} };
  return { before: { attributes: report.attr_before_unknown === true ? null : report.attr_before }, after: { attributes: report.attr_after } };
}

/** What Ansible's failed chattr adds to the result: the command's output (details), the path and its attributes. */
export function chattrFailureDetails(report: Report<typeof ATTRIBUTE_CHANGE_REPORT & typeof ATTRIBUTE_REPORT>): Record<string, unknown> {
  if (report.chattr_details === undefined) return {};
  const state = report.chattr_on_link === true ? 'link' : report.chattr_on_directory === true ? 'directory' : 'file';
  return { details: `${report.chattr_details}\n`, path: report.chattr_path, ...reportedAttributes(report), state };
}

/** Those fields as Ansible's result has them, when the script reported them. */
export function reportedAttributes(report: Report<typeof ATTRIBUTE_REPORT>): Record<string, unknown> {
  if (report.mode === undefined) return {};
  return { mode: pythonMode(report.mode), owner: report.owner, group: report.group, uid: report.uid, gid: report.gid, size: report.size, ...secontextInfo(report) };
}

/** Ansible's add_path_info: a result naming an existing `path` gets its attributes, and its `state` (path_state when reported, else file). */
export function withPathInfo<T extends Record<string, unknown>>(out: T, report: Report<typeof ATTRIBUTE_REPORT> & Partial<Report<typeof PATH_INFO_REPORT>>): T {
  return report.mode === undefined ? out : { ...out, ...reportedAttributes(report), state: report.path_state ?? 'file' };
}

/** A mode as Ansible's results write it ('0%03o'): 0644, 01777. */
export function pythonMode(mode: string): string {
  return `0${Number.parseInt(mode, 8).toString(8).padStart(3, '0')}`;
}

export function attributesFrom(args: Readonly<Record<string, unknown>>): FileAttributes {
  return {
    mode: normalizeMode(args.mode),
    owner: args.owner === undefined || args.owner === null ? undefined : String(args.owner),
    group: args.group === undefined || args.group === null ? undefined : String(args.group),
    flags: chattrFlagsFrom(args),
    selinux: selinuxGiven(args) ? selinuxWanted(args) : undefined,
  };
}

/** `attributes` (its alias `attr` is FILE_COMMON_ALIASES'). */
function chattrFlagsFrom(args: Readonly<Record<string, unknown>>): string | undefined {
  const given = args.attributes;
  return given === undefined || given === null ? undefined : String(given);
}

const ATTRIBUTE_PARTS = shellParts(ATTRIBUTES_SH);

/**
 * The sh functions that compare, apply and report mode, owner and group
 * (engine/modules/sh/attributes.sh; REPORT_FUNCTIONS must come first). A
 * script gives them the wanted attributes with attributesWanted.
 */
export const ATTRIBUTE_FUNCTIONS = `${ATTRIBUTE_PARTS.common!}${SELINUX_FUNCTIONS}`;

/** `cx_attributes_recursive PATH`: ATTRIBUTE_FUNCTIONS' comparison for everything under PATH (file's recurse). */
export const RECURSIVE_ATTRIBUTE_FUNCTION = ATTRIBUTE_PARTS.recursive!;

/** The line that tells ATTRIBUTE_FUNCTIONS what is wanted (in check mode they change nothing), the SELinux context's parts included. */
export function attributesWanted(attributes: FileAttributes, check: boolean): string {
  const { mode, owner, group, flags, selinux } = attributes;
  const wanted = `cx_attributes_wanted ${quote(mode ?? '')} ${quote(owner ?? '')} ${quote(group ?? '')} ${check ? 'true' : 'false'}`;
  const withFlags = flags === undefined ? wanted : `${wanted} ${quote(flags)}`;
  return selinux === undefined ? withFlags : `${withFlags}; ${selinux}`;
}

/** `cx_self` (the shell's umask and effective ids) and `cx_octal N` (engine/modules/sh/self.sh). */
export const SELF_FUNCTIONS = shellCode(SELF_SH);

/**
 * sh functions that give a temp file its final mode, owner and group before it
 * is renamed over the destination (engine/modules/sh/temp.sh; needs
 * ATTRIBUTE_FUNCTIONS and SELF_FUNCTIONS).
 */
export const TEMP_FILE_FUNCTIONS = shellCode(TEMP_SH);

/** What cx_temp_finish says when the temp file cannot be given the wanted owner and group. */
export function chownFailureMessage(attributes: FileAttributes): string {
  const { owner, group } = attributes;
  return `chown failed: could not give the file to ${owner ?? 'its owner'}${group ? ` and group ${group}` : ''}`;
}
