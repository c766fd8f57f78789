/**
 * Finds the file of a module cxplay has no native version of, in Ansible's
 * order: for a bare or `ansible.legacy.` name, the role's `library/`, the
 * playbook's `library/`, ansible.cfg's `library` (ANSIBLE_LIBRARY), then
 * ansible-core's own modules; `ansible.builtin.X` is ansible-core's only;
 * `NS.COLLECTION.X` is looked for under `ansible_collections/` in the
 * playbook's `collections/`, collections_paths and the controller Python's
 * path. Says how the module takes its arguments, and refuses, with the reason,
 * the modules this path cannot run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CxError } from '../../errors.js';
import { ansibleCore, type AnsibleCore } from './ansible-core.js';
import type { PythonModuleSettings } from './settings.js';

/** new: AnsiballZ (arguments through ansible.module_utils.basic); want_json: a script given a file of JSON arguments. */
export type ModuleStyle = 'new' | 'want_json';

export interface LocatedModule {
  /** The name as the task wrote it. */
  readonly name: string;
  readonly file: string;
  readonly style: ModuleStyle;
  /** Python name the module runs under (`ansible.modules.getent`, `ansible_collections.ns.coll.plugins.modules.x`). */
  readonly fqn: string;
  /** Directories holding `ansible.module_utils` code, first found wins: the role's, the playbook's, module_utils, ansible-core's. */
  readonly moduleUtilsDirs: readonly string[];
  /** Directories holding `ansible_collections/`. */
  readonly collectionRoots: readonly string[];
  /** ansible-core's version, told to the module. */
  readonly ansibleVersion: string;
}

export interface LocateContext {
  readonly roleDir?: string | undefined;
  readonly playDir: string;
  readonly search: PythonModuleSettings;
}

/** Ansible's own test for a module that imports its helpers (module_common's NEW_STYLE_PYTHON_MODULE_RE). */
const NEW_STYLE = /(?:from +\.{2,} *module_utils.* +import |from +ansible_collections\.[^.]+\.[^.]+\.plugins\.module_utils.* +import |import +ansible_collections\.[^.]+\.[^.]+\.plugins\.module_utils.*|from +ansible\.module_utils.* +import |import +ansible\.module_utils\.)/;
const FILE_NAMES = (name: string) => [`${name}.py`, name, `${name}.sh`];
/** A module name: dotted words (no path separators, so a task key never names a file outside the search path). */
const MODULE_NAME = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;

/** The module `name` names, or undefined when no place holds it; a CxError when it is there but cannot run this way. */
export function locateModule(name: string, context: LocateContext): LocatedModule | undefined {
  if (!MODULE_NAME.test(name)) return undefined;
  const core = ansibleCore();
  const parts = name.split('.');
  const collectionRoots = [join(context.playDir, 'collections'), ...context.search.collections, ...(core?.collectionRoots ?? [])];
  if (parts.length >= 3 && !(parts[0] === 'ansible' && (parts[1] === 'builtin' || parts[1] === 'legacy'))) {
    return locateInCollection(name, parts, collectionRoots, context, core);
  }
  const short = parts.at(-1)!;
  const coreModules = core ? [join(core.dir, 'modules')] : [];
  const dirs = parts[1] === 'builtin' ? coreModules : [...(context.roleDir ? [join(context.roleDir, 'library')] : []), join(context.playDir, 'library'), ...context.search.library, ...coreModules];
  const file = firstFile(dirs.flatMap((dir) => FILE_NAMES(short).map((candidate) => join(dir, candidate))));
  if (file === undefined) return undefined;
  if (core) refuseActionPlugin(name, join(core.dir, 'plugins', 'action', `${short}.py`));
  // Ansible runs library/ modules under ansible-core's package name too.
  const fqn = `ansible.modules.${short}`;
  return { name, file, style: styleOf(name, file), fqn, moduleUtilsDirs: moduleUtilsDirs(context, core), collectionRoots, ansibleVersion: core?.version ?? 'unknown' };
}

/** ansible-core's module names (for "did you mean"); none when ansible-core is not installed. */
export function coreModuleNames(): string[] {
  const core = ansibleCore();
  if (!core) return [];
  return readdirSync(join(core.dir, 'modules'))
    .filter((name) => name.endsWith('.py') && name !== '__init__.py')
    .map((name) => name.slice(0, -'.py'.length));
}

function locateInCollection(name: string, parts: readonly string[], roots: readonly string[], context: LocateContext, core: AnsibleCore | null): LocatedModule | undefined {
  const [namespace, collection, ...rest] = parts;
  const collectionDirs = roots.map((root) => join(root, 'ansible_collections', namespace!, collection!));
  for (const dir of collectionDirs) {
    const file = firstFile(FILE_NAMES(rest.join('/')).map((candidate) => join(dir, 'plugins', 'modules', candidate)));
    if (file === undefined) continue;
    refuseActionPlugin(name, join(dir, 'plugins', 'action', `${rest.join('/')}.py`));
    const fqn = ['ansible_collections', namespace, collection, 'plugins', 'modules', ...rest].join('.');
    return { name, file, style: styleOf(name, file), fqn, moduleUtilsDirs: moduleUtilsDirs(context, core), collectionRoots: roots, ansibleVersion: core?.version ?? 'unknown' };
  }
  return undefined;
}

function moduleUtilsDirs(context: LocateContext, core: AnsibleCore | null): string[] {
  const own = [...(context.roleDir ? [join(context.roleDir, 'module_utils')] : []), join(context.playDir, 'module_utils'), ...context.search.moduleUtils];
  return [...own, ...(core ? [join(core.dir, 'module_utils')] : [])].filter(isDirectory);
}

function refuseActionPlugin(name: string, plugin: string): void {
  if (!existsSync(plugin)) return;
  throw new CxError(`module '${name}' needs Ansible's action plugin (${plugin}), which cxplay does not have`, {
    hint: 'only plain modules run through Ansible\'s Python modules; use a module cxplay has natively, or ansible-playbook for this task',
  });
}

function styleOf(name: string, file: string): ModuleStyle {
  const data = readFileSync(file);
  const head = data.subarray(0, 1024);
  if (head.some((byte) => byte < 0x20 && ![7, 8, 9, 10, 12, 13, 27].includes(byte)) || head.includes(0x7f)) {
    throw new CxError(`module '${name}' (${file}) is a binary module; cxplay runs Python modules and WANT_JSON scripts only`);
  }
  const text = data.toString('utf8');
  if (text.includes('#<<INCLUDE_ANSIBLE_MODULE_COMMON>>') || text.includes('<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>') || /#Requires -Module|# POWERSHELL_COMMON/.test(text)) {
    throw new CxError(`module '${name}' (${file}) uses a module format cxplay does not run (Ansible's old replacer, JSONARGS or PowerShell)`, { hint: 'cxplay runs modules that import ansible.module_utils, and WANT_JSON scripts' });
  }
  if (NEW_STYLE.test(text)) return 'new';
  if (text.includes('WANT_JSON')) return 'want_json';
  throw new CxError(`module '${name}' (${file}) is an old-style module (key=value arguments file); cxplay does not run those`, {
    hint: 'make it import ansible.module_utils.basic (AnsibleModule), or mark it WANT_JSON to get its arguments as a JSON file',
  });
}

function firstFile(paths: readonly string[]): string | undefined {
  return paths.find((path) => existsSync(path) && statSync(path).isFile());
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
