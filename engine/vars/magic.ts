/**
 * Ansible's magic variables: inventory_hostname, group_names, groups,
 * hostvars, ansible_check_mode, ... They are computed by the run, never set
 * by the operator.
 */
import { randomBytes } from 'node:crypto';
import { assertSafeName } from '../template/members.js';
import { PyValue } from '../template/python.js';

/**
 * Names the run defines for every task (Ansible's magic variables, with the
 * role ones of a task in a role and the inventory's file and directory): the
 * check stage takes them as defined. Names starting `ansible_` are taken as
 * defined anyway (facts and connection variables).
 */
export const MAGIC_VARIABLE_NAMES: readonly string[] = [
  'inventory_hostname', 'inventory_hostname_short', 'group_names', 'groups', 'hostvars', 'playbook_dir', 'play_hosts',
  'omit', 'item', 'vars', 'role_path', 'role_name', 'role_names', 'inventory_dir', 'inventory_file',
];

/** Ansible's `omit`: an argument rendered to this token is dropped. One per run, unguessable. */
export const OMIT_TOKEN = `__omit_place_holder__${randomBytes(20).toString('hex')}`;

/** Drop every mapping entry whose value is the omit token (recursively, as Ansible does for module args). */
export function stripOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== OMIT_TOKEN).map(stripOmitted);
  if (value && typeof value === 'object' && !(value instanceof PyValue)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Module arguments can hold data (a registered result, from_json): a '__proto__' key there must not become a prototype.
      assertSafeName(key);
      if (item !== OMIT_TOKEN) out[key] = stripOmitted(item);
    }
    return out;
  }
  return value;
}

/**
 * An object whose properties are computed when read: `hostvars[h]` stays
 * cheap with 200 hosts because only the hosts and names an expression touches
 * are ever resolved.
 */
export function lazyObject(names: readonly string[], read: (name: string) => unknown): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const name of names) {
    Object.defineProperty(target, name, { enumerable: true, configurable: false, get: () => read(name) });
  }
  return target;
}
