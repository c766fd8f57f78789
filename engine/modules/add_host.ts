/**
 * add_host: puts a host (and its groups) into the run's inventory, for the
 * plays after this one. As in Ansible it runs once for the batch (it bypasses
 * the host loop), every argument other than the name and groups is a variable
 * of the new host, and `name: host:port` sets its port. The module only says
 * what to add; the runner changes the inventory and decides `changed`
 * (run/dynamic-inventory.ts).
 */
import type { ModuleDef, ModuleResult } from './module.js';

const NAME_KEYS = ['name', 'hostname', 'host'] as const;
const GROUP_KEYS = ['groupname', 'groups', 'group'] as const;
/** Ansible leaves these out of the host's variables (`host` and `group` stay in, as they do there). */
const NOT_VARIABLES = new Set(['name', 'hostname', 'groupname', 'groups']);

export const addHostModule: ModuleDef = {
  name: 'add_host',
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      hostname: { type: 'string' },
      host: { type: 'string' },
      groups: { type: ['string', 'array'], items: { type: 'string' } },
      groupname: { type: ['string', 'array'], items: { type: 'string' } },
      group: { type: ['string', 'array'], items: { type: 'string' } },
    },
    // Every other argument is a variable of the host.
    additionalProperties: true,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  changesInventory: true,
  bypassHostLoop: true,
  async run(ctx) {
    const args = ctx.args;
    const given = NAME_KEYS.map((key) => args[key]).find((value) => value !== undefined);
    if (given === undefined) return { changed: false, failed: true, msg: 'name, host or hostname needs to be provided' };
    const { name, port } = splitPort(String(given));
    const vars: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) if (!NOT_VARIABLES.has(key)) vars[key] = value;
    if (port !== undefined) vars.ansible_ssh_port = port;
    const result: ModuleResult = { changed: false, add_host: { host_name: name, groups: groupList(GROUP_KEYS.map((key) => args[key]).find((value) => value !== undefined)), host_vars: vars } };
    return result;
  },
};

/** `groups: a,b` or a list; each name once, trimmed (as Ansible). */
function groupList(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  const names = Array.isArray(value) ? value.map(String) : String(value).split(',');
  const out: string[] = [];
  for (const name of names) if (!out.includes(name.trim())) out.push(name.trim());
  return out;
}

/** Ansible's parse_address for a plain name or IPv4 address: `host:22` gives the port; anything else is kept whole. */
function splitPort(text: string): { name: string; port?: number } {
  const match = /^([A-Za-z0-9._-]+):(\d+)$/.exec(text) ?? /^\[([0-9A-Fa-f:.]+)\]:(\d+)$/.exec(text);
  return match ? { name: match[1]!, port: Number(match[2]) } : { name: text };
}
