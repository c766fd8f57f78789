/**
 * Ansible's short form of module arguments: `path=/x state=directory`, with
 * quoting as Ansible's parse_kv reads it. For free-form modules (command,
 * shell) the words that are not known `k=v` arguments are the command,
 * kept as written, under `_raw_params`.
 */
import { CxError } from '../errors.js';
import type { ModuleDef } from './module.js';

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function parseShortForm(text: string, module: ModuleDef): Record<string, unknown> {
  const known = new Set(Object.keys((module.argsSchema.properties as Record<string, unknown> | undefined) ?? {}));
  const args: Record<string, unknown> = {};
  const command: Word[] = [];
  for (const word of splitWords(text)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(word.text);
    if (match && (!module.freeForm || (known.has(match[1]!) && match[1] !== '_raw_params'))) {
      args[match[1]!] = unquote(match[2]!);
    } else if (module.freeForm) {
      command.push(word);
    } else {
      throw new CxError(`${module.name}: cannot read '${word.text}' as name=value`, { hint: `write arguments as name=value, or use the mapping form` });
    }
  }
  if (command.length > 0) args._raw_params = text.slice(command[0]!.start, command.at(-1)!.end);
  return args;
}

/** Split on whitespace outside quotes, remembering where each word is. */
function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    if (index >= text.length) break;
    const start = index;
    let quote: string | undefined;
    let depth = 0;
    while (index < text.length && (quote || depth > 0 || !/\s/.test(text[index]!))) {
      const char = text[index]!;
      if (quote) {
        if (char === '\\') index += 1;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (text.startsWith('{{', index)) {
        depth += 1;
        index += 1;
      } else if (text.startsWith('}}', index) && depth > 0) {
        depth -= 1;
        index += 1;
      }
      index += 1;
    }
    words.push({ text: text.slice(start, index), start, end: index });
  }
  return words;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
    return value.slice(1, -1).replace(/\\(["'\\])/g, '$1');
  }
  return value;
}
