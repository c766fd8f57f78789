/**
 * Rendering playbook values: `{{ expr }}` segments here; a value with
 * statements, comments or whitespace control is rendered by the Jinja engine
 * of template files (jinja/), with Ansible's settings. A value that is
 * exactly one `{{ expr }}` keeps its native type, as in Ansible. Rendering is one pass: what an
 * expression returns is never rendered again, and a condition built from
 * host data is refused (unsafe.ts).
 */
import { CxError, TemplateError } from '../errors.js';
import type { Node } from './ast.js';
import { evaluate, value } from './evaluate.js';
import { parseExpression } from './parser.js';
import { findTagEnd } from './tag-end.js';
import { countTrailingNewlines, JinjaFiles, parseSource, type ParsedTemplate } from './jinja/loader.js';
import { renderKeepingNewlines } from './jinja/render.js';
import { ANSIBLE_TEMPLATE_SETTINGS } from './jinja/settings.js';
import { boundNames, expressionsOf } from './jinja/walk.js';
import { literalEval } from './python-literal.js';
import { PyFloat, PyTuple, PyValue, pythonString, truthy } from './python.js';
import type { Scope } from './scope.js';
import { defined } from './undefined.js';
import { assertSafeName } from './members.js';
import { readsUnsafeData, tracked, UnsafeText, unsafeConditionError } from './unsafe.js';

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expr'; readonly node: Node; readonly source: string }
  | { readonly kind: 'jinja'; readonly template: ParsedTemplate };

const WHOLE_EXPRESSION = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/;
const templateCache = new Map<string, readonly Part[]>();
/** Playbook values include no files (Ansible's would come from the playbook's directory; none is looked for). */
const STRING_ENVIRONMENT = { files: new JinjaFiles(), searchPath: [] };

export function isTemplated(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

/**
 * A playbook value rendered as Ansible 2.14's templar renders one (its
 * ansible_eval_concat, jinja2_native off): a value that is exactly one
 * variable holding a number, a boolean or null gives that value; a single
 * expression giving a list or a mapping gives it; anything else is text,
 * and text that reads as a Python list, dict or boolean literal becomes that
 * value (so `"{{ n + 1 }}"` is the string "4", and `"[{{ a }}, {{ b }}]"`
 * a list, as under ansible-playbook).
 */
export function renderString(text: string, scope: Scope): unknown {
  if (!isTemplated(text)) return text;
  // As Jinja reads a template, one final newline is not part of it; Ansible's templar puts the newlines back on text.
  const body = text.replace(/(?:\r\n|\r|\n)$/, '');
  const rendered = renderBody(body, scope);
  if (typeof rendered !== 'string') return rendered;
  const missing = countTrailingNewlines(text) - countTrailingNewlines(rendered);
  return missing > 0 ? rendered + '\n'.repeat(missing) : rendered;
}

function renderBody(body: string, scope: Scope): unknown {
  const variable = SINGLE_VARIABLE.exec(body)?.[1];
  if (variable !== undefined && scope.has(variable) && scope.holdsTemplate?.(variable) !== true) {
    const held = scope.get(variable);
    if (held === null || typeof held === 'number' || typeof held === 'boolean' || held instanceof PyFloat) return held;
  }
  const parts = parseTemplate(body);
  const only = parts.length === 1 && parts[0]!.kind === 'expr' ? parts[0] : undefined;
  if (!only) return literalOrText(renderParts(parts, scope));
  const result = defined(evaluate(only.node, { scope, expression: only.source }), body);
  if (isPlainData(result)) return result;
  return givesText(only.node) ? finalize(result) : literalOrText(finalize(result));
}

/** Ansible's STRING_TYPE_FILTERS: their text is kept as text even when it reads as a list or dict. */
const STRING_TYPE_FILTERS = new Set(['string', 'to_json', 'to_nice_json', 'to_yaml', 'to_nice_yaml', 'ppretty', 'json']);

function givesText(node: Node): boolean {
  return node.t === 'filter' && STRING_TYPE_FILTERS.has(node.name);
}

/** Ansible's templar: `{{ name }}` alone, the value it may hand back untouched (when that value is no template: `{{ a }}` with a: "{{ 5 }}" is text). */
const SINGLE_VARIABLE = /^\{\{\s*(\w*)\s*\}\}$/;

/** A list or mapping an expression gave: Ansible's repr and literal_eval of it give the same data back. */
function isPlainData(value: unknown): boolean {
  if (Array.isArray(value)) return !(value instanceof PyTuple);
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Rendered text that reads as a list, dict or boolean literal is that value, as ansible_eval_concat makes it. */
function literalOrText(text: string): unknown {
  if (!(text.startsWith('{') || text.startsWith('[') || text === 'True' || text === 'False')) return text;
  const literal = literalEval(text);
  return literal ? literal.value : text;
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
  if (typeof rendered.value !== 'string' || rendered.value === '') return truthy(rendered.value);
  if (rendered.unsafe) throw unsafeConditionError(condition);
  return truthy(evaluateExpression(rendered.value, scope));
}

/** Render every string inside arrays and mappings (keys too); returns new objects. */
export function renderDeep(input: unknown, scope: Scope): unknown {
  if (typeof input === 'string') return renderString(input, scope);
  if (input instanceof UnsafeText) {
    readsUnsafeData();
    return input.toString();
  }
  if (Array.isArray(input)) return input.map((item) => renderDeep(item, scope));
  if (input && typeof input === 'object' && !(input instanceof PyValue)) {
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
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'expr') out += finalize(value(part.node, { scope, expression: part.source }));
    else out += renderKeepingNewlines(part.template, scope, STRING_ENVIRONMENT);
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
  const locals: string[] = [];
  for (const part of isTemplated(text) ? parseTemplate(text) : []) {
    if (part.kind === 'expr') nodes.push(part.node);
    else if (part.kind === 'jinja') {
      for (const expr of expressionsOf(part.template.body)) nodes.push(expr.node);
      locals.push(...boundNames(part.template.body));
    }
  }
  return { nodes, locals };
}

function parseTemplate(text: string): readonly Part[] {
  let parts = templateCache.get(text);
  if (!parts) {
    parts = needsJinja(text) ? [{ kind: 'jinja', template: parseJinjaString(text) }] : splitTemplate(text);
    if (templateCache.size > 10_000) templateCache.clear();
    templateCache.set(text, parts);
  }
  return parts;
}

/** A value with statements, comments or whitespace control is Jinja's to render; text and `{{ }}` alone render here. */
function needsJinja(text: string): boolean {
  return text.includes('{%') || text.includes('{#') || /\{\{[-+]|[-+]\}\}/.test(text);
}

/** A playbook value parsed as Jinja: its errors name the expression (the caller adds the task's position). */
function parseJinjaString(text: string): ParsedTemplate {
  try {
    return parseSource(text, '', ANSIBLE_TEMPLATE_SETTINGS);
  } catch (error) {
    if (error instanceof CxError) throw new TemplateError(`${error.message} in "${text}"`, { hint: error.hint });
    throw error;
  }
}

/** Text and `{{ expr }}` parts of a value without statements. */
function splitTemplate(text: string): Part[] {
  const tokens: Part[] = [];
  let last = 0;
  for (let index = text.indexOf('{{'); index >= 0; index = text.indexOf('{{', last)) {
    const end = findTagEnd(text, index + 2, '}}');
    if (end < 0) throw new TemplateError(`unclosed '{{' in "${text}"`);
    if (index > last) tokens.push({ kind: 'text', text: text.slice(last, index) });
    const inner = text.slice(index + 2, end).trim();
    // Ansible reads the string literals of a playbook value's {{ }} without escapes (lexer.ts).
    tokens.push({ kind: 'expr', node: parseExpression(inner, true), source: inner });
    last = end + 2;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}
