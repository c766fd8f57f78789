/** Tokens of the `{{ }}` expression language (a Jinja subset). */
import { TemplateError } from '../errors.js';
import { pyFloat, type PyFloat } from './python.js';

export type Token =
  | { readonly kind: 'number'; readonly value: number | PyFloat }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'op'; readonly value: string }
  | { readonly kind: 'end' };

const OPERATORS = ['**', '//', '==', '!=', '<=', '>=', '(', ')', '[', ']', '{', '}', ',', ':', '.', '|', '~', '+', '-', '*', '/', '%', '<', '>', '='];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
/** Python's numeric escapes: \x41, \u00e9, \U0001f600 and octal \101 (\0 included). */
const NUMERIC_ESCAPE = /^(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3})/;

/**
 * `rawStrings`: a backslash in a string literal is kept as written, as
 * Ansible keeps it inside the `{{ }}` of a playbook value (its templar
 * doubles backslashes there before Jinja reads them); template files and
 * `{% %}` statements read escapes (\n, \t, \\) as Jinja does.
 */
export function tokenize(source: string, rawStrings = false): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (/\s/.test(char)) {
      index += 1;
    } else if (/[0-9]/.test(char)) {
      const match = /^(\d+\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?)/.exec(source.slice(index))!;
      // A point or an exponent makes a float (1.0, 1e3), as in Python.
      tokens.push({ kind: 'number', value: /[.eE]/.test(match[1]!) ? pyFloat(Number(match[1])) : Number(match[1]) });
      index += match[1]!.length;
    } else if (char === '"' || char === "'") {
      const [value, next] = readString(source, index, rawStrings);
      tokens.push({ kind: 'string', value });
      index = next;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index))!;
      tokens.push({ kind: 'name', value: match[0] });
      index += match[0].length;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, index));
      if (!op) throw new TemplateError(`unexpected character '${char}' in expression "${source}"`);
      tokens.push({ kind: 'op', value: op });
      index += op.length;
    }
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

function readString(source: string, start: number, raw: boolean): [string, number] {
  const quote = source[start]!;
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index]!;
    if (char === quote) return [value, index + 1];
    if (char === '\\' && index + 1 < source.length) {
      const next = source[index + 1]!;
      const numeric = raw ? null : NUMERIC_ESCAPE.exec(source.slice(index + 1));
      if (numeric) {
        value += String.fromCodePoint(numericEscape(numeric[0]));
        index += 1 + numeric[0].length;
        continue;
      }
      value += raw ? `\\${next}` : (ESCAPES[next] ?? `\\${next}`);
      index += 2;
    } else {
      value += char;
      index += 1;
    }
  }
  throw new TemplateError(`unterminated string in expression "${source}"`);
}

function numericEscape(escape: string): number {
  const code = /^[0-7]/.test(escape) ? parseInt(escape, 8) : parseInt(escape.slice(1), 16);
  if (code > 0x10ffff) throw new TemplateError(`illegal Unicode character \\${escape} in a string literal`);
  return code;
}
