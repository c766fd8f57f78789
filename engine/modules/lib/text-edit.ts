/**
 * What the modules that edit a file's text on the controller (lineinfile,
 * replace) share: the path argument and its aliases, the first exec that
 * reads the file (and tells whether it already has the wanted attributes, so
 * an unchanged file needs no second exec), Python's expansion of a match into
 * a template, and Ansible's message when the attributes changed.
 */
import type { ModuleContext, ModuleResult } from '../module.js';
import { attributesFrom, type FileAttributes } from './file-attributes.js';
import { readRemoteFile, type RemoteFile } from './read-file.js';

/** `path` and the aliases Ansible keeps for it; one of them is required (EDITED_PATH_REQUIRED). */
export const EDITED_PATH_SCHEMA = {
  path: { type: 'string' },
  dest: { type: 'string' },
  destfile: { type: 'string' },
  name: { type: 'string' },
} as const;
export const EDITED_PATH_REQUIRED = [{ required: ['path'] }, { required: ['dest'] }, { required: ['destfile'] }, { required: ['name'] }];

/** The path a task gave, under whichever name. */
export function editedPath(args: ModuleContext['args']): string {
  return String(args.path ?? args.dest ?? args.destfile ?? args.name);
}

export interface EditedFile {
  readonly file: RemoteFile;
  readonly attributes: FileAttributes;
  /** The file has the wanted mode, owner and group (or none is wanted). */
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
  return { file, attributes, attributesRight: noAttributes || attributesMatch(attributes, file.attributes) };
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
