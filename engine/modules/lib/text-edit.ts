/**
 * What the modules that edit a file's text on the controller (lineinfile,
 * replace, blockinfile) share: the path argument's aliases, the first exec that
 * reads the file (and tells whether it already has the wanted attributes, so
 * an unchanged file needs no second exec), Python's expansion of a match into
 * a template, Ansible's message when the attributes changed, and the diff
 * lineinfile and blockinfile return.
 */
import type { FileDiff, ModuleContext, ModuleResult } from '../module.js';
import { attributesFrom, pythonMode, type FileAttributes, type FileAttributesDiff } from './file-attributes.js';
import { readRemoteFile, type RemoteFile } from './read-file.js';

/** The aliases Ansible keeps for `path`, in its order (given with path, the last given wins). */
export const EDITED_PATH_ALIASES = { dest: 'path', destfile: 'path', name: 'path' } as const;

export interface EditedFile {
  readonly file: RemoteFile;
  readonly attributes: FileAttributes;
  /** The file has the wanted mode, owner and group (or none is wanted), and no chattr flags are wanted. */
  readonly attributesRight: boolean;
}

/**
 * The file to edit, read in one exec (with its attributes when some are
 * wanted); a directory fails as Ansible's modules fail on one (rc 256).
 */
export async function readEdited(ctx: ModuleContext, path: string): Promise<EditedFile | { failure: ModuleResult }> {
  const attributes = attributesFrom(ctx.args);
  const noAttributes = attributes.mode === undefined && attributes.owner === undefined && attributes.group === undefined;
  const file = await readRemoteFile(ctx, path, { withAttributes: !noAttributes });
  if (file.isDirectory) return { failure: { changed: false, failed: true, rc: 256, msg: `Path ${path} is a directory !` } };
  // chattr flags are compared by the write script (lsattr), never here.
  const attributesRight = attributes.flags === undefined && (noAttributes || attributesMatch(attributes, file.attributes));
  return { file, attributes, attributesRight };
}

/** Python's match.expand: \1, \g<1>, \g<name>, and the usual escapes. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', f: '\f', v: '\v' };
  return template.replace(/\\(?:g<(\w+)>|(\d{1,2})|(.))/g, (whole, name: string | undefined, index: string | undefined, other: string | undefined) => {
    if (name !== undefined) return (/^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name]) ?? '';
    if (index !== undefined) return match[Number(index)] ?? '';
    return escapes[other!] ?? whole;
  });
}

/** Whether the file already has the wanted attributes; a symbolic mode is left to the write script to work out. */
function attributesMatch(wanted: FileAttributes, current: RemoteFile['attributes']): boolean {
  if (!current) return false;
  if (wanted.mode !== undefined && wanted.mode !== current.mode) return false;
  const same = (want: string | undefined, id: string, name: string) => want === undefined || want === (/^\d+$/.test(want) ? id : name);
  return same(wanted.owner, current.uid, current.owner) && same(wanted.group, current.gid, current.group);
}

/** Ansible's check_file_attrs: the message, told that the mode, owner or group changed too. */
export function withAttributesMessage(msg: string, attributesChanged: boolean): string {
  return attributesChanged ? `${msg}${msg ? ' and ' : ''}ownership, perms or SE linux context changed` : msg;
}

/** replace's and blockinfile's failed validation: Ansible says how it failed in the message. */
export function validationFailure(written: ModuleResult): ModuleResult {
  if (written.exit_status === undefined) return written;
  const { exit_status: rc, stdout: _stdout, stderr, dest: _dest, ...rest } = written;
  return { ...rest, msg: `failed to validate: rc:${String(rc)} error:${String(stderr)}` };
}

/**
 * Ansible's file-attributes diff (set_*_if_different): the mode ('0%03o'),
 * owner and group (ids) that changed, before and after. `current` is what the
 * file had (readEdited; for a new file, what the write created it with), `written` the write's result (its reported
 * attributes; in check mode the wanted ones stand in, ids when they are ids),
 * then the chattr flags' diff the write reported.
 */
export function attributesDiff(wanted: FileAttributes, current: Pick<NonNullable<RemoteFile['attributes']>, 'mode' | 'uid' | 'gid'> | undefined, written: ModuleResult, flags?: FileAttributesDiff): FileAttributesDiff {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const afterMode = typeof written.mode === 'string' ? written.mode : wanted.mode;
  if (wanted.mode !== undefined && afterMode !== undefined && /^[0-7]+$/.test(afterMode) && afterMode !== current?.mode) {
    before.mode = current ? pythonMode(current.mode) : undefined;
    after.mode = pythonMode(afterMode);
  }
  const id = (want: string | undefined, reported: unknown) => (typeof reported === 'number' ? reported : want !== undefined && /^\d+$/.test(want) ? Number(want) : undefined);
  const owner = id(wanted.owner, written.uid);
  if (wanted.owner !== undefined && owner !== undefined && String(owner) !== current?.uid) {
    before.owner = current ? Number(current.uid) : undefined;
    after.owner = owner;
  }
  const group = id(wanted.group, written.gid);
  if (wanted.group !== undefined && group !== undefined && String(group) !== current?.gid) {
    before.group = current ? Number(current.gid) : undefined;
    after.group = group;
  }
  return { before: { ...before, ...flags?.before }, after: { ...after, ...flags?.after } };
}

/** The first part of lineinfile's and blockinfile's diff, there with or without --diff: the texts (only with --diff) under `(content)` headers. */
export function contentDiff(ctx: ModuleContext, path: string, before: string, after: string): FileDiff {
  return { before: ctx.diff ? before : '', after: ctx.diff ? after : '', before_header: `${path} (content)`, after_header: `${path} (content)` };
}

/** The second part: what set_fs_attributes_if_different changed (attributesDiff; nothing when nothing did), under `(file attributes)` headers. */
export function fileAttributesDiff(path: string, changed?: FileAttributesDiff): Record<string, unknown> {
  return { ...changed, before_header: `${path} (file attributes)`, after_header: `${path} (file attributes)` };
}
