/**
 * Every module cxplay implements accepts every argument, and every alias,
 * that its documentation (`ansible-doc -j`, read once for all modules:
 * ansible.builtin's, and ansible.posix's from Debian's ansible package for
 * mount, sysctl and authorized_key) gives it, with the same
 * choices and a compatible type; the few documented choices cxplay
 * deliberately does not take are listed here with their reason, and must be
 * refused at load (never silently ignored). Action plugins (copy, template,
 * fetch, ...) document their own options in the module's documentation, so
 * the same read covers them. Skipped where ansible-doc is not installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import type { ModuleDef } from '../../engine/modules/module.js';
import { findModule, moduleNames } from '../../engine/modules/registry.js';
import { validateArgsStatic } from '../../engine/modules/validate-args.js';

interface DocOption {
  readonly type?: string;
  readonly aliases?: readonly string[];
  readonly choices?: readonly unknown[];
  readonly elements?: string;
  readonly default?: unknown;
}
type ModuleDocs = Record<string, { doc: { options?: Record<string, DocOption> } }>;

/** Documented "options" that name no argument: how cxplay takes what they describe instead. */
const DOCUMENTATION_ONLY: Readonly<Record<string, (module: ModuleDef) => void>> = {
  // The bare string of `command: ls -l`: the module is free-form.
  free_form: (module) => expect(module.freeForm).toBe(true),
  'free-form': (module) => expect(module.freeForm).toBe(true),
  // set_fact's `name: value` pairs: every argument outside the schema names a variable.
  key_value: (module) => expect(module.setsFacts).toBe(true),
  // lineinfile/replace: "all arguments accepted by the file module": mode, owner and group (the rest are documented one by one).
  others: (module) => expect(() => validateArgsStatic(module, { mode: '0644', owner: 'root', group: 'root' }, true)).not.toThrow(),
};

/**
 * Choices Ansible documents but takes otherwise (measured with ansible-playbook 2.14): cxplay takes what Ansible takes.
 * A string: the documented choices are not checked at load (the module judges the value at run).
 * A list: further spellings of the documented choices that Ansible takes too.
 */
const CHOICES_AS_ANSIBLE_TAKES: Readonly<Record<string, string | readonly string[]>> = {
  // Ansible's module has no choices for it: manager [foo] fails at run ("Unsupported package managers requested: foo"), RPM is taken.
  'package_facts.manager': 'checked at run, as Ansible does',
  // The real characters, as Ansible's template action takes them (a YAML "\n").
  'template.newline_sequence': ['\n', '\r', '\r\n'],
};

/** Where cxplay's schema states another type than the documentation, and why that is the same to a playbook. */
const TYPE_DIFFERENCES: Readonly<Record<string, string>> = {
  // Ansible takes a string and converts it to a number; cxplay converts '3' as Ansible does, and refuses 'abc' at load.
  'pause.minutes': 'number',
  'pause.seconds': 'number',
  // Documented without a type (so 'str'); Ansible's action refuses anything but a mapping.
  'validate_argument_spec.argument_spec': 'object',
  'validate_argument_spec.provided_arguments': 'object',
};

/** A value of each schema type, as a playbook writes it (a number as text: Ansible converts it). */
const SCHEMA_SAMPLE: Readonly<Record<string, unknown>> = { number: '1', object: {} };

const SCHEMA_TYPE: Readonly<Record<string, string>> = { bool: 'boolean', int: 'integer', float: 'number', list: 'array', dict: 'object', str: 'string', path: 'string' };

const haveAnsibleDoc = spawnSync('ansible-doc', ['--version'], { stdio: 'ignore' }).status === 0;

/** Every native module, with the name its documentation has: a module of another collection (ansible.posix's mount, sysctl, authorized_key) carries its FQCN as an alias. */
function documentedModules(): { module: ModuleDef; docName: string }[] {
  const modules = new Set(moduleNames().map((name) => findModule(name)!));
  return [...modules].map((module) => ({ module, docName: (module.aliases ?? []).find((alias) => alias.includes('.') && !alias.startsWith('ansible.builtin.')) ?? module.name }));
}

function readDocs(names: readonly string[]): ModuleDocs {
  const run = spawnSync('ansible-doc', ['-j', '-t', 'module', ...names], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`ansible-doc failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ModuleDocs;
}

function propertyOf(module: ModuleDef, name: string): Record<string, unknown> | undefined {
  const canonical = module.argumentAliases?.[name] ?? name;
  return (module.argsSchema.properties as Record<string, Record<string, unknown>>)[canonical];
}

/** A value of the documented type: the first choice (a list of it for a list), else the default, else one of the type. */
function sample(module: ModuleDef, name: string, option: DocOption): unknown {
  const different = TYPE_DIFFERENCES[`${module.name}.${name}`];
  if (different) return SCHEMA_SAMPLE[different];
  const literal = literalChoices(option)[0];
  if (literal !== undefined) return option.type === 'list' ? [literal] : literal;
  if (option.default !== undefined && option.default !== null) return option.default;
  const samples: Record<string, unknown> = { bool: true, int: 1, float: 1.5, dict: {} };
  if (option.type === 'list') return [samples[option.elements ?? 'str'] ?? 'x'];
  return samples[option.type ?? 'str'] ?? 'x';
}

/** The choices that are values (`*regex*` in lineinfile's insertafter means any pattern). */
function literalChoices(option: DocOption): unknown[] {
  return (option.choices ?? []).filter((choice) => !/^\*.*\*$/.test(String(choice)));
}

/** A YAML yes/no the schema takes for Ansible's 'yes'/'no' choices (apt's upgrade). */
function asChoice(value: unknown): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CxError) return error.message;
    throw error;
  }
  return '';
}

describe.skipIf(!haveAnsibleDoc)("every native module accepts every argument of Ansible 2.14's documentation (and ansible.posix's)", () => {
  const modules = documentedModules();
  const docs = haveAnsibleDoc ? readDocs(modules.map(({ docName }) => docName)) : {};

  it('finds documentation for every module it checks, the ansible.posix ones too', () => {
    expect(modules.length).toBeGreaterThan(40);
    expect(modules.map(({ docName }) => docName).filter((name) => !docs[name])).toEqual([]);
    expect(modules.map(({ docName }) => docName)).toEqual(expect.arrayContaining(['ansible.posix.authorized_key', 'ansible.posix.mount', 'ansible.posix.sysctl']));
  });

  for (const { module, docName } of modules) {
    describe(docName, () => {
      const options = Object.entries(docs[docName]?.doc.options ?? {});

      it('accepts each documented argument and alias', () => {
        const problems: string[] = [];
        for (const [option, spec] of options) {
          if (DOCUMENTATION_ONLY[option]) continue;
          for (const name of [option, ...(spec.aliases ?? [])]) {
            const message = refusal(() => validateArgsStatic(module, { [name]: sample(module, option, spec) }, true));
            if (message) problems.push(`${name}: ${message}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('takes exactly the documented choices, and a type the documentation states', () => {
        const problems: string[] = [];
        for (const [option, spec] of options) {
          const property = propertyOf(module, option);
          if (!property) continue;
          const literal = literalChoices(spec);
          const asAnsible = CHOICES_AS_ANSIBLE_TAKES[`${module.name}.${option}`];
          if (literal.length > 0 && literal.length === spec.choices!.length && typeof asAnsible !== 'string') {
            const values = (spec.type === 'list' ? (property.items as Record<string, unknown> | undefined)?.enum : property.enum) as unknown[] | undefined;
            const schema = [...new Set((values ?? []).map(asChoice))].sort();
            const documented = [...literal, ...(asAnsible ?? [])].map(asChoice).sort();
            if (schema.join('|') !== documented.join('|')) problems.push(`${option}: choices ${schema.join(', ') || '(any)'} instead of ${documented.join(', ')}`);
            const value = 'cx-no-such-choice';
            if (refusal(() => validateArgsStatic(module, { [option]: spec.type === 'list' ? [value] : value }, true)) === '') problems.push(`${option}: takes '${value}', not one of its choices`);
          }
          const wanted = spec.type && SCHEMA_TYPE[spec.type];
          const stated = property.type as string | string[] | undefined;
          const expected = TYPE_DIFFERENCES[`${module.name}.${option}`] ?? wanted;
          if (expected && stated && ![stated].flat().includes(expected)) problems.push(`${option}: type ${String(stated)} instead of ${spec.type}`);
        }
        expect(problems).toEqual([]);
      });

      it('takes what its documentation-only options describe', () => {
        for (const [option] of options) DOCUMENTATION_ONLY[option]?.(module);
      });
    });
  }
});
