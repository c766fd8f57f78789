/**
 * Checks a mapping's keywords against a schema: unknown keywords get a "did
 * you mean", wrong types name the keyword and what it takes, all at the
 * position of the key in its file.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { CxError, type SourcePosition } from '../errors.js';
import { keyPositionOf, positionOf } from './positions.js';
import { didYouMean } from './suggest.js';

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<object, Map<string, ValidateFunction>>();

export function checkKeywordTypes(node: Record<string, unknown>, keywords: Record<string, unknown>, what: string, fallback: SourcePosition): void {
  for (const [key, value] of Object.entries(node)) {
    const schema = keywords[key];
    if (schema === undefined) continue;
    const validate = validatorFor(keywords, key, schema as object);
    if (!validate(value)) {
      throw new CxError(`${what} keyword '${key}' has the wrong type: ${describeSchema(schema)} expected, got ${describeValue(value)}`, {
        at: keyPositionOf(node, key, fallback),
      });
    }
  }
}

export function unknownKeyword(node: Record<string, unknown>, key: string, known: Iterable<string>, what: string, fallback: SourcePosition): CxError {
  return new CxError(`unknown ${what} keyword '${key}'${didYouMean(key, known)}`, {
    at: keyPositionOf(node, key, positionOf(node, fallback)),
    hint: `see the keywords a ${what} takes in the README`,
  });
}

function validatorFor(keywords: object, key: string, schema: object): ValidateFunction {
  let byKey = compiled.get(keywords);
  if (!byKey) {
    byKey = new Map();
    compiled.set(keywords, byKey);
  }
  let validate = byKey.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    byKey.set(key, validate);
  }
  return validate;
}

function describeSchema(schema: unknown): string {
  const s = schema as { type?: string | string[]; anyOf?: unknown[]; enum?: unknown[] };
  if (s.enum) return `one of ${s.enum.join(', ')}`;
  if (s.type) return [s.type].flat().map(article).join(' or ');
  if (s.anyOf) return [...new Set(s.anyOf.map(describeSchema))].join(' or ');
  return 'another value';
}

function article(type: string): string {
  return { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', boolean: 'a boolean', integer: 'a whole number' }[type] ?? type;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
