/**
 * Recursive-descent parser for the expression language, with Jinja's
 * precedence: conditional < or < and < not < comparison/in/is < ~ < + - <
 * * / // % < unary < ** < filters < postfix (. [] ()).
 */
import { TemplateError } from '../errors.js';
import type { Node } from './ast.js';
import { tokenize, type Token } from './lexer.js';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const CONSTANTS: Record<string, unknown> = { true: true, True: true, false: false, False: false, none: null, None: null, null: null };
const MAX_CACHE = 10_000;
/**
 * Bounds far above any real expression: brackets, parentheses, `not` and
 * signs nested (the parser recurses for each), and the depth of the parsed
 * tree (a chain of 3,000 `or` would overflow the evaluator's recursion).
 */
export const MAX_EXPRESSION_NESTING = 100;
export const MAX_EXPRESSION_DEPTH = 500;
const cache = new Map<string, Node>();

/**
 * Parse once per distinct text: the same expression rendered for 200 hosts
 * is parsed once. `rawStrings`: string literals keep their backslashes (the
 * `{{ }}` of a playbook value, see lexer.ts).
 */
export function parseExpression(source: string, rawStrings = false): Node {
  const key = rawStrings ? `raw\u0000${source}` : source;
  let node = cache.get(key);
  if (!node) {
    node = checkedDepth(new ExpressionParser(source, rawStrings).parseAll());
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, node);
  }
  return node;
}

/** A parsed tree, refused when deeper than the evaluator's recursion allows. */
export function checkedDepth(node: Node): Node {
  if (treeDepth(node) > MAX_EXPRESSION_DEPTH) throw tooDeep(`more than ${MAX_EXPRESSION_DEPTH} operations deep`);
  return node;
}

/**
 * The parser, also used token by token by the statements of template files
 * (`{% for x in xs if c %}`, `{% macro m(a, b=1) %}`): its public methods
 * read one piece each.
 */
export class ExpressionParser {
  private readonly tokens: Token[];
  private position = 0;
  private nesting = 0;

  constructor(
    private readonly source: string,
    rawStrings = false,
  ) {
    this.tokens = tokenize(source, rawStrings);
  }

  /** Where the parser is, to look ahead and come back with reset(). */
  mark(): number {
    return this.position;
  }

  reset(mark: number): void {
    this.position = mark;
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  parseAll(): Node {
    const node = this.conditional();
    if (this.peek().kind !== 'end') this.fail(`unexpected '${describe(this.peek())}'`);
    return node;
  }

  conditional(): Node {
    return this.nested(() => this.plainConditional());
  }

  private plainConditional(): Node {
    const value = this.or();
    if (!this.isName('if')) return value;
    this.next();
    const test = this.or();
    let otherwise: Node | undefined;
    if (this.isName('else')) {
      this.next();
      otherwise = this.conditional();
    }
    return { t: 'cond', test, then: value, otherwise };
  }

  /** An expression without a trailing `a if b else c` (a for loop's iterable, before its `if` filter). */
  or(): Node {
    let left = this.and();
    while (this.isName('or')) {
      this.next();
      left = { t: 'logic', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.not();
    while (this.isName('and')) {
      this.next();
      left = { t: 'logic', op: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Node {
    if (this.isName('not')) {
      this.next();
      return { t: 'unary', op: 'not', operand: this.nested(() => this.not()) };
    }
    return this.comparison();
  }

  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && COMPARISONS.has(token.value)) {
        this.next();
        left = { t: 'binary', op: token.value, left, right: this.concat() };
      } else if (this.isName('in')) {
        this.next();
        left = { t: 'binary', op: 'in', left, right: this.concat() };
      } else if (this.isName('not') && this.isNameAt(1, 'in')) {
        this.next();
        this.next();
        left = { t: 'unary', op: 'not', operand: { t: 'binary', op: 'in', left, right: this.concat() } };
      } else if (this.isName('is')) {
        this.next();
        left = this.test(left);
      } else {
        return left;
      }
    }
  }

  private test(operand: Node): Node {
    let negated = false;
    if (this.isName('not')) {
      this.next();
      negated = true;
    }
    const name = this.expectName();
    let call: { args: Node[]; kwargs: Record<string, Node> } = { args: [], kwargs: {} };
    if (this.isOp('(')) {
      call = this.callArguments();
    } else if (this.startsValue()) {
      call.args = [this.concat()];
    }
    return { t: 'test', operand, name, args: call.args, kwargs: call.kwargs, negated };
  }

  private concat(): Node {
    let left = this.additive();
    while (this.isOp('~')) {
      this.next();
      left = { t: 'binary', op: '~', left, right: this.additive() };
    }
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { value: string }).value;
      left = { t: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Node {
    let left = this.power();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = (this.next() as { value: string }).value;
      left = { t: 'binary', op, left, right: this.power() };
    }
    return left;
  }

  private power(): Node {
    let left = this.unary(true);
    while (this.isOp('**')) {
      this.next();
      left = { t: 'binary', op: '**', left, right: this.unary(true) };
    }
    return left;
  }

  /** As Jinja's parse_unary: a sign applies to what follows it, and filters to the signed value (`-7 | abs` is 7). */
  private unary(withFilters: boolean): Node {
    let node: Node;
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { value: string }).value as '-' | '+';
      node = { t: 'unary', op, operand: this.nested(() => this.unary(false)) };
    } else {
      node = this.postfix(this.primary());
    }
    return withFilters ? this.filtered(node) : node;
  }

  private filtered(node: Node): Node {
    let operand = node;
    while (this.isOp('|')) {
      this.next();
      const name = this.expectName();
      const call = this.isOp('(') ? this.callArguments() : { args: [], kwargs: {} };
      operand = { t: 'filter', operand, name, args: call.args, kwargs: call.kwargs };
    }
    return operand;
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const token = this.next();
        if (token.kind === 'name') node = { t: 'attr', object: node, name: token.value };
        else if (token.kind === 'number' && Number.isInteger(token.value)) node = { t: 'index', object: node, index: { t: 'lit', value: token.value } };
        else this.fail("expected a name after '.'");
      } else if (this.isOp('[')) {
        this.next();
        node = this.subscript(node);
      } else if (this.isOp('(')) {
        const call = this.callArguments();
        node = { t: 'call', callee: node, args: call.args, kwargs: call.kwargs };
      } else {
        return node;
      }
    }
  }

  private subscript(object: Node): Node {
    let start: Node | undefined;
    if (!this.isOp(':')) start = this.conditional();
    if (this.isOp(':')) {
      this.next();
      const end = this.isOp(']') || this.isOp(':') ? undefined : this.conditional();
      let step: Node | undefined;
      if (this.isOp(':')) {
        this.next();
        if (!this.isOp(']')) step = this.conditional();
      }
      this.expectOp(']');
      return { t: 'slice', object, start, end, step };
    }
    this.expectOp(']');
    return { t: 'index', object, index: start! };
  }

  private primary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { t: 'lit', value: token.value };
      case 'name':
        if (token.value in CONSTANTS && Object.prototype.hasOwnProperty.call(CONSTANTS, token.value)) return { t: 'lit', value: CONSTANTS[token.value] };
        return { t: 'name', name: token.value };
      case 'op':
        if (token.value === '(') {
          const inner = this.conditional();
          if (this.isOp(',')) return this.tuple(inner);
          this.expectOp(')');
          return inner;
        }
        if (token.value === '[') return this.list();
        if (token.value === '{') return this.dict();
        break;
      case 'end':
        this.fail('unexpected end of expression');
    }
    return this.fail(`unexpected '${describe(token)}'`);
  }

  private tuple(first: Node): Node {
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(')')) break;
      items.push(this.conditional());
    }
    this.expectOp(')');
    return { t: 'list', items, tuple: true };
  }

  private list(): Node {
    const items: Node[] = [];
    while (!this.isOp(']')) {
      items.push(this.conditional());
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(']');
    return { t: 'list', items };
  }

  private dict(): Node {
    const entries: [Node, Node][] = [];
    while (!this.isOp('}')) {
      const key = this.conditional();
      this.expectOp(':');
      entries.push([key, this.conditional()]);
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp('}');
    return { t: 'dict', entries };
  }

  callArguments(): { args: Node[]; kwargs: Record<string, Node> } {
    this.expectOp('(');
    const args: Node[] = [];
    const kwargs: Record<string, Node> = Object.create(null) as Record<string, Node>;
    while (!this.isOp(')')) {
      const token = this.peek();
      const following = this.tokens[this.position + 1];
      if (token.kind === 'name' && following?.kind === 'op' && following.value === '=') {
        this.next();
        this.next();
        kwargs[token.value] = this.conditional();
      } else {
        args.push(this.conditional());
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')');
    return { args, kwargs };
  }

  /** Every recursive step of the parser goes through here: deeper than the bound is refused, not a stack overflow. */
  private nested(parse: () => Node): Node {
    if (++this.nesting > MAX_EXPRESSION_NESTING) throw tooDeep(`nested more than ${MAX_EXPRESSION_NESTING} levels (brackets, parentheses, not, signs)`);
    try {
      return parse();
    } finally {
      this.nesting -= 1;
    }
  }

  private startsValue(): boolean {
    const token = this.peek();
    if (token.kind === 'number' || token.kind === 'string') return true;
    if (token.kind === 'name') return !['and', 'or', 'if', 'else', 'is', 'in', 'not'].includes(token.value);
    return token.kind === 'op' && (token.value === '[' || token.value === '{');
  }

  peek(): Token {
    return this.tokens[this.position]!;
  }

  next(): Token {
    const token = this.tokens[this.position]!;
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  isOp(value: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === value;
  }

  isName(value: string): boolean {
    return this.isNameAt(0, value);
  }

  private isNameAt(offset: number, value: string): boolean {
    const token = this.tokens[this.position + offset];
    return token?.kind === 'name' && token.value === value;
  }

  expectOp(value: string): void {
    if (!this.isOp(value)) this.fail(`expected '${value}' but found '${describe(this.peek())}'`);
    this.next();
  }

  expectName(): string {
    const token = this.next();
    if (token.kind !== 'name') this.fail(`expected a name but found '${describe(token)}'`);
    return (token as { value: string }).value;
  }

  fail(message: string): never {
    throw new TemplateError(`${message} in expression "${this.source}"`, { hint: 'check the expression syntax (Jinja subset)' });
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of expression' : String(token.value);
}

function tooDeep(what: string): TemplateError {
  return new TemplateError(`expression ${what}`, { hint: 'split it into variables (set_fact or vars) or simplify it' });
}

/** The depth of a parsed expression, measured without recursion. */
function treeDepth(root: Node): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [value, depth] = entry;
    if (!value || typeof value !== 'object') continue;
    const isNode = !Array.isArray(value) && 't' in value;
    const level = isNode ? depth + 1 : depth;
    if (isNode) deepest = Math.max(deepest, depth);
    for (const child of Object.values(value)) if (child && typeof child === 'object') stack.push([child, level]);
  }
  return deepest;
}
