/**
 * Validators for our own fixed schemas (keyword values, module arguments):
 * precompiled when the bundle carries them, else compiled by ajv on first use
 * with the same options, so both behave alike.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { precompiledValidators } from './precompiled-validators.js';

/** No meta-schema check, and unoptimized code (compiles in half the time, validates as fast). */
export const AJV_OPTIONS = {
  /** Keyword values: the first error is the one reported. */
  keyword: { allErrors: false, strict: false, validateSchema: false, code: { optimize: false } },
  /** Module arguments: every problem is named; defaults are filled in. */
  arguments: { allErrors: true, useDefaults: true, strict: false, validateSchema: false, code: { optimize: false } },
} as const satisfies Record<string, Options>;

export type ValidatorKind = keyof typeof AJV_OPTIONS;

const compilers = new Map<ValidatorKind, Ajv>();

/** What identifies a validator: its options and its schema's text. */
export function validatorKey(kind: ValidatorKind, schema: object): string {
  return `${kind} ${JSON.stringify(schema)}`;
}

/** The validator of `schema`; callers keep it (a lookup costs a JSON.stringify). */
export function validatorFor(kind: ValidatorKind, schema: object): ValidateFunction {
  return precompiledValidators.get(validatorKey(kind, schema)) ?? compilerFor(kind).compile(schema);
}

function compilerFor(kind: ValidatorKind): Ajv {
  let ajv = compilers.get(kind);
  if (!ajv) {
    ajv = new Ajv(AJV_OPTIONS[kind]);
    compilers.set(kind, ajv);
  }
  return ajv;
}
