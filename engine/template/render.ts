/**
 * Rendering playbook values: `{{ expr }}` segments, `{# comments #}`, and the
 * `{% if %}` / `{% for %}` statements. A value that is exactly one `{{ expr }}`
 * keeps its native type, as in Ansible. Rendering is one pass: what an
 * expression returns is never rendered again, and a condition built from
 * host data is refused (unsafe.ts).
 */
import { TemplateError } from '../errors.js';
import type { Node } from './ast.js';
import { evaluate, value } from './evaluate.js';
import { parseExpression } from './parser.js';
import { pythonString, truthy } from './python.js';
import type { Scope } from './scope.js';
import { defined } from './undefined.js';
import { assertSafeName } from './members.js';
import { readsUnsafeData, tracked, UnsafeText, unsafeConditionError } from './unsafe.js';

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expr'; readonly node: Node; readonly source: string }
  | { readonly kind: 'if'; readonly branches: readonly { readonly test: Node | undefined; readonly body: readonly Part[] }[] }
  | { readonly kind: 'for'; readonly names: readonly string[]; readonly iterable: Node; readonly body: readonly Part[]; readonly source: string };

const WHOLE_EXPRESSION = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/;
const templateCache = new Map<string, readonly Part[]>();

export function isTemplated(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

export function renderString(text: string, scope: Scope): unknown {
  if (!isTemplated(text)) return text;
  const parts = parseTemplate(text);
  const only = wholeExpression(parts, text);
  if (only) return defined(evaluate(only.node, { scope, expression: only.source }), text);
  return renderParts(parts, scope);
}

/** The one `{{ expr }}` a value consists of (its value keeps its type), else undefined. */
function wholeExpression(parts: readonly Part[], text: string): Extract<Part, { kind: 'expr' }> | undefined {
  const only = parts.length === 1 ? parts[0]! : undefined;
  return only?.kind === 'expr' && text.trim().startsWith('{{') ? only : undefined;
}

/** A bare expression (when, changed_when, failed_when, until); `{{ }}` around it is tolerated. */
export function evaluateExpression(expression: string, scope: Scope): unknown {
  const trimmed = expression.trim();
  const whole = WHOLE_EXPRESSION.exec(trimmed);
  const source = whole ? whole[1]! : trimmed;
  return value(parseExpression(source), { scope, expression: source });
}

/**
 * A condition as Ansible evaluates one (when, changed_when, failed_when,
 * until, assert's that): its `{{ }}` are rendered first, and the text they
 * produce is evaluated as an expression, unless that text was built from
 * host data: then it is refused, as Ansible refuses it ("Conditional is
 * marked as unsafe"). A value that is exactly `{{ expr }}` is that
 * expression's value; a string from host data is refused there too.
 */
export function evaluateCondition(condition: string | boolean, scope: Scope): boolean {
  if (typeof condition === 'boolean') return condition;
  const text = condition.trim();
  if (!isTemplated(text)) return truthy(evaluateExpression(text, scope));
  const rendered = tracked(() => renderString(text, scope));
  if (typeof rendered.value !== 'string') return truthy(rendered.value);
  if (rendered.unsafe) throw unsafeConditionError(condition);
  return truthy(wholeExpression(parseTemplate(text), text) ? rendered.value : evaluateExpression(rendered.value, scope));
}

/** Render every string inside arrays and mappings (keys too); returns new objects. */
export function renderDeep(input: unknown, scope: Scope): unknown {
  if (typeof input === 'string') return renderString(input, scope);
  if (input instanceof UnsafeText) {
    readsUnsafeData();
    return input.toString();
  }
  if (Array.isArray(input)) return input.map((item) => renderDeep(item, scope));
  if (input && typeof input === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      const renderedKey = String(renderString(key, scope));
      assertSafeName(renderedKey);
      out[renderedKey] = renderDeep(item, scope);
    }
    return out;
  }
  return input;
}

function renderParts(parts: readonly Part[], scope: Scope): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'expr':
        out += finalize(value(part.node, { scope, expression: part.source }));
        break;
      case 'if': {
        const branch = part.branches.find((candidate) => !candidate.test || truthy(value(candidate.test, { scope, expression: 'if' })));
        if (branch) out += renderParts(branch.body, scope);
        break;
      }
      case 'for': {
        const iterable = value(part.iterable, { scope, expression: part.source });
        const items = Array.isArray(iterable) ? iterable : iterable && typeof iterable === 'object' ? Object.keys(iterable) : [];
        items.forEach((item, index) => {
          const locals: Record<string, unknown> = { loop: { index: index + 1, index0: index, first: index === 0, last: index === items.length - 1, length: items.length } };
          if (part.names.length === 1) locals[part.names[0]!] = item;
          else part.names.forEach((name, position) => (locals[name] = Array.isArray(item) ? item[position] : undefined));
          out += renderParts(part.body, withLocals(scope, locals));
        });
        break;
      }
    }
  }
  return out;
}

/** An expression's text in a larger string: as Ansible's finalize, none prints nothing. */
function finalize(result: unknown): string {
  return result === null ? '' : pythonString(result);
}

/**
 * The parsed expressions of a template value (or of a bare expression) and
 * the names its `{% for %}` loops bind, for static checks before a run.
 */
export function templateExpressions(text: string, bare: boolean): { readonly nodes: Node[]; readonly locals: string[] } {
  if (bare) {
    const whole = WHOLE_EXPRESSION.exec(text.trim());
    return { nodes: [parseExpression(whole ? whole[1]! : text.trim())], locals: [] };
  }
  const nodes: Node[] = [];
  const locals: string[] = ['loop'];
  const walk = (parts: readonly Part[]): void => {
    for (const part of parts) {
      if (part.kind === 'expr') nodes.push(part.node);
      else if (part.kind === 'if') {
        for (const branch of part.branches) {
          if (branch.test) nodes.push(branch.test);
          walk(branch.body);
        }
      } else if (part.kind === 'for') {
        nodes.push(part.iterable);
        locals.push(...part.names);
        walk(part.body);
      }
    }
  };
  walk(isTemplated(text) ? parseTemplate(text) : []);
  return { nodes, locals };
}

function withLocals(scope: Scope, locals: Record<string, unknown>): Scope {
  return {
    has: (name) => Object.prototype.hasOwnProperty.call(locals, name) || scope.has(name),
    get: (name) => (Object.prototype.hasOwnProperty.call(locals, name) ? locals[name] : scope.get(name)),
  };
}

function parseTemplate(text: string): readonly Part[] {
  let parts = templateCache.get(text);
  if (!parts) {
    const tokens = splitTemplate(text);
    const parser = { tokens, position: 0, text };
    parts = parseBlock(parser, []);
    if (parser.position < tokens.length) throw new TemplateError(`unexpected {% ${tokens[parser.position]!.value} %} in "${text}"`);
    if (templateCache.size > 10_000) templateCache.clear();
    templateCache.set(text, parts);
  }
  return parts;
}

interface RawToken {
  readonly kind: 'text' | 'expr' | 'stmt';
  readonly value: string;
}

function splitTemplate(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let last = 0;
  let index = text.indexOf('{', 0);
  while (index >= 0 && index < text.length) {
    const opener = text.slice(index, index + 2);
    const closer = opener === '{{' ? '}}' : opener === '{%' ? '%}' : opener === '{#' ? '#}' : undefined;
    if (!closer) {
      index = text.indexOf('{', index + 1);
      continue;
    }
    const end = closer === '#}' ? text.indexOf('#}', index + 2) : findClose(text, index + 2, closer);
    if (end < 0) throw new TemplateError(`unclosed '${opener}' in "${text}"`);
    if (index > last) tokens.push({ kind: 'text', value: text.slice(last, index) });
    const inner = text.slice(index + 2, end).replace(/^-/, '').replace(/-$/, '').trim();
    if (opener === '{{') tokens.push({ kind: 'expr', value: inner });
    else if (opener === '{%') tokens.push({ kind: 'stmt', value: inner });
    last = end + 2;
    index = text.indexOf('{', last);
  }
  if (last < text.length) tokens.push({ kind: 'text', value: text.slice(last) });
  return tokens;
}

/** Where `closer` ends an expression, skipping strings and balanced brackets (`{{ {"a": {"b": 1}} }}`). */
function findClose(text: string, start: number, closer: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (depth === 0 && text.startsWith(closer, index)) {
      return index;
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1;
    } else if ((char === '}' || char === ']' || char === ')') && depth > 0) {
      depth -= 1;
    }
  }
  return -1;
}

function parseBlock(parser: { tokens: RawToken[]; position: number; text: string }, stops: readonly string[]): Part[] {
  const parts: Part[] = [];
  while (parser.position < parser.tokens.length) {
    const token = parser.tokens[parser.position]!;
    if (token.kind === 'text') {
      parts.push({ kind: 'text', text: token.value });
      parser.position += 1;
    } else if (token.kind === 'expr') {
      // Ansible reads the string literals of a playbook value's {{ }} without escapes (lexer.ts).
      parts.push({ kind: 'expr', node: parseExpression(token.value, true), source: token.value });
      parser.position += 1;
    } else {
      const keyword = token.value.split(/\s+/)[0]!;
      if (stops.includes(keyword)) return parts;
      parser.position += 1;
      if (keyword === 'if') parts.push(parseIf(parser, token.value.slice(2)));
      else if (keyword === 'for') parts.push(parseFor(parser, token.value));
      else throw new TemplateError(`the statement {% ${token.value} %} is not supported in "${parser.text}"`, { hint: 'use if/elif/else/endif, for/endfor, or an expression "a if c else b"' });
    }
  }
  if (stops.length > 0) throw new TemplateError(`missing {% ${stops.at(-1)} %} in "${parser.text}"`);
  return parts;
}

function parseIf(parser: { tokens: RawToken[]; position: number; text: string }, condition: string): Part {
  const branches: { test: Node | undefined; body: Part[] }[] = [];
  let test: Node | undefined = parseExpression(condition.trim());
  for (;;) {
    const body = parseBlock(parser, ['elif', 'else', 'endif']);
    branches.push({ test, body });
    const closing = parser.tokens[parser.position]!.value;
    parser.position += 1;
    if (closing.startsWith('endif')) return { kind: 'if', branches };
    test = closing.startsWith('elif') ? parseExpression(closing.slice(4).trim()) : undefined;
  }
}

function parseFor(parser: { tokens: RawToken[]; position: number; text: string }, statement: string): Part {
  const match = /^for\s+([A-Za-z_][\w]*(?:\s*,\s*[A-Za-z_][\w]*)*)\s+in\s+([\s\S]+)$/.exec(statement);
  if (!match) throw new TemplateError(`cannot read {% ${statement} %}`, { hint: 'write {% for x in list %}' });
  const body = parseBlock(parser, ['endfor']);
  parser.position += 1;
  return { kind: 'for', names: match[1]!.split(',').map((name) => name.trim()), iterable: parseExpression(match[2]!), body, source: statement };
}


