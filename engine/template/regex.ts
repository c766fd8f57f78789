/** Python `re` patterns in JavaScript: match anchors at the start, (?P<name>) groups, \1 in replacements. */
import { TemplateError } from '../errors.js';

const cache = new Map<string, RegExp>();

export function pythonRegExp(pattern: string, mode: 'match' | 'search' | 'global', flags = ''): RegExp {
  const key = `${mode}\u0000${flags}\u0000${pattern}`;
  let regex = cache.get(key);
  if (!regex) {
    const source = pattern.replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>').replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>');
    try {
      regex = new RegExp(mode === 'match' ? `^(?:${source})` : source, `${flags}${mode === 'global' ? 'g' : ''}`);
    } catch (error) {
      throw new TemplateError(`invalid regular expression '${pattern}': ${(error as Error).message}`);
    }
    cache.set(key, regex);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Python replacement syntax (\1, \g<name>) to JavaScript's ($1, $<name>). */
export function pythonReplacement(replacement: string): string {
  return replacement
    .replace(/\$/g, '$$$$')
    .replace(/\\g<(\w+)>/g, (_m, name: string) => (/^\d+$/.test(name) ? `$${name}` : `$<${name}>`))
    .replace(/\\(\d+)/g, '$$$1');
}
