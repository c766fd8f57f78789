/**
 * ansible.cfg as Python's configparser reads it for Ansible: `[section]`
 * headers, `key = value` or `key: value` (keys lower-cased), whole-line
 * comments with `#` or `;`, inline comments after ` ;`, indented lines
 * continuing the value before. Each value keeps its line for error messages.
 */
import { CxError, ExitCode } from '../errors.js';

export interface IniEntry {
  readonly section: string;
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export function parseIni(text: string, file: string): IniEntry[] {
  const entries: { -readonly [K in keyof IniEntry]: IniEntry[K] }[] = [];
  let section: string | undefined;
  // The entry an indented line continues (none right after a header).
  let current: (typeof entries)[number] | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const stripped = raw.trim();
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) return;
    if (/^\s/.test(raw) && current) {
      current.value = `${current.value}\n${withoutComment(stripped)}`;
      return;
    }
    const header = /^\[([^\]]+)\]$/.exec(stripped);
    if (header) {
      section = header[1]!.trim();
      current = undefined;
      return;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(stripped);
    if (!pair) throw bad(`cannot read this line: ${JSON.stringify(stripped)}`, file, line, 'write key = value under a [section] header');
    if (section === undefined) throw bad('a setting before any [section] header', file, line, 'put it under [defaults] (or the section it belongs to)');
    const key = pair[1]!.toLowerCase();
    if (entries.some((entry) => entry.section === section && entry.key === key)) throw bad(`'${key}' is set twice in [${section}]`, file, line, 'keep one of them');
    current = { section, key, value: withoutComment(pair[2]!), line };
    entries.push(current);
  });
  return entries;
}

/** configparser's inline comment: a `;` after whitespace ends the value. */
function withoutComment(value: string): string {
  return value.replace(/\s;.*$/, '').trim();
}

function bad(message: string, file: string, line: number, hint: string): CxError {
  return new CxError(message, { at: { file, line }, hint, exitCode: ExitCode.badOptions });
}
