/** set_fact: variables for the host from here on (above play vars, below -e). */
import type { ModuleDef } from './module.js';

/** As Ansible's set_fact: the strings true/yes/false/no (any case) become booleans. */
const BOOLEAN_WORDS = new Map([['true', true], ['yes', true], ['false', false], ['no', false]]);

export const setFactModule: ModuleDef = {
  name: 'set_fact',
  argsSchema: {
    type: 'object',
    properties: { cacheable: { type: 'boolean', default: false } },
    propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    additionalProperties: true,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  setsFacts: true,
  async run(ctx) {
    const facts: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(ctx.args)) {
      if (key === 'cacheable') continue; // there is no fact cache: facts live for the run
      facts[key] = typeof value === 'string' ? (BOOLEAN_WORDS.get(value.toLowerCase()) ?? value) : value;
    }
    if (Object.keys(facts).length === 0) return { changed: false, failed: true, msg: 'No key/value pairs provided, at least one is required for this action to succeed' };
    return { changed: false, ansible_facts: facts };
  },
};
