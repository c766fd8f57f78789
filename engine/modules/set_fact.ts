/** set_fact: variables for the host from here on (above play vars, below -e). */
import type { ModuleDef } from './module.js';

export const setFactModule: ModuleDef = {
  name: 'set_fact',
  argsSchema: { type: 'object', properties: { cacheable: { type: 'boolean' } }, additionalProperties: true },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    const facts: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(ctx.args)) {
      if (key === 'cacheable') continue;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return { changed: false, failed: true, msg: `The variable name '${key}' is not valid. Variables must start with a letter or underscore character, and contain only letters, numbers and underscores.` };
      facts[key] = value;
    }
    return { changed: false, ansible_facts: facts };
  },
};
