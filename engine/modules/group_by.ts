/**
 * group_by: puts the host into a group named by `key` (spaces become dashes),
 * a child of each of `parents` (default `all`), as Ansible's group_by. The
 * module only names the group; the runner changes the inventory and decides
 * `changed` (run/dynamic-inventory.ts).
 */
import type { ModuleDef } from './module.js';

export const groupByModule: ModuleDef = {
  name: 'group_by',
  argsSchema: {
    type: 'object',
    properties: {
      key: { type: 'string' },
      parents: { type: ['string', 'array'], items: { type: 'string' }, default: ['all'] },
    },
    required: ['key'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  changesInventory: true,
  async run(ctx) {
    const parents = [ctx.args.parents ?? ['all']].flat().map((name) => String(name).replaceAll(' ', '-'));
    return { changed: false, add_group: String(ctx.args.key).replaceAll(' ', '-'), parent_groups: parents };
  },
};
