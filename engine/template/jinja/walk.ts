/** Every expression of a parsed template, and the statements holding them, for static checks. */
import type { Expr, Statement, Target } from './nodes.js';

export function* expressionsOf(statements: readonly Statement[]): Generator<Expr> {
  for (const statement of statements) {
    switch (statement.t) {
      case 'text':
        break;
      case 'output':
        yield statement.expr;
        break;
      case 'if':
        for (const branch of statement.branches) {
          if (branch.test) yield branch.test;
          yield* expressionsOf(branch.body);
        }
        break;
      case 'for':
        yield statement.iterable;
        if (statement.filter) yield statement.filter;
        yield* expressionsOf(statement.body);
        yield* expressionsOf(statement.otherwise);
        break;
      case 'set':
        yield statement.value;
        break;
      case 'setBlock':
        if (statement.filter) yield statement.filter;
        yield* expressionsOf(statement.body);
        break;
      case 'macro':
      case 'call':
        for (const param of statement.params) if (param.fallback) yield param.fallback;
        if (statement.t === 'call') yield statement.call;
        yield* expressionsOf(statement.body);
        break;
      case 'filter':
        yield statement.filter;
        yield* expressionsOf(statement.body);
        break;
      case 'with':
        for (const assignment of statement.assignments) yield assignment.value;
        yield* expressionsOf(statement.body);
        break;
      case 'include':
        yield statement.names;
        break;
      case 'import':
      case 'fromImport':
        yield statement.name;
        break;
    }
  }
}

/** The statements of a template that load another template (include, import, from ... import). */
export function* loadsOf(statements: readonly Statement[]): Generator<Extract<Statement, { t: 'include' | 'import' | 'fromImport' }>> {
  for (const statement of statements) {
    if (statement.t === 'include' || statement.t === 'import' || statement.t === 'fromImport') yield statement;
    else if (statement.t === 'if') for (const branch of statement.branches) yield* loadsOf(branch.body);
    else if (statement.t === 'for') {
      yield* loadsOf(statement.body);
      yield* loadsOf(statement.otherwise);
    } else if ('body' in statement) yield* loadsOf(statement.body);
  }
}

/** Every name a template binds itself (loop targets, set, macros and their parameters, with, imports), and Jinja's own. */
export function boundNames(statements: readonly Statement[]): string[] {
  const names = ['loop', 'caller', 'varargs', 'kwargs'];
  const targets = (target: Target) => (target.t === 'names' ? names.push(...target.names) : undefined);
  const visit = (body: readonly Statement[]): void => {
    for (const statement of body) {
      if (statement.t === 'for') names.push(...statement.target);
      else if (statement.t === 'set' || statement.t === 'setBlock') targets(statement.target);
      else if (statement.t === 'macro') names.push(statement.name, ...statement.params.map((param) => param.name));
      else if (statement.t === 'call') names.push(...statement.params.map((param) => param.name));
      else if (statement.t === 'with') statement.assignments.forEach((assignment) => targets(assignment.target));
      else if (statement.t === 'import') names.push(statement.as);
      else if (statement.t === 'fromImport') names.push(...statement.names.map((imported) => imported.as));
      if (statement.t === 'if') statement.branches.forEach((branch) => visit(branch.body));
      else if (statement.t === 'for') {
        visit(statement.body);
        visit(statement.otherwise);
      } else if ('body' in statement) visit(statement.body);
    }
  };
  visit(statements);
  return names;
}
