/**
 * Expressions nested past what the parser's and evaluator's recursion can
 * take are refused with a TemplateError naming the bound, not a "Maximum call
 * stack size exceeded" crash; real expressions stay far below the bounds.
 */
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../engine/errors.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NESTING, parseExpression } from '../../engine/template/parser.js';

function errorOf(source: string): unknown {
  try {
    parseExpression(source);
  } catch (error) {
    return error;
  }
  return undefined;
}

const nestingError = `expression nested more than ${MAX_EXPRESSION_NESTING} levels (brackets, parentheses, not, signs)`;

describe('expression depth bounds', () => {
  it.each([
    ['1,000 nested parentheses', `${'('.repeat(1000)}1${')'.repeat(1000)}`],
    ['5,000 not', `${'not '.repeat(5000)}true`],
    ['5,000 minus signs', `${'- '.repeat(5000)}1`],
    ['1,000 nested lists', `${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['1,000 nested dicts', `${'{"a": '.repeat(1000)}1${'}'.repeat(1000)}`],
  ])('refuses %s', (_name, source) => {
    const error = errorOf(source);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toBe(nestingError);
  });

  it.each([
    ['3,000 or', Array(3000).fill('x').join(' or ')],
    ['10,000 additions', Array(10_000).fill('1').join(' + ')],
    ['3,000 filters', `x${'|string'.repeat(3000)}`],
    ['3,000 attributes', `x${'.a'.repeat(3000)}`],
  ])('refuses a chain of %s (the evaluator would recurse once per step)', (_name, source) => {
    expect((errorOf(source) as Error).message).toBe(`expression more than ${MAX_EXPRESSION_DEPTH} operations deep`);
  });

  it('accepts nesting at the bounds', () => {
    expect(errorOf(`${'('.repeat(MAX_EXPRESSION_NESTING - 1)}1${')'.repeat(MAX_EXPRESSION_NESTING - 1)}`)).toBeUndefined();
    expect(errorOf(Array(MAX_EXPRESSION_DEPTH - 1).fill('x').join(' or '))).toBeUndefined();
  });
});
