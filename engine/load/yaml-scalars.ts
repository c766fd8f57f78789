/**
 * Plain scalars resolved as Ansible's YAML loader (PyYAML, YAML 1.1) resolves
 * them, so a playbook means the same under both tools. The `yaml` package's
 * 1.1 schema differs in ways that change values: it reads `y`/`n` as
 * booleans, `09` and `1e3` as numbers and `2024-01-01` as a Date, where
 * PyYAML gives the strings "y", "09", "1e3" (and a date Ansible prints back as
 * written; we keep the text).
 */
import type { ScalarTag, Tags } from 'yaml';
import { PyFloat, pyFloat } from '../template/python.js';

const BOOL = 'tag:yaml.org,2002:bool';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const REPLACED = new Set([BOOL, INT, FLOAT, TIMESTAMP]);

const trueTag: ScalarTag = {
  tag: BOOL,
  default: true,
  identify: (value) => value === true,
  test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/,
  resolve: () => true,
};

const falseTag: ScalarTag = {
  tag: BOOL,
  default: true,
  identify: (value) => value === false,
  test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/,
  resolve: () => false,
};

const intTag: ScalarTag = {
  tag: INT,
  default: true,
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  test: /^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  resolve: resolveInt,
};

const floatTag: ScalarTag = {
  tag: FLOAT,
  default: true,
  identify: (value) => typeof value === 'number' || value instanceof PyFloat,
  test: /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: resolveFloat,
};

/** The `yaml` package's 1.1 tags with its implicit bool/int/float/timestamp resolvers swapped for PyYAML's. */
export function pyyamlTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => typeof tag === 'string' || !REPLACED.has(tag.tag));
  return [...kept, trueTag, falseTag, intTag, floatTag];
}

function resolveInt(text: string): number {
  const { sign, digits } = splitSign(text.replace(/_/g, ''));
  if (digits.includes(':')) return sign * sexagesimal(digits);
  if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
  if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits, 8);
  return sign * parseInt(digits, 10);
}

/** A float stays a float when its value is whole (2.0 is PyFloat, see template/python.ts). */
function resolveFloat(text: string): number | PyFloat {
  const { sign, digits } = splitSign(text.replace(/_/g, '').toLowerCase());
  if (digits === '.inf') return sign * Infinity;
  if (digits === '.nan') return NaN;
  if (digits.includes(':')) return pyFloat(sign * sexagesimal(digits));
  return pyFloat(sign * parseFloat(digits));
}

function splitSign(text: string): { sign: number; digits: string } {
  if (text.startsWith('-')) return { sign: -1, digits: text.slice(1) };
  return { sign: 1, digits: text.startsWith('+') ? text.slice(1) : text };
}

/** `1:30` is 90 and `1:30:00` is 5400 in YAML 1.1 (base 60). */
function sexagesimal(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + parseFloat(part), 0);
}
