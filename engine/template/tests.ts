/**
 * The test registry (`x is defined`, `r is failed`, `v is version('1.2', '>=')`):
 * Jinja's tests and Ansible's (plugins/test: core, files, mathstuff, uri),
 * one map, looked up once per use.
 */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ansibleBoolean } from '../booleans.js';
import { TemplateError } from '../errors.js';
import type { EvalContext } from './evaluate.js';
import { compare } from './evaluate.js';
import { filterNames } from './filters.js';
import { isDict, isFloat, numeric, pythonEqual, pythonString, pythonTypeName, truthy } from './python.js';
import { pythonRegExp } from './regex.js';
import { Undefined, defined } from './undefined.js';
import { compareVersions } from './versions.js';

type Test = (value: unknown, args: unknown[], kwargs: Record<string, unknown>, context: EvalContext) => boolean;

const arg = (args: unknown[], kwargs: Record<string, unknown>, index: number, name: string, fallback?: unknown): unknown =>
  Object.prototype.hasOwnProperty.call(kwargs, name) ? kwargs[name] : index < args.length ? args[index] : fallback;

/** A task result's flag, as Ansible's result tests read it (a dict required). */
const resultFlag = (key: string) => (value: unknown): boolean => {
  if (!isDict(value)) throw new TemplateError(`The '${key}' test expects a dictionary`);
  return truthy(value[key] ?? false);
};
const isFailed = resultFlag('failed');
const isUnreachable = resultFlag('unreachable');
const isSkipped = resultFlag('skipped');

function isChanged(value: unknown): boolean {
  if (!isDict(value)) throw new TemplateError("The 'changed' test expects a dictionary");
  if ('changed' in value) return truthy(value.changed);
  const results = value.results;
  return Array.isArray(results) && isDict(results[0]) && results.some((result) => isDict(result) && truthy(result.changed));
}

/** started/finished of an async result: 1 when the key is there, true (as Ansible, with a warning) when not. */
const asyncFlag = (key: string) => (value: unknown): boolean => {
  if (!isDict(value)) throw new TemplateError(`The '${key}' test expects a dictionary`);
  return key in value ? value[key] === 1 || value[key] === true : true;
};

/** Jinja's comparison tests (`selectattr('x', 'lt', 5)`), as the operators compare. */
const comparing = (op: string): Test => (value, args, _kwargs, context) => compare(op, value, args[0], context);

function regex(mode: 'match' | 'search'): Test {
  return (value, args, kwargs) => {
    const flags = `${arg(args, kwargs, 1, 'ignorecase', false) ? 'i' : ''}${arg(args, kwargs, 2, 'multiline', false) ? 'm' : ''}`;
    const type = mode === 'search' ? String(arg(args, kwargs, 3, 'match_type', 'search')) : mode;
    return pythonRegExp(pythonString(arg(args, kwargs, 0, 'pattern', '')), type === 'match' ? 'match' : type === 'fullmatch' ? 'fullmatch' : 'search', flags).test(pythonString(value));
  };
}

const contained = (items: unknown, item: unknown) => Array.isArray(items) && items.some((candidate) => pythonEqual(candidate, item));
const iterable = (value: unknown): unknown[] => (Array.isArray(value) ? value : typeof value === 'string' ? [...value] : isDict(value) ? Object.keys(value) : []);

/** Path tests run on the controller, as Ansible's do (a path relative to the current directory). */
const stat = (path: unknown, follow = true) => (follow ? statSync : lstatSync)(pythonString(path), { throwIfNoEntry: false });

function isMount(path: unknown): boolean {
  const target = resolve(pythonString(path));
  if (!existsSync(target)) return false;
  if (target === '/') return true;
  const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1]?.replace(/\\040/g, ' '));
  return mounts.includes(target);
}

/** RFC 3986 URIs (any scheme, or one of the given ones), URLs (a scheme and a host), URNs. */
function isUri(value: unknown, schemes: unknown): boolean {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(pythonString(value));
  if (!match) return false;
  return !Array.isArray(schemes) || schemes.map(String).includes(match[1]!.toLowerCase());
}

function inContainer(value: unknown, container: unknown): boolean {
  if (typeof container === 'string') return container.includes(pythonString(value));
  if (Array.isArray(container)) return contained(container, value);
  if (isDict(container)) return Object.prototype.hasOwnProperty.call(container, pythonString(value));
  throw new TemplateError(`argument of type '${pythonTypeName(container)}' is not iterable`);
}

const TESTS: Record<string, Test> = {
  defined: (value) => !(value instanceof Undefined),
  undefined: (value) => value instanceof Undefined,
  none: (value) => value === null,
  string: (value) => typeof value === 'string',
  number: (value) => numeric(value) !== undefined,
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  float: (value) => isFloat(value),
  boolean: (value) => typeof value === 'boolean',
  true: (value) => value === true,
  false: (value) => value === false,
  mapping: (value) => isDict(value) && !(value instanceof Undefined),
  sequence: (value) => Array.isArray(value) || typeof value === 'string' || (isDict(value) && !(value instanceof Undefined)),
  iterable: (value) => Array.isArray(value) || typeof value === 'string' || isDict(value),
  // Jinja's Undefined can be called (to raise), so callable() is true of it.
  callable: (value) => value instanceof Undefined,
  sameas: (value, args) => value === args[0] || (value === null && args[0] === null),
  // Jinja's Undefined answers any attribute, __html__ too.
  escaped: (value) => value instanceof Undefined,
  lower: (value) => /\p{Ll}/u.test(pythonString(value)) && !/\p{Lu}/u.test(pythonString(value)),
  upper: (value) => /\p{Lu}/u.test(pythonString(value)) && !/\p{Ll}/u.test(pythonString(value)),
  filter: (value) => filterNames().includes(pythonString(value)),
  test: (value) => Object.prototype.hasOwnProperty.call(TESTS, pythonString(value)),
  succeeded: (value) => !isFailed(value),
  success: (value) => !isFailed(value),
  successful: (value) => !isFailed(value),
  failed: isFailed,
  failure: isFailed,
  unreachable: isUnreachable,
  reachable: (value) => !isUnreachable(value),
  changed: isChanged,
  change: isChanged,
  skipped: isSkipped,
  skip: isSkipped,
  started: asyncFlag('started'),
  finished: asyncFlag('finished'),
  match: regex('match'),
  search: regex('search'),
  regex: regex('search'),
  equalto: (value, args) => pythonEqual(value, args[0]),
  eq: (value, args) => pythonEqual(value, args[0]),
  '==': (value, args) => pythonEqual(value, args[0]),
  ne: (value, args) => !pythonEqual(value, args[0]),
  '!=': (value, args) => !pythonEqual(value, args[0]),
  lt: comparing('<'),
  lessthan: comparing('<'),
  '<': comparing('<'),
  le: comparing('<='),
  '<=': comparing('<='),
  gt: comparing('>'),
  greaterthan: comparing('>'),
  '>': comparing('>'),
  ge: comparing('>='),
  '>=': comparing('>='),
  in: (value, args) => inContainer(value, args[0]),
  contains: (value, args) => inContainer(args[0], value),
  truthy: (value, args, kwargs) => truthy(arg(args, kwargs, 0, 'convert_bool', false) ? (ansibleBoolean(value) ?? value) : value),
  falsy: (value, args, kwargs) => !truthy(arg(args, kwargs, 0, 'convert_bool', false) ? (ansibleBoolean(value) ?? value) : value),
  version: versionTest,
  version_compare: versionTest,
  even: (value) => Number(value) % 2 === 0,
  odd: (value) => Math.abs(Number(value) % 2) === 1,
  divisibleby: (value, args) => Number(value) % Number(args[0]) === 0,
  any: (value) => iterable(value).some(truthy),
  all: (value) => iterable(value).every(truthy),
  subset: (value, args) => iterable(value).every((item) => contained(iterable(args[0]), item)),
  issubset: (value, args) => iterable(value).every((item) => contained(iterable(args[0]), item)),
  superset: (value, args) => iterable(args[0]).every((item) => contained(iterable(value), item)),
  issuperset: (value, args) => iterable(args[0]).every((item) => contained(iterable(value), item)),
  nan: (value) => typeof value === 'number' && Number.isNaN(value),
  isnan: (value) => typeof value === 'number' && Number.isNaN(value),
  abs: (value) => isAbsolute(pythonString(value)),
  is_abs: (value) => isAbsolute(pythonString(value)),
  exists: (value) => stat(value) !== undefined,
  file: (value) => stat(value)?.isFile() === true,
  is_file: (value) => stat(value)?.isFile() === true,
  directory: (value) => stat(value)?.isDirectory() === true,
  is_dir: (value) => stat(value)?.isDirectory() === true,
  link: (value) => stat(value, false)?.isSymbolicLink() === true,
  is_link: (value) => stat(value, false)?.isSymbolicLink() === true,
  link_exists: (value) => stat(value, false) !== undefined,
  same_file: (value, args) => sameFile(value, args[0]),
  is_same_file: (value, args) => sameFile(value, args[0]),
  mount: (value) => isMount(value),
  is_mount: (value) => isMount(value),
  uri: (value, args, kwargs) => isUri(value, arg(args, kwargs, 0, 'schemes')),
  url: (value, args, kwargs) => isUri(value, arg(args, kwargs, 0, 'schemes')) && /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]+/.test(pythonString(value)),
  urn: (value) => /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/i.test(pythonString(value)),
  vault_encrypted: () => false,
};

function versionTest(value: unknown, args: unknown[], kwargs: Record<string, unknown>): boolean {
  const versionType = arg(args, kwargs, 3, 'version_type', null);
  return compareVersions(pythonString(value), pythonString(arg(args, kwargs, 0, 'version', '')), pythonString(arg(args, kwargs, 1, 'operator', 'eq')), versionType === null ? undefined : pythonString(versionType), truthy(arg(args, kwargs, 2, 'strict', null)));
}

function sameFile(a: unknown, b: unknown): boolean {
  const [first, second] = [stat(a), stat(b)];
  return Boolean(first && second && first.dev === second.dev && first.ino === second.ino);
}

/** Jinja's tests that only check what a value is (`value is None`, isinstance...), false for an undefined one without using it, as in Ansible; the others fail on it. */
const LOOKS_AT_UNDEFINED = new Set(['defined', 'undefined', 'none', 'string', 'number', 'integer', 'float', 'boolean', 'true', 'false', 'mapping', 'sequence', 'sameas', 'callable', 'escaped']);

export function applyTest(name: string, value: unknown, args: unknown[], context: EvalContext, kwargs: Record<string, unknown> = {}): boolean {
  const test = Object.prototype.hasOwnProperty.call(TESTS, name) ? TESTS[name] : undefined;
  if (!test) throw new TemplateError(`unknown test '${name}' in "${context.expression}"`);
  const settled = LOOKS_AT_UNDEFINED.has(name) ? value : defined(value, context.expression);
  return test(settled, args.map((item) => defined(item, context.expression)), kwargs, context);
}

export function testNames(): string[] {
  return Object.keys(TESTS);
}
