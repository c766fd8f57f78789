/**
 * Ansible's two readings of a value as a boolean, measured with
 * ansible-playbook 2.14 (test/booleans.test.ts):
 * - module arguments and keywords (module_utils/parsing/convert_bool.py):
 *   the words y/yes/on/1/true/t and n/no/off/0/false/f, any case, spaces
 *   trimmed, and the numbers 1 and 0; the string '1.0' is not one of them;
 * - the `bool` filter, narrower: yes/on/1/true (any case, not trimmed) and
 *   the number 1 are true, everything else false ('y' and 't' too), and
 *   none stays none.
 */
import { PyFloat } from './template/python.js';

const TRUE_WORDS = new Set(['y', 'yes', 'on', '1', 'true', 't']);
const FALSE_WORDS = new Set(['n', 'no', 'off', '0', 'false', 'f']);
const FILTER_TRUE_WORDS = new Set(['yes', 'on', '1', 'true']);

/** true or false for a value Ansible reads as a boolean; undefined for one it refuses. */
export function ansibleBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || value instanceof PyFloat) return Number(value) === 1 ? true : Number(value) === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  return FALSE_WORDS.has(word) ? false : undefined;
}

/** A JSON Schema pattern for the boolean words, for the keyword schemas (ajv has no case-insensitive flag). */
export function booleanWordPattern(): string {
  const caseless = (word: string) => [...word].map((char) => (/[a-z]/.test(char) ? `[${char}${char.toUpperCase()}]` : char)).join('');
  return `^\\s*(?:${[...TRUE_WORDS, ...FALSE_WORDS].map(caseless).join('|')})\\s*$`;
}

/** A keyword's value read leniently: what is not a true word is false. */
export function isTrue(value: unknown): boolean {
  return ansibleBoolean(value) === true;
}

/** The `bool` filter. */
export function boolFilter(value: unknown): boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' || value instanceof PyFloat) return Number(value) === 1;
  return typeof value === 'string' && FILTER_TRUE_WORDS.has(value.toLowerCase());
}
