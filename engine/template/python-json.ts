/**
 * JSON text as Python's json.dumps writes it, which Ansible's to_json and
 * to_nice_json call: ', ' and ': ' between items unless told otherwise,
 * non-ASCII escaped as \uXXXX (ensure_ascii), keys sorted on request, and
 * an indented layout that matches Python's byte for byte.
 */
import { TemplateError } from '../errors.js';
import { floatRepr, PyFloat, PyValue, pythonNumber } from './python.js';

export interface JsonLayout {
  readonly indent?: number | string | undefined;
  readonly sortKeys?: boolean;
  readonly ensureAscii?: boolean;
  readonly itemSeparator?: string;
  readonly keySeparator?: string;
}

export function pythonJson(value: unknown, layout: JsonLayout = {}): string {
  const indent = typeof layout.indent === 'number' ? ' '.repeat(layout.indent) : layout.indent;
  const itemSeparator = layout.itemSeparator ?? (indent === undefined ? ', ' : ',');
  const keySeparator = layout.keySeparator ?? ': ';
  const ascii = layout.ensureAscii ?? true;
  const write = (item: unknown, depth: number): string => {
    if (item === null || item === undefined) return 'null';
    if (item === true) return 'true';
    if (item === false) return 'false';
    if (typeof item === 'number') return Number.isFinite(item) ? pythonNumber(item) : Number.isNaN(item) ? 'NaN' : item > 0 ? 'Infinity' : '-Infinity';
    if (typeof item === 'string') return jsonString(item, ascii);
    if (item instanceof PyFloat) return floatRepr(item.value);
    if (item instanceof PyValue) return write(item.json(), depth);
    const open = indent === undefined ? '' : `\n${indent.repeat(depth + 1)}`;
    const close = indent === undefined ? '' : `\n${indent.repeat(depth)}`;
    const separator = indent === undefined ? itemSeparator : `${itemSeparator}${open}`;
    if (Array.isArray(item)) {
      if (item.length === 0) return '[]';
      return `[${open}${item.map((element) => write(element, depth + 1)).join(separator)}${close}]`;
    }
    if (typeof item === 'object') {
      // A key whose value is undefined is absent (as JSON.stringify has it): Python has no such value.
      const keys = Object.keys(item).filter((key) => (item as Record<string, unknown>)[key] !== undefined);
      if (keys.length === 0) return '{}';
      if (layout.sortKeys) keys.sort();
      const entries = keys.map((key) => `${jsonString(key, ascii)}${keySeparator}${write((item as Record<string, unknown>)[key], depth + 1)}`);
      return `{${open}${entries.join(separator)}${close}}`;
    }
    throw new TemplateError(`Object of type ${typeof item} is not JSON serializable`);
  };
  return write(value, 0);
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Printable ASCII without a quote or backslash: written as is (most strings, so checked first). */
const PLAIN = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

function jsonString(text: string, ascii: boolean): string {
  if (PLAIN.test(text)) return `"${text}"`;
  let out = '"';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const code = text.charCodeAt(index);
    if (ESCAPES[char]) out += ESCAPES[char];
    else if (code < 0x20 || (ascii && code > 0x7e)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
