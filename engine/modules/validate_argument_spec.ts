/**
 * validate_argument_spec: the values this host sees for a role's typed
 * variables hold their types (the check a role with meta/argument_specs
 * starts with, as in Ansible). The spec arrives as a JSON Schema.
 */
import { UndefinedVariableError } from '../errors.js';
import { argumentProblems } from '../load/argument-check.js';
import type { ModuleDef } from './module.js';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const validateArgumentSpecModule: ModuleDef = {
  name: 'validate_argument_spec',
  argsSchema: {
    type: 'object',
    properties: { argument_spec: { type: 'object' }, provided_arguments: { type: 'object' } },
    required: ['argument_spec'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  async run(ctx) {
    const schema = ctx.args.argument_spec as Record<string, unknown>;
    const provided = (ctx.args.provided_arguments as Record<string, unknown> | undefined) ?? valuesInScope(schema, ctx.evaluate);
    const errors = argumentProblems(schema, provided);
    if (errors.length === 0) return { changed: false, msg: 'The arg spec validation passed', validate_args_context: {} };
    return { changed: false, failed: true, msg: `Validation of arguments failed:\n${errors.join('\n')}`, argument_errors: errors };
  },
};

/** The values of the spec's variables as the task sees them; those not defined are left out. */
function valuesInScope(schema: Record<string, unknown>, evaluate: (expression: string) => unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {})) {
    if (!VARIABLE_NAME.test(name) || evaluate(`${name} is defined`) !== true) continue;
    try {
      values[name] = evaluate(name);
    } catch (error) {
      if (!(error instanceof UndefinedVariableError)) throw error;
    }
  }
  return values;
}
