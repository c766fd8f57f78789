/** Python `re` patterns in JavaScript: match anchors at the start, (?P<name>) groups, \A \Z, inline flags, \1 in replacements. */
import { TemplateError } from '../errors.js';

const cache = new Map<string, RegExp>();
const INLINE_FLAGS: Record<string, string> = { i: 'i', m: 'm', s: 's' };

export function pythonRegExp(pattern: string, mode: 'match' | 'search' | 'global' | 'fullmatch', flags = ''): RegExp {
  const key = `${mode}\u0000${flags}\u0000${pattern}`;
  let regex = cache.get(key);
  if (!regex) {
    let source = pattern;
    let allFlags = flags;
    const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
    if (inline) {
      source = source.slice(inline[0].length);
      for (const flag of inline[1]!) if (INLINE_FLAGS[flag] && !allFlags.includes(flag)) allFlags += INLINE_FLAGS[flag];
    }
    source = source
      .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
      .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
      .replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2(?<![\\s\\S])')
      .replace(/(^|[^\\])((?:\\\\)*)\\Z/g, '$1$2(?![\\s\\S])');
    const anchored = mode === 'match' ? `^(?:${source})` : mode === 'fullmatch' ? `^(?:${source})$` : source;
    try {
      // 'm' would let ^ match after a newline: a match anchors at the text's start only, so the anchor is written out.
      regex = new RegExp(mode === 'match' && allFlags.includes('m') ? `(?<![\\s\\S])(?:${source})` : anchored, `${allFlags}${mode === 'global' ? 'g' : ''}`);
    } catch (error) {
      throw new TemplateError(`invalid regular expression '${pattern}': ${(error as Error).message}`);
    }
    cache.set(key, regex);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Python replacement syntax (\1, \g<name>, \n) to JavaScript's ($1, $<name>, a newline). */
export function pythonReplacement(replacement: string): string {
  return replacement.replace(/\$|\\(?:g<(\w+)>|(\d{1,2})|([ntrfv\\]))/g, (whole, group: string | undefined, number: string | undefined, escape: string | undefined) => {
    if (whole === '$') return '$$';
    // \g<0> is the whole match, which JavaScript writes $& (it has no $0).
    if (group !== undefined) return group === '0' ? '$&' : /^\d+$/.test(group) ? `$${group}` : `$<${group}>`;
    if (number !== undefined) return `$${number}`;
    return ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '\\': '\\' } as Record<string, string>)[escape!]!;
  });
}

/** Python's re.escape (3.7+): only the characters special in a pattern get a backslash. */
export function pythonEscape(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (char) => `\\${char}`);
}
