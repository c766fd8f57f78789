/**
 * set_stats: custom stats for the run, as Ansible's set_stats action plugin
 * (2.14): `data` (a dict, or a template that gives one) names each stat,
 * `per_host` keeps them per host instead of for the whole run, `aggregate`
 * adds them to what is there instead of replacing it. The module only
 * checks and returns them under `ansible_stats`; the runner keeps them
 * (run/custom-stats.ts) and the recap shows them with show_custom_stats.
 */
import { isTrue } from '../booleans.js';
import { isDict } from '../template/python.js';
import type { ModuleDef } from './module.js';

/** Python's keyword.kwlist (3.11): not identifiers, so not stat names (Ansible's isidentifier). */
const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);
/** An ASCII Python identifier. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const setStatsModule: ModuleDef = {
  name: 'set_stats',
  argsSchema: {
    type: 'object',
    // Not typed: Ansible checks `data` itself (failing the task), and reads the flags leniently ('maybe' is false).
    properties: { data: {}, per_host: {}, aggregate: {} },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    const data = ctx.args.data ?? {};
    if (!isDict(data)) return { changed: false, failed: true, msg: "The 'data' option needs to be a dictionary/hash" };
    const badName = Object.keys(data).find((name) => !IDENTIFIER.test(name) || PYTHON_KEYWORDS.has(name));
    if (badName !== undefined) {
      return { changed: false, failed: true, msg: `The variable name '${badName}' is not valid. Variables must start with a letter or underscore character, and contain only letters, numbers and underscores.` };
    }
    return { changed: false, ansible_stats: { data, per_host: flagOf(ctx.args.per_host, false), aggregate: flagOf(ctx.args.aggregate, true) } };
  },
};

/** Ansible's boolean(value, strict=False): a true word is true, anything else false; unset (or null) keeps the default. */
function flagOf(value: unknown, byDefault: boolean): boolean {
  return value === undefined || value === null ? byDefault : isTrue(value);
}
