/**
 * A role's typed variables as a JSON Schema: meta/argument_specs.schema.json
 * as written, or Ansible's format (meta/argument_specs.yaml, or an
 * `argument_specs:` key in meta/main.yaml) converted. The runner checks the
 * values each host would see before any task runs. Types accept what Ansible
 * would convert (an int given as "8080" on the command line, yes/no for a
 * bool), so a value Ansible takes is not refused here.
 */
import { Ajv } from 'ajv';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CxError, type SourcePosition } from '../errors.js';
import { describeValue } from './keyword-check.js';
import type { RoleArgumentSpec } from './model.js';
import { keyPositionOf, positionOf } from './positions.js';
import { didYouMean } from './suggest.js';
import type { SourceCache } from './source-cache.js';
import { loadYamlFile } from './yaml.js';

type Schema = Record<string, unknown>;

/** Made on first use: few roles carry a JSON Schema, and the first Ajv costs some 4 ms. */
let schemaChecker: Ajv | undefined;

/** Ansible's boolean spellings (it lowercases before comparing). */
const BOOLEAN_WORDS = '^(?:yes|no|y|n|true|false|t|f|on|off|1|0|Yes|No|Y|N|True|False|T|F|On|Off|YES|NO|TRUE|FALSE|ON|OFF)$';

const TYPES: Readonly<Record<string, Schema>> = {
  str: { type: ['string', 'number', 'boolean'] },
  path: { type: 'string' },
  int: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\s*[-+]?\\d+\\s*$' }] },
  float: { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*$' }] },
  bool: { anyOf: [{ type: 'boolean' }, { enum: [0, 1] }, { type: 'string', pattern: BOOLEAN_WORDS }] },
  list: { type: ['array', 'string'] },
  dict: { type: 'object' },
  raw: {},
};
const OPTION_KEYS = ['type', 'required', 'default', 'choices', 'elements', 'description', 'options', 'no_log', 'aliases', 'version_added', 'apply_defaults'];
const ENTRY_KEYS = ['options', 'short_description', 'description', 'author', 'version_added'];

/** The spec of entry point `entry` (main, or the tasks_from name), if the role has one. */
export function roleArgumentSpec(dir: string, role: string, entry: string, meta: Record<string, unknown>, sources: SourceCache): RoleArgumentSpec | undefined {
  const jsonSchema = join(dir, 'meta', 'argument_specs.schema.json');
  if (existsSync(jsonSchema)) return jsonSchemaSpec(jsonSchema, role, sources);
  const file = ['argument_specs.yaml', 'argument_specs.yml'].map((name) => join(dir, 'meta', name)).find((path) => existsSync(path));
  const document = file ? loadYamlFile(file, sources) : meta;
  if (!document || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const specs = (document as Record<string, unknown>).argument_specs;
  if (specs === undefined || specs === null) return undefined;
  const at = keyPositionOf(document, 'argument_specs', { file: file ?? join(dir, 'meta', 'main.yaml'), line: 1 })!;
  const entries = mapping(specs, 'argument_specs', at);
  const spec = entries[entry];
  if (spec === undefined || spec === null) return undefined;
  const specAt = keyPositionOf(entries, entry, at)!;
  const body = mapping(spec, `argument_specs.${entry}`, specAt);
  for (const key of Object.keys(body)) {
    if (!ENTRY_KEYS.includes(key)) throw new CxError(`argument_specs.${entry} has no key '${key}'${didYouMean(key, ENTRY_KEYS)}`, { at: keyPositionOf(body, key, specAt) });
  }
  const summary = typeof body.short_description === 'string' ? ` - ${body.short_description}` : '';
  return { schema: objectSchema(body.options, `role '${role}'`, specAt), at: specAt, taskName: `Validating arguments against arg spec '${entry}'${summary}` };
}

function jsonSchemaSpec(file: string, role: string, sources: SourceCache): RoleArgumentSpec {
  const schema = loadYamlFile(file, sources);
  const at: SourcePosition = { file, line: 1 };
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new CxError(`the argument schema of role '${role}' must be a JSON object`, { at });
  try {
    schemaChecker ??= new Ajv({ strict: false });
    schemaChecker.compile(schema);
  } catch (error) {
    throw new CxError(`the argument schema of role '${role}' is not a valid JSON Schema: ${(error as Error).message}`, { at });
  }
  return { schema: schema as Schema, at };
}

/** `options:` (a mapping of variable names to option specs) as an object schema. */
function objectSchema(options: unknown, owner: string, at: SourcePosition): Schema {
  if (options === undefined || options === null) return { type: 'object' };
  const entries = mapping(options, `${owner}: options`, at);
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, option] of Object.entries(entries)) {
    const optionAt = keyPositionOf(entries, name, at)!;
    properties[name] = optionSchema(option, name, optionAt);
    if ((option as Schema).required === true) required.push(name);
  }
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

function optionSchema(value: unknown, name: string, at: SourcePosition): Schema {
  const option = mapping(value ?? {}, `option '${name}'`, at);
  for (const key of Object.keys(option)) {
    if (!OPTION_KEYS.includes(key)) throw new CxError(`option '${name}' has no key '${key}'${didYouMean(key, OPTION_KEYS)}`, { at: keyPositionOf(option, key, at), hint: `an option takes: ${OPTION_KEYS.join(', ')}` });
  }
  const type = typeSchema(option.type ?? 'str', name, keyPositionOf(option, 'type', at)!);
  const schema: Schema = { ...type };
  if (option.type === 'dict' && option.options != null) Object.assign(schema, objectSchema(option.options, `option '${name}'`, at));
  if (option.type === 'list' && option.elements != null) {
    const items = option.elements === 'dict' && option.options != null ? objectSchema(option.options, `option '${name}'`, at) : typeSchema(option.elements, name, keyPositionOf(option, 'elements', at)!);
    schema.anyOf = [{ type: 'array', items }, { type: 'string' }];
    delete schema.type;
  }
  if (option.choices != null) {
    if (!Array.isArray(option.choices)) throw new CxError(`option '${name}': choices must be a list, got ${describeValue(option.choices)}`, { at: keyPositionOf(option, 'choices', at) });
    schema.enum = option.choices;
  }
  if (typeof option.description === 'string') schema.description = option.description;
  else if (Array.isArray(option.description)) schema.description = option.description.join(' ');
  if (option.default !== undefined) schema.default = option.default;
  return schema;
}

/** JSON Schema's names for Ansible's types, for the suggestion. */
const OTHER_TYPE_NAMES: Readonly<Record<string, string>> = { string: 'str', integer: 'int', number: 'float', boolean: 'bool', array: 'list', object: 'dict', dictionary: 'dict' };

function typeSchema(type: unknown, name: string, at: SourcePosition): Schema {
  const schema = typeof type === 'string' ? TYPES[type] : undefined;
  if (schema) return structuredClone(schema);
  const word = typeof type === 'string' ? type : '';
  const suggestion = OTHER_TYPE_NAMES[word.toLowerCase()] ? ` — did you mean '${OTHER_TYPE_NAMES[word.toLowerCase()]}'?` : didYouMean(word, Object.keys(TYPES));
  throw new CxError(`option '${name}' has unknown type ${describeValue(type)}${suggestion}`, { at, hint: `types: ${Object.keys(TYPES).join(', ')}` });
}

function mapping(value: unknown, what: string, at: SourcePosition): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CxError(`${what} must be a mapping, got ${describeValue(value)}`, { at: positionOf(value, at) });
  return value as Record<string, unknown>;
}
