/**
 * JSON read as Python's json.loads reads it: a number written with a point
 * or an exponent is a float even when its value is whole (`2.0`, `1e3`),
 * which JSON.parse cannot tell from an int. Such numbers are swapped for a
 * marker string (a random token per call, which no text holds) before
 * JSON.parse, and the reviver turns each marker back into a PyFloat.
 */
import { randomBytes } from 'node:crypto';
import { PyFloat } from './python.js';

/** A string (skipped as it is) or a number token of JSON text. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(\.\d+)?([eE][-+]?\d+)?/g;

export function pythonJsonLoads(text: string, reviver?: (key: string, value: unknown) => unknown): unknown {
  const marker = `cxfloat${randomBytes(12).toString('hex')}:`;
  let marked = false;
  const source = text.replace(TOKENS, (token: string, fraction: string | undefined, exponent: string | undefined) => {
    if (token.startsWith('"') || (fraction === undefined && exponent === undefined) || !Number.isInteger(Number(token))) return token;
    marked = true;
    return `"${marker}${token}"`;
  });
  if (!marked) return reviver ? JSON.parse(text, reviver) : JSON.parse(text);
  return JSON.parse(source, (key, value: unknown) => {
    const revived = typeof value === 'string' && value.startsWith(marker) ? new PyFloat(Number(value.slice(marker.length))) : value;
    return reviver ? reviver(key, revived) : revived;
  });
}
