/**
 * `-e` as ansible-playbook reads it: `k=v k2="a b"`, a JSON or YAML mapping,
 * or `@file.yaml`. Later `-e` win over earlier ones.
 */
import { isAbsolute, resolve } from 'node:path';
import { CxError, ExitCode } from '../errors.js';
import { isBadLiteralPort } from '../load/connection-vars.js';
import type { SourceCache } from '../load/source-cache.js';
import { loadVarsFile } from '../load/vars-file.js';
import { parseYaml } from '../load/yaml.js';

export function parseExtraVars(values: readonly string[], cwd: string, sources: SourceCache): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const value of values) Object.assign(merged, parseOne(value.trim(), cwd, sources));
  const port = merged.ansible_port;
  if (isBadLiteralPort(port)) {
    throw badExtraVars(`ansible_port=${String(port)}`, 'ansible_port must be a port number from 1 to 65535');
  }
  return merged;
}

function parseOne(value: string, cwd: string, sources: SourceCache): Record<string, unknown> {
  if (value.startsWith('@')) {
    const file = value.slice(1);
    return loadVarsFile(isAbsolute(file) ? file : resolve(cwd, file), sources);
  }
  if (value.startsWith('{')) {
    let parsed: unknown;
    try {
      // The loader's own YAML reading: prototype keys at any depth, duplicate keys and alias bombs are refused.
      parsed = parseYaml(value, '-e');
    } catch (error) {
      throw badExtraVars(value, (error as Error).message);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badExtraVars(value, 'not a mapping');
    return safeCopy(parsed as Record<string, unknown>);
  }
  return parseKeyValues(value);
}

/** `a=1 b="two words"`: values stay strings, as Ansible's key=value extra vars do. */
function parseKeyValues(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/y;
  let index = 0;
  while (index < text.length) {
    if (/\s/.test(text[index]!)) {
      index += 1;
      continue;
    }
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) throw badExtraVars(text, `expected name=value at '${text.slice(index, index + 20)}'`);
    out[match[1]!] = unquote(match[2]!);
    index = pattern.lastIndex;
  }
  return safeCopy(out);
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1);
  return value;
}

function safeCopy(values: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(values)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw badExtraVars(key, `the name '${key}' is not allowed`);
    }
  }
  return { ...values };
}

function badExtraVars(value: string, reason: string): CxError {
  return new CxError(`invalid -e '${value}': ${reason}`, {
    exitCode: ExitCode.badOptions,
    hint: 'use -e name=value, -e \'{"name": "value"}\' or -e @vars.yaml',
  });
}
