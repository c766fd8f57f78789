/**
 * Splits a Jinja template into text and tags, applying Jinja's whitespace
 * rules as its lexer does: one trailing newline dropped (unless
 * keep_trailing_newline), newlines normalised, `-` on a tag strips the
 * whitespace beside it, `+` keeps it, trim_blocks drops the newline after a
 * block or comment tag, lstrip_blocks the indentation before one, and
 * `{% raw %}` text passed through untouched.
 */
import { TemplateError } from '../../errors.js';
import { findTagEnd } from '../tag-end.js';
import type { JinjaSettings } from './settings.js';

export type TemplateToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'output'; readonly source: string; readonly line: number; readonly col: number }
  | { readonly kind: 'statement'; readonly source: string; readonly line: number; readonly col: number };

type TagKind = 'block' | 'variable' | 'comment';

const NEWLINE = /\r\n|\r|\n/g;
const RAW_OPEN = /^\s*raw\s*$/;

export function tokenizeTemplate(input: string, settings: JinjaSettings, file: string, lineOffset = 0): TemplateToken[] {
  const lines = input.split(NEWLINE);
  if (!settings.keepTrailingNewline && lines.at(-1) === '') lines.pop();
  const lexer = new Lexer(lines.join('\n'), settings, file, lineOffset);
  return lexer.run();
}

class Lexer {
  private readonly tokens: TemplateToken[] = [];
  private position = 0;
  /** Whether the last tag's end consumed a newline (lstrip_blocks may then strip at the start of the text). */
  private lineStarting = true;
  private readonly cursor: { offset: number; line: number; lineStart: number };
  private readonly openers: readonly { readonly text: string; readonly kind: TagKind }[];

  constructor(
    private readonly source: string,
    private readonly settings: JinjaSettings,
    private readonly file: string,
    private readonly lineOffset: number,
  ) {
    this.cursor = { offset: 0, line: 1 + lineOffset, lineStart: 0 };
    // Longer delimiters first, as Jinja sorts them (so `<%=` wins over `<%`).
    this.openers = [
      { text: settings.blockStart, kind: 'block' as const },
      { text: settings.variableStart, kind: 'variable' as const },
      { text: settings.commentStart, kind: 'comment' as const },
    ].sort((a, b) => b.text.length - a.text.length);
  }

  run(): TemplateToken[] {
    while (this.position < this.source.length) {
      const found = this.nextOpener(this.position);
      if (!found) {
        this.text(this.source.slice(this.position));
        break;
      }
      const { index, opener } = found;
      const afterOpener = index + opener.text.length;
      const sign = this.source[afterOpener] === '-' || this.source[afterOpener] === '+' ? this.source[afterOpener]! : '';
      const text = this.source.slice(this.position, index);
      this.text(this.stripBefore(text, sign, opener.kind));
      const start = afterOpener + sign.length;
      if (opener.kind === 'comment') this.comment(index, start);
      else this.tag(index, start, opener.kind);
    }
    return this.tokens;
  }

  private nextOpener(from: number): { index: number; opener: { text: string; kind: TagKind } } | undefined {
    let best: { index: number; opener: { text: string; kind: TagKind } } | undefined;
    for (const opener of this.openers) {
      const index = this.source.indexOf(opener.text, from);
      if (index >= 0 && (!best || index < best.index)) best = { index, opener };
    }
    return best;
  }

  /** The text before a tag, with `-` or lstrip_blocks applied. */
  private stripBefore(text: string, sign: string, kind: TagKind): string {
    if (sign === '-') return text.trimEnd();
    if (sign === '+' || !this.settings.lstripBlocks || kind === 'variable') return text;
    const lineStart = text.lastIndexOf('\n') + 1;
    if ((lineStart > 0 || this.lineStarting) && /^[^\S\n]+$/.test(text.slice(lineStart))) return text.slice(0, lineStart);
    return text;
  }

  private text(text: string): void {
    if (text) this.tokens.push({ kind: 'text', text: this.settings.newlineSequence === '\n' ? text : text.replace(/\n/g, this.settings.newlineSequence) });
  }

  private comment(opening: number, start: number): void {
    const end = this.source.indexOf(this.settings.commentEnd, start);
    if (end < 0) throw this.error('Missing end of comment tag', opening);
    const sign = end > start ? this.source[end - 1] : undefined;
    this.afterTag(end + this.settings.commentEnd.length, sign === '-' || sign === '+' ? sign : '', true);
  }

  private tag(opening: number, start: number, kind: 'block' | 'variable'): void {
    const closer = kind === 'block' ? this.settings.blockEnd : this.settings.variableEnd;
    const closing = findTagEnd(this.source, start, closer);
    if (closing < 0) throw this.error(kind === 'block' ? `unclosed '${this.settings.blockStart}' tag` : `unclosed '${this.settings.variableStart}' tag`, opening);
    // A `-` or `+` right before the closer is the tag's whitespace sign.
    const sign = closing > start && (this.source[closing - 1] === '-' || this.source[closing - 1] === '+') ? this.source[closing - 1]! : '';
    const end = closing - sign.length;
    const inner = this.source.slice(start, end).trim();
    const { line, col } = this.positionOf(opening);
    const after = end + sign.length + closer.length;
    if (kind === 'block' && RAW_OPEN.test(inner)) {
      this.raw(opening, after, sign);
      return;
    }
    this.tokens.push({ kind: kind === 'block' ? 'statement' : 'output', source: inner, line, col } as TemplateToken);
    this.afterTag(after, sign === '+' && kind === 'variable' ? '' : sign, kind === 'block');
  }

  /** `{% raw %}...{% endraw %}`: the text between is data. The newline after `{% raw %}` is kept (Jinja does not trim it). */
  private raw(opening: number, contentStart: number, openSign: string): void {
    let from = contentStart;
    if (openSign === '-') from = skipWhitespace(this.source, from);
    const endRaw = new RegExp(`${escapeRegExp(this.settings.blockStart)}([-+]?)\\s*endraw\\s*([-+]?)${escapeRegExp(this.settings.blockEnd)}`, 'g');
    endRaw.lastIndex = from;
    const match = endRaw.exec(this.source);
    if (!match) throw this.error('Missing end of raw directive', opening);
    this.lineStarting = false;
    this.text(this.stripBefore(this.source.slice(from, match.index), match[1]!, 'block'));
    this.afterTag(match.index + match[0].length, match[2]!, true);
  }

  /** Past a tag's end: `-` eats the whitespace after it, trim_blocks one newline after a block or comment tag (not after `+`). */
  private afterTag(after: number, sign: string, trims: boolean): void {
    let next = after;
    if (sign === '-') next = skipWhitespace(this.source, after);
    else if (sign !== '+' && trims && this.settings.trimBlocks && this.source[after] === '\n') next = after + 1;
    this.lineStarting = next > after && this.source[next - 1] === '\n';
    this.position = next;
  }

  /** Line and column of an offset; tags come in order, so counting goes on from the last one. */
  private positionOf(offset: number): { line: number; col: number } {
    const cursor = offset >= this.cursor.offset ? this.cursor : { offset: 0, line: 1 + this.lineOffset, lineStart: 0 };
    for (let index = this.source.indexOf('\n', cursor.offset); index >= 0 && index < offset; index = this.source.indexOf('\n', index + 1)) {
      cursor.line += 1;
      cursor.lineStart = index + 1;
    }
    cursor.offset = offset;
    return { line: cursor.line, col: offset - cursor.lineStart + 1 };
  }

  private error(message: string, offset: number): TemplateError {
    return new TemplateError(`template syntax error: ${message}`, { at: { file: this.file, ...this.positionOf(offset) } });
  }
}

function skipWhitespace(source: string, from: number): number {
  let index = from;
  while (index < source.length && /\s/.test(source[index]!)) index += 1;
  return index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
