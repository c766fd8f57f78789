/**
 * Ansible's inventory structure read into groups and hosts: `all:` (and other
 * groups at the top level) with `hosts:`, `vars:` and `children:`, host
 * ranges such as node[1:3] or node[01:10]. Every inventory plugin (YAML, INI,
 * TOML, scripts, host lists: inventory-plugins.ts) gives its data in this
 * shape, so one reader checks it and records where each name was written.
 */
import { CxError, type SourcePosition } from '../errors.js';
import { checkConnectionVars } from './connection-vars.js';
import { refuseGroupLoop } from './group-loops.js';
import { describeValue } from './keyword-check.js';
import { keyPositionOf } from './positions.js';
import type { Inventory, InventoryHost } from './model.js';
import { didYouMean } from './suggest.js';

export interface MutableGroup {
  name: string;
  vars: Record<string, unknown>;
  children: string[];
  hosts: string[];
  at: SourcePosition | undefined;
}

export interface MutableHost {
  vars: Record<string, unknown>;
  at: SourcePosition | undefined;
}

const GROUP_KEYS = ['hosts', 'vars', 'children'];
/** Host ranges expand to at most this many hosts each (a typo like [1:1000000] should not hang the load). */
const MAX_RANGE_HOSTS = 10_000;

/** The groups and hosts of one source's YAML-shaped data (`ranges: false` keeps names such as w[1:3] whole, as Ansible's host_list and script plugins do). */
export function readInventoryData(value: Record<string, unknown>, file: string, at: SourcePosition, options: { ranges?: boolean } = {}): InventoryParts {
  const reader = new InventoryReader(file, options.ranges ?? true);
  for (const [name, body] of Object.entries(value)) reader.group(name, body, keyPositionOf(value, name, at)!);
  return reader.finish();
}

/** Groups and hosts of a built inventory as copies to add to (variables, members), the inventory left as it was. */
export function editableCopy(inventory: Inventory): { groups: Map<string, MutableGroup>; hosts: Map<string, InventoryHost & { vars: Record<string, unknown> }> } {
  return {
    groups: new Map([...inventory.groups].map(([name, group]) => [name, { ...group, vars: { ...group.vars }, children: [...group.children], hosts: [...group.hosts] }])),
    hosts: new Map([...inventory.hosts].map(([name, host]) => [name, { ...host, vars: { ...host.vars } }])),
  };
}

export interface InventoryParts {
  readonly groups: Map<string, MutableGroup>;
  readonly hosts: Map<string, MutableHost>;
}

class InventoryReader {
  private readonly groups = new Map<string, MutableGroup>();
  private readonly hosts = new Map<string, MutableHost>();

  constructor(
    private readonly file: string,
    private readonly ranges: boolean,
  ) {
    // Ansible's inventory starts with both: `groups` lists them first, whatever the file declares.
    this.entry('all', undefined);
    this.entry('ungrouped', undefined);
  }

  group(name: string, body: unknown, at: SourcePosition): void {
    const group = this.entry(name, at);
    if (body === null || body === undefined) return;
    if (typeof body !== 'object' || Array.isArray(body)) throw new CxError(`group '${name}' must be a mapping with hosts:, vars: or children:, got ${describeValue(body)}`, { at });
    const node = body as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      if (!GROUP_KEYS.includes(key)) throw new CxError(`unknown key '${key}' in group '${name}'${didYouMean(key, GROUP_KEYS)}`, { at: keyPositionOf(node, key, at), hint: 'a group takes hosts:, vars: and children:' });
    }
    const part = (key: string, example: string): Record<string, unknown> | undefined => {
      const value = node[key];
      if (value === null || value === undefined) return undefined;
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new CxError(`${key} of group '${name}' must be a mapping, got ${describeValue(value)}`, { at: keyPositionOf(node, key, at), hint: `write each on its own line ending with a colon, e.g. "${example}:"` });
      }
      return value as Record<string, unknown>;
    };
    const groupVars = part('vars', 'ansible_user: admin');
    checkConnectionVars(groupVars, at);
    Object.assign(group.vars, groupVars);
    for (const [pattern, vars] of Object.entries(part('hosts', 'web1') ?? {})) this.host(group, pattern, vars, keyPositionOf(node.hosts, pattern, at)!);
    for (const [child, childBody] of Object.entries(part('children', 'webservers') ?? {})) {
      const childAt = keyPositionOf(node.children, child, at)!;
      if (child === name) throw new CxError(`group '${name}' cannot be its own child`, { at: childAt });
      this.group(child, childBody, childAt);
      if (!group.children.includes(child)) group.children.push(child);
    }
  }

  finish(): InventoryParts {
    this.refuseCycles();
    this.entry('ungrouped', undefined);
    // Ansible makes `ungrouped` the first child of `all`, before the groups the inventory declares; groups
    // without a parent and hosts without a group join them once every source is read (reconcileInventory).
    this.groups.get('all')!.children.unshift('ungrouped');
    return { groups: this.groups, hosts: this.hosts };
  }

  private entry(name: string, at: SourcePosition | undefined): MutableGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, vars: {}, children: [], hosts: [], at };
      this.groups.set(name, group);
    }
    group.at ??= at;
    return group;
  }

  private host(group: MutableGroup, pattern: string, vars: unknown, at: SourcePosition): void {
    if (vars !== null && vars !== undefined && (typeof vars !== 'object' || Array.isArray(vars))) {
      throw new CxError(`host '${pattern}' must map to its variables (or to nothing), got ${describeValue(vars)}`, { at, hint: `write "${pattern}:" alone, or its variables indented below it` });
    }
    checkConnectionVars(vars, at);
    for (const name of this.ranges ? expandHostRange(pattern, at) : [pattern]) {
      const host = this.hosts.get(name) ?? { vars: {}, at };
      Object.assign(host.vars, vars ?? {});
      this.hosts.set(name, host);
      if (!group.hosts.includes(name)) group.hosts.push(name);
    }
  }

  /** Ansible refuses a group that is its own ancestor; so do we, naming the loop. */
  private refuseCycles(): void {
    refuseGroupLoop(this.groups, (loop) => this.groups.get(loop[0]!)!.at ?? { file: this.file });
  }
}

/**
 * `node[1:3]`, `node[01:10]` (zero-padded), `node[1:10:2]`, `web[a:c]` as
 * Ansible expands them; several ranges in one name multiply, and the product
 * is bounded as one range is (counted before anything is expanded).
 */
export function expandHostRange(pattern: string, at: SourcePosition): string[] {
  const bad = (why: string) => new CxError(`cannot expand host range '${pattern}': ${why}`, { at, hint: 'write node[1:3], node[01:10] or node[a:c]' });
  const parts = rangeParts(pattern, bad);
  const count = parts.reduce((product, part) => product * (typeof part === 'string' ? 1 : part.length), 1);
  if (count > MAX_RANGE_HOSTS) throw bad(`${count} hosts, more than ${MAX_RANGE_HOSTS}`);
  return parts.reduce<string[]>((names, part) => (typeof part === 'string' ? names.map((name) => name + part) : names.flatMap((name) => part.map((middle) => name + middle))), ['']);
}

/**
 * The pattern cut into literal text and ranges (the values of each range).
 * Any other `[` fails, as Ansible's expand_hostname_range fails the file (a
 * bracketed IPv6 address is an address, not a range).
 */
function rangeParts(pattern: string, bad: (why: string) => CxError): (string | string[])[] {
  const match = /^(.*?)\[([^\]:]+):([^\]:]+)(?::(\d+))?\](.*)$/.exec(pattern);
  if (match) return rangePartsOf(match as unknown as [string, string, string, string, string | undefined, string], bad);
  if (!pattern.includes('[') || /^\[[0-9a-f:.]+\](:\d+)?$/i.test(pattern)) return [pattern];
  throw bad(pattern.indexOf(']', pattern.indexOf('[')) < 0 ? "a '[' that is never closed" : 'a range is written [begin:end] or [begin:end:step]');
}

function rangePartsOf(match: [string, string, string, string, string | undefined, string], bad: (why: string) => CxError): (string | string[])[] {
  const [, head, from, to, stepText, tail] = match;
  return [head, rangeValues(from, to, Number(stepText ?? 1), bad), ...rangeParts(tail, bad)];
}

function rangeValues(from: string, to: string, step: number, bad: (why: string) => CxError): string[] {
  if (step < 1) throw bad('the step must be at least 1');
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const width = from.length > 1 && from.startsWith('0') ? from.length : 0;
    return rangeOf(Number(from), Number(to), step, bad).map((value) => String(value).padStart(width, '0'));
  }
  if (/^[a-z]$/i.test(from) && /^[a-z]$/i.test(to)) return rangeOf(from.charCodeAt(0), to.charCodeAt(0), step, bad).map((code) => String.fromCharCode(code));
  throw bad('the bounds must be two numbers or two letters');
}

function rangeOf(first: number, last: number, step: number, bad: (why: string) => CxError): number[] {
  if (last < first) throw bad('the end comes before the start');
  if ((last - first) / step + 1 > MAX_RANGE_HOSTS) throw bad(`more than ${MAX_RANGE_HOSTS} hosts`);
  const values: number[] = [];
  for (let value = first; value <= last; value += step) values.push(value);
  return values;
}
