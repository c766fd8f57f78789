/**
 * Template files named `.hbs`/`.handlebars`: Handlebars with noEscape and strict,
 * compiled once per run and rendered per host. The context holds only the
 * variables the template names, read from the host's scope, so the scope's
 * lazy rendering is not triggered for the rest. A plain template (text and
 * `{{ a.b }}`) renders without Handlebars (plain-template.ts), which is then
 * not even loaded: it is loaded, synchronously, by the first template or
 * render that needs it.
 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { stringify as stringifyYaml } from 'yaml';
import { TemplateError, UndefinedVariableError } from '../errors.js';
import { checkBlocks, parseProblem, refuseUnknownHelpers } from './handlebars-check.js';
import { assertSafeName } from './members.js';
import { NOT_PLAIN, parsePlainTemplate, renderPlain, type PlainTemplate } from './plain-template.js';
import { pythonString } from './python.js';
import type { Scope } from './scope.js';
import type { CompiledTemplate } from './template-file.js';


type Render = (context: Record<string, unknown>) => string;

const require = createRequire(import.meta.url);
let engine: typeof Handlebars | undefined;
const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (value: unknown) => !value,
  join: (items: unknown, separator: unknown) => (Array.isArray(items) ? items.map(pythonString).join(typeof separator === 'string' ? separator : ',') : ''),
  default: (value: unknown, fallback: unknown) => (value === undefined || value === null || value === '' ? fallback : value),
  toYaml: (value: unknown) => stringifyYaml(value, { lineWidth: 0 }).replace(/\n$/, ''),
  toJson: (value: unknown) => JSON.stringify(value),
  /** Indents every line but the first by n spaces (place it after the indentation already written). */
  indent: (text: unknown, width: unknown) => {
    const pad = ' '.repeat(typeof width === 'number' ? width : 2);
    return String(text).split('\n').map((line, index) => (index === 0 || line === '' ? line : pad + line)).join('\n');
  },
  /** A newline, then every line indented by n spaces (Helm's nindent). */
  nindent: (text: unknown, width: unknown) => {
    const pad = ' '.repeat(typeof width === 'number' ? width : 2);
    return `\n${String(text).split('\n').map((line) => (line === '' ? line : pad + line)).join('\n')}`;
  },
};
const HELPER_NAMES: ReadonlySet<string> = new Set(Object.keys(HELPERS));
/** Our helpers and Handlebars' own. */
const ALL_HELPERS: ReadonlySet<string> = new Set([...HELPER_NAMES, 'if', 'unless', 'each', 'with', 'lookup', 'log']);

/** Handlebars with our helpers. */
function handlebars(): typeof Handlebars {
  if (!engine) {
    engine = (require('handlebars') as typeof Handlebars).create();
    for (const [name, helper] of Object.entries(HELPERS)) engine.registerHelper(name, helper);
  }
  return engine;
}

export function compileHandlebarsFile(source: string, file: string): CompiledTemplate {
  const plain = parsePlainTemplate(source, HELPER_NAMES);
  if (plain) return compiled(file, new Set(plain.paths.map((path) => path.segments[0]!)), plainRender(plain, source, file));
  const { roots, render } = compileHandlebars(source, file);
  return compiled(file, roots, render);
}

function compiled(file: string, roots: ReadonlySet<string>, render: Render): CompiledTemplate {
  return {
    file,
    render(scope: Scope): string {
      const context: Record<string, unknown> = {};
      for (const name of roots) if (scope.has(name)) context[name] = scope.get(name);
      try {
        return render(context);
      } catch (error) {
        throw explain(error, file);
      }
    },
  };
}

/** A plain template's render, handing a context with a value it does not render as Handlebars would to Handlebars. */
function plainRender(plain: PlainTemplate, source: string, file: string): Render {
  let full: Render | undefined;
  return (context) => {
    const text = renderPlain(plain, context);
    if (text !== NOT_PLAIN) return text;
    full ??= compileHandlebars(source, file).render;
    return full(context);
  };
}

function compileHandlebars(source: string, file: string): { roots: ReadonlySet<string>; render: Render } {
  checkBlocks(source, file);
  let ast: hbs.AST.Program;
  try {
    ast = handlebars().parse(source);
  } catch (error) {
    throw parseProblem(error, source, file);
  }
  refuseUnsafeNames(ast, file);
  refuseUnknownHelpers(ast, ALL_HELPERS, file);
  return { roots: rootNames(ast), render: handlebars().compile(ast, { noEscape: true, strict: true }) };
}

function explain(error: unknown, file: string): Error {
  if (error instanceof TemplateError) return error;
  const message = (error as Error).message ?? String(error);
  const missing = /"([^"]+)" not defined in/.exec(message);
  const line = /- (\d+):(\d+)/.exec(message);
  const at = line ? { file, line: Number(line[1]), col: Number(line[2]) + 1 } : { file };
  if (missing) return new UndefinedVariableError(missing[1]!, { at });
  return new TemplateError(`template ${file}: ${message}`, { at });
}

/**
 * Handlebars only hides prototype members (renders them empty, with a console
 * warning); a template that names constructor, prototype or __proto__, in a
 * path or as a lookup key, is refused outright with its position.
 */
function refuseUnsafeNames(node: unknown, file: string): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => refuseUnsafeNames(child, file));
  const typed = node as { type?: string; parts?: string[]; value?: unknown; loc?: hbs.AST.SourceLocation };
  const names = typed.type === 'PathExpression' ? (typed.parts ?? []) : typed.type === 'StringLiteral' ? [String(typed.value)] : [];
  try {
    for (const name of names) assertSafeName(name);
  } catch (error) {
    const at = typed.loc ? { file, line: typed.loc.start.line, col: typed.loc.start.column + 1 } : { file };
    throw new TemplateError((error as Error).message.replace('in expressions', 'in templates'), { at });
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') refuseUnsafeNames(child, file);
}

/** The first segment of every path the template reads from its root context. */
function rootNames(program: hbs.AST.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown, blockParams: ReadonlySet<string>): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, blockParams));
    const typed = node as { type?: string; path?: hbs.AST.PathExpression; params?: unknown[]; hash?: unknown; program?: hbs.AST.Program; inverse?: hbs.AST.Program; body?: unknown[]; pairs?: unknown[]; value?: unknown };
    if (typed.type === 'PathExpression') {
      const path = node as hbs.AST.PathExpression;
      if (!path.data && path.depth === 0 && path.parts.length > 0 && !blockParams.has(path.parts[0]!)) names.add(path.parts[0]!);
      return;
    }
    if (typed.type === 'MustacheStatement' || typed.type === 'BlockStatement' || typed.type === 'SubExpression') {
      const head = typed.path;
      const isHelperCall = head && head.type === 'PathExpression' && (ALL_HELPERS.has(head.original) || (typed.params?.length ?? 0) > 0);
      if (!isHelperCall && head) visit(head, blockParams);
      visit(typed.params, blockParams);
      visit(typed.hash, blockParams);
      const inner = new Set([...blockParams, ...((typed.program as { blockParams?: string[] } | undefined)?.blockParams ?? [])]);
      visit(typed.program, inner);
      visit(typed.inverse, blockParams);
      return;
    }
    if (typed.type === 'Hash') return visit(typed.pairs, blockParams);
    if (typed.type === 'HashPair') return visit(typed.value, blockParams);
    if (typed.type === 'Program') return visit(typed.body, blockParams);
  };
  visit(program, new Set());
  return names;
}
