/**
 * Ansible's INI inventory, read into the same shape as the YAML inventory
 * (groups with hosts, vars and children, positions recorded) so one reader
 * handles both:
 *
 *     web1 ansible_host=10.0.0.1        # before any section: ungrouped
 *     [workers]
 *     worker[1:3] ansible_user=admin    # host vars inline
 *     [workers:vars]
 *     ansible_port=2222
 *     [cluster:children]
 *     workers
 *
 * Values are read as Ansible's ini plugin reads them (Python literals: 22 is
 * a number, True a boolean, [1, 2] a list, 'x' a string; anything else stays text).
 */
import { extname } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { splitCommandLine } from '../modules/lib/shlex.js';
import { pythonLiteralEval } from '../template/python-literal.js';
import { recordKeyPosition, recordPosition } from './positions.js';
import type { SourceCache } from './source-cache.js';
import { FORBIDDEN_KEYS, parseYaml, readTextFile } from './yaml.js';

type Section = 'hosts' | 'vars' | 'children';
type Mapping = Record<string, unknown>;

/**
 * The inventory file as YAML-shaped data: INI for .ini files and for text
 * that is not a YAML mapping. `earlierGroups`: the groups the sources read
 * before it declare, which its `[x:children]` sections may name (the order
 * of x's children depends on them, so the parse is kept per set).
 */
export function readInventoryFile(file: string, sources: SourceCache, earlierGroups: ReadonlySet<string> = new Set()): unknown {
  const extension = extname(file).toLowerCase();
  if (['.yaml', '.yml', '.json'].includes(extension)) return undefined;
  const key = [file, ...[...earlierGroups].sort()].join('\0');
  const cached = sources.inventories.get(key);
  if (cached) return cached;
  const text = readTextFile(file);
  if (extension !== '.ini' && !looksLikeIni(text, file)) return undefined;
  const inventory = parseIniInventory(text, file, earlierGroups);
  sources.inventories.set(key, inventory);
  return inventory;
}

/** A file without extension is INI when it starts with a [section] or is no YAML mapping (e.g. bare host lines). */
function looksLikeIni(text: string, file: string): boolean {
  const first = text.split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('#') && !line.startsWith(';'));
  if (first === undefined || first.startsWith('[')) return first !== undefined;
  try {
    const value = parseYaml(text, file);
    return !value || typeof value !== 'object' || Array.isArray(value);
  } catch {
    return false;
  }
}

/** A group an INI file names in `[parent:children]` or `[group:vars]` without declaring it (no `[group]` or `[group:children]`). */
export interface UndeclaredGroup {
  readonly kind: 'children' | 'vars';
  readonly group: string;
  /** The section that names it, for children. */
  readonly parent?: string;
  readonly at: SourcePosition;
}

const UNDECLARED = new WeakMap<object, readonly UndeclaredGroup[]>();

/**
 * The groups an INI inventory names without declaring them: Ansible's ini
 * plugin fails the file unless an inventory read before it has them (the
 * reader of the sources checks, it knows those).
 */
export function undeclaredGroups(inventory: object): readonly UndeclaredGroup[] {
  return UNDECLARED.get(inventory) ?? [];
}

export function parseIniInventory(text: string, file: string, earlierGroups: ReadonlySet<string> = new Set()): Mapping {
  const root: Mapping = {};
  recordPosition(root, { file, line: 1 });
  let group = 'ungrouped';
  let section: Section = 'hosts';
  const children = new PendingChildren(root, earlierGroups);
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const at: SourcePosition = { file, line: index + 1, col: raw.length - raw.trimStart().length + 1 };
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      [group, section] = sectionOf(header[1]!.trim(), at);
      groupBody(root, group, at);
      children.declared(group, section, at);
      return;
    }
    if (section === 'hosts') addHost(root, group, line, at);
    else if (section === 'vars') addVariable(groupPart(root, group, 'vars', at), line, at);
    else children.add(group, line, at);
  });
  UNDECLARED.set(root, children.finish());
  return root;
}

/**
 * Ansible's ini plugin adds a `[parent:children]` entry at once when its
 * group is in the inventory already (an earlier source's, or with a section
 * above it), else when the group's own section (not `:vars`) comes: the
 * children's order, and the groups', follow those sections. An entry whose
 * group never gets a section is added at the end, and listed as undeclared,
 * as is a `[group:vars]` section of a group that no `[group]` or
 * `[group:children]` section declares.
 */
class PendingChildren {
  private readonly known: Set<string>;
  private readonly pending = new Map<string, { parents: string[]; at: SourcePosition }>();
  private readonly pendingVars = new Map<string, SourcePosition>();

  constructor(
    private readonly root: Mapping,
    earlierGroups: ReadonlySet<string>,
  ) {
    this.known = new Set(['all', 'ungrouped', ...earlierGroups]);
  }

  declared(group: string, section: Section, at: SourcePosition): void {
    if (section !== 'vars') this.pendingVars.delete(group);
    else if (!this.known.has(group) && !this.pending.has(group)) this.pendingVars.set(group, at);
    this.known.add(group);
    const waiting = this.pending.get(group);
    if (!waiting || section === 'vars') return;
    this.pending.delete(group);
    for (const parent of waiting.parents) addChild(this.root, parent, group, at);
  }

  add(parent: string, line: string, at: SourcePosition): void {
    const child = withoutComment(line).trim();
    checkName(child, 'group', at);
    if (this.known.has(child)) return addChild(this.root, parent, child, at);
    const waiting = this.pending.get(child) ?? { parents: [], at };
    waiting.parents.push(parent);
    this.pending.set(child, waiting);
  }

  /** Adds the entries still waiting, and lists the groups named without being declared. */
  finish(): UndeclaredGroup[] {
    for (const [child, { parents, at }] of this.pending) for (const parent of parents) addChild(this.root, parent, child, at);
    return [
      ...[...this.pendingVars].map(([group, at]) => ({ kind: 'vars' as const, group, at })),
      ...[...this.pending].map(([group, { parents, at }]) => ({ kind: 'children' as const, group, parent: parents.at(-1)!, at })),
    ];
  }
}

function sectionOf(header: string, at: SourcePosition): [string, Section] {
  const [name, kind = 'hosts', ...rest] = header.split(':');
  if (!name || rest.length > 0 || !['hosts', 'vars', 'children'].includes(kind)) {
    throw new CxError(`invalid section [${header}]`, { at, hint: 'write [group], [group:vars] or [group:children]' });
  }
  checkName(name, 'group', at);
  return [name, kind as Section];
}

function addHost(root: Mapping, group: string, line: string, at: SourcePosition): void {
  let words: string[];
  try {
    words = splitCommandLine(withoutComment(line));
  } catch {
    throw new CxError('a quote on this host line is never closed', { at });
  }
  if (words.length === 0) return;
  const [pattern, ...assignments] = words as [string, ...string[]];
  const { host, port } = splitPort(pattern);
  checkName(host, 'host', at);
  const vars: Mapping = {};
  recordPosition(vars, at);
  if (port !== undefined) set(vars, 'ansible_port', port, at);
  for (const word of assignments) {
    const equals = word.indexOf('=');
    if (equals <= 0) throw new CxError(`'${word}' on the line of host ${host} is not name=value`, { at, hint: 'host variables are written name=value after the host name' });
    set(vars, word.slice(0, equals), pythonLiteral(word.slice(equals + 1)), at);
  }
  set(groupPart(root, group, 'hosts', at), host, Object.keys(vars).length > 0 ? vars : null, at);
}

function addVariable(vars: Mapping, line: string, at: SourcePosition): void {
  const equals = line.indexOf('=');
  if (equals <= 0) throw new CxError(`'${line}' is not name=value`, { at, hint: 'a [group:vars] section holds name=value lines' });
  set(vars, line.slice(0, equals).trim(), pythonLiteral(line.slice(equals + 1).trim()), at);
}

function addChild(root: Mapping, group: string, child: string, at: SourcePosition): void {
  groupBody(root, child, at);
  set(groupPart(root, group, 'children', at), child, null, at);
}

function groupBody(root: Mapping, name: string, at: SourcePosition): Mapping {
  if (!Object.prototype.hasOwnProperty.call(root, name)) {
    const body: Mapping = {};
    recordPosition(body, at);
    set(root, name, body, at);
  }
  return root[name] as Mapping;
}

function groupPart(root: Mapping, group: string, part: Section, at: SourcePosition): Mapping {
  const body = groupBody(root, group, at);
  if (!body[part]) {
    const mapping: Mapping = {};
    recordPosition(mapping, at);
    set(body, part, mapping, at);
  }
  return body[part] as Mapping;
}

function set(target: Mapping, key: string, value: unknown, at: SourcePosition): void {
  checkName(key, 'name', at);
  target[key] = value;
  recordKeyPosition(target, key, at);
}

function checkName(name: string, what: string, at: SourcePosition): void {
  if (FORBIDDEN_KEYS.has(name)) throw new CxError(`${what} '${name}' is not allowed`, { at, hint: 'rename it: as an object key it could change how every object behaves' });
}

/** `host:2222` names the SSH port; an IPv6 address (several colons) is left whole. */
function splitPort(pattern: string): { host: string; port?: number } {
  const match = /^([^:]+):(\d+)$/.exec(pattern);
  return match ? { host: match[1]!, port: Number(match[2]) } : { host: pattern };
}

/**
 * Text from a `#` outside quotes is a comment, even inside a word, as
 * Python's shlex (comments=True) reads a host line: `a=x#y` is `a=x`.
 */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') index += 1;
    } else if (char === '\\') {
      index += 1;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#') {
      return line.slice(0, index);
    }
  }
  return line;
}

/**
 * A value as Ansible's ini plugin reads it, on a host line and in a
 * [group:vars] section alike (measured with ansible-inventory 2.14, whatever
 * its documentation says of :vars): Python's ast.literal_eval (22, True,
 * [1, 2], {'k': 1}, 'x'), and the text itself when that fails.
 */
function pythonLiteral(text: string): unknown {
  const literal = pythonLiteralEval(text);
  return literal === undefined ? text : literal.value;
}
