/**
 * Jinja's `urlize` filter (3.1, as ansible-core 2.14 runs it): the text is
 * HTML-escaped, then each whitespace-separated word that is an http(s) URL,
 * a `www.` or `.com`-style domain, a `mailto:` or a bare e-mail address (or
 * starts with one of `extra_schemes`) becomes a link. Leading `(`/`<` and
 * trailing `)>.,` stay outside the link unless they balance brackets inside
 * it. `rel` is Jinja's default `noopener` plus what `rel`/`nofollow` add,
 * sorted; `trim_url_limit` shortens the shown text of URLs.
 */
import { TemplateError } from '../errors.js';
import { escapeHtml } from './html.js';

export interface UrlizeOptions {
  readonly trimUrlLimit: number | null;
  readonly nofollow: boolean;
  readonly target: string | null;
  readonly rel: string | null;
  readonly extraSchemes: readonly string[];
}

/** Python's \w (a Unicode class) inside a character class. */
const WORD = '\\p{L}\\p{N}_';
/** Jinja's _http_re: a scheme or www. and a domain, a bare .com-style domain, or a scheme and an IP address; then a port and a path. */
const HTTP = new RegExp(
  '^(' +
    `(https?://|www\\.)(([${WORD}%-]+\\.)+)?([a-z]{2,63}|xn--[${WORD}%]{2,59})` +
    `|([${WORD}%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)` +
    '|(https?://)((\\p{Nd}{1,3}(\\.\\p{Nd}{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}\\]))' +
    ')(?::\\p{Nd}{1,5})?(?:[/?#]\\S*)?$',
  'iu',
);
const EMAIL = new RegExp(`^\\S+@[${WORD}][${WORD}.-]*\\.[${WORD}]+$`, 'u');
const SCHEME = /^[\p{L}\p{N}_.+-]{2,}:\/{0,2}$/u;
const LEAD = /^(?:[(<]|&lt;)+/;
const TRAIL = /(?:[)>.,\n]|&gt;)+$/;
const PAIRS: readonly [string, string][] = [['(', ')'], ['<', '>'], ['&lt;', '&gt;']];


export function urlize(text: string, options: UrlizeOptions): string {
  for (const scheme of options.extraSchemes) {
    if (!SCHEME.test(scheme)) throw new TemplateError(`'${scheme}' is not a valid URI scheme prefix.`);
  }
  const relWords = new Set([...(options.rel ?? '').split(/\s+/), ...(options.nofollow ? ['nofollow'] : []), 'noopener'].filter(Boolean));
  const rel = [...relWords].sort().join(' ');
  const attributes = `${rel ? ` rel="${escapeHtml(rel)}"` : ''}${options.target ? ` target="${escapeHtml(options.target)}"` : ''}`;
  const shown = (url: string) => (options.trimUrlLimit !== null && [...url].length > options.trimUrlLimit ? `${[...url].slice(0, options.trimUrlLimit).join('')}...` : url);
  return escapeHtml(text)
    .split(/(\s+)/u)
    .map((word) => linkWord(word, attributes, shown, options.extraSchemes))
    .join('');
}

function linkWord(word: string, attributes: string, shown: (url: string) => string, extraSchemes: readonly string[]): string {
  const head = LEAD.exec(word)?.[0] ?? '';
  let middle = word.slice(head.length);
  let tail = '';
  const trailing = TRAIL.exec(middle);
  if (trailing) {
    tail = trailing[0];
    middle = middle.slice(0, trailing.index);
  }
  // A closing bracket the link opened stays in it (with what comes before it in the tail).
  for (const [open, close] of PAIRS) {
    const opened = count(middle, open);
    if (opened <= count(middle, close)) continue;
    for (let moved = Math.min(opened, count(tail, close)); moved > 0; moved -= 1) {
      const end = tail.indexOf(close) + close.length;
      middle += tail.slice(0, end);
      tail = tail.slice(end);
    }
  }
  return head + link(middle, attributes, shown, extraSchemes) + tail;
}

function link(middle: string, attributes: string, shown: (url: string) => string, extraSchemes: readonly string[]): string {
  if (HTTP.test(middle)) {
    const href = middle.startsWith('https://') || middle.startsWith('http://') ? middle : `https://${middle}`;
    return `<a href="${href}"${attributes}>${shown(middle)}</a>`;
  }
  if (middle.startsWith('mailto:') && EMAIL.test(middle.slice(7))) return `<a href="${middle}">${middle.slice(7)}</a>`;
  if (middle.includes('@') && !middle.startsWith('www.') && !middle.includes(':') && EMAIL.test(middle)) return `<a href="mailto:${middle}">${middle}</a>`;
  let out = middle;
  for (const scheme of extraSchemes) {
    if (out !== scheme && out.startsWith(scheme)) out = `<a href="${out}"${attributes}>${out}</a>`;
  }
  return out;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}
