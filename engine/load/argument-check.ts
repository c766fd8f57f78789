/** A role's variables checked against its argument spec (a JSON Schema): the problems, one line each. */
import { Ajv, type ValidateFunction } from 'ajv';

/** Made on first use: most runs check no role's arguments, and the first Ajv costs some 4 ms. */
let ajv: Ajv | undefined;
/** By the schema's text: a task's arguments arrive as a fresh copy on every host. */
const validators = new Map<string, ValidateFunction>();

export function argumentProblems(schema: Readonly<Record<string, unknown>>, values: Readonly<Record<string, unknown>>): string[] {
  const validate = validatorFor(schema);
  if (validate(values)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath.slice(1) || error.params.missingProperty || 'value'} ${error.message}`);
}

function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}
