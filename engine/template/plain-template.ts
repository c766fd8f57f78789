/**
 * Most template files are text with `{{ name }}` and `{{ a.b }}` in it.
 * Those render here, without Handlebars: loading and compiling Handlebars
 * costs more CPU than all the rest of a run's templating. The rendering is
 * Handlebars' own for such templates (noEscape, strict): the same lookups in
 * the same order, the same errors with the same positions. Anything else
 * (blocks, helpers, comments, literals, `~`, `\{{`) is not plain; a value
 * Handlebars would treat specially (a function, an inherited property) makes
 * the render answer NOT_PLAIN, for Handlebars to do it.
 */

import { isSafeName } from './members.js';

/** A `{{ path }}` in a plain template: its segments and where the path starts (Handlebars' line, 0-based column). */
interface Path {
  readonly segments: readonly string[];
  readonly line: number;
  readonly column: number;
}

export interface PlainTemplate {
  /** Text, path, text, path, ..., text: texts at even indexes. */
  readonly parts: readonly (string | Path)[];
  readonly paths: readonly Path[];
}

export const NOT_PLAIN: unique symbol = Symbol('not a plain render');

const MUSTACHE = /\{\{([^}]*)\}\}/g;
const PATH = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;
/** Names Handlebars reads as something else than a field: literals, keywords and the helpers (ours and its own). */
const NOT_FIELDS = new Set([
  'true', 'false', 'null', 'undefined', 'this', 'else',
  'if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing',
]);
const LINE_BREAK = /\r\n?|\n/g;

/** The template's parts when it is plain, else undefined. `helpers` are the helper names registered with Handlebars. */
export function parsePlainTemplate(source: string, helpers: ReadonlySet<string>): PlainTemplate | undefined {
  const parts: (string | Path)[] = [];
  const paths: Path[] = [];
  let from = 0;
  for (const match of source.matchAll(MUSTACHE)) {
    const text = source.slice(from, match.index);
    if (text.includes('{{') || text.endsWith('\\') || source[match.index + match[0].length] === '}') return undefined;
    const inner = PATH.exec(match[1]!);
    if (!inner) return undefined;
    const segments = inner[1]!.split('.');
    if (!segments.every(isField) || helpers.has(segments[0]!)) return undefined;
    const start = match.index + 2 + match[1]!.indexOf(inner[1]!);
    const path = { segments, ...position(source, start) };
    parts.push(text, path);
    paths.push(path);
    from = match.index + match[0].length;
  }
  const rest = source.slice(from);
  if (rest.includes('{{')) return undefined;
  parts.push(rest);
  return { parts, paths };
}

/** A name Handlebars reads as a field of the context, and that templates may name. */
function isField(name: string): boolean {
  return !NOT_FIELDS.has(name) && !(name in Object.prototype) && isSafeName(name);
}

/**
 * Renders as Handlebars' compiled code does: `{{ name }}` through strict()
 * on the context; `{{ a.b.c }}` looks up a and b without strict (a missing
 * one throws the same TypeError) and c with it.
 */
export function renderPlain(template: PlainTemplate, context: Record<string, unknown>): string | typeof NOT_PLAIN {
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = valueOf(part, context);
    if (value === NOT_PLAIN) return NOT_PLAIN;
    out += value != null ? value : '';
  }
  return out;
}

function valueOf(path: Path, context: Record<string, unknown>): unknown {
  const { segments } = path;
  let parent: unknown = context;
  for (let index = 0; index < segments.length - 1; index += 1) {
    parent = lookupProperty(parent, segments[index]!);
    if (parent === NOT_PLAIN) return NOT_PLAIN;
  }
  const value = strict(parent, segments[segments.length - 1]!, path);
  return typeof value === 'function' ? NOT_PLAIN : value;
}

/** Handlebars' runtime strict(): a missing field is an error that names it and says where. */
function strict(parent: unknown, name: string, path: Path): unknown {
  if (!parent || !(name in (parent as object))) {
    throw new Error(`"${name}" not defined in ${String(parent)} - ${path.line}:${path.column}`);
  }
  return lookupProperty(parent, name);
}

/** Handlebars' runtime lookupProperty() for own properties; an inherited one is its access control's to decide. */
function lookupProperty(parent: unknown, name: string): unknown {
  const result = (parent as Record<string, unknown>)[name];
  if (result == null) return result;
  return Object.prototype.hasOwnProperty.call(parent, name) ? result : NOT_PLAIN;
}

/** Handlebars' position of an offset: 1-based line (CR, LF and CRLF break lines), 0-based column. */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (const lineBreak of source.slice(0, offset).matchAll(LINE_BREAK)) {
    line += 1;
    lineStart = lineBreak.index + lineBreak[0].length;
  }
  return { line, column: offset - lineStart };
}
