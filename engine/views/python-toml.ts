/**
 * The python `toml` library's `dumps` (0.10, with Ansible's encoder), as
 * ansible-inventory --toml prints with it, quirks included: keys in insertion
 * order, a None value left out (but "None" inside a list), a dict inside a
 * list written as the list of its keys, a list holding a dict written as an
 * array of tables (a TypeError when its other items are not dicts), strings
 * from Python's repr with its \x escapes turned into \u00 ones.
 */
import { PyValue, floatRepr, isFloat, numeric, pythonNumber, pythonRepr } from '../template/python.js';

type Mapping = Record<string, unknown>;

/** What Python raises on a value TOML cannot hold; ansible-inventory reports its message. */
export class TomlTypeError extends Error {}

/** The IndexError toml's string escaping raises on a string that starts with a \x escape: Ansible crashes on it. */
export class TomlIndexError extends Error {}

export function pythonTomlDumps(value: Mapping): string {
  let [out, sections] = dumpSections(value, '');
  while (Object.keys(sections).length > 0) {
    const next: Mapping = {};
    for (const [name, section] of Object.entries(sections)) {
      const [own, nested] = dumpSections(section, name);
      if (own || Object.keys(nested).length === 0) {
        if (out && !out.endsWith('\n\n')) out += '\n';
        out += `[${name}]\n${own}`;
      }
      for (const [key, table] of Object.entries(nested)) next[`${name}.${key}`] = table;
    }
    sections = next;
  }
  return out;
}

/** One table's `key = value` lines (arrays of tables after them), and its sub-tables, for later. */
function dumpSections(table: unknown, parent: string): [string, Mapping] {
  const prefix = parent !== '' && !parent.endsWith('.') ? `${parent}.` : parent;
  let lines = '';
  let arrays = '';
  const tables: Mapping = {};
  for (const [key, value] of entriesOf(table)) {
    const name = /^[A-Za-z0-9_-]+\n?$/.test(key) ? key : dumpString(key);
    if (isMapping(value)) tables[name] = value;
    else if (Array.isArray(value) && value.some(isMapping)) arrays += arrayOfTables(value, prefix + name);
    else if (value !== null && value !== undefined) lines += `${name} = ${dumpValue(value)}\n`;
  }
  return [lines + arrays, tables];
}

function arrayOfTables(items: readonly unknown[], name: string): string {
  let out = '';
  for (const item of items) {
    let after = '\n';
    out += `[[${name}]]\n`;
    const [own, nested] = dumpSections(item, name);
    if (own.startsWith('[')) after += own;
    else out += own;
    let pending = nested;
    while (Object.keys(pending).length > 0) {
      const next: Mapping = {};
      for (const [key, table] of Object.entries(pending)) {
        const [lines, deeper] = dumpSections(table, `${name}.${key}`);
        if (lines) after += `[${name}.${key}]\n${lines}`;
        for (const [deeperKey, deeperTable] of Object.entries(deeper)) next[`${key}.${deeperKey}`] = deeperTable;
      }
      pending = next;
    }
    out += after;
  }
  return out;
}

/** `for section in o: o[section]` on whatever dump_sections is given; a non-dict fails as in Python. */
function entriesOf(table: unknown): [string, unknown][] {
  if (isMapping(table)) return Object.entries(table);
  const empty = (typeof table === 'string' || Array.isArray(table)) && table.length === 0;
  if (empty) return [];
  if (typeof table === 'string') throw new TomlTypeError("string indices must be integers, not 'str'");
  if (Array.isArray(table)) throw new TomlTypeError('list indices must be integers or slices, not str');
  throw new TomlTypeError(`'${typeName(table)}' object is not iterable`);
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof PyValue) return value.typeName;
  return isFloat(value) ? 'float' : 'int';
}

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PyValue);
}

function dumpValue(value: unknown): string {
  if (typeof value === 'string') return dumpString(value);
  if (typeof value === 'boolean') return String(value);
  if (isFloat(value)) return floatRepr(numeric(value)!).replace('e+0', 'e+').replace('e-0', 'e-');
  if (typeof value === 'number') return pythonNumber(value);
  if (Array.isArray(value)) return dumpList(value);
  // A dict is iterable, so the encoder writes it as a list: of its keys.
  if (isMapping(value)) return dumpList(Object.keys(value));
  return dumpRepr(pythonRepr(value));
}

function dumpList(items: readonly unknown[]): string {
  return `[${items.map((item) => ` ${dumpValue(item)},`).join('')}]`;
}

function dumpString(text: string): string {
  return dumpRepr(pythonRepr(text));
}

/** toml's _dump_str on Python's repr of a value: the quotes swapped for double ones, each \xNN made \u00NN (or xNN, as its loop does). */
function dumpRepr(repr: string): string {
  let text = repr.startsWith('u') ? repr.slice(1) : repr;
  const single = text.startsWith("'");
  if (single || text.startsWith('"')) text = text.slice(1, -1);
  if (single) text = text.replaceAll("\\'", "'").replaceAll('"', '\\"');
  let parts = text.split('\\x');
  while (parts.length > 1) {
    if (!parts[0]) parts = parts.slice(1);
    const head = parts[0]!.replaceAll('\\\\', '\\');
    if (head === '') throw new TomlIndexError('string index out of range');
    if (parts.length < 2) throw new TomlIndexError('list index out of range');
    // An odd run of backslashes before the cut means the \x was escaped text, not an escape.
    let plain = !head.endsWith('\\');
    for (let index = head.length - 1; index > 0 && head[index] === '\\'; index -= 1) plain = !plain;
    parts = [`${head}${plain ? 'x' : 'u00'}${parts[1]}`, ...parts.slice(2)];
  }
  return `"${parts[0]}"`;
}
