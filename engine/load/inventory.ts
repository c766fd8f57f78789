/**
 * Ansible's YAML inventory (all/children/hosts/vars, host ranges such as
 * node[1:3]) plus group_vars/ and host_vars/ beside the inventory and beside
 * the playbook, and Ansible's precedence for merging a host's variables.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import type { Inventory, InventoryGroup, InventoryHost } from './model.js';
import { keyPositionOf, positionOf } from './positions.js';
import { loadVarsFile } from './vars-file.js';
import { loadYamlFile } from './yaml.js';

interface MutableGroup {
  name: string;
  vars: Record<string, unknown>;
  children: string[];
  hosts: string[];
  at: SourcePosition | undefined;
}

const GROUP_KEYS = new Set(['hosts', 'vars', 'children']);

export function loadInventory(file: string, options: { playbookDir?: string } = {}): Inventory {
  const value = loadYamlFile(file);
  const at: SourcePosition = positionOf(value, { file, line: 1 })!;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CxError('an inventory must be a YAML mapping with an `all:` group (Ansible YAML format)', { at, hint: 'see inventory.example.yaml' });
  }
  const groups = new Map<string, MutableGroup>();
  const hosts = new Map<string, { vars: Record<string, unknown>; at: SourcePosition | undefined }>();
  const group = (name: string, groupAt?: SourcePosition): MutableGroup => {
    let entry = groups.get(name);
    if (!entry) {
      entry = { name, vars: {}, children: [], hosts: [], at: groupAt };
      groups.set(name, entry);
    }
    return entry;
  };
  group('all');
  for (const [name, body] of Object.entries(value as Record<string, unknown>)) readGroup(name, body, keyPositionOf(value, name, at)!, group, hosts, file);
  const all = group('all');
  for (const name of groups.keys()) if (name !== 'all' && !all.children.includes(name) && !isChildOfAny(name, groups)) all.children.push(name);
  const grouped = new Set([...groups.values()].filter((entry) => entry.name !== 'all').flatMap((entry) => entry.hosts));
  const ungrouped = group('ungrouped');
  for (const host of hosts.keys()) if (!grouped.has(host) && !ungrouped.hosts.includes(host)) ungrouped.hosts.push(host);
  if (!all.children.includes('ungrouped')) all.children.push('ungrouped');
  applyVarsDirs([dirname(file), ...(options.playbookDir && options.playbookDir !== dirname(file) ? [options.playbookDir] : [])], groups, hosts);
  return {
    file,
    hosts: new Map([...hosts].map(([name, host]): [string, InventoryHost] => [name, { name, vars: host.vars, at: host.at }])),
    groups: new Map([...groups].map(([name, entry]): [string, InventoryGroup] => [name, { ...entry }])),
  };
}

function isChildOfAny(name: string, groups: Map<string, MutableGroup>): boolean {
  return [...groups.values()].some((entry) => entry.children.includes(name));
}

function readGroup(
  name: string,
  body: unknown,
  at: SourcePosition,
  group: (name: string, at?: SourcePosition) => MutableGroup,
  hosts: Map<string, { vars: Record<string, unknown>; at: SourcePosition | undefined }>,
  file: string,
): MutableGroup {
  const entry = group(name, at);
  if (body === null || body === undefined) return entry;
  if (typeof body !== 'object' || Array.isArray(body)) throw new CxError(`group '${name}' must be a mapping with hosts:, vars: or children:`, { at });
  const node = body as Record<string, unknown>;
  for (const key of Object.keys(node)) {
    if (!GROUP_KEYS.has(key)) throw new CxError(`unknown key '${key}' in group '${name}'`, { at: keyPositionOf(node, key, at), hint: 'a group takes hosts:, vars: and children:' });
  }
  if (node.vars !== undefined && node.vars !== null) {
    if (typeof node.vars !== 'object' || Array.isArray(node.vars)) throw new CxError(`vars of group '${name}' must be a mapping`, { at: keyPositionOf(node, 'vars', at) });
    Object.assign(entry.vars, node.vars);
  }
  if (node.hosts !== undefined && node.hosts !== null) {
    if (typeof node.hosts !== 'object' || Array.isArray(node.hosts)) throw new CxError(`hosts of group '${name}' must be a mapping of host names`, { at: keyPositionOf(node, 'hosts', at) });
    for (const [pattern, vars] of Object.entries(node.hosts as Record<string, unknown>)) {
      const hostAt = keyPositionOf(node.hosts, pattern, at);
      if (vars !== null && vars !== undefined && (typeof vars !== 'object' || Array.isArray(vars))) throw new CxError(`host '${pattern}' must map to its variables (or nothing)`, { at: hostAt });
      for (const host of expandHostRange(pattern, hostAt ?? { file })) {
        const existing = hosts.get(host) ?? { vars: {}, at: hostAt };
        Object.assign(existing.vars, vars ?? {});
        hosts.set(host, existing);
        if (!entry.hosts.includes(host)) entry.hosts.push(host);
      }
    }
  }
  if (node.children !== undefined && node.children !== null) {
    if (typeof node.children !== 'object' || Array.isArray(node.children)) throw new CxError(`children of group '${name}' must be a mapping of groups`, { at: keyPositionOf(node, 'children', at) });
    for (const [child, childBody] of Object.entries(node.children as Record<string, unknown>)) {
      if (child === name) throw new CxError(`group '${name}' cannot be its own child`, { at: keyPositionOf(node.children, child, at) });
      readGroup(child, childBody, keyPositionOf(node.children, child, at)!, group, hosts, file);
      if (!entry.children.includes(child)) entry.children.push(child);
    }
  }
  return entry;
}

/** `node[1:3]`, `node[01:10]`, `web[a:c]` as Ansible expands them. */
export function expandHostRange(pattern: string, at: SourcePosition): string[] {
  const match = /^(.*)\[([^\]:]+):([^\]:]+)(?::(\d+))?\](.*)$/.exec(pattern);
  if (!match) return [pattern];
  const [, head, from, to, stepText, tail] = match as unknown as [string, string, string, string, string | undefined, string];
  const step = Number(stepText ?? 1);
  const out: string[] = [];
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const width = from.startsWith('0') ? from.length : 0;
    for (let value = Number(from); value <= Number(to); value += step) out.push(...expandHostRange(`${head}${String(value).padStart(width, '0')}${tail}`, at));
  } else if (/^[a-z]$/i.test(from) && /^[a-z]$/i.test(to)) {
    for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code += step) out.push(...expandHostRange(`${head}${String.fromCharCode(code)}${tail}`, at));
  } else {
    throw new CxError(`cannot expand host range '${pattern}'`, { at, hint: 'use node[1:3] or node[a:c]' });
  }
  return out;
}

/** group_vars/<group>.yaml|yml|json or group_vars/<group>/*.yaml; same for host_vars. */
function applyVarsDirs(dirs: string[], groups: Map<string, MutableGroup>, hosts: Map<string, { vars: Record<string, unknown> }>): void {
  for (const dir of dirs) {
    for (const [name, entry] of groups) Object.assign(entry.vars, readVarsDir(join(dir, 'group_vars'), name));
    for (const [name, entry] of hosts) Object.assign(entry.vars, readVarsDir(join(dir, 'host_vars'), name));
  }
}

function readVarsDir(dir: string, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const extension of ['', '.yaml', '.yml', '.json']) {
    const path = join(dir, `${name}${extension}`);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) {
      for (const file of readdirSync(path).sort()) if (/\.(ya?ml|json)$/.test(file)) Object.assign(out, loadVarsFile(join(path, file)));
    } else if (extension !== '') {
      Object.assign(out, loadVarsFile(path));
    }
  }
  return out;
}

/** Depth of each group below `all` (a child is deeper than its parents). */
function groupDepths(inventory: Inventory): Map<string, number> {
  const depths = new Map<string, number>([['all', 0]]);
  const visit = (name: string, depth: number, trail: Set<string>) => {
    if (trail.has(name)) return;
    if ((depths.get(name) ?? -1) < depth) depths.set(name, depth);
    const group = inventory.groups.get(name);
    for (const child of group?.children ?? []) visit(child, depth + 1, new Set([...trail, name]));
  };
  visit('all', 0, new Set());
  return depths;
}

/** Every group a host belongs to, directly or through child groups, `all` included. */
function groupsContaining(inventory: Inventory, host: string): Set<string> {
  const member = new Set<string>();
  const contains = (name: string, trail: Set<string>): boolean => {
    if (trail.has(name)) return false;
    const group = inventory.groups.get(name);
    if (!group) return false;
    return name === 'all' || group.hosts.includes(host) || group.children.some((child) => contains(child, new Set([...trail, name])));
  };
  for (const name of inventory.groups.keys()) if (contains(name, new Set())) member.add(name);
  return member;
}

/** Inventory variables of a host: all < parent groups < child groups (deeper wins; same depth by name) < host. */
export function hostVarsFromInventory(inventory: Inventory, host: string): Record<string, unknown> {
  const depths = groupDepths(inventory);
  const member = [...groupsContaining(inventory, host)].sort((a, b) => (depths.get(a) ?? 0) - (depths.get(b) ?? 0) || a.localeCompare(b));
  const vars: Record<string, unknown> = {};
  for (const name of member) Object.assign(vars, inventory.groups.get(name)!.vars);
  Object.assign(vars, inventory.hosts.get(host)?.vars ?? {});
  return vars;
}

export function groupNamesOf(inventory: Inventory, host: string): string[] {
  return [...groupsContaining(inventory, host)].filter((name) => name !== 'all' && name !== 'ungrouped').sort();
}

/** `groups` as expressions see it: each group's hosts (children included), in inventory order. */
export function groupsMap(inventory: Inventory): Record<string, string[]> {
  const order = [...inventory.hosts.keys()];
  const out: Record<string, string[]> = {};
  for (const name of inventory.groups.keys()) out[name] = order.filter((host) => groupsContaining(inventory, host).has(name));
  return out;
}
