/**
 * What the modules that edit a file's text on the controller (lineinfile,
 * replace) share: Python's expansion of a match into a template, whether the
 * file already has the wanted attributes (so an unchanged file needs no
 * second exec), and Ansible's message when the attributes changed.
 */
import type { FileAttributes } from './file-attributes.js';
import type { RemoteFile } from './read-file.js';

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
export function attributesMatch(wanted: FileAttributes, current: RemoteFile['attributes']): boolean {
  if (!current) return false;
  if (wanted.mode !== undefined && wanted.mode !== current.mode) return false;
  const same = (want: string | undefined, id: string, name: string) => want === undefined || want === (/^\d+$/.test(want) ? id : name);
  return same(wanted.owner, current.uid, current.owner) && same(wanted.group, current.gid, current.group);
}

/** Ansible's check_file_attrs: the message, told that the mode, owner or group changed too. */
export function withAttributesMessage(msg: string, attributesChanged: boolean): string {
  return attributesChanged ? `${msg}${msg ? ' and ' : ''}ownership, perms or SE linux context changed` : msg;
}
