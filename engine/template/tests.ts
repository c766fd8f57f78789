/** Jinja and Ansible tests (`x is defined`, `r is failed`, `v is version('1.2', '>=')`). */
import { TemplateError } from '../errors.js';
import type { EvalContext } from './evaluate.js';
import { compare, equal } from './evaluate.js';
import { truthy } from './python.js';
import { pythonRegExp } from './regex.js';
import { Undefined, defined } from './undefined.js';

type Test = (value: unknown, args: unknown[], context: EvalContext) => boolean;

const resultKey = (key: string) => (value: unknown) => Boolean(value && typeof value === 'object' && (value as Record<string, unknown>)[key] === true);
const isFailed = resultKey('failed');
const isChanged = resultKey('changed');
const isSkipped = resultKey('skipped');

/** Jinja's comparison tests (`selectattr('x', 'lt', 5)`), as the operators compare. */
const comparing = (op: string): Test => (value, args, context) => compare(op, value, args[0], context);

const TESTS: Record<string, Test> = {
  defined: (value) => !(value instanceof Undefined),
  undefined: (value) => value instanceof Undefined,
  none: (value) => value === null,
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  float: (value) => typeof value === 'number' && !Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  mapping: (value) => Boolean(value) && typeof value === 'object' && !Array.isArray(value),
  sequence: (value) => Array.isArray(value) || typeof value === 'string',
  iterable: (value) => Array.isArray(value) || typeof value === 'string' || (Boolean(value) && typeof value === 'object'),
  succeeded: (value) => !isFailed(value),
  success: (value) => !isFailed(value),
  failed: isFailed,
  failure: isFailed,
  changed: isChanged,
  change: isChanged,
  skipped: isSkipped,
  skip: isSkipped,
  match: (value, args) => pythonRegExp(String(args[0]), 'match').test(String(value)),
  search: (value, args) => pythonRegExp(String(args[0]), 'search').test(String(value)),
  regex: (value, args) => pythonRegExp(String(args[0]), 'search').test(String(value)),
  equalto: (value, args) => equal(value, args[0]),
  eq: (value, args) => equal(value, args[0]),
  '==': (value, args) => equal(value, args[0]),
  ne: (value, args) => !equal(value, args[0]),
  '!=': (value, args) => !equal(value, args[0]),
  lt: comparing('<'),
  '<': comparing('<'),
  le: comparing('<='),
  '<=': comparing('<='),
  gt: comparing('>'),
  '>': comparing('>'),
  ge: comparing('>='),
  '>=': comparing('>='),
  in: (value, args) => Array.isArray(args[0]) ? args[0].some((item) => equal(item, value)) : String(args[0]).includes(String(value)),
  truthy: (value) => truthy(value),
  falsy: (value) => !truthy(value),
  version: (value, args) => compareVersions(String(value), String(args[0]), String(args[1] ?? 'eq')),
  version_compare: (value, args) => compareVersions(String(value), String(args[0]), String(args[1] ?? 'eq')),
  even: (value) => Number(value) % 2 === 0,
  odd: (value) => Math.abs(Number(value) % 2) === 1,
  divisibleby: (value, args) => Number(value) % Number(args[0]) === 0,
};

export function applyTest(name: string, value: unknown, args: unknown[], context: EvalContext): boolean {
  const test = Object.prototype.hasOwnProperty.call(TESTS, name) ? TESTS[name] : undefined;
  if (!test) throw new TemplateError(`unknown test '${name}' in "${context.expression}"`);
  const settled = name === 'defined' || name === 'undefined' ? value : defined(value, context.expression);
  return test(settled, args.map((arg) => defined(arg, context.expression)), context);
}

export function testNames(): string[] {
  return Object.keys(TESTS);
}

/** Dotted versions as Ansible's `version` test compares them (a leading v and +suffix tolerated). */
export function compareVersions(left: string, right: string, op: string): boolean {
  const difference = versionOrder(left, right);
  switch (op) {
    case 'lt':
    case '<':
      return difference < 0;
    case 'le':
    case '<=':
      return difference <= 0;
    case 'gt':
    case '>':
      return difference > 0;
    case 'ge':
    case '>=':
      return difference >= 0;
    case 'ne':
    case '!=':
    case '<>':
      return difference !== 0;
    case 'eq':
    case '==':
    case '=':
      return difference === 0;
  }
  throw new TemplateError(`unknown version comparison '${op}'`, { hint: 'use lt, le, gt, ge, eq or ne' });
}

function versionOrder(left: string, right: string): number {
  const parts = (text: string) => text.replace(/^v/, '').split(/[.+\-_]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const a = parts(left);
  const b = parts(right);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
