/**
 * Group names that are not valid variable names (`my-group`, `web.prod`,
 * `1st`), as Ansible 2.14 treats them: TRANSFORM_INVALID_GROUP_CHARS
 * (`[defaults] force_valid_group_names`) decides whether the names of the
 * inventory sources are kept (`never`, the default, and `ignore`) or have
 * each bad character replaced by `_` (`always`, `silently`), and whether
 * Ansible's one warning of the run is given (`never`, `always`). The
 * constructed plugin's groups are always replaced, silently. Ansible's ini
 * and toml plugins look a `children` entry up by the name as written, after
 * renaming the group it names: such a source fails there, so cxplay refuses it.
 */
import { CxError } from '../errors.js';
import type { MutableGroup } from './inventory-reader.js';

export const GROUP_NAME_MODES = ['always', 'never', 'ignore', 'silently'] as const;
export type GroupNameMode = (typeof GROUP_NAME_MODES)[number];

/** Ansible's INVALID_VARIABLE_NAMES (`^[\d\W]|[^\w]`, Python's Unicode classes). */
const INVALID_CHARACTERS = /^\p{Nd}|[^\p{L}\p{N}_]/gu;

export function hasInvalidCharacters(name: string): boolean {
  return new RegExp(INVALID_CHARACTERS.source, 'u').test(name);
}

/** Every invalid character of `name` replaced by `_`. */
export function safeGroupName(name: string): string {
  return name.replace(INVALID_CHARACTERS, '_');
}

/** The warning Ansible gives for a source's invalid group names in this mode, if any. */
function warningOf(mode: GroupNameMode): string | undefined {
  if (mode === 'never') return 'Invalid characters were found in group names but not replaced, use -vvvv to see details';
  if (mode === 'always') return 'Invalid characters were found in group names and automatically replaced, use -vvvv to see details';
  return undefined;
}

/**
 * One source's groups as the mode makes them: renamed in place (members,
 * children and variables of two names that become one are merged) when it
 * replaces. Returns the warning to give, when a name had invalid characters.
 */
export function applyGroupNameMode(groups: Map<string, MutableGroup>, mode: GroupNameMode, plugin: string): string | undefined {
  const invalid = [...groups.keys()].filter(hasInvalidCharacters);
  if (invalid.length === 0) return undefined;
  if (mode === 'always' || mode === 'silently') {
    if (plugin === 'ini' || plugin === 'toml') refuseRenamedChildren(groups, plugin);
    renameGroups(groups);
  }
  return warningOf(mode);
}

/** A children entry naming a group that is renamed, which Ansible's ini and toml plugins then cannot find. */
function refuseRenamedChildren(groups: ReadonlyMap<string, MutableGroup>, plugin: string): void {
  for (const group of groups.values()) {
    const child = group.children.find(hasInvalidCharacters);
    if (child === undefined) continue;
    const ansible = plugin === 'ini' ? `Section [${safeGroupName(group.name)}:children] includes undefined group: ${child}` : `${child} is not a known host nor group`;
    throw new CxError(`group '${child}' (a child of '${group.name}') is renamed '${safeGroupName(child)}' by force_valid_group_names, and Ansible's ${plugin} plugin then fails on this source: "${ansible}"`, {
      at: group.at,
      hint: `name the group ${safeGroupName(child)} in this file (or leave TRANSFORM_INVALID_GROUP_CHARS at never or ignore)`,
    });
  }
}

function renameGroups(groups: Map<string, MutableGroup>): void {
  const renamed = new Map<string, MutableGroup>();
  for (const group of groups.values()) {
    const name = safeGroupName(group.name);
    const children = group.children.map(safeGroupName);
    const existing = renamed.get(name);
    if (!existing) {
      renamed.set(name, { ...group, name, children });
      continue;
    }
    Object.assign(existing.vars, group.vars);
    for (const child of children) if (!existing.children.includes(child)) existing.children.push(child);
    for (const host of group.hosts) if (!existing.hosts.includes(host)) existing.hosts.push(host);
  }
  groups.clear();
  for (const [name, group] of renamed) groups.set(name, group);
}
