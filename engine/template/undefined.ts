/**
 * A name (or attribute of one) that no variable defines. It is a value until
 * used: `default`, `is defined` and `mandatory` may look at it; anything else
 * raises an error naming the variable.
 */
import { UndefinedVariableError } from '../errors.js';

export class Undefined {
  /** `cause`: for a variable whose own template names an undefined one, that error, given when the value is used. */
  constructor(
    readonly name: string,
    readonly cause?: UndefinedVariableError,
  ) {}
}

export function isUndefined(value: unknown): value is Undefined {
  return value instanceof Undefined;
}

/** The value itself, or an error naming the undefined variable. */
export function defined<T>(value: T | Undefined, expression?: string): T {
  if (value instanceof Undefined) throw value.cause ?? undefinedError(value.name, expression);
  return value;
}

export function undefinedError(name: string, expression?: string): UndefinedVariableError {
  const error = new UndefinedVariableError(name);
  if (expression !== undefined) (error as { message: string }).message = `'${name}' is undefined in "${expression}"`;
  return error;
}
