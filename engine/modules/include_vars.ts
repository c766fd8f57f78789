/**
 * include_vars: variables from YAML/JSON files on the controller, read for
 * each host (the path may be templated), as Ansible's include_vars action:
 * one `file` (searched in the role's vars/, beside the task, beside the
 * playbook) or a `dir` walked in sorted order (`depth`, `files_matching`,
 * `ignore_files`, `extensions`, `ignore_unknown_extensions`), all under one
 * `name` if given. The variables rank just under set_fact (the runner keeps
 * them per host). Failures carry Ansible's `message` key.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CxError } from '../errors.js';
import { mergeHash } from '../template/filters/dicts.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

const DEFAULT_EXTENSIONS = ['yaml', 'yml', 'json'];
const DIR_ARGUMENTS = ['dir', 'depth', 'files_matching', 'ignore_files', 'extensions', 'ignore_unknown_extensions'];
const FILE_ARGUMENTS = ['file', '_raw_params'];

export const includeVarsModule: ModuleDef = {
  name: 'include_vars',
  freeForm: true,
  argsSchema: {
    type: 'object',
    properties: {
      _raw_params: { type: 'string' },
      file: { type: 'string' },
      dir: { type: 'string' },
      name: { type: 'string' },
      depth: { type: 'integer', minimum: 0 },
      files_matching: { type: 'string' },
      ignore_files: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] },
      extensions: { type: 'array', items: { type: 'string' } },
      ignore_unknown_extensions: { type: 'boolean' },
      hash_behaviour: { enum: ['replace', 'merge'] },
    },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'controller',
  includesVars: true,
  async run(ctx) {
    const given = Object.keys(ctx.args);
    if (given.some((key) => DIR_ARGUMENTS.includes(key)) && given.some((key) => FILE_ARGUMENTS.includes(key))) {
      return failure('You are mixing file only and dir only arguments, these are incompatible', []);
    }
    const loaded = typeof ctx.args.dir === 'string' ? fromDirectory(ctx, ctx.args.dir) : fromFile(ctx);
    if ('message' in loaded) return failure(loaded.message, loaded.files);
    let vars = ctx.args.hash_behaviour === 'merge' ? mergedWithCurrent(ctx, loaded.vars) : loaded.vars;
    if (typeof ctx.args.name === 'string') vars = { [ctx.args.name]: vars };
    return { changed: false, ansible_facts: vars, ansible_included_var_files: loaded.files };
  },
};

type Loaded = { readonly vars: Record<string, unknown>; readonly files: string[] } | { readonly message: string; readonly files: string[] };

function failure(message: string, files: readonly string[]): ModuleResult {
  return { changed: false, failed: true, message, ansible_facts: {}, ansible_included_var_files: [...files] };
}

function fromFile(ctx: ModuleContext): Loaded {
  const source = String(ctx.args.file ?? ctx.args._raw_params ?? '').replace(/\n+$/, '');
  if (source === '') return { message: 'include_vars needs a file (file: or the free form) or a dir', files: [] };
  let path: string;
  try {
    path = ctx.resolveSource(source, 'vars');
  } catch (error) {
    if (error instanceof CxError) return { message: notFoundMessage(source, error.hint), files: [] };
    throw error;
  }
  return loadAll(ctx, [path], false);
}

/** Ansible's words for a file not found, with the places cxplay looked. */
export function notFoundMessage(source: string, hint: string | undefined): string {
  // An absolute path is looked for in one place: Ansible lists none.
  const places = hint?.startsWith('looked in: ') ? hint.slice('looked in: '.length).split(', ').filter(Boolean) : [];
  const searched = places.length > 0 ? `\nSearched in:\n\t${places.join('\n\t')}` : '';
  return `Could not find or access '${source}'${searched} on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option`;
}

function fromDirectory(ctx: ModuleContext, dir: string): Loaded {
  const root = ctx.varsDirectory(dir);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    return { message: `${root} directory does not exist`, files: [] };
  }
  if (!isDirectory) return { message: `${root} is not a directory`, files: [] };
  return loadAll(ctx, filesInDirectory(ctx, root), true);
}

/**
 * The files of a `dir`, as Ansible walks it: every directory under it sorted
 * by path, only the first `depth` of them (0: all), each one's files sorted
 * by name, filtered by `files_matching`, `ignore_files` and (with
 * `ignore_unknown_extensions`) the extensions. (Ansible 2.14 means to skip a
 * role's vars/main.yml but its test never matches, so it is read; so here.)
 */
function filesInDirectory(ctx: ModuleContext, root: string): string[] {
  const depth = Number(ctx.args.depth ?? 0);
  const directories = walk(root).sort();
  const kept = depth === 0 ? directories : directories.slice(0, depth);
  const matching = typeof ctx.args.files_matching === 'string' ? pythonSearch(ctx.args.files_matching) : undefined;
  const ignored = ignorePatterns(ctx.args.ignore_files);
  const extensions = extensionsOf(ctx);
  return kept.flatMap((directory) =>
    readdirSync(directory, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .filter((name) => !(matching && !matching.test(name)))
      .filter((name) => !ignored.some((pattern) => pattern.test(name)))
      .filter((name) => !(ctx.args.ignore_unknown_extensions === true && !extensions.includes(extname(name).slice(1))))
      .map((name) => join(directory, name)),
  );
}

function walk(directory: string): string[] {
  const below = readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return [directory, ...below.flatMap((entry) => walk(join(directory, entry.name)))];
}

/** Loads each file in turn (later ones win); with `checkExtensions`, a file whose extension is not allowed fails, as in Ansible. */
function loadAll(ctx: ModuleContext, paths: readonly string[], checkExtensions: boolean): Loaded {
  const extensions = extensionsOf(ctx);
  const vars: Record<string, unknown> = {};
  const files: string[] = [];
  for (const path of paths) {
    if (checkExtensions && !extensions.includes(extname(path).slice(1))) {
      return { message: `${path} does not have a valid extension: ${extensions.join(', ')}`, files };
    }
    try {
      Object.assign(vars, ctx.loadVars(path));
    } catch (error) {
      if (error instanceof CxError && /must hold a mapping/.test(error.message)) return { message: `${path} must be stored as a dictionary/hash`, files };
      throw error;
    }
    files.push(path);
  }
  return { vars, files };
}

function extensionsOf(ctx: ModuleContext): string[] {
  return Array.isArray(ctx.args.extensions) ? ctx.args.extensions.map(String) : DEFAULT_EXTENSIONS;
}

/** `ignore_files`: a list of regular expressions (or one string of them, space separated), each matched at the name's end. */
function ignorePatterns(value: unknown): RegExp[] {
  const patterns = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
  return patterns.map((pattern) => {
    try {
      return new RegExp(`(?:${pattern})$`);
    } catch {
      throw new CxError(`Invalid regular expression: ${pattern}`);
    }
  });
}

/** Python's re.search: anywhere in the name. */
function pythonSearch(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    throw new CxError(`Invalid regular expression: ${pattern}`);
  }
}

/** hash_behaviour: merge: each mapping merged into the variable's current value, recursively (Ansible's combine_vars with merge). */
function mergedWithCurrent(ctx: ModuleContext, vars: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(vars)) {
    let current: unknown;
    try {
      current = ctx.evaluate(key);
    } catch {
      current = undefined;
    }
    out[key] = isMapping(current) && isMapping(value) ? mergeHash(current, value, true, 'replace') : value;
  }
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
