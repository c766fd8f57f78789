/**
 * A module's payload, as Ansible's AnsiballZ builds it: one zip holding the
 * module under its Python name and every `ansible.module_utils` /
 * collection `module_utils` file it imports, followed import by import, with
 * the package `__init__.py` files on the way. Built once per module file per
 * process (the controller's files do not change during a run).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CxError } from '../../errors.js';
import { importedNames } from './imports.js';
import type { LocatedModule } from './locate.js';
import { zipArchive } from './zip.js';

const cache = new Map<string, Buffer>();

/** ansible and ansible.module_utils are namespace packages in a payload, as in Ansible's: other copies on the host's path still import. */
function namespaceInit(version: string | undefined): Buffer {
  return Buffer.from(`from pkgutil import extend_path\n__path__ = extend_path(__path__, __name__)\n${version ? `__version__ = ${JSON.stringify(version)}\n` : ''}`);
}

export function modulePayload(module: LocatedModule): Buffer {
  const key = `${module.file}\0${statSync(module.file).mtimeMs}`;
  let payload = cache.get(key);
  if (!payload) {
    payload = zipArchive(payloadFiles(module));
    cache.set(key, payload);
  }
  return payload;
}

interface PythonFile {
  readonly name: string;
  readonly path: string;
  readonly isPackage: boolean;
}

function payloadFiles(module: LocatedModule): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    ['ansible/__init__.py', namespaceInit(module.ansibleVersion)],
    ['ansible/module_utils/__init__.py', namespaceInit(undefined)],
  ]);
  /** Empty package files put in on the way: a real __init__.py found later replaces them. */
  const placeholders = new Set<string>();
  const moduleSource = readFileSync(module.file);
  addWithPackages(files, placeholders, module.fqn, moduleSource, false);
  // basic is always sent: its import is what hands a module its arguments.
  const pending = ['ansible.module_utils.basic', ...importedNames(moduleSource.toString('utf8'), module.fqn, false)];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const found = findPythonFile(name, module);
    if (!found || (files.has(zipPath(found)) && !placeholders.has(zipPath(found)))) continue;
    const source = readFileSync(found.path);
    addWithPackages(files, placeholders, found.name, source, found.isPackage);
    pending.push(...importedNames(source.toString('utf8'), found.name, found.isPackage));
    // A package's parents run their __init__ first: bring in what those import too.
    for (const parent of parentPackages(found.name)) if (!seen.has(parent)) pending.push(parent);
  }
  if (!files.has('ansible/module_utils/basic.py')) {
    throw new CxError(`module '${module.name}': ansible.module_utils.basic was not found on the controller`, { hint: 'install ansible-core on the controller (it provides the module_utils Python modules import)' });
  }
  return files;
}

/** The file a dotted name lives in: the name itself, else the nearest parent that is a file (`from x import attr`). */
function findPythonFile(name: string, module: LocatedModule): PythonFile | undefined {
  const parts = name.split('.');
  const rootLength = parts[0] === 'ansible' ? 2 : 5; // ansible.module_utils / ansible_collections.NS.NAME.plugins.module_utils
  for (let length = parts.length; length > rootLength; length -= 1) {
    const candidate = parts.slice(0, length);
    const found = fileOf(candidate, module);
    if (found) return found;
  }
  return undefined;
}

function fileOf(parts: readonly string[], module: LocatedModule): PythonFile | undefined {
  const name = parts.join('.');
  const bases = parts[0] === 'ansible' ? module.moduleUtilsDirs.map((dir) => join(dir, ...parts.slice(2))) : module.collectionRoots.map((root) => join(root, ...parts));
  for (const base of bases) {
    if (isFile(`${base}.py`)) return { name, path: `${base}.py`, isPackage: false };
    if (isFile(join(base, '__init__.py'))) return { name, path: join(base, '__init__.py'), isPackage: true };
  }
  return undefined;
}

function addWithPackages(files: Map<string, Buffer>, placeholders: Set<string>, name: string, source: Buffer, isPackage: boolean): void {
  const path = zipPath({ name, isPackage });
  files.set(path, source);
  placeholders.delete(path);
  for (const parent of parentPackages(name)) {
    const init = zipPath({ name: parent, isPackage: true });
    if (files.has(init)) continue;
    files.set(init, Buffer.alloc(0));
    placeholders.add(init);
  }
}

/** a.b.c: a, a.b (the packages that must exist for it to import). */
function parentPackages(name: string): string[] {
  const parts = name.split('.');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('.'));
}

function zipPath(file: { readonly name: string; readonly isPackage: boolean }): string {
  const path = file.name.split('.').join('/');
  return file.isPackage ? `${path}/__init__.py` : `${path}.py`;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
