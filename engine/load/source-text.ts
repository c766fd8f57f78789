/**
 * The text of a playbook, inventory or vars file as ansible-playbook reads
 * it: UTF-8, with or without a byte-order mark, lines ended by LF, CRLF or a
 * lone CR. What Ansible refuses (UTF-16, bytes that are not UTF-8, control
 * characters such as NUL) is refused here with the file:line:col of the
 * first offending character, instead of being turned into U+FFFD or passed
 * on to a host or the output.
 */
import { CxError, type SourcePosition } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** What YAML (and so PyYAML, Ansible's reader) accepts in a file: no C0/C1 control character but tab, LF, CR and NEL. */
const UNPRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** UTF-8 bytes as text; a file in another encoding is refused. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CxError('the file is encoded as UTF-16', { at: { file, line: 1, col: 1 }, hint: 'save it as UTF-8 (ansible-playbook refuses UTF-16 too)' });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CxError('the file is not valid UTF-8', { at: { file, ...firstInvalidCharacter(bytes) }, hint: 'save it as UTF-8 (ansible-playbook refuses other encodings too)' });
  }
}

/** The text YAML should parse: without a leading byte-order mark, lone CRs read as line ends; control characters refused. */
export function yamlText(source: string, file: string): string {
  const text = source.startsWith('\ufeff') ? source.slice(1) : source;
  const bad = UNPRINTABLE.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new CxError(`control character U+${code} is not allowed in a YAML file`, { at: { file, ...lineAndColumn(text, bad.index) }, hint: 'remove it; write "\\x00"-style escapes inside a double-quoted string if the value needs it' });
  }
  // PyYAML reads a lone CR as a line break (old Mac files); the yaml package does not. Same length: offsets keep.
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The line that does not decode, and the first replacement character in it. */
function firstInvalidCharacter(bytes: Uint8Array): Required<Pick<SourcePosition, 'line' | 'col'>> {
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const content = bytes.subarray(start, end < 0 ? bytes.length : end);
    try {
      utf8.decode(content);
    } catch {
      return { line, col: new TextDecoder().decode(content).indexOf('\ufffd') + 1 };
    }
    start = end + 1;
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): Required<Pick<SourcePosition, 'line' | 'col'>> {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: before.length - lineStart + 1 };
}
