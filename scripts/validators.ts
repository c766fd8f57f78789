/**
 * Generates, after `tsc`, the validators of our fixed schemas (every keyword
 * of every keyword table, every module's arguments) as ajv standalone code in
 * dist/generated/validators/, with the table that scripts/bundle.ts puts in
 * place of engine/schema/precompiled-validators.ts. Compiling them at run time
 * cost some 60 ms of every run of the benchmark's playbook.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keywordSchema } from '../engine/load/keyword-check.js';
import { findModule, moduleNames } from '../engine/modules/registry.js';
import { argumentSchemas } from '../engine/modules/validate-args.js';
import { BLOCK_KEYWORDS, PLAY_KEYWORDS, ROLE_ENTRY_KEYWORDS, TASK_KEYWORDS } from '../engine/schema/keywords.js';
import { AJV_OPTIONS, validatorKey, type ValidatorKind } from '../engine/schema/validators.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GENERATED_VALIDATORS = join(root, 'dist', 'generated', 'validators');

function keywordSchemas(): object[] {
  const tables = [TASK_KEYWORDS, BLOCK_KEYWORDS, PLAY_KEYWORDS, ROLE_ENTRY_KEYWORDS];
  return tables.flatMap((table) => Object.entries(table).map(([key, schema]) => keywordSchema(key, schema)));
}

function moduleArgumentSchemas(): object[] {
  const modules = new Set(moduleNames().map((name) => findModule(name)!));
  return [...modules].flatMap((module) => Object.values(argumentSchemas(module)));
}

/** One ES module exporting v0, v1, ... and, by key, the export each schema got. */
function generate(kind: ValidatorKind, schemas: readonly object[]): { code: string; exports: Map<string, string> } {
  const ajv = new Ajv({ ...AJV_OPTIONS[kind], code: { ...AJV_OPTIONS[kind].code, source: true, esm: true } });
  const exports = new Map<string, string>();
  for (const schema of schemas) {
    const key = validatorKey(kind, schema);
    if (exports.has(key)) continue;
    const name = `v${exports.size}`;
    ajv.addSchema(schema, name);
    exports.set(key, name);
  }
  const refs = Object.fromEntries([...exports.values()].map((name) => [name, name]));
  // A CommonJS module: its module.exports is the function, which also carries itself as `default`.
  return { code: withImports(standalone.default(ajv, refs)), exports };
}

/**
 * ajv's ESM output still require()s its runtime helpers (ucs2length, equal):
 * made imports, so the module loads anywhere. Each helper is a CommonJS
 * module with `exports.default`; Node hands its exports object over as the
 * default import, other loaders (vitest) its `default`: either way `__cjsN`
 * is the exports object that `require()` would have returned.
 */
function withImports(code: string): string {
  const specifiers = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]!))];
  const header = specifiers.flatMap((specifier, index) => [
    `import * as __ns${index} from ${JSON.stringify(specifier.endsWith('.js') ? specifier : `${specifier}.js`)};`,
    `const __cjs${index} = __ns${index}.default?.__esModule ? __ns${index}.default : __ns${index};`,
  ]);
  const body = specifiers.reduce((text, specifier, index) => text.replaceAll(`require(${JSON.stringify(specifier)})`, `__cjs${index}`), code);
  return [...header, body].join('\n');
}

function writeIndex(modules: ReadonlyMap<ValidatorKind, ReadonlyMap<string, string>>): void {
  const imports = [...modules.keys()].map((kind) => `import * as ${kind}Validators from './${kind}.js';`);
  const entries = [...modules].flatMap(([kind, exports]) => [...exports].map(([key, name]) => `  [${JSON.stringify(key)}, ${kind}Validators.${name}],`));
  const code = [...imports, 'export const precompiledValidators = new Map([', ...entries, ']);', ''].join('\n');
  writeFileSync(join(GENERATED_VALIDATORS, 'index.js'), code);
}

rmSync(GENERATED_VALIDATORS, { recursive: true, force: true });
mkdirSync(GENERATED_VALIDATORS, { recursive: true });
const modules = new Map<ValidatorKind, ReadonlyMap<string, string>>();
for (const [kind, schemas] of [['keyword', keywordSchemas()], ['arguments', moduleArgumentSchemas()]] as const) {
  const { code, exports } = generate(kind, schemas);
  writeFileSync(join(GENERATED_VALIDATORS, `${kind}.js`), code);
  modules.set(kind, exports);
}
writeIndex(modules);
