/** A vars file (vars_files, -e @file, group_vars/host_vars): a YAML mapping. */
import { CxError } from '../errors.js';
import { checkConnectionVars } from './connection-vars.js';
import type { SourceCache } from './source-cache.js';
import { loadYamlFile } from './yaml.js';

export function loadVarsFile(path: string, sources: SourceCache): Record<string, unknown> {
  const value = loadYamlFile(path, sources);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CxError(`${path} must hold a mapping of variable names to values`, { at: { file: path, line: 1 }, hint: 'write name: value lines at the top level' });
  }
  checkConnectionVars(value, { file: path, line: 1 });
  return value as Record<string, unknown>;
}
