/**
 * Evaluates a parsed expression against a Scope. Pure interpretation of the
 * AST: no eval, no Function, no access beyond own data (members.ts).
 */
import { TemplateError, UndefinedVariableError } from '../errors.js';
import type { Node } from './ast.js';
import { TemplateCallable } from './callable.js';
import { applyFilter } from './filters.js';
import { callGlobal } from './globals.js';
import { callMethod, member } from './members.js';
import { PyDateTime } from './python-datetime.js';
import { arithmetic, negate, type ArithmeticOperator } from './python-arithmetic.js';
import { percentFormat } from './python-format.js';
import { isDict, numeric, PyTuple, PyValue, pythonEqual, pythonString, truthy } from './python.js';
import type { Scope } from './scope.js';
import { applyTest } from './tests.js';
import { Undefined, defined } from './undefined.js';
import { assertSafeName } from './members.js';

export interface EvalContext {
  readonly scope: Scope;
  /** The source text, for error messages. */
  readonly expression: string;
}

/**
 * A variable's value. One whose own template names an undefined variable is
 * undefined itself, as in Ansible (`x is defined` is false, `x | default(1)`
 * is 1), keeping that error for when the value is used.
 */
function variableValue(name: string, scope: Scope): unknown {
  try {
    return scope.get(name);
  } catch (error) {
    if (error instanceof UndefinedVariableError) return new Undefined(name, error);
    throw error;
  }
}

export function evaluate(node: Node, context: EvalContext): unknown {
  switch (node.t) {
    case 'lit':
      return node.value;
    case 'name':
      assertSafeName(node.name);
      return context.scope.has(node.name) ? variableValue(node.name, context.scope) : new Undefined(node.name);
    case 'attr': {
      const object = evaluate(node.object, context);
      if (object instanceof Undefined) return new Undefined(`${object.name}.${node.name}`, object.cause);
      return member(object, node.name, `${pathOf(node.object)}.${node.name}`);
    }
    case 'index': {
      const object = evaluate(node.object, context);
      const key = defined(evaluate(node.index, context), context.expression);
      if (object instanceof Undefined) return new Undefined(`${object.name}[${JSON.stringify(key)}]`, object.cause);
      return member(object, key, `${pathOf(node.object)}[${JSON.stringify(key)}]`);
    }
    case 'slice':
      return slice(node, context);
    case 'list': {
      const items = node.items.map((item) => value(item, context));
      return node.tuple ? PyTuple.of(...items) : items;
    }
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of node.entries) {
        const name = String(value(key, context));
        assertSafeName(name);
        out[name] = value(item, context);
      }
      return out;
    }
    case 'unary':
      return unary(node.op, evaluate(node.operand, context), context);
    case 'binary':
      return binary(node.op, evaluate(node.left, context), evaluate(node.right, context), context);
    case 'logic': {
      const left = value(node.left, context);
      if (node.op === 'and') return truthy(left) ? value(node.right, context) : left;
      return truthy(left) ? left : value(node.right, context);
    }
    case 'cond':
      if (truthy(value(node.test, context))) return evaluate(node.then, context);
      return node.otherwise ? evaluate(node.otherwise, context) : new Undefined('(if without else)');
    case 'filter':
      return applyFilter(node.name, evaluate(node.operand, context), args(node.args, context), kwargs(node.kwargs, context), context);
    case 'test': {
      const result = applyTest(node.name, evaluate(node.operand, context), args(node.args, context), context, kwargs(node.kwargs, context));
      return node.negated ? !result : result;
    }
    case 'call':
      return call(node, context);
  }
}

/** Evaluate and require a defined value. */
export function value(node: Node, context: EvalContext): unknown {
  return defined(evaluate(node, context), context.expression);
}

function args(nodes: readonly Node[], context: EvalContext): unknown[] {
  return nodes.map((node) => evaluate(node, context));
}

/** Shared by every call without keyword arguments (most of them): no object to allocate. Filters only read it. */
const NO_KWARGS: Record<string, unknown> = Object.freeze({});

function kwargs(nodes: Readonly<Record<string, Node>>, context: EvalContext): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in nodes) (out ??= {})[key] = evaluate(nodes[key]!, context);
  return out ?? NO_KWARGS;
}

/** A callable value (a macro, `loop.cycle`), a global function (range, lookup), or a method of a string, list or dict. */
function call(node: Extract<Node, { t: 'call' }>, context: EvalContext): unknown {
  const { callee } = node;
  const values = node.args.map((arg) => value(arg, context));
  if (callee.t === 'name') {
    assertSafeName(callee.name);
    const named = context.scope.has(callee.name) ? context.scope.get(callee.name) : undefined;
    if (named instanceof TemplateCallable) return named.call(values, kwargs(node.kwargs, context));
    return callGlobal(callee.name, values, kwargs(node.kwargs, context), context, node.args);
  }
  if (callee.t === 'attr') {
    const object = value(callee.object, context);
    const attribute = object && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, callee.name) ? (object as Record<string, unknown>)[callee.name] : undefined;
    if (attribute instanceof TemplateCallable) return attribute.call(values, kwargs(node.kwargs, context));
    return callMethod(object, callee.name, values, kwargs(node.kwargs, context));
  }
  throw new TemplateError(`this cannot be called in "${context.expression}"`);
}

function slice(node: Extract<Node, { t: 'slice' }>, context: EvalContext): unknown {
  const object = value(node.object, context);
  const bound = (part: Node | undefined) => (part ? Number(value(part, context)) : undefined);
  const step = bound(node.step) ?? 1;
  if (step === 0) throw new TemplateError(`slice step cannot be zero in "${context.expression}"`);
  if (typeof object !== 'string' && !Array.isArray(object)) throw new TemplateError(`only strings and lists can be sliced in "${context.expression}"`);
  const picked = sliceIndices(object.length, bound(node.start), bound(node.end), step).map((index) => object[index]);
  return typeof object === 'string' ? picked.join('') : picked;
}

/** The indices Python's seq[start:end:step] picks, negative bounds counting from the end. */
function sliceIndices(length: number, start: number | undefined, end: number | undefined, step: number): number[] {
  const clamp = (bound: number, low: number, high: number) => Math.min(Math.max(bound < 0 ? bound + length : bound, low), high);
  const indices: number[] = [];
  if (step > 0) {
    for (let index = start === undefined ? 0 : clamp(start, 0, length); index < (end === undefined ? length : clamp(end, 0, length)); index += step) indices.push(index);
  } else {
    for (let index = start === undefined ? length - 1 : clamp(start, -1, length - 1); index > (end === undefined ? -1 : clamp(end, -1, length - 1)); index += step) indices.push(index);
  }
  return indices;
}

function unary(op: string, operand: unknown, context: EvalContext): unknown {
  const item = defined(operand, context.expression);
  if (op === 'not') return !truthy(item);
  const number = toNumber(item, context);
  if (op === '-') return negate(number, item);
  return typeof item === 'boolean' ? number : item;
}

function binary(op: string, leftRaw: unknown, rightRaw: unknown, context: EvalContext): unknown {
  const left = defined(leftRaw, context.expression);
  const right = defined(rightRaw, context.expression);
  switch (op) {
    case '~':
      return pythonString(left) + pythonString(right);
    case '==':
      return pythonEqual(left, right);
    case '!=':
      return !pythonEqual(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, left, right, context);
    case 'in':
      return contains(right, left, context);
    case '+':
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
      break;
    case '-':
      if (left instanceof PyDateTime && right instanceof PyDateTime) return left.minus(right);
      break;
    case '*':
      if (typeof left === 'string' && typeof right === 'number' && Number.isInteger(right)) return left.repeat(Math.max(0, right));
      break;
    case '%':
      if (typeof left === 'string') return percentFormat(left, formatArguments(right), isDict(right) ? right : {});
      break;
    case '/':
    case '//':
    case '**':
      break;
    default:
      throw new TemplateError(`unknown operator '${op}' in "${context.expression}"`);
  }
  // Ints (plain integers) added, subtracted or multiplied stay ints: the common case, without a look at types.
  if (typeof left === 'number' && typeof right === 'number' && Number.isInteger(left) && Number.isInteger(right)) {
    if (op === '+') return left + right;
    if (op === '-') return left - right;
    if (op === '*') return left * right || 0;
  }
  const a = toNumber(left, context);
  const b = toNumber(right, context);
  if (b === 0 && (op === '/' || op === '//' || op === '%')) throw new TemplateError(`division by zero in "${context.expression}"`);
  if (op === '**' && a === 0 && b < 0) throw new TemplateError(`0 cannot be raised to a negative power in "${context.expression}"`);
  return arithmetic(op as ArithmeticOperator, a, b, left, right);
}

/** The right side of `text % value`: a tuple's items, or the one value (a dict names the fields). */
function formatArguments(value: unknown): unknown[] {
  return value instanceof PyTuple ? [...value] : [value];
}

export function compare(op: string, left: unknown, right: unknown, context: EvalContext): boolean {
  const x = numeric(left);
  const y = numeric(right);
  const numbers = x !== undefined && y !== undefined;
  if (!numbers && !(typeof left === 'string' && typeof right === 'string')) throw new TemplateError(`cannot compare ${typeName(left)} and ${typeName(right)} with '${op}' in "${context.expression}"`);
  const a = numbers ? x : (left as string);
  const b = numbers ? y : (right as string);
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function contains(container: unknown, item: unknown, context: EvalContext): boolean {
  if (typeof container === 'string') return container.includes(pythonString(item));
  if (Array.isArray(container)) return container.some((candidate) => pythonEqual(candidate, item));
  if (container && typeof container === 'object') return Object.prototype.hasOwnProperty.call(container, String(item));
  throw new TemplateError(`'in' needs a string, list or dict on its right in "${context.expression}"`);
}

function toNumber(value: unknown, context: EvalContext): number {
  const number = numeric(value);
  if (number !== undefined) return number;
  throw new TemplateError(`expected a number, got ${typeName(value)} ${JSON.stringify(value)} in "${context.expression}"`, {
    hint: 'convert it with "| int" or "| float"',
  });
}

export function typeName(value: unknown): string {
  if (value === null) return 'None';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyValue) return value.typeName;
  if (typeof value === 'object') return 'dict';
  return typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : typeof value === 'boolean' ? 'bool' : 'str';
}

function pathOf(node: Node): string {
  if (node.t === 'name') return node.name;
  if (node.t === 'attr') return `${pathOf(node.object)}.${node.name}`;
  if (node.t === 'index') return `${pathOf(node.object)}[...]`;
  return '(value)';
}
