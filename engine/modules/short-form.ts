/**
 * Ansible's short form of module arguments: `path=/x state=directory`, read
 * as Ansible's parse_kv reads it: words split on whitespace outside quotes
 * and `{{ }}` / `{% %}` / `{# #}` blocks, escapes (`\n`, `\"`, `\=`, ...)
 * decoded in values, one pair of outer quotes removed. For free-form modules
 * (command, shell) only Ansible's few option names are split off; every other
 * word is the command, kept as written (spacing and quotes) in `_raw_params`.
 */
import { CxError } from '../errors.js';
import type { ModuleDef } from './module.js';

/** The `k=v` words Ansible splits off a free-form command (parsing/splitter.py). */
const FREE_FORM_OPTIONS = new Set(['creates', 'removes', 'chdir', 'executable', 'warn', 'stdin', 'stdin_add_newline', 'strip_empty_ends']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function parseShortForm(text: string, module: ModuleDef): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const command: Word[] = [];
  for (const word of splitArgs(text)) {
    const pair = keyValue(decodeEscapes(word.text));
    if (pair && (!module.freeForm || FREE_FORM_OPTIONS.has(pair.key))) {
      if (FORBIDDEN_KEYS.has(pair.key)) throw new CxError(`${module.name}: '${pair.key}' cannot be used as an argument name`);
      args[pair.key] = pair.value;
    } else if (module.freeForm) {
      command.push(word);
    } else {
      throw new CxError(`${module.name}: cannot read '${word.text}' as name=value`, {
        hint: 'write each argument as name=value (quote values with spaces: name="a b"), or use the mapping form',
      });
    }
  }
  if (command.length > 0) args._raw_params = joinCommand(text, command);
  return args;
}

/** `key=value` split at the first unescaped `=` after the first character, value unquoted. */
function keyValue(word: string): { key: string; value: string } | undefined {
  for (let index = 1; index < word.length; index += 1) {
    if (word[index] === '=' && word[index - 1] !== '\\') {
      return { key: word.slice(0, index).trim(), value: unquote(word.slice(index + 1).trim()) };
    }
  }
  return undefined;
}

/** The command words as written: the text between them kept, split-off options cut out. */
function joinCommand(text: string, words: readonly Word[]): string {
  let out = '';
  for (const [index, word] of words.entries()) {
    const previous = words[index - 1];
    if (previous) out += previous.end === word.start ? '' : adjacentGap(text, previous, word);
    out += word.text;
  }
  return out;
}

/** Whitespace between two consecutive command words, or one space when an option was cut out between them. */
function adjacentGap(text: string, previous: Word, word: Word): string {
  const gap = text.slice(previous.end, word.start);
  return /^\s+$/.test(gap) ? gap : ' ';
}

/**
 * Split on whitespace, keeping quoted strings and template blocks whole (as
 * Ansible's split_args does). A quote preceded by a backslash does not open or
 * close a quoted string.
 */
function splitArgs(text: string): Word[] {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    if (index >= text.length) break;
    const start = index;
    let quote: string | undefined;
    const depth = { '{{': 0, '{%': 0, '{#': 0 };
    const open = () => quote !== undefined || depth['{{'] > 0 || depth['{%'] > 0 || depth['{#'] > 0;
    while (index < text.length && (open() || !/\s/.test(text[index]!))) {
      const char = text[index]!;
      const pair = text.slice(index, index + 2);
      if (char === '\\') {
        index += 2;
        continue;
      }
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      }
      if (pair === '{{' || pair === '{%' || pair === '{#') {
        depth[pair] += 1;
        index += 2;
        continue;
      }
      const closer = ({ '}}': '{{', '%}': '{%', '#}': '{#' } as const)[pair as '}}' | '%}' | '#}'];
      if (closer && depth[closer] > 0) {
        depth[closer] -= 1;
        index += 2;
        continue;
      }
      index += 1;
    }
    if (open()) {
      throw new CxError(`failed at splitting arguments, either an unbalanced jinja2 block or quotes: ${text}`, {
        hint: 'close every quote and {{ }} block, or write the arguments in the mapping form',
      });
    }
    words.push({ text: text.slice(start, Math.min(index, text.length)), start, end: Math.min(index, text.length) });
  }
  return words;
}

/** One pair of matching outer quotes removed (Ansible's unquote). */
function unquote(value: string): string {
  const quoted = value.length > 1 && value[0] === value.at(-1) && (value[0] === '"' || value[0] === "'") && value.at(-2) !== '\\';
  return quoted ? value.slice(1, -1) : value;
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Python-style escapes as Ansible decodes them in `k=v` words: `\n`, `\t`, `\"`, `\\`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`. */
function decodeEscapes(text: string): string {
  return text.replace(/\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\\'"abfnrtv])/g, (_whole, escape: string) => {
    if (escape.length === 1) return SIMPLE_ESCAPES[escape]!;
    return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
  });
}
