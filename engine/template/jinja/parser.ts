/**
 * Parses the tags of a Jinja template file into statements (nodes.ts). Each
 * tag's expressions are read by the expression parser, token by token, so a
 * template is never turned into code. Errors name the template's
 * file:line:col.
 */
import { CxError, TemplateError } from '../../errors.js';
import { didYouMean } from '../../load/suggest.js';
import type { Node } from '../ast.js';
import { MAX_TEMPLATE_NESTING } from '../handlebars-check.js';
import { checkedDepth, ExpressionParser } from '../parser.js';
import type { TemplateToken } from './lexer.js';
import { FILTERED_BODY, type Expr, type MacroParam, type Statement, type TagAt, type Target } from './nodes.js';

type StatementToken = Extract<TemplateToken, { kind: 'statement' }>;

const BLOCK_TAGS = ['if', 'elif', 'else', 'endif', 'for', 'endfor', 'set', 'endset', 'macro', 'endmacro', 'call', 'endcall', 'filter', 'endfilter', 'with', 'endwith', 'include', 'import', 'from', 'raw', 'endraw'];
/** Tags of Jinja that Ansible's environment does not enable, or that cxplay does not do: said plainly. */
const REFUSED: Readonly<Record<string, string>> = {
  extends: 'template inheritance ({% extends %}/{% block %}) is not supported in template files',
  block: 'template inheritance ({% extends %}/{% block %}) is not supported in template files',
  do: "'do' is a Jinja extension Ansible does not enable: use {% set %}",
  break: "'break' is a Jinja extension (loopcontrols) Ansible does not enable: filter the loop with {% for x in xs if test %}",
  continue: "'continue' is a Jinja extension (loopcontrols) Ansible does not enable: filter the loop with {% for x in xs if test %}",
};

export function parseTemplateTokens(tokens: readonly TemplateToken[], file: string): Statement[] {
  const parser = new TemplateParser(tokens, file);
  const { body, stop } = parser.block([]);
  if (stop) throw parser.error(`unexpected '${stop.keyword}'`, stop.token, `there is no open block that '${stop.keyword}' ends or continues`);
  return body;
}

interface Stop {
  readonly keyword: string;
  readonly reader: ExpressionParser;
  readonly token: StatementToken;
}

class TemplateParser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly TemplateToken[],
    private readonly file: string,
  ) {}

  /** Statements up to one of `stops` (returned, its tag consumed) or the end of the template. */
  block(stops: readonly string[], opener?: { keyword: string; token: StatementToken }): { body: Statement[]; stop: Stop | undefined } {
    if (opener && ++this.depth > MAX_TEMPLATE_NESTING) throw this.error(`blocks nested deeper than ${MAX_TEMPLATE_NESTING} levels`, opener.token, 'flatten the template (no real one nests this deep)');
    try {
      return this.statements(stops, opener);
    } finally {
      if (opener) this.depth -= 1;
    }
  }

  private statements(stops: readonly string[], opener: { keyword: string; token: StatementToken } | undefined): { body: Statement[]; stop: Stop | undefined } {
    const body: Statement[] = [];
    while (this.position < this.tokens.length) {
      const token = this.tokens[this.position++]!;
      if (token.kind === 'text') body.push({ t: 'text', text: token.text });
      else if (token.kind === 'output') body.push({ t: 'output', expr: this.whole(token) });
      else {
        const reader = this.reader(token);
        const keyword = this.attempt(token, () => reader.expectName());
        if (stops.includes(keyword) || keyword.startsWith('end') || keyword === 'elif' || keyword === 'else') {
          if (!stops.includes(keyword) && opener) throw this.error(`unexpected '${keyword}'`, token, `the innermost open block is '${opener.keyword}' (line ${opener.token.line}): close it with {% ${stops.at(-1)} %}`);
          return { body, stop: { keyword, reader, token } };
        }
        body.push(this.statement(keyword, reader, token));
      }
    }
    if (opener) throw this.error(`'${opener.keyword}' is never closed`, opener.token, `close it with {% ${stops.at(-1)} %}`);
    return { body, stop: undefined };
  }

  private statement(keyword: string, reader: ExpressionParser, token: StatementToken): Statement {
    switch (keyword) {
      case 'if':
        return this.ifStatement(reader, token);
      case 'for':
        return this.forStatement(reader, token);
      case 'set':
        return this.setStatement(reader, token);
      case 'macro':
        return this.macroStatement(reader, token);
      case 'call':
        return this.callStatement(reader, token);
      case 'filter': {
        const filter = this.attempt(token, () => this.filterChain(reader, token));
        this.end(reader, token);
        return { t: 'filter', filter, body: this.body('filter', token, 'endfilter') };
      }
      case 'with':
        return this.withStatement(reader, token);
      case 'include':
        return this.includeStatement(reader, token);
      case 'import':
        return this.importStatement(reader, token);
      case 'from':
        return this.fromStatement(reader, token);
    }
    const refusal = Object.prototype.hasOwnProperty.call(REFUSED, keyword) ? REFUSED[keyword] : undefined;
    if (refusal) throw this.error(refusal, token);
    throw this.error(`unknown tag '${keyword}'${didYouMean(keyword, BLOCK_TAGS)}`, token, `the tags are: ${BLOCK_TAGS.join(', ')}`);
  }

  private ifStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const branches: { test: Expr | undefined; body: Statement[] }[] = [];
    let test: Expr | undefined = this.expression(reader, token);
    this.end(reader, token);
    for (;;) {
      const { body, stop } = this.block(['elif', 'else', 'endif'], { keyword: 'if', token });
      branches.push({ test, body });
      const next = stop!;
      if (next.keyword === 'endif') {
        this.end(next.reader, next.token);
        return { t: 'if', branches };
      }
      if (test === undefined) throw this.error(`unexpected '${next.keyword}' after 'else'`, next.token, 'else is the last branch of an if');
      test = next.keyword === 'elif' ? this.expression(next.reader, next.token) : undefined;
      this.end(next.reader, next.token);
    }
  }

  private forStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const target = this.attempt(token, () => this.names(reader));
    this.attempt(token, () => {
      if (!reader.isName('in')) reader.fail("expected 'in' after the loop variable");
      reader.next();
    });
    const iterable = this.expression(reader, token, () => reader.or());
    let filter: Expr | undefined;
    if (reader.isName('if')) {
      reader.next();
      filter = this.expression(reader, token, () => reader.or());
    }
    const recursive = reader.isName('recursive');
    if (recursive) reader.next();
    this.end(reader, token);
    const { body, stop } = this.block(['else', 'endfor'], { keyword: 'for', token });
    let otherwise: Statement[] = [];
    this.end(stop!.reader, stop!.token);
    if (stop!.keyword === 'else') otherwise = this.body('for', token, 'endfor');
    return { t: 'for', target, iterable, filter, recursive, body, otherwise };
  }

  private setStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const target = this.attempt(token, () => this.target(reader));
    if (reader.isOp('=')) {
      reader.next();
      const value = this.expression(reader, token, () => this.tuple(reader));
      this.end(reader, token);
      return { t: 'set', target, value };
    }
    const filter = reader.isOp('|') ? this.attempt(token, () => (reader.next(), this.filterChain(reader, token))) : undefined;
    this.end(reader, token);
    return { t: 'setBlock', target, filter, body: this.body('set', token, 'endset') };
  }

  private macroStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const name = this.attempt(token, () => reader.expectName());
    const params = this.attempt(token, () => this.params(reader, token));
    this.end(reader, token);
    return { t: 'macro', name, params, body: this.body('macro', token, 'endmacro'), at: token };
  }

  private callStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const params = reader.isOp('(') ? this.attempt(token, () => this.params(reader, token)) : [];
    const call = this.expression(reader, token);
    if (call.node.t !== 'call') throw this.error('{% call %} needs a macro call, e.g. {% call list_users(users) %}', token);
    this.end(reader, token);
    return { t: 'call', params, call, body: this.body('call', token, 'endcall') };
  }

  private withStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const assignments: { target: Target; value: Expr }[] = [];
    while (!reader.atEnd()) {
      if (assignments.length > 0) this.attempt(token, () => reader.expectOp(','));
      const target = this.attempt(token, () => this.target(reader));
      this.attempt(token, () => reader.expectOp('='));
      assignments.push({ target, value: this.expression(reader, token) });
    }
    return { t: 'with', assignments, body: this.body('with', token, 'endwith') };
  }

  private includeStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const names = this.expression(reader, token);
    let ignoreMissing = false;
    if (reader.isName('ignore')) {
      reader.next();
      this.attempt(token, () => (reader.isName('missing') ? reader.next() : reader.fail("expected 'missing' after 'ignore'")));
      ignoreMissing = true;
    }
    const withContext = this.context(reader, token, true);
    this.end(reader, token);
    return { t: 'include', names, ignoreMissing, withContext, at: token };
  }

  private importStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const name = this.expression(reader, token);
    const as = this.attempt(token, () => {
      if (!reader.isName('as')) reader.fail("expected 'as' and a name, e.g. {% import 'macros.j2' as macros %}");
      reader.next();
      return reader.expectName();
    });
    const withContext = this.context(reader, token, false);
    this.end(reader, token);
    return { t: 'import', name, as, withContext, at: token };
  }

  private fromStatement(reader: ExpressionParser, token: StatementToken): Statement {
    const name = this.expression(reader, token);
    const names: { name: string; as: string }[] = [];
    this.attempt(token, () => {
      if (!reader.isName('import')) reader.fail("expected 'import', e.g. {% from 'macros.j2' import field %}");
      reader.next();
      do {
        if (names.length > 0) reader.next();
        if (reader.isName('with') || reader.isName('without')) break;
        const imported = reader.expectName();
        let alias = imported;
        if (reader.isName('as')) {
          reader.next();
          alias = reader.expectName();
        }
        names.push({ name: imported, as: alias });
      } while (reader.isOp(','));
    });
    const withContext = this.context(reader, token, false);
    this.end(reader, token);
    return { t: 'fromImport', name, names, withContext, at: token };
  }

  /** `with context` / `without context` after an include or import. */
  private context(reader: ExpressionParser, token: StatementToken, fallback: boolean): boolean {
    if (!reader.isName('with') && !reader.isName('without')) return fallback;
    const withContext = (reader.next() as { value: string }).value === 'with';
    this.attempt(token, () => (reader.isName('context') ? reader.next() : reader.fail("expected 'context'")));
    return withContext;
  }

  /** A block's body up to its end tag, whose tag must hold nothing else. */
  private body(keyword: string, token: StatementToken, end: string): Statement[] {
    const { body, stop } = this.block([end], { keyword, token });
    this.end(stop!.reader, stop!.token);
    return body;
  }

  private params(reader: ExpressionParser, token: StatementToken): MacroParam[] {
    reader.expectOp('(');
    const params: MacroParam[] = [];
    while (!reader.isOp(')')) {
      const name = reader.expectName();
      let fallback: Expr | undefined;
      if (reader.isOp('=')) {
        reader.next();
        fallback = this.expression(reader, token);
      } else if (params.some((param) => param.fallback)) {
        reader.fail(`the parameter '${name}' without a default follows one with a default`);
      }
      params.push({ name, fallback });
      if (!reader.isOp(',')) break;
      reader.next();
    }
    reader.expectOp(')');
    return params;
  }

  /** `name`, `a, b` or `(a, b)`: what a for loop binds. */
  private names(reader: ExpressionParser): string[] {
    const parenthesised = reader.isOp('(');
    if (parenthesised) reader.next();
    const names = [reader.expectName()];
    while (reader.isOp(',')) {
      reader.next();
      if (reader.isOp(')')) break;
      names.push(reader.expectName());
    }
    if (parenthesised) reader.expectOp(')');
    return names;
  }

  private target(reader: ExpressionParser): Target {
    const first = reader.peek();
    const following = this.tokensAhead(reader);
    if (first.kind === 'name' && following === '.') {
      const object = reader.expectName();
      reader.expectOp('.');
      return { t: 'attribute', object, name: reader.expectName() };
    }
    return { t: 'names', names: this.names(reader) };
  }

  private tokensAhead(reader: ExpressionParser): string | undefined {
    const saved = reader.mark();
    reader.next();
    const token = reader.peek();
    reader.reset(saved);
    return token.kind === 'op' ? token.value : undefined;
  }

  /** An expression, or several separated by commas (a tuple, as `{% set a, b = 1, 2 %}` assigns). */
  private tuple(reader: ExpressionParser): Node {
    const first = reader.conditional();
    if (!reader.isOp(',')) return first;
    const items = [first];
    while (reader.isOp(',')) {
      reader.next();
      items.push(reader.conditional());
    }
    return { t: 'list', items };
  }

  /** `name(args) | name2 ...` applied to the block's rendered body. */
  private filterChain(reader: ExpressionParser, token: StatementToken): Expr {
    let node: Node = { t: 'name', name: FILTERED_BODY };
    do {
      if (node.t !== 'name') reader.next();
      const name = reader.expectName();
      const call = reader.isOp('(') ? reader.callArguments() : { args: [], kwargs: {} };
      node = { t: 'filter', operand: node, name, args: call.args, kwargs: call.kwargs };
    } while (reader.isOp('|'));
    return { node: checkedDepth(node), source: token.source, at: token };
  }

  private expression(reader: ExpressionParser, token: StatementToken, read: () => Node = () => reader.conditional()): Expr {
    return { node: this.attempt(token, () => checkedDepth(read())), source: token.source, at: token };
  }

  private whole(token: Extract<TemplateToken, { kind: 'output' }>): Expr {
    const reader = this.reader(token);
    const node = this.attempt(token, () => checkedDepth(reader.parseAll()));
    return { node, source: token.source, at: token };
  }

  /** The tag must end here. */
  private end(reader: ExpressionParser, token: StatementToken): void {
    this.attempt(token, () => {
      if (!reader.atEnd()) reader.fail(`unexpected '${String((reader.peek() as { value?: unknown }).value)}'`);
    });
  }

  private reader(token: Exclude<TemplateToken, { kind: 'text' }>): ExpressionParser {
    return this.attempt(token, () => new ExpressionParser(token.source));
  }

  /** Runs a parse step; its error gets the tag's position in the template file. */
  private attempt<T>(token: TagAt, step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof CxError && !error.at) throw new TemplateError(`template syntax error: ${error.message}`, { at: { file: this.file, line: token.line, col: token.col }, hint: error.hint });
      throw error;
    }
  }

  error(message: string, token: TagAt, hint?: string): TemplateError {
    return new TemplateError(`template syntax error: ${message}`, { at: { file: this.file, line: token.line, col: token.col }, hint });
  }
}
