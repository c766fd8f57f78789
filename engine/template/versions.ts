/**
 * The version schemes of Ansible's `version` test: loose (distutils'
 * LooseVersion, the default), strict (StrictVersion), semver/semantic
 * (SemVer 2.0) and pep440 (packaging's Version). Each parses a version
 * into a key that compares as the Python class compares.
 */
import { TemplateError } from '../errors.js';
import { pythonCompare } from './python.js';

type Key = unknown[];

function loose(version: string): Key {
  return version.split(/(\d+|[a-z]+|\.)/).filter((part) => part !== '' && part !== '.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function strict(version: string): Key {
  const match = /^(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$/.exec(version);
  if (!match) throw new TemplateError(`invalid version number '${version}'`);
  // A release sorts after its own pre-releases: ['~'] is above any ['a', n] or ['b', n].
  return [[Number(match[1]), Number(match[2]), Number(match[4] ?? 0)], match[5] ? [match[5][0], Number(match[6])] : ['~']];
}

function semantic(version: string): Key {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/.exec(version);
  if (!match) throw new TemplateError(`invalid semantic version '${version}'`);
  // Identifiers: numbers below words; no pre-release above any pre-release.
  const prerelease = match[4] ? [0, ...match[4].split('.').map((part) => (/^\d+$/.test(part) ? [0, Number(part)] : [1, part]))] : [1];
  return [[Number(match[1]), Number(match[2]), Number(match[3])], prerelease];
}

const PEP440 = /^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d+)?))?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;
const PRE_LETTERS: Record<string, string> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
const [LOW, HIGH] = [-Infinity, Infinity];

function pep440(version: string): Key {
  const match = PEP440.exec(version);
  if (!match) throw new TemplateError(`Invalid version: '${version}'`);
  const [, epoch, release, preLetter, preNumber, postImplicit, postWord, postNumber, dev, devNumber, local] = match;
  const parts = release!.split('.').map(Number);
  while (parts.length > 1 && parts.at(-1) === 0) parts.pop();
  const post = postImplicit !== undefined ? Number(postImplicit) : postWord !== undefined ? Number(postNumber ?? 0) : undefined;
  const devKey = dev !== undefined ? [Number(devNumber ?? 0)] : [HIGH];
  const preKey = preLetter !== undefined ? [0, PRE_LETTERS[preLetter.toLowerCase()], Number(preNumber ?? 0)] : post === undefined && dev !== undefined ? [LOW] : [HIGH];
  const localKey = local === undefined ? [LOW] : [0, ...local.toLowerCase().split(/[-_.]/).map((part) => (/^\d+$/.test(part) ? [1, Number(part)] : [0, part]))];
  return [Number(epoch ?? 0), parts, preKey, [post ?? LOW], devKey, localKey];
}

const SCHEMES: Record<string, (version: string) => Key> = { loose, strict, semver: semantic, semantic, pep440 };
const OPERATORS: Record<string, (order: number) => boolean> = {
  eq: (order) => order === 0,
  ne: (order) => order !== 0,
  lt: (order) => order < 0,
  le: (order) => order <= 0,
  gt: (order) => order > 0,
  ge: (order) => order >= 0,
};
const OPERATOR_NAMES: Record<string, string> = { '==': 'eq', '=': 'eq', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '!=': 'ne', '<>': 'ne' };

/** Ansible's version_compare: `value` against `version` with an operator, in a scheme. */
export function compareVersions(value: string, version: string, operator: string, versionType: string | undefined, strictFlag: boolean): boolean {
  if (strictFlag && versionType !== undefined) throw new TemplateError("Cannot specify both 'strict' and 'version_type'");
  if (!value) throw new TemplateError('Input version value cannot be empty');
  if (!version) throw new TemplateError('Version parameter to compare against cannot be empty');
  const scheme = SCHEMES[strictFlag ? 'strict' : (versionType ?? 'loose')];
  if (!scheme) throw new TemplateError(`Invalid version type (${versionType}). Must be one of ${Object.keys(SCHEMES).map((name) => `'${name}'`).join(', ')}`);
  const name = OPERATOR_NAMES[operator] ?? operator;
  const test = Object.prototype.hasOwnProperty.call(OPERATORS, name) ? OPERATORS[name] : undefined;
  if (!test) throw new TemplateError(`Invalid operator type (${operator}). Must be one of ${[...Object.keys(OPERATOR_NAMES), ...Object.keys(OPERATORS)].map((op) => `'${op}'`).join(', ')}`);
  try {
    return test(pythonCompare(scheme(value), scheme(version)));
  } catch (error) {
    throw new TemplateError(`Version comparison failed: ${(error as Error).message}`);
  }
}
