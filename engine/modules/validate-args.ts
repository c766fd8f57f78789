/**
 * Module arguments checked against each module's JSON Schema (compiled once).
 * At load time templated values (`{{ }}`) are accepted for any type; after
 * rendering the real values are checked and normalized (Ansible booleans
 * such as 'yes', numbers written as strings, defaults applied).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CxError } from '../errors.js';
import { didYouMean } from '../load/suggest.js';
import { isTemplated } from '../template/render.js';
import type { ModuleDef } from './module.js';

const ajv = new Ajv({ allErrors: false, useDefaults: true, strict: false });
const strictValidators = new Map<ModuleDef, ValidateFunction>();
const staticValidators = new Map<ModuleDef, ValidateFunction>();
const TRUE_WORDS = new Set(['yes', 'on', 'true', '1', 'y', 't']);
const FALSE_WORDS = new Set(['no', 'off', 'false', '0', 'n', 'f']);

type Properties = Record<string, { type?: string | string[] }>;

/** Rendered arguments: normalized, defaults applied, or a CxError naming each problem. */
export function validateArgs(module: ModuleDef, args: Record<string, unknown>): Record<string, unknown> {
  const normalized = normalize(module, args);
  const validate = validatorFor(module, strictValidators, module.argsSchema);
  if (!validate(normalized)) throw argumentError(module, validate.errors ?? [], normalized);
  return normalized;
}

/** Load-time check: unknown and missing arguments, and the types of values that are not templates. */
export function validateArgsStatic(module: ModuleDef, args: Record<string, unknown>): void {
  const properties = propertiesOf(module);
  for (const key of Object.keys(args)) {
    if (!Object.prototype.hasOwnProperty.call(properties, key) && module.argsSchema.additionalProperties === false) {
      throw new CxError(`${module.name}: unknown argument '${key}'${didYouMean(key, Object.keys(properties))}`, {
        hint: `${module.name} takes: ${Object.keys(properties).filter((name) => !name.startsWith('_')).join(', ')}`,
      });
    }
  }
  const concrete: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (!containsTemplate(value)) concrete[key] = value;
  const relaxed = { ...module.argsSchema, required: [] as string[], anyOf: undefined, oneOf: undefined };
  const validate = validatorFor(module, staticValidators, relaxed);
  const normalized = normalize(module, concrete);
  if (!validate(normalized)) throw argumentError(module, validate.errors ?? [], normalized);
  const required = (module.argsSchema.required as string[] | undefined) ?? [];
  for (const name of required) {
    if (!(name in args)) throw new CxError(`${module.name}: '${name}' is required`, { hint: `add ${name}: to the task` });
  }
}

function validatorFor(module: ModuleDef, cache: Map<ModuleDef, ValidateFunction>, schema: object): ValidateFunction {
  let validate = cache.get(module);
  if (!validate) {
    validate = ajv.compile(JSON.parse(JSON.stringify(schema)) as object);
    cache.set(module, validate);
  }
  return validate;
}

function propertiesOf(module: ModuleDef): Properties {
  return (module.argsSchema.properties as Properties | undefined) ?? {};
}

/** Ansible's loose scalars: 'yes'/'no' for booleans, '3' for integers. */
function normalize(module: ModuleDef, args: Record<string, unknown>): Record<string, unknown> {
  const properties = propertiesOf(module);
  const out: Record<string, unknown> = { ...args };
  for (const [key, value] of Object.entries(out)) {
    const types = [properties[key]?.type ?? []].flat();
    if (types.includes('boolean') && typeof value === 'string') {
      const word = value.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) out[key] = true;
      else if (FALSE_WORDS.has(word)) out[key] = false;
    } else if ((types.includes('integer') || types.includes('number')) && !types.includes('string') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
      out[key] = Number(value);
    } else if (types.includes('string') && !types.includes('number') && !types.includes('integer') && typeof value === 'number') {
      out[key] = String(value);
    } else if (types.includes('array') && !types.includes('string') && typeof value === 'string') {
      out[key] = value.split(',').map((item) => item.trim());
    }
  }
  return out;
}

function argumentError(module: ModuleDef, errors: ErrorObject[], args: Record<string, unknown>): CxError {
  const error = errors[0]!;
  const name = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || (error.params as { missingProperty?: string }).missingProperty || '';
  const properties = Object.keys(propertiesOf(module));
  switch (error.keyword) {
    case 'required':
      return new CxError(`${module.name}: '${name}' is required`, { hint: `add ${name}: to the task` });
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      return new CxError(`${module.name}: unknown argument '${extra}'${didYouMean(extra, properties)}`, { hint: `${module.name} takes: ${properties.filter((p) => !p.startsWith('_')).join(', ')}` });
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const got = args[name];
      return new CxError(`${module.name}: '${name}' must be one of ${allowed.join(', ')}; got '${String(got)}'${didYouMean(String(got), allowed.map(String))}`);
    }
    case 'type':
      return new CxError(`${module.name}: '${name}' must be ${[(error.params as { type: string | string[] }).type].flat().join(' or ')}; got ${JSON.stringify(args[name])}`);
    default:
      return new CxError(`${module.name}: ${name ? `'${name}' ` : ''}${error.message ?? 'is invalid'}`);
  }
}

function containsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return isTemplated(value);
  if (Array.isArray(value)) return value.some(containsTemplate);
  if (value && typeof value === 'object') return Object.values(value).some(containsTemplate);
  return false;
}
