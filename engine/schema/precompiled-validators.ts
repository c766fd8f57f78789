/**
 * Validators of our fixed schemas compiled ahead of time, by validatorKey().
 * Empty here: the bundle (scripts/bundle.ts) holds the table that
 * scripts/validators.ts generates with ajv's standalone code in this module's
 * place, so the shipped CLI compiles none of them at start-up. Code run from
 * source or from tsc's dist/ compiles each on first use instead.
 */
import type { ValidateFunction } from 'ajv';

export const precompiledValidators: ReadonlyMap<string, ValidateFunction> = new Map();
