/**
 * Module arguments checked against each module's JSON Schema (compiled once
 * per module). After rendering, `validateArgs` normalizes Ansible's loose
 * scalars ('yes' for booleans, '3' for integers), applies defaults and checks
 * every argument. At load time `validateArgsStatic` does the same checks but
 * accepts a templated value (`{{ }}`) for any type: it is rendered later.
 * Every problem is named in one CxError (exit code 4).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ansibleBoolean } from '../booleans.js';
import { CxError } from '../errors.js';
import { didYouMean } from '../load/suggest.js';
import { validatorFor } from '../schema/validators.js';
import { isTemplated } from '../template/render.js';
import { PyFloat } from '../template/python.js';
import { UnsafeText } from '../template/unsafe.js';
import type { ModuleDef } from './module.js';

const compiled = new Map<ModuleDef, { full: ValidateFunction; relaxed: ValidateFunction }>();
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface PropertySchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly items?: PropertySchema;
  /** With a `pattern`: what the pattern refuses and why, said instead of the pattern. */
  readonly description?: string;
}
type Properties = Readonly<Record<string, PropertySchema>>;

/**
 * Rendered arguments: normalized, defaults applied, or a CxError naming each
 * problem. `warn` is told what Ansible warns of (an argument given with its alias).
 */
export function validateArgs(module: ModuleDef, args: Record<string, unknown>, warn?: (message: string) => void): Record<string, unknown> {
  refuseForbiddenKeys(module, args);
  const normalized = normalize(module, args, warn);
  const { full } = validatorsFor(module);
  if (!full(normalized)) throw problemsError(module, describeErrors(module, full.errors ?? [], normalized));
  return normalized;
}

/** Load-time check: unknown and missing arguments (unless module_defaults may give them), and the values that are not templates. */
export function validateArgsStatic(module: ModuleDef, args: Record<string, unknown>, defaulted = false): void {
  refuseForbiddenKeys(module, args);
  const concrete: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (!containsTemplate(value)) concrete[key] = value;
  const normalized = normalize(module, concrete);
  const { relaxed } = validatorsFor(module);
  const problems = relaxed(normalized) ? [] : describeErrors(module, relaxed.errors ?? [], normalized);
  // Required arguments may be given as templates, so they are checked on the original keys.
  if (!defaulted) problems.push(...missingRequired(module, args));
  if (problems.length > 0) throw problemsError(module, problems);
}

function validatorsFor(module: ModuleDef): { full: ValidateFunction; relaxed: ValidateFunction } {
  let entry = compiled.get(module);
  if (!entry) {
    const { full, relaxed } = argumentSchemas(module);
    entry = { full: validatorFor('arguments', full), relaxed: validatorFor('arguments', relaxed) };
    compiled.set(module, entry);
  }
  return entry;
}

/** The schemas a module's arguments are checked with: after rendering (full), and at load time (relaxed: nothing required). */
export function argumentSchemas(module: ModuleDef): { full: Record<string, unknown>; relaxed: Record<string, unknown> } {
  const full = JSON.parse(JSON.stringify(module.argsSchema)) as Record<string, unknown>;
  const { required: _required, anyOf: _anyOf, oneOf: _oneOf, ...relaxed } = full;
  return { full, relaxed };
}

function propertiesOf(module: ModuleDef): Properties {
  return (module.argsSchema.properties as Properties | undefined) ?? {};
}

function refuseForbiddenKeys(module: ModuleDef, args: Record<string, unknown>): void {
  for (const key of Object.keys(args)) {
    if (FORBIDDEN_KEYS.has(key)) throw new CxError(`${module.name}: '${key}' cannot be used as an argument name`);
  }
}

/** Ansible's loose scalars: 'yes'/'no' for booleans, '3' for integers, 42 for strings, 'a,b' for lists; an alias's value under its argument's name. */
function normalize(module: ModuleDef, args: Record<string, unknown>, warn?: (message: string) => void): Record<string, unknown> {
  const properties = propertiesOf(module);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withAliasesResolved(module, args, warn))) {
    const property = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    out[key] = property ? coerce(value, property) : value;
  }
  return out;
}

/**
 * As Ansible's alias handling (measured with 2.14): each alias given, in the
 * module's order, sets its argument, over a value given under the argument's
 * own name or an earlier alias, with the warning "Both option X and its alias Y are set.";
 * the module's echoedAliases keep their own value too.
 */
function withAliasesResolved(module: ModuleDef, args: Record<string, unknown>, warn?: (message: string) => void): Record<string, unknown> {
  const aliases = module.argumentAliases ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (!isAlias(module, key)) out[key] = value;
  for (const [alias, name] of Object.entries(aliases)) {
    if (!Object.prototype.hasOwnProperty.call(args, alias)) continue;
    if (Object.prototype.hasOwnProperty.call(out, name)) warn?.(`Both option ${name} and its alias ${alias} are set.`);
    out[name] = args[alias];
    if (module.echoedAliases?.includes(alias)) out[alias] = args[alias];
  }
  return out;
}

function isAlias(module: ModuleDef, key: string): boolean {
  return module.argumentAliases !== undefined && Object.prototype.hasOwnProperty.call(module.argumentAliases, key);
}

/** One value to the type its schema wants, where Ansible would convert it; list elements too. */
function coerce(value: unknown, property: PropertySchema): unknown {
  const types = [property.type ?? []].flat();
  const converted = coerceScalar(value, types);
  return Array.isArray(converted) && property.items ? converted.map((item) => coerce(item, property.items!)) : converted;
}

function coerceScalar(given: unknown, types: readonly string[]): unknown {
  if (types.length === 0 || given === null || given === undefined) return given;
  // A whole float (2.0) is a number to a module, and its text is Python's ("2.0").
  const value = given instanceof PyFloat && !types.includes('string') ? given.value : given;
  if (types.includes(jsonType(value))) return value;
  if (types.includes('integer') && typeof value === 'number') return value;
  if (types.includes('boolean')) {
    const boolean = ansibleBoolean(value);
    if (boolean !== undefined) return boolean;
  }
  if ((types.includes('integer') || types.includes('number')) && typeof value === 'string') {
    const text = value.trim();
    if (types.includes('integer') ? /^[-+]?\d+$/.test(text) : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  }
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat)) {
    return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
  }
  if (types.includes('array') && typeof value === 'string') return value.split(',').map((item) => item.trim());
  return value;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The argument an alias names (Ansible's `aliases`). */
function canonicalName(module: ModuleDef, given: string): string {
  return isAlias(module, given) ? module.argumentAliases![given]! : given;
}

function missingRequired(module: ModuleDef, args: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const given = new Set(Object.keys(args).map((key) => canonicalName(module, key)));
  for (const name of (module.argsSchema.required as string[] | undefined) ?? []) {
    if (!given.has(name)) problems.push(`'${name}' is required`);
  }
  const alternatives = requiredAlternatives(module);
  if (alternatives && !alternatives.some((name) => given.has(name))) problems.push(oneOfRequired(alternatives));
  return problems;
}

/** `anyOf` (or `oneOf`: user's name or its alias) `[{required: [path]}, {required: [dest]}]` means "one of path, dest". */
function requiredAlternatives(module: ModuleDef): string[] | undefined {
  const branches = (module.argsSchema.anyOf ?? module.argsSchema.oneOf) as { required?: string[] }[] | undefined;
  return branches?.flatMap((branch) => branch.required ?? []);
}

function oneOfRequired(names: readonly string[]): string {
  return names.length === 1 ? `'${names[0]}' is required` : `one of ${names.map((name) => `'${name}'`).join(', ')} is required`;
}

function problemsError(module: ModuleDef, problems: readonly string[]): CxError {
  const unique = [...new Set(problems)];
  const names = Object.keys(propertiesOf(module)).filter((name) => !name.startsWith('_'));
  const hint = unique.some((problem) => problem.startsWith('unknown argument'))
    ? `${module.name} takes: ${names.join(', ')}`
    : `see: ansible-doc -t module ${module.name}`;
  return new CxError(`${module.name}: ${unique.join('; ')}`, { hint });
}

/** Each problem; an argument given through an alias is named by its own name, as Ansible names it. */
function describeErrors(module: ModuleDef, errors: readonly ErrorObject[], args: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const error of errors) {
    // The branches of an anyOf each report a missing property; the anyOf error itself says it once.
    if (error.schemaPath.startsWith('#/anyOf/')) continue;
    const problem = describeError(module, error, args);
    if (problem) problems.push(problem);
  }
  return problems;
}

function describeError(module: ModuleDef, error: ErrorObject, args: Record<string, unknown>): string | undefined {
  const name = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  const properties = Object.keys(propertiesOf(module)).filter((property) => !property.startsWith('_'));
  switch (error.keyword) {
    case 'required':
      return `'${String(params.missingProperty)}' is required`;
    case 'anyOf':
      return oneOfRequired(requiredAlternatives(module) ?? []);
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return `unknown argument '${extra}'${didYouMean(extra, properties)}`;
    }
    case 'propertyNames':
      return undefined; // reported by the pattern error of the offending name
    case 'pattern':
      if (error.propertyName !== undefined) return `'${error.propertyName}' is not a valid variable name (letters, digits and _, not starting with a digit)`;
      if (propertiesOf(module)[name]?.description) return `'${name}' ${propertiesOf(module)[name]!.description!}; got ${show(valueAt(args, name))}`;
      return `'${name}' must match ${String(params.pattern)}; got ${show(valueAt(args, name))}`;
    case 'enum': {
      if (propertiesOf(module)[name]?.description) return `'${name}' ${propertiesOf(module)[name]!.description!}`;
      const allowed = (params.allowedValues as unknown[]).map(String);
      const got = String(valueAt(args, name));
      return `'${name}' must be one of ${allowed.join(', ')}; got '${got}'${suggestValue(got, allowed)}`;
    }
    case 'type':
      return `'${name}' must be ${[params.type].flat().map(article).join(' or ')}; got ${show(valueAt(args, name))}`;
    default:
      return `${name ? `'${name}' ` : ''}${error.message ?? 'is invalid'}`;
  }
}

/** `dir` → `directory`: a unique value the word starts, else the closest by edit distance. */
function suggestValue(got: string, allowed: readonly string[]): string {
  const extended = got.length > 0 ? allowed.filter((value) => value.startsWith(got)) : [];
  return extended.length === 1 ? ` — did you mean '${extended[0]}'?` : didYouMean(got, allowed);
}

function valueAt(args: Record<string, unknown>, path: string): unknown {
  let value: unknown = args;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function article(type: unknown): string {
  const names: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean (yes/no)', array: 'a list', object: 'a mapping' };
  return names[String(type)] ?? String(type);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

function containsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return isTemplated(value);
  if (value instanceof UnsafeText) return true; // a string once rendered
  if (Array.isArray(value)) return value.some(containsTemplate);
  if (value && typeof value === 'object') return Object.values(value).some(containsTemplate);
  return false;
}
