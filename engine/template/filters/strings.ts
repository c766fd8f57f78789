/** Text filters: Jinja's (lower, title, indent, wordwrap, truncate, format...) and Ansible's (comment, quote, split). */
import { quote } from '../../connection/quote.js';
import { wrapLine } from '../../text-wrap.js';
import { TemplateError } from '../../errors.js';
import { capitalize, pythonSplit, stripChars } from '../members.js';
import { escapeHtml } from '../html.js';
import { percentFormat } from '../python-format.js';
import { pythonPformat } from '../python-pprint.js';
import { truthy } from '../python.js';
import { urlize } from '../urlize.js';
import { Undefined } from '../undefined.js';
import { type FilterTable, integer, mapping, param, text } from './support.js';

/** Python's str.splitlines on \n, \r\n and \r (the separators templates meet). */
const splitLines = (value: string): string[] => {
  const lines = value.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

function indent(value: string, width: unknown, first: unknown, blank: unknown): string {
  const pad = typeof width === 'string' ? width : ' '.repeat(integer(width, 'indent width'));
  const lines = splitLines(`${value}\n`);
  let out = blank ? lines.join(`\n${pad}`) : [lines[0]!, ...lines.slice(1).map((line) => (line ? pad + line : line))].join('\n');
  if (first) out = pad + out;
  return out;
}

function truncate(value: string, length: number, killwords: boolean, end: string, leeway: number): string {
  if (value.length <= length + leeway) return value;
  if (killwords) return value.slice(0, length - end.length) + end;
  const head = value.slice(0, length - end.length);
  const space = head.lastIndexOf(' ');
  return (space >= 0 ? head.slice(0, space) : head) + end;
}

const COMMENT_STYLES: Record<string, { beginning?: string; decoration: string; end?: string }> = {
  plain: { decoration: '# ' },
  erlang: { decoration: '% ' },
  c: { decoration: '// ' },
  cblock: { beginning: '/*', decoration: ' * ', end: ' */' },
  xml: { beginning: '<!--', decoration: ' - ', end: '-->' },
};

/** Ansible's `comment` filter (plugins/filter/core.py), step for step. */
function comment(value: string, style: string, options: Record<string, unknown>): string {
  const styleParams = COMMENT_STYLES[style];
  if (!styleParams) throw new TemplateError(`unknown comment style '${style}'`, { hint: `use one of ${Object.keys(COMMENT_STYLES).join(', ')}` });
  const prepostfix = String(options.decoration ?? styleParams.decoration);
  const p: Record<string, unknown> = { newline: '\n', beginning: '', prefix: prepostfix.trimEnd(), prefix_count: 1, postfix: prepostfix.trimEnd(), postfix_count: 1, end: '', ...styleParams, ...options };
  const [newline, beginning, prefix, decoration, postfix, end] = ['newline', 'beginning', 'prefix', 'decoration', 'postfix', 'end'].map((key) => text(p[key]));
  const head = beginning ? beginning + newline! : '';
  const prefixText = prefix ? (prefix !== newline ? prefix + newline! : newline!).repeat(integer(p.prefix_count, 'prefix_count')) : '';
  const body = (decoration! + value.split(newline!).join(newline! + decoration!)).split(decoration! + newline!).join(decoration!.trimEnd() + newline!);
  const postfixText = ['', ...Array.from({ length: integer(p.postfix_count, 'postfix_count') }, () => postfix)].join(newline);
  return head + prefixText + body + postfixText + (end ? newline! + end : '');
}

/** Jinja's urlize, its arguments by position or keyword. */
function urlizeFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>): string {
  const limit = param(args, kwargs, 0, 'trim_url_limit', null);
  const optional = (found: unknown) => (found === null || found === undefined ? null : text(found));
  return urlize(text(value), {
    trimUrlLimit: limit === null || limit === undefined ? null : integer(limit, 'trim_url_limit'),
    nofollow: truthy(param(args, kwargs, 1, 'nofollow', false)),
    target: optional(param(args, kwargs, 2, 'target', null)),
    rel: optional(param(args, kwargs, 3, 'rel', null)),
    extraSchemes: (param<unknown[] | null>(args, kwargs, 4, 'extra_schemes', null) ?? []).map(text),
  });
}

/** Jinja's xmlattr: ` key="value"` for each entry that is not none, escaped; keys with space, `/`, `>` or `=` refused. */
function xmlattr(value: Record<string, unknown>, autospace: boolean): string {
  const items = Object.entries(value)
    .filter(([, item]) => item !== null && !(item instanceof Undefined))
    .map(([key, item]) => {
      if (/[\s/>=]/.test(key)) throw new TemplateError(`Invalid character in attribute name: '${key}'`);
      return `${escapeHtml(key)}="${escapeHtml(text(item))}"`;
    });
  const out = items.join(' ');
  return autospace && out ? ` ${out}` : out;
}

export const STRING_FILTERS: FilterTable = {
  string: (value) => text(value),
  lower: (value) => text(value).toLowerCase(),
  upper: (value) => text(value).toUpperCase(),
  capitalize: (value) => capitalize(text(value)),
  title: (value) => text(value).split(/([-\s({[<]+)/).map((word) => (word ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : word)).join(''),
  trim: (value, args, kwargs) => stripChars(text(value), param(args, kwargs, 0, 'chars', null), true, true),
  center: (value, args, kwargs) => {
    const subject = text(value);
    const width = integer(param(args, kwargs, 0, 'width', 80), 'width');
    const room = Math.max(width - subject.length, 0);
    // Python's str.center puts the odd space on the right unless the width is odd and the text even.
    const left = Math.floor(room / 2) + (room % 2 & width % 2);
    return ' '.repeat(left) + subject + ' '.repeat(room - left);
  },
  indent: (value, args, kwargs) => indent(text(value), param(args, kwargs, 0, 'width', 4), param(args, kwargs, 1, 'first', false), param(args, kwargs, 2, 'blank', false)),
  wordwrap: (value, args, kwargs) => {
    const width = integer(param(args, kwargs, 0, 'width', 79), 'width');
    const wrapstring = text(param(args, kwargs, 2, 'wrapstring', '\n'));
    const breakLong = param(args, kwargs, 1, 'break_long_words', true) !== false;
    const breakHyphens = param(args, kwargs, 3, 'break_on_hyphens', true) !== false;
    return splitLines(text(value)).map((line) => wrapLine(line, width, breakLong, breakHyphens).join(wrapstring)).join(wrapstring);
  },
  truncate: (value, args, kwargs) =>
    truncate(text(value), integer(param(args, kwargs, 0, 'length', 255), 'length'), Boolean(param(args, kwargs, 1, 'killwords', false)), text(param(args, kwargs, 2, 'end', '...')), integer(param(args, kwargs, 3, 'leeway', 5), 'leeway')),
  wordcount: (value) => (text(value).match(/[\p{L}\p{N}_]+/gu) ?? []).length,
  replace: (value, args, kwargs) => {
    const [from, to, count] = [text(param(args, kwargs, 0, 'old')), text(param(args, kwargs, 1, 'new')), param<number | null>(args, kwargs, 2, 'count', null)];
    const parts = text(value).split(from);
    if (count === null || count < 0 || parts.length - 1 <= count) return parts.join(to);
    return parts.slice(0, count + 1).join(to) + from + parts.slice(count + 1).join(from);
  },
  format: (value, args, kwargs) => percentFormat(text(value), args, kwargs),
  split: (value, args, kwargs) => pythonSplit(text(value), param(args, kwargs, 0, 'sep', null), param(args, kwargs, 1, 'maxsplit', -1)),
  quote: (value) => quote(value === null ? '' : text(value)),
  comment: (value, args, kwargs) => comment(text(value), text(param(args, kwargs, 0, 'style', 'plain')), Object.fromEntries(Object.entries(kwargs).filter(([key]) => key !== 'style'))),
  escape: (value) => escapeHtml(text(value)),
  forceescape: (value) => escapeHtml(text(value)),
  safe: (value) => value,
  xmlattr: (value, args, kwargs, context) => xmlattr(mapping(value, context, 'xmlattr'), param(args, kwargs, 0, 'autospace', true) !== false),
  urlize: urlizeFilter,
  pprint: (value) => pythonPformat(value),
  striptags: (value) => text(value).replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g, '').split(/\s+/).filter(Boolean).join(' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
};
