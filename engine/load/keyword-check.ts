/**
 * Checks the keywords of a play, block, task or role entry: an unknown keyword
 * gets a "did you mean", an unsupported Ansible keyword says why, a wrong type
 * names the keyword and what it takes. Errors point at the key in its file.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CxError, type SourcePosition } from '../errors.js';
import { UNSUPPORTED_KEYWORDS } from '../schema/keywords.js';
import { validatorFor } from '../schema/validators.js';
import { isDict, PyFloat } from '../template/python.js';
import { keyPositionOf, positionOf } from './positions.js';
import { didYouMean } from './suggest.js';

type Schema = Readonly<Record<string, unknown>>;
type Keywords = Readonly<Record<string, Schema>>;

/**
 * One small validator per keyword, found (or compiled) the first time a
 * playbook uses that keyword (a whole keyword table compiled at once costs
 * ~100 ms at start-up, most of it for keywords the playbook never uses).
 */
const validators = new WeakMap<Schema, Map<string, ValidateFunction>>();

/** Refuse keys that are not keywords of `what` (`extra` are other accepted words, e.g. the module). */
export function checkKnownKeywords(node: Record<string, unknown>, keywords: Keywords, what: string, fallback: SourcePosition, extra: readonly string[] = []): void {
  for (const key of Object.keys(node)) {
    if (key in keywords || extra.includes(key)) continue;
    throw unknownKeyword(node, key, [...Object.keys(keywords), ...extra], what, fallback);
  }
}

export function unknownKeyword(node: Record<string, unknown>, key: string, known: Iterable<string>, what: string, fallback: SourcePosition): CxError {
  const at = keyPositionOf(node, key, positionOf(node, fallback));
  const unsupported = UNSUPPORTED_KEYWORDS[key];
  if (unsupported) return new CxError(`${what} keyword '${key}' is not supported by cxplay`, { at, hint: unsupported });
  return new CxError(`unknown ${what} keyword '${key}'${didYouMean(key, known)}`, { at, hint: `a ${what} takes: ${[...known].sort().join(', ')}` });
}

/** Check the value of every keyword present against its schema. An empty keyword (null) counts as absent. */
export function checkKeywordTypes(node: Record<string, unknown>, keywords: Keywords, what: string, fallback: SourcePosition): void {
  // In the table's order, so the first problem reported is the one a validator of the whole table reports.
  for (const key of Object.keys(keywords)) {
    if (!Object.prototype.hasOwnProperty.call(node, key) || node[key] === null) continue;
    const validate = keywordValidator(key, keywords[key]!);
    if (!validate({ [key]: asJsonNumbers(node[key]) })) throw typeError(node, keywords, validate.errors![0]!, what, fallback);
  }
}

/** A keyword's value with its whole floats (delay: 1.0, loop_control's pause: 1.0) as the numbers the schemas check. */
function asJsonNumbers(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(asJsonNumbers);
  if (isDict(value) && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asJsonNumbers(item)]));
  return value;
}

function keywordValidator(key: string, schema: Schema): ValidateFunction {
  let byKey = validators.get(schema);
  if (!byKey) {
    byKey = new Map();
    validators.set(schema, byKey);
  }
  let validate = byKey.get(key);
  if (!validate) {
    validate = validatorFor('keyword', keywordSchema(key, schema));
    byKey.set(key, validate);
  }
  return validate;
}

/** The schema a keyword's value is checked with: the value under its key, so errors name the keyword. */
export function keywordSchema(key: string, schema: Schema): Schema {
  return { type: 'object', properties: { [key]: schema } };
}

/** Turn ajv's first error into a message about the keyword (or the key inside it, e.g. loop_control.pause). */
function typeError(node: Record<string, unknown>, keywords: Keywords, error: ErrorObject, what: string, fallback: SourcePosition): CxError {
  const [keyword, inner] = error.instancePath.split('/').slice(1) as [string, string | undefined];
  const keywordAt = keyPositionOf(node, keyword, fallback);
  const value = node[keyword];
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty);
    const allowed = Object.keys((keywords[keyword]!.properties as Schema | undefined) ?? {});
    return new CxError(`unknown ${keyword} key '${extra}'${didYouMean(extra, allowed)}`, { at: keyPositionOf(value, extra, keywordAt), hint: `${keyword} takes: ${allowed.join(', ')}` });
  }
  const properties = keywords[keyword]!.properties as Record<string, Schema> | undefined;
  if (inner !== undefined && properties?.[inner]) {
    const schema = properties[inner];
    const innerValue = (value as Record<string, unknown>)[inner];
    return new CxError(`${keyword} '${inner}' expects ${describe(schema)}, got ${describeValue(innerValue)}`, { at: keyPositionOf(value, inner, keywordAt) });
  }
  return new CxError(`${what} keyword '${keyword}' expects ${describe(keywords[keyword]!)}, got ${describeValue(value)}`, { at: keywordAt });
}

function describe(schema: Schema): string {
  return typeof schema.description === 'string' ? schema.description : 'another value';
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing (null)';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
