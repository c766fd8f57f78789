/**
 * Python's ast.literal_eval, as Ansible applies it to the text a playbook
 * value renders to (native_helpers.py's ansible_eval_concat): lists, tuples,
 * dicts, sets, strings, numbers, True/False/None, and JSON's true/false/null
 * read as Python's. Anything else (a name, a call, an operator) is not a
 * literal, and the text stays text.
 */
import type { Token } from './lexer.js';
import { tokenize } from './lexer.js';
import { negate } from './python-arithmetic.js';
import { PyFloat, PyTuple, pythonString } from './python.js';

const NAMED_CONSTANTS: Readonly<Record<string, unknown>> = { True: true, False: false, None: null, true: true, false: false, null: null };

/** Python's own constants: what ast.literal_eval itself reads (JSON's true is a name to it). */
const PYTHON_CONSTANTS: Readonly<Record<string, unknown>> = { True: true, False: false, None: null };

/** A Python integer literal with a base prefix or underscores (0x10, 0o17, 0b11, 1_000), which Jinja's lexer does not read. */
const PYTHON_INTEGER = /^([-+]?)(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|[1-9](?:_?\d)*|0(?:_?0)*)$/;

class NotALiteral extends Error {}

/**
 * Python's ast.literal_eval itself, as Ansible's INI inventory plugin applies
 * it to a value: Python's constants only, its integer forms, and a trailing
 * `# comment` ignored, as Python's parser ignores it. undefined: not a literal.
 */
export function pythonLiteralEval(text: string): { value: unknown } | undefined {
  const code = withoutPythonComment(text).trim();
  const integer = PYTHON_INTEGER.exec(code);
  if (integer) {
    const value = Number(integer[2]!.replaceAll('_', '').replace(/^0+(?=\d)/, ''));
    return { value: integer[1] === '-' ? -value : value };
  }
  return literalEval(code, PYTHON_CONSTANTS);
}

/** `text` up to a `#` outside string quotes (a backslash escapes the next character inside them). */
function withoutPythonComment(text: string): string {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote && char === '\\') index += 1;
    else if (quote) quote = char === quote ? undefined : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return text.slice(0, index);
  }
  return text;
}

/** The literal `text` spells, or undefined when it is not one. */
export function literalEval(text: string, names: Readonly<Record<string, unknown>> = NAMED_CONSTANTS): { value: unknown } | undefined {
  try {
    const reader = new LiteralReader(tokenize(text), names);
    const value = reader.value();
    reader.expectEnd();
    return { value };
  } catch {
    return undefined;
  }
}

class LiteralReader {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly names: Readonly<Record<string, unknown>>,
  ) {}

  value(): unknown {
    const token = this.next();
    if (token.kind === 'string') return this.concatenatedString(token.value);
    if (token.kind === 'number') return token.value;
    if (token.kind === 'name' && Object.hasOwn(this.names, token.value)) return this.names[token.value];
    if (token.kind !== 'op') throw new NotALiteral();
    switch (token.value) {
      case '[': return this.items(']');
      case '(': return this.parenthesized();
      case '{': return this.braced();
      case '-':
      case '+': return this.signed(token.value);
      default: throw new NotALiteral();
    }
  }

  expectEnd(): void {
    if (this.next().kind !== 'end') throw new NotALiteral();
  }

  /** Adjacent string literals are one string, as in Python. */
  private concatenatedString(first: string): string {
    let text = first;
    for (let token = this.peek(); token.kind === 'string'; token = this.peek()) {
      text += token.value;
      this.index += 1;
    }
    return text;
  }

  private signed(sign: string): unknown {
    const token = this.next();
    if (token.kind !== 'number') throw new NotALiteral();
    return sign === '-' ? negate(Number(token.value), token.value) : token.value;
  }

  private parenthesized(): unknown {
    if (this.takeOp(')')) return PyTuple.of();
    const first = this.value();
    if (this.takeOp(')')) return first;
    if (!this.takeOp(',')) throw new NotALiteral();
    return PyTuple.of(first, ...this.items(')'));
  }

  /** A dict, or a set (read as a list: its items in written order). */
  private braced(): unknown {
    if (this.takeOp('}')) return {};
    const first = this.value();
    if (!this.takeOp(':')) {
      if (this.takeOp('}')) return [first];
      if (!this.takeOp(',')) throw new NotALiteral();
      return [...new Set([first, ...this.items('}')])];
    }
    const out: Record<string, unknown> = {};
    let key = first;
    for (;;) {
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null && !(key instanceof PyFloat)) throw new NotALiteral();
      const name = pythonString(key);
      if (name === '__proto__') throw new NotALiteral();
      out[name] = this.value();
      if (this.takeOp('}')) return out;
      if (!this.takeOp(',')) throw new NotALiteral();
      if (this.takeOp('}')) return out;
      key = this.value();
      if (!this.takeOp(':')) throw new NotALiteral();
    }
  }

  /** Comma-separated values up to `close` (a trailing comma allowed). */
  private items(close: string): unknown[] {
    const out: unknown[] = [];
    while (!this.takeOp(close)) {
      out.push(this.value());
      if (this.takeOp(close)) break;
      if (!this.takeOp(',')) throw new NotALiteral();
    }
    return out;
  }

  private takeOp(op: string): boolean {
    const token = this.peek();
    if (token.kind !== 'op' || token.value !== op) return false;
    this.index += 1;
    return true;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end' };
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }
}
