/**
 * Ansible host patterns: `all`/`*`, names of groups or hosts, `a:b` and `a,b`
 * (union), `a:!b` (except), `a:&b` (and), wildcards (`web*`), `~regex`, and
 * `@file` (one host per line, e.g. a retry file). Results keep inventory order.
 */
import { readFileSync } from 'node:fs';
import { CxError, ExitCode } from '../errors.js';
import { groupsMap } from './inventory.js';
import type { Inventory } from './model.js';
import { didYouMean } from './suggest.js';

const groupCache = new WeakMap<Inventory, Record<string, string[]>>();

export function selectHosts(inventory: Inventory, pattern: string): string[] {
  const order = [...inventory.hosts.keys()];
  let selected = new Set<string>();
  const parts = splitPattern(pattern);
  if (parts.length === 0) throw new CxError(`empty host pattern '${pattern}'`, { hint: 'use all, a group or host name, a:b, a:!b or a:&b' });
  parts.forEach((part, index) => {
    if (part.startsWith('!')) {
      const excluded = new Set(match(inventory, part.slice(1)));
      selected = new Set([...selected].filter((host) => !excluded.has(host)));
    } else if (part.startsWith('&')) {
      const kept = new Set(match(inventory, part.slice(1)));
      selected = new Set([...selected].filter((host) => kept.has(host)));
    } else {
      for (const host of match(inventory, part)) selected.add(host);
    }
    void index;
  });
  return order.filter((host) => selected.has(host)).concat([...selected].filter((host) => !inventory.hosts.has(host)));
}

function splitPattern(pattern: string): string[] {
  // A ':' inside an IPv6 address or a regex is rare in inventories; Ansible splits the same way.
  return pattern.split(/[:,]/).map((part) => part.trim()).filter(Boolean);
}

function match(inventory: Inventory, part: string): string[] {
  const groups = groupsFor(inventory);
  if (part === 'all' || part === '*') return [...inventory.hosts.keys()];
  if (part.startsWith('@')) return readHostFile(inventory, part.slice(1));
  if (Object.prototype.hasOwnProperty.call(groups, part)) return groups[part]!;
  if (inventory.hosts.has(part)) return [part];
  if (part.startsWith('~')) {
    let regex: RegExp;
    try {
      regex = new RegExp(part.slice(1));
    } catch {
      throw new CxError(`invalid regular expression in host pattern '${part}'`);
    }
    return [...inventory.hosts.keys()].filter((host) => regex.test(host));
  }
  if (/[*?[]/.test(part)) {
    const regex = new RegExp(`^${part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const names = [...inventory.hosts.keys()].filter((host) => regex.test(host));
    for (const [group, members] of Object.entries(groups)) if (regex.test(group)) names.push(...members);
    return names;
  }
  throw new CxError(`no host or group '${part}' in the inventory${didYouMean(part, [...inventory.hosts.keys(), ...Object.keys(groups)])}`, {
    hint: `groups: ${Object.keys(groups).join(', ')}`,
  });
}

function readHostFile(inventory: Inventory, file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CxError(`cannot read the host list ${file}`, { exitCode: ExitCode.badOptions });
  }
  const names = text.split('\n').map((line) => line.trim()).filter(Boolean);
  for (const name of names) if (!inventory.hosts.has(name)) throw new CxError(`host '${name}' from ${file} is not in the inventory`, { exitCode: ExitCode.badOptions });
  return names;
}

function groupsFor(inventory: Inventory): Record<string, string[]> {
  let groups = groupCache.get(inventory);
  if (!groups) {
    groups = groupsMap(inventory);
    groupCache.set(inventory, groups);
  }
  return groups;
}
