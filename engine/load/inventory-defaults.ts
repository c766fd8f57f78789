/**
 * Ansible's defaults for the inventory settings, in a module that imports
 * nothing: the settings table (engine/config/settings.ts) reads them while
 * the modules are first evaluated, and inventory.ts, in an import cycle with
 * it, would not have set them yet (config dump showed them `undefined`).
 */

/** Ansible's INVENTORY_ENABLED default (advanced_host_list and constructed are there to enable). */
export const DEFAULT_INVENTORY_PLUGINS: readonly string[] = ['host_list', 'script', 'auto', 'yaml', 'ini', 'toml'];
/** Ansible's INVENTORY_IGNORE_EXTS default: REJECT_EXTS and .orig, .ini, .cfg, .retry. */
export const DEFAULT_IGNORE_EXTENSIONS: readonly string[] = ['.pyc', '.pyo', '.swp', '.bak', '~', '.rpm', '.md', '.txt', '.rst', '.orig', '.ini', '.cfg', '.retry'];
/** Ansible's DEFAULT_HOST_LIST default: read when it is there, passed over without a warning when it is not. */
export const DEFAULT_INVENTORY_SOURCE = '/etc/ansible/hosts';
