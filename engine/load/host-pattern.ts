/**
 * Ansible host patterns: `all`/`*`, group or host names, `a:b` and `a,b`
 * (union), `a:!b` (except), `a:&b` (and), wildcards (`web*`), `~regex`,
 * subscripts (`workers[0]`, `workers[1:3]`, inclusive as Ansible's code), and
 * `@file` (one pattern per line, e.g. a retry file). As in Ansible, unions
 * come first, then intersections, then exclusions, whatever the order
 * written. Results keep the order Ansible gives them: the union terms' hosts
 * in the order the terms are written (each group's in its own order), then
 * narrowed by intersections and exclusions.
 *
 * A name that is no host or group matches nothing, as in Ansible, which warns
 * "Could not match supplied host pattern, ignoring: NAME": the caller passes
 * `misses` to collect those names (with a suggestion) and warn about them. A
 * wildcard or regex that matches nothing is no miss.
 */
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { CxError, ExitCode } from '../errors.js';
import { implicitLocalhostName, isImplicitLocalhost } from './implicit-localhost.js';
import { groupsMap } from './inventory-vars.js';
import type { Inventory } from './model.js';
import { didYouMean } from './suggest.js';

const groupCache = new WeakMap<Inventory, Record<string, string[]>>();
const SUBSCRIPT = /^(.+)\[(?:(-?\d+)|(\d+)[:-](\d+)?)\]$/;

/** Names that matched no host or group, each with a "did you mean" when one is close. */
export type Misses = string[];

export function selectHosts(inventory: Inventory, pattern: string, misses: Misses = []): string[] {
  const terms = splitPattern(pattern);
  if (terms.length === 0) throw new CxError(`empty host pattern '${pattern}'`, { hint: 'use all, a group or host name, a:b, a:!b or a:&b' });
  const unions = terms.filter((term) => !term.startsWith('!') && !term.startsWith('&'));
  let selected = new Set(unions.length > 0 ? unions.flatMap((term) => match(inventory, term, misses)) : match(inventory, 'all', misses));
  for (const term of terms.filter((item) => item.startsWith('&'))) {
    const kept = new Set(match(inventory, term.slice(1), misses));
    selected = new Set([...selected].filter((host) => kept.has(host)));
  }
  for (const term of terms.filter((item) => item.startsWith('!'))) {
    const excluded = new Set(match(inventory, term.slice(1), misses));
    selected = new Set([...selected].filter((host) => !excluded.has(host)));
  }
  return [...selected];
}

/** Ansible's words, so that what greps its output greps ours. */
export function unmatchedWarning(miss: string): string {
  return `Could not match supplied host pattern, ignoring: ${miss}`;
}

/** A play's hosts: its pattern narrowed by --limit (itself a pattern, or @file), in the pattern's order; `misses` gets the pattern's. */
export function selectPlayHosts(inventory: Inventory, pattern: string, limit: string | undefined, misses: Misses = []): string[] {
  const hosts = selectHosts(inventory, pattern, misses);
  if (!limit) return hosts;
  const limited = new Set(selectHosts(inventory, limit));
  return hosts.filter((name) => limited.has(name));
}

/** Ansible splits on commas when there are any, else on colons outside brackets (`workers[0:2]` stays whole). */
function splitPattern(pattern: string): string[] {
  if (pattern.includes(',')) return pattern.split(',').map((term) => term.trim()).filter(Boolean);
  // An IPv6 address (`::1`) is one name, as Ansible's split_host_pattern keeps it. Node's isIPv6 costs
  // some 13 ms of CPU on its first call (its regex compiled): asked only of a pattern with a colon.
  if (pattern.includes(':') && isIPv6(pattern.trim())) return [pattern.trim()];
  const terms = pattern.match(/(?:[^\s:[\]]|\[[^\]]*\])+/g) ?? [];
  // A bracket that closes nothing (`nodes[`) would otherwise be dropped, selecting all of `nodes`.
  const stray = /[[\]]/.exec(terms.reduce((rest, term) => rest.replace(term, ''), pattern));
  if (stray) throw new CxError(`host pattern '${pattern}' has an unmatched '${stray[0]}'`, { hint: 'write a subscript in full, e.g. workers[0] or workers[0:2]' });
  return terms;
}

function match(inventory: Inventory, term: string, misses: Misses): string[] {
  const groups = groupsFor(inventory);
  if (term === 'all' || term === '*') return groups.all ?? [];
  if (term.startsWith('@')) return readHostFile(inventory, term.slice(1), misses);
  if (Object.prototype.hasOwnProperty.call(groups, term)) return groups[term]!;
  if (inventory.hosts.has(term)) return [term];
  if (isImplicitLocalhost(inventory, term)) return [implicitLocalhostName(inventory, term)];
  if (term.startsWith('~')) return matchRegex(inventory, groups, term);
  const subscript = SUBSCRIPT.exec(term);
  if (subscript) return applySubscript(match(inventory, subscript[1]!, misses), subscript);
  if (/[*?[]/.test(term)) return matchWildcard(inventory, groups, term);
  misses.push(`${term}${didYouMean(term, [...inventory.hosts.keys(), ...Object.keys(groups)])}`);
  return [];
}

function matchRegex(inventory: Inventory, groups: Record<string, string[]>, term: string): string[] {
  let regex: RegExp;
  try {
    // Python's re.match, as Ansible uses it: anchored at the start of the name.
    regex = new RegExp(`^(?:${term.slice(1)})`);
  } catch (error) {
    throw new CxError(`invalid regular expression in host pattern '${term}': ${(error as Error).message}`, { hint: 'after ~ comes a regular expression, e.g. ~web\\d+' });
  }
  return namesMatching(inventory, groups, (name) => regex.test(name));
}

/** Shell-style wildcards (`*`, `?`, `[ab]`) over host and group names. */
function matchWildcard(inventory: Inventory, groups: Record<string, string[]>, term: string): string[] {
  const regex = shellWildcard(term);
  if (!regex) throw new CxError(`invalid wildcard in host pattern '${term}'`, { hint: 'use * and ?, e.g. web*' });
  return namesMatching(inventory, groups, (name) => regex.test(name));
}

/** Python's fnmatch: `*`, `?` and `[...]`, the rest literal; undefined for a pattern that is no wildcard (an unclosed `[`). */
export function shellWildcard(pattern: string): RegExp | undefined {
  const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return undefined;
  }
}

/** As Ansible: the hosts of the matching groups first, then the matching host names, each once. */
function namesMatching(inventory: Inventory, groups: Record<string, string[]>, test: (name: string) => boolean): string[] {
  const hosts = Object.entries(groups).flatMap(([group, members]) => (test(group) ? members : []));
  hosts.push(...[...inventory.hosts.keys()].filter(test));
  return [...new Set(hosts)];
}

/** `[i]` one host (negative counts from the end); `[i:j]` from i to j inclusive; `[i:]` from i on. */
function applySubscript(hosts: string[], subscript: RegExpExecArray): string[] {
  if (subscript[2] !== undefined) {
    const index = Number(subscript[2]);
    const host = hosts.at(index);
    return host === undefined ? [] : [host];
  }
  const start = Number(subscript[3]);
  const end = subscript[4] === undefined ? hosts.length - 1 : Number(subscript[4]);
  return hosts.slice(start, end + 1);
}

function readHostFile(inventory: Inventory, file: string, misses: Misses): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CxError(`cannot read the host list ${file}`, { exitCode: ExitCode.error, hint: 'give @ a file with one host name per line (e.g. a retry file)' });
  }
  const names = text.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  return names.flatMap((name) => {
    if (name.startsWith('@')) throw new CxError(`${file}: a host list cannot name another list (${name})`, { exitCode: ExitCode.badOptions });
    try {
      return match(inventory, name, misses);
    } catch (error) {
      if (error instanceof CxError) throw new CxError(`${file}: ${error.message}`, { exitCode: ExitCode.badOptions, hint: error.hint });
      throw error;
    }
  });
}

function groupsFor(inventory: Inventory): Record<string, string[]> {
  let groups = groupCache.get(inventory);
  if (!groups) {
    groups = groupsMap(inventory);
    groupCache.set(inventory, groups);
  }
  return groups;
}
