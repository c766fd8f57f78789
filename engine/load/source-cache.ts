/**
 * What one run has read: each YAML file, INI inventory, task file and role is
 * parsed once however often it is used. One is made per run (by loadPlaybook,
 * kept on the Playbook) and passed down to every loader, so a new run in the
 * same process (tests, a long-lived caller) starts empty and sees edited files.
 * Callers must not modify what it holds. It also carries the vault passwords,
 * so every loader can decrypt what it reads.
 */
import type { PythonModuleRef } from '../modules/python/resolve.js';
import { DEFAULT_PYTHON_SETTINGS, type PythonModuleSettings } from '../modules/python/settings.js';
import { VaultKeyring } from '../vault/keyring.js';
import type { RoleInstance, TaskNode } from './model.js';

export class SourceCache {

  /** Parsed YAML by absolute path. */
  readonly yaml = new Map<string, unknown>();
  /** INI inventories as YAML-shaped data, by path. */
  readonly inventories = new Map<string, Record<string, unknown>>();
  /** include_tasks files, by path and the role they are read for. */
  readonly taskFiles = new Map<string, readonly TaskNode[]>();
  /** Roles, by directory, entry points and params. */
  readonly roles = new Map<string, RoleInstance>();
  /** Modules some module_defaults gives arguments to (load/module-defaults.ts). */
  readonly defaultedModules = new Set<string>();
  /** Modules on the Python path, by name and role directory (null: no such module). */
  readonly pythonModules = new Map<string, PythonModuleRef | null>();

  /**
   * @param vault the run's vault passwords, which decrypt what the loaders read (none: an encrypted value is an error)
   * @param rolesPath directories searched for roles after those beside the playbook (ansible.cfg's roles_path, ANSIBLE_ROLES_PATH)
   * @param pythonSettings where modules cxplay has no native version of are looked for (library, collections_paths, ...)
   */
  constructor(
    readonly vault = new VaultKeyring(),
    readonly rolesPath: readonly string[] = [],
    readonly pythonSettings: PythonModuleSettings = DEFAULT_PYTHON_SETTINGS,
  ) {}
}
