/**
 * Python's arithmetic on ints and floats (python.ts has how each is held):
 * int op int stays an int (but `/` always gives a float, and a negative
 * power a float), anything with a float in it gives a float, True and False
 * count as 1 and 0. Floor division and modulo round toward minus infinity.
 */
import { isFloat, pyFloat } from './python.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**';

/**
 * `a op b` for two numbers already read with `numeric` (a divisor not zero:
 * the caller reports that); `leftValue`/`rightValue` are the operands as
 * given, for their types.
 */
export function arithmetic(op: ArithmeticOperator, a: number, b: number, leftValue: unknown, rightValue: unknown): unknown {
  const float = isFloat(leftValue) || isFloat(rightValue);
  switch (op) {
    case '+':
      return result(a + b, float);
    case '-':
      return result(a - b, float);
    case '*':
      return result(a * b, float);
    case '/':
      return pyFloat(a / b);
    case '//':
      return result(Math.floor(a / b), float);
    case '%':
      return result(((a % b) + b) % b, float);
    case '**':
      return result(a ** b, float || b < 0);
  }
}

/** A float result stays a float even when whole (4.0); an int result is a plain number. */
function result(value: number, float: boolean): unknown {
  return float ? pyFloat(value) : value === 0 ? 0 : value;
}

/** `-x` and `+x`: a float stays a float (-0.0 too). */
export function negate(value: number, operand: unknown): unknown {
  return isFloat(operand) ? pyFloat(-value) : value === 0 ? 0 : -value;
}
