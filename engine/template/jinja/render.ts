/**
 * Renders a parsed Jinja template file for one host, as Ansible's template
 * action does: outputs are Python's str() of their value, None prints as
 * nothing (Ansible's finalize), an undefined name is an error naming the
 * template's file:line:col. Scopes follow Jinja: a for loop's body, a macro,
 * `with`, `filter` and block `set` get their own; `if` does not; an included
 * template sees the variables where it is included, an imported one only
 * the globals unless imported `with context`.
 */
import { CxError, TemplateError, withPosition } from '../../errors.js';
import { TemplateCallable } from '../callable.js';
import { evaluate } from '../evaluate.js';
import { collectNames } from '../free-names.js';
import { pythonString, truthy } from '../python.js';
import type { Scope } from '../scope.js';
import { defined, Undefined } from '../undefined.js';
import { countTrailingNewlines, findTemplate, type JinjaFiles, type ParsedTemplate } from './loader.js';
import { FILTERED_BODY, type Expr, type MacroParam, type Statement, type Target } from './nodes.js';
import { loopObject, Namespace } from './runtime.js';
import { expressionsOf } from './walk.js';

/** What one render shares: the files it may include and where to find them. */
export interface RenderEnvironment {
  readonly files: JinjaFiles;
  readonly searchPath: readonly string[];
}

/** The variables of one scope; reads fall through to the enclosing one. */
class Frame implements Scope {
  /** Made on the first `set` (most frames of a plain template never get one). */
  private own: Map<string, unknown> | undefined;

  constructor(private readonly parent: Scope) {}

  get vars(): Map<string, unknown> {
    return (this.own ??= new Map());
  }

  has(name: string): boolean {
    return this.own?.has(name) === true || this.parent.has(name);
  }

  get(name: string): unknown {
    return this.own?.has(name) === true ? this.own.get(name) : this.parent.get(name);
  }

  /** The names set in this frame (an imported template's exports). */
  entries(): Iterable<[string, unknown]> {
    return this.own ?? [];
  }

  /** The value of a name, undefined when none (a `set ns.x` looks up its namespace). */
  lookup(name: string): unknown {
    return this.has(name) ? this.get(name) : undefined;
  }
}

/** What an import without context sees: no variable (Jinja's globals are the evaluator's functions). */
export const NO_VARIABLES: Scope = { has: () => false, get: () => undefined };

/** Macro calls, includes and recursive loops nested deeper than this are refused (a macro calling itself forever), not a stack overflow. */
export const MAX_RENDER_DEPTH = 200;

/** Renders a template; Jinja drops its last newline, and Ansible puts back as many as its text ended with. */
export function renderKeepingNewlines(template: ParsedTemplate, scope: Scope, environment: RenderEnvironment): string {
  const out = new Renderer(template, environment, { depth: 0 }).body(template.body, new Frame(scope));
  const missing = template.trailingNewlines - countTrailingNewlines(out);
  return missing > 0 ? out + template.settings.newlineSequence.repeat(missing) : out;
}


class Renderer {
  constructor(
    private readonly template: ParsedTemplate,
    private readonly environment: RenderEnvironment,
    /** Shared by the renderers of one render (an included template's too). */
    private readonly nesting: { depth: number },
  ) {}

  /** Runs a nested render (a macro's body, an included template, a recursive loop's children) within the depth bound. */
  private nested<T>(render: () => T): T {
    if (++this.nesting.depth > MAX_RENDER_DEPTH) throw new TemplateError(`macros, includes or recursive loops nested deeper than ${MAX_RENDER_DEPTH} levels`, { hint: 'a macro or include that calls itself needs a condition that ends it' });
    try {
      return render();
    } finally {
      this.nesting.depth -= 1;
    }
  }

  body(statements: readonly Statement[], frame: Frame): string {
    let out = '';
    for (const statement of statements) out += this.statement(statement, frame);
    return out;
  }

  private statement(statement: Statement, frame: Frame): string {
    switch (statement.t) {
      case 'text':
        return statement.text;
      case 'output':
        return printed(this.value(statement.expr, frame));
      case 'if': {
        const branch = statement.branches.find((candidate) => !candidate.test || truthy(this.value(candidate.test, frame)));
        return branch ? this.body(branch.body, frame) : '';
      }
      case 'for':
        return this.forLoop(statement, frame, this.value(statement.iterable, frame), 0);
      case 'set':
        this.assign(statement.target, this.value(statement.value, frame), frame, statement.value);
        return '';
      case 'setBlock': {
        const text = this.body(statement.body, new Frame(frame));
        this.assign(statement.target, statement.filter ? this.filtered(statement.filter, text, frame) : text, frame, statement.filter);
        return '';
      }
      case 'macro':
        frame.vars.set(statement.name, this.macro(statement.name, statement.params, statement.body, frame));
        return '';
      case 'call':
        return this.callBlock(statement, frame);
      case 'filter':
        return pythonString(this.filtered(statement.filter, this.body(statement.body, new Frame(frame)), frame));
      case 'with': {
        const inner = new Frame(frame);
        const values = statement.assignments.map((assignment) => this.value(assignment.value, frame));
        statement.assignments.forEach((assignment, index) => this.assign(assignment.target, values[index], inner, assignment.value));
        return this.body(statement.body, inner);
      }
      case 'include':
        return this.include(statement, frame);
      case 'import':
        frame.vars.set(statement.as, this.importModule(statement, frame));
        return '';
      case 'fromImport': {
        const module = this.importModule(statement, frame);
        for (const { name, as } of statement.names) {
          if (!Object.prototype.hasOwnProperty.call(module, name)) throw this.error(`the template ${pythonString(this.value(statement.name, frame))} does not export the requested name '${name}'`, statement.at);
          frame.vars.set(as, module[name]);
        }
        return '';
      }
    }
  }

  private forLoop(statement: Extract<Statement, { t: 'for' }>, frame: Frame, iterable: unknown, depth: number): string {
    const all = iterate(iterable, statement.iterable);
    const items = statement.filter ? all.filter((item) => truthy(this.value(statement.filter!, this.bind(statement, item, frame)))) : all;
    if (items.length === 0) return this.body(statement.otherwise, frame);
    const recurse = statement.recursive ? (children: unknown) => this.nested(() => this.forLoop(statement, frame, children, depth + 1)) : undefined;
    const changed = {};
    let out = '';
    items.forEach((item, index) => {
      const inner = this.bind(statement, item, frame);
      inner.vars.set('loop', loopObject(items, index, depth, recurse, changed));
      out += this.body(statement.body, inner);
    });
    return out;
  }

  /** A fresh frame for one iteration with the loop variables bound (`for k, v in ...` unpacks). */
  private bind(statement: Extract<Statement, { t: 'for' }>, item: unknown, frame: Frame): Frame {
    const inner = new Frame(frame);
    this.assign({ t: 'names', names: statement.target }, item, inner, statement.iterable);
    return inner;
  }

  private assign(target: Target, item: unknown, frame: Frame, expr: Expr | undefined): void {
    if (target.t === 'attribute') {
      const namespace = frame.lookup(target.object);
      if (!(namespace instanceof Namespace)) throw this.error(`cannot assign the attribute '${target.name}' of '${target.object}': only a namespace() takes attributes`, expr?.at, "create it with {% set ns = namespace(name=value) %}");
      namespace.assign(target.name, item);
      return;
    }
    if (target.names.length === 1) {
      frame.vars.set(target.names[0]!, item);
      return;
    }
    const values = Array.isArray(item) ? item : typeof item === 'string' ? [...item] : undefined;
    if (!values || values.length !== target.names.length) {
      throw this.error(`cannot unpack ${pythonString(item)} into ${target.names.length} names (${target.names.join(', ')})`, expr?.at);
    }
    target.names.forEach((name, index) => frame.vars.set(name, values[index]));
  }

  private macro(name: string, params: readonly MacroParam[], body: readonly Statement[], closure: Frame): TemplateCallable {
    const uses = namesRead(body);
    return new TemplateCallable(name, (args, kwargs) => {
      const inner = new Frame(closure);
      const extra: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(kwargs)) {
        if (key === 'caller' || params.some((param) => param.name === key)) continue;
        if (!uses.has('kwargs')) throw new TemplateError(`macro '${name}' takes no keyword argument '${key}'`);
        extra[key] = item;
      }
      if (args.length > params.length && !uses.has('varargs')) throw new TemplateError(`macro '${name}' takes not more than ${params.length} argument(s)`);
      params.forEach((param, index) => {
        if (index < args.length) inner.vars.set(param.name, args[index]);
        else if (Object.prototype.hasOwnProperty.call(kwargs, param.name)) inner.vars.set(param.name, kwargs[param.name]);
        else inner.vars.set(param.name, param.fallback ? this.value(param.fallback, inner) : new Undefined(param.name));
      });
      inner.vars.set('varargs', args.slice(params.length));
      inner.vars.set('kwargs', extra);
      if (kwargs.caller !== undefined) inner.vars.set('caller', kwargs.caller);
      return this.nested(() => this.body(body, inner));
    });
  }

  private callBlock(statement: Extract<Statement, { t: 'call' }>, frame: Frame): string {
    const caller = this.macro('caller', statement.params, statement.body, frame);
    const call = statement.call.node as Extract<Statement, { t: 'output' }>['expr']['node'] & { t: 'call' };
    const macro = this.value({ ...statement.call, node: call.callee }, frame);
    if (!(macro instanceof TemplateCallable)) throw this.error('{% call %} needs a macro to call', statement.call.at);
    const args = call.args.map((arg) => this.value({ ...statement.call, node: arg }, frame));
    const kwargs: Record<string, unknown> = {};
    for (const [key, node] of Object.entries(call.kwargs)) kwargs[key] = this.value({ ...statement.call, node }, frame);
    return pythonString(this.at(statement.call, () => macro.call(args, { ...kwargs, caller })));
  }

  private filtered(filter: Expr, text: string, frame: Frame): unknown {
    const scope: Scope = { has: (name) => name === FILTERED_BODY || frame.has(name), get: (name) => (name === FILTERED_BODY ? text : frame.get(name)) };
    return this.at(filter, () => evaluate(filter.node, { scope, expression: filter.source }));
  }

  private include(statement: Extract<Statement, { t: 'include' }>, frame: Frame): string {
    const names = this.value(statement.names, frame);
    const candidates = (Array.isArray(names) ? names : [names]).map(pythonString);
    for (const name of candidates) {
      const file = findTemplate(name, this.environment.searchPath);
      if (!file) continue;
      const included = this.at(statement.names, () => this.environment.files.load(file, this.template.settings));
      // Jinja passes the variables, loop variables included, but not `loop` itself.
      const scope = statement.withContext ? frame : NO_VARIABLES;
      const top = new Frame(scope);
      if (scope.has('loop')) top.vars.set('loop', new Undefined('loop'));
      return this.nested(() => new Renderer(included, this.environment, this.nesting).body(included.body, top));
    }
    if (statement.ignoreMissing) return '';
    throw this.notFound(candidates, statement.at);
  }

  /** An imported template's exports: its top-level macros and variables, but not those starting with `_`. */
  private importModule(statement: Extract<Statement, { t: 'import' | 'fromImport' }>, frame: Frame): Record<string, unknown> {
    const name = pythonString(this.value(statement.name, frame));
    const file = findTemplate(name, this.environment.searchPath);
    if (!file) throw this.notFound([name], statement.at);
    const imported = this.at(statement.name, () => this.environment.files.load(file, this.template.settings));
    const top = new Frame(statement.withContext ? frame : NO_VARIABLES);
    this.nested(() => new Renderer(imported, this.environment, this.nesting).body(imported.body, top));
    const module: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of top.entries()) if (!key.startsWith('_')) module[key] = item;
    return module;
  }

  private notFound(names: readonly string[], at: Expr['at']): TemplateError {
    return this.error(`template not found: ${names.join(', ')}`, at, `looked in: ${this.environment.searchPath.join(', ')}`);
  }

  /** An expression's value, which must be defined; errors get the tag's position. */
  private value(expr: Expr, scope: Scope): unknown {
    try {
      return defined(evaluate(expr.node, { scope, expression: expr.source }), expr.source);
    } catch (error) {
      throw this.positioned(error, expr);
    }
  }

  private at<T>(expr: Pick<Expr, 'at'>, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw this.positioned(error, expr);
    }
  }

  /** An error raised by an expression, with the position of its tag (unless a nested template gave it one). */
  private positioned(error: unknown, expr: Pick<Expr, 'at'>): unknown {
    // A playbook value has no file of its own: the task's position is added by its caller.
    if (this.template.file === '') return error;
    return error instanceof CxError ? withPosition(error, { file: this.template.file, line: expr.at.line, col: expr.at.col }) : error;
  }

  private error(message: string, at: Expr['at'] | undefined, hint?: string): TemplateError {
    if (this.template.file === '') return new TemplateError(message, { hint });
    return new TemplateError(message, { at: at ? { file: this.template.file, line: at.line, col: at.col } : { file: this.template.file }, hint });
  }
}

/** What a for loop walks: a list's items, a dict's keys, a string's characters. */
function iterate(iterable: unknown, expr: Expr): readonly unknown[] {
  if (Array.isArray(iterable)) return iterable;
  if (typeof iterable === 'string') return [...iterable];
  if (iterable && typeof iterable === 'object' && !(iterable instanceof TemplateCallable)) return Object.keys(iterable);
  throw new TemplateError(`'${pythonString(iterable)}' is not iterable in "${expr.source}"`);
}

/** An output as Ansible writes it: None is empty (its finalize), anything else Python's str(). */
function printed(item: unknown): string {
  return item === null ? '' : pythonString(item);
}

/** The names a macro's body reads (does it take varargs, kwargs?). */
function namesRead(body: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const expr of expressionsOf(body)) for (const name of collectNames(expr.node).read) names.add(name);
  return names;
}
