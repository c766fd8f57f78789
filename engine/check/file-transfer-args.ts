/**
 * ansible_sftp_extra_args and ansible_scp_extra_args: Ansible's ssh plugin
 * hands them to the sftp or scp program it sends files with. cxplay sends
 * files over its one SSH connection, with no such program, so they cannot
 * apply: a host that would use them (one not connected locally) gets a
 * warning naming it, instead of being silently ignored.
 */
import { hostVarsFromInventory } from '../load/inventory.js';
import type { Inventory } from '../load/model.js';

const VARIABLES = ['ansible_sftp_extra_args', 'ansible_scp_extra_args'] as const;

/** One warning per variable set for an ssh host, in the inventory or with -e. */
export function fileTransferArgWarnings(inventory: Inventory, extraVars: Readonly<Record<string, unknown>>, defaultConnection: string | undefined): string[] {
  const setAnywhere = (name: string) => isSet(extraVars[name]) || [...inventory.groups.values(), ...inventory.hosts.values()].some((entry) => isSet(entry.vars[name]));
  const named = VARIABLES.filter(setAnywhere);
  // Merging each host's variables is only needed when one of them is written somewhere.
  if (named.length === 0) return [];
  return named.flatMap((name) => {
    const hosts = [...inventory.hosts.keys()].filter((host) => {
      const vars = { ...hostVarsFromInventory(inventory, host), ...extraVars };
      return isSet(vars[name]) && String(vars.ansible_connection ?? defaultConnection ?? 'ssh') !== 'local';
    });
    if (hosts.length === 0) return [];
    const shown = hosts.length > 5 ? `${hosts.slice(0, 5).join(', ')} and ${hosts.length - 5} more` : hosts.join(', ');
    return [`${name} is set for ${shown} and has no effect in cxplay: files are sent over its SSH connection, not with sftp or scp (ssh options go in ansible_ssh_common_args)`];
  });
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
