/**
 * Ansible's local facts (`ansible_local`): each FACT_PATH/*.fact by its name
 * without `.fact`; an executable one is run and its output read, another is
 * read as it is; the text is JSON, else INI (Python's ConfigParser: sections
 * of lower-cased keys). A fact that cannot be had is a message in its place
 * and a warning, as Ansible does.
 */
import type { FactSources } from './sections.js';
import { pythonJsonLoads } from '../../../template/python-json-loads.js';

export function localFacts(sources: FactSources, factPath: string, warn: (message: string) => void): Record<string, unknown> {
  const local: Record<string, unknown> = {};
  const { ordered } = sources;
  for (const [index, section] of ordered.entries()) {
    const [kind, ...rest] = section.name.split(' ');
    const name = rest.join(' ');
    if (kind !== 'local_run' && kind !== 'local_file') continue;
    const path = `${factPath}/${name}`;
    const key = name.replaceAll('.fact', '');
    if (key === '__proto__') continue;
    if (kind === 'local_run') {
      const rc = Number(ordered[index + 1]?.name.split(' ')[1] ?? 1);
      if (rc !== 0) {
        const message = `Failure executing fact script (${path}), rc: ${rc}, err: ${ordered[index + 2]?.text ?? ''}`;
        warn(message);
        local[key] = message;
        continue;
      }
    }
    local[key] = factValue(section.text, path, warn);
  }
  return local;
}

function factValue(text: string, path: string, warn: (message: string) => void): unknown {
  try {
    return pythonJsonLoads(text);
  } catch {
    try {
      return parseIni(text);
    } catch (error) {
      const message = error instanceof IniError ? `error loading facts as JSON or ini - please check content: ${path}` : `Failed to convert (${path}) to JSON: ${(error as Error).message}`;
      warn(message);
      return message;
    }
  }
}

class IniError extends Error {}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** INI as Python's ConfigParser reads it: `[section]`, `key = value` or `key: value`, indented continuation lines, `#`/`;` comments, DEFAULT in every section, %(name)s. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const raw = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let lastKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(line)) continue;
    if (/^\s/.test(line) && section && lastKey !== undefined) {
      section.set(lastKey, `${section.get(lastKey)}\n${line.trim()}`);
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      if (raw.has(header[1]!)) throw new IniError(`duplicate section ${header[1]}`);
      section = new Map();
      raw.set(header[1]!, section);
      lastKey = undefined;
      continue;
    }
    const delimiter = /[=:]/.exec(line);
    if (!section || !delimiter) throw new IniError(`not INI: ${line}`);
    lastKey = line.slice(0, delimiter.index).trim().toLowerCase();
    if (section.has(lastKey)) throw new IniError(`duplicate option ${lastKey}`);
    section.set(lastKey, line.slice(delimiter.index + 1).trim());
  }
  const defaults = raw.get('DEFAULT') ?? new Map<string, string>();
  const out: Record<string, Record<string, string>> = {};
  for (const [name, options] of raw) {
    if (name === 'DEFAULT' || UNSAFE_KEYS.has(name)) continue;
    const merged = new Map([...defaults, ...options]);
    const values: Record<string, string> = {};
    for (const key of merged.keys()) if (!UNSAFE_KEYS.has(key)) values[key] = interpolated(merged, key, 0);
    out[name] = values;
  }
  return out;
}

/** ConfigParser's BasicInterpolation: %(name)s is another option's value, %% a percent sign. */
function interpolated(options: ReadonlyMap<string, string>, key: string, depth: number): string {
  if (depth > 10) throw new Error(`interpolation too deep in ${key}`);
  return options.get(key)!.replace(/%(%|\(([^)]+)\)s|.?)/g, (whole, what: string, name: string | undefined) => {
    if (what === '%') return '%';
    if (name === undefined) throw new Error(`'%' must be followed by '%' or '(' in ${key}`);
    const lower = name.toLowerCase();
    if (!options.has(lower)) throw new Error(`bad interpolation variable reference ${whole}`);
    return interpolated(options, lower, depth + 1);
  });
}
