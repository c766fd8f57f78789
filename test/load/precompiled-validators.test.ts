/**
 * The validators `npm run build` precompiles for the bundle (ajv standalone
 * code, dist/generated/validators/) cover every keyword and every module's
 * arguments, and judge values as the validators compiled at run time do.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { keywordSchema } from '../../engine/load/keyword-check.js';
import { findModule, moduleNames } from '../../engine/modules/registry.js';
import { argumentSchemas } from '../../engine/modules/validate-args.js';
import * as keywordTables from '../../engine/schema/keywords.js';
import { AJV_OPTIONS, validatorKey, type ValidatorKind } from '../../engine/schema/validators.js';
// @ts-expect-error generated JavaScript without types, written by `npm run build`
import { precompiledValidators as generated } from '../../dist/generated/validators/index.js';

const precompiledValidators = generated as ReadonlyMap<string, ValidateFunction>;
const SAMPLES: readonly unknown[] = ['text', '', 'yes', '{{ x }}', ' 30% ', 3, 0, -1, 2.5, true, false, [], ['a', 1], [{}], {}, { a: 1 }];

function keywordCases(): { name: string; schema: object }[] {
  const tables = Object.entries(keywordTables).filter(([name, table]) => name.endsWith('_KEYWORDS') && name !== 'UNSUPPORTED_KEYWORDS' && !Array.isArray(table));
  return tables.flatMap(([name, table]) => Object.entries(table as Record<string, Readonly<Record<string, unknown>>>).map(([key, schema]) => ({ name: `${name}.${key}`, schema: keywordSchema(key, schema) })));
}

function argumentCases(): { name: string; schema: object }[] {
  const modules = new Set(moduleNames().map((name) => findModule(name)!));
  return [...modules].flatMap((module) => Object.entries(argumentSchemas(module)).map(([which, schema]) => ({ name: `${module.name} (${which})`, schema })));
}

function sampleInputs(kind: ValidatorKind, schema: object): Record<string, unknown>[] {
  const properties = Object.keys((schema as { properties?: object }).properties ?? {});
  const one = kind === 'keyword' ? properties : properties.slice(0, 6);
  return [{}, ...one.flatMap((key) => SAMPLES.map((value) => ({ [key]: value })))];
}

/** Validity and errors, on a fresh copy each time (argument validators fill in defaults). */
function verdict(validate: ValidateFunction, input: Record<string, unknown>): unknown {
  const data = structuredClone(input);
  return { valid: validate(data), errors: validate.errors ?? null, data };
}

describe.each([
  ['keyword', keywordCases()],
  ['arguments', argumentCases()],
] as const)('precompiled %s validators', (kind, cases) => {
  const ajv = new Ajv(AJV_OPTIONS[kind]);

  it.each(cases.map((entry) => [entry.name, entry.schema] as const))('%s: precompiled, and judges as ajv at run time', (_name, schema) => {
    const precompiled = precompiledValidators.get(validatorKey(kind, schema));
    expect(precompiled).toBeDefined();
    const compiled = ajv.compile(schema);
    for (const input of sampleInputs(kind, schema)) expect(verdict(precompiled!, input)).toEqual(verdict(compiled, input));
  });
});
