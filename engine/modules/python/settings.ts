/**
 * The settings of the Python path: where a module cxplay has no native
 * version of is looked for, as Ansible looks (ansible.cfg's `library`,
 * `module_utils`, `collections_paths` and their ANSIBLE_* variables), the
 * remote_tmp modules are told, and which modules are sent through Ansible's
 * Python module even though cxplay has its own (`[cxplay] python_modules`,
 * CXPLAY_PYTHON_MODULES).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { settingValue, type AnsibleConfig } from '../../config/config.js';

export interface PythonModuleSettings {
  /** ansible.cfg `library` / ANSIBLE_LIBRARY. */
  readonly library: readonly string[];
  /** ansible.cfg `module_utils` / ANSIBLE_MODULE_UTILS. */
  readonly moduleUtils: readonly string[];
  /** ansible.cfg `collections_paths` / ANSIBLE_COLLECTIONS_PATHS: each holds `ansible_collections/NS/NAME/`. */
  readonly collections: readonly string[];
  /** Module names (short or fully qualified) forced onto the Python path. */
  readonly forcePython: readonly string[];
  /** ansible.cfg `remote_tmp` / ANSIBLE_REMOTE_TMP: where a module on the host keeps temporary files (the task's ansible_remote_tmp wins). */
  readonly remoteTmp: string;
}

/** Ansible's defaults: what a run without ansible.cfg searches. */
export const DEFAULT_PYTHON_SETTINGS: PythonModuleSettings = {
  library: ['~/.ansible/plugins/modules', '/usr/share/ansible/plugins/modules'].map(expandHome),
  moduleUtils: ['~/.ansible/plugins/module_utils', '/usr/share/ansible/plugins/module_utils'].map(expandHome),
  collections: ['~/.ansible/collections', '/usr/share/ansible/collections'].map(expandHome),
  forcePython: [],
  remoteTmp: '~/.ansible/tmp',
};

export function pythonSettingsFrom(config: AnsibleConfig): PythonModuleSettings {
  const paths = (name: string) => ((settingValue(config, name) ?? []) as readonly string[]).map(expandHome);
  return {
    library: paths('DEFAULT_MODULE_PATH'),
    moduleUtils: paths('DEFAULT_MODULE_UTILS_PATH'),
    collections: paths('COLLECTIONS_PATHS'),
    forcePython: (settingValue(config, 'CXPLAY_PYTHON_MODULES') ?? []) as readonly string[],
    remoteTmp: String(settingValue(config, 'DEFAULT_REMOTE_TMP') ?? DEFAULT_PYTHON_SETTINGS.remoteTmp),
  };
}

/** Whether the operator asked for `name` (as a task writes it) to take the Python path. */
export function forcedOntoPython(search: PythonModuleSettings, name: string): boolean {
  const short = name.replace(/^ansible\.(builtin|legacy)\./, '');
  return search.forcePython.some((forced) => forced === name || forced.replace(/^ansible\.(builtin|legacy)\./, '') === short);
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
