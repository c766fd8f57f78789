/**
 * Which module a task's key names: cxplay's native module (the fast path,
 * and the only one on a host without Python), else, or when the operator
 * forces it (`[cxplay] python_modules`), Ansible's Python module of that name
 * found on the controller. Resolved once per name and role per run.
 */
import { CxError } from '../../errors.js';
import type { SourceCache } from '../../load/source-cache.js';
import type { ModuleDef } from '../module.js';
import { findModule } from '../registry.js';
import { locateModule } from './locate.js';
import { pythonModule } from './python-module.js';
import { forcedOntoPython } from './settings.js';

/** A task's module on the Python path: its definition and the file it runs. */
export interface PythonModuleRef {
  readonly module: ModuleDef;
  readonly file: string;
}

export interface ResolvedModule {
  readonly module: ModuleDef;
  /** Set when the task takes the Python path. */
  readonly python?: PythonModuleRef | undefined;
}

export interface ResolveContext {
  readonly roleDir?: string | undefined;
  readonly playDir: string;
  readonly sources: SourceCache;
}

export function resolveModule(name: string, context: ResolveContext): ResolvedModule | undefined {
  const search = context.sources.pythonSettings;
  const forced = forcedOntoPython(search, name);
  const native = findModule(name);
  if (native && !forced) return { module: native };
  const key = `${name}\0${context.roleDir ?? ''}`;
  let python = context.sources.pythonModules.get(key);
  if (python === undefined) {
    const located = locateModule(name, { roleDir: context.roleDir, playDir: context.playDir, search });
    python = located ? { module: pythonModule(located, search), file: located.file } : null;
    context.sources.pythonModules.set(key, python);
  }
  if (python) return { module: python.module, python };
  if (forced) {
    throw new CxError(`module '${name}' is set to run through Ansible's Python module (python_modules), but no Python module of that name was found`, {
      hint: "install ansible-core on the controller, or take the name out of [cxplay] python_modules / CXPLAY_PYTHON_MODULES",
    });
  }
  return undefined;
}
