/**
 * `module_defaults:` on a play, role entry, block or task: arguments a module
 * gets when the task does not give them, from the innermost level that names it. Keys name modules cxplay has, short or
 * as ansible.builtin./ansible.legacy.; an action group (`group/...`) is
 * refused: ansible-core's own modules belong to none, and cxplay has no other.
 */
import { CxError, type SourcePosition } from '../errors.js';
import { findModule, moduleNames } from '../modules/registry.js';
import type { Vars } from './model.js';
import { keyPositionOf } from './positions.js';
import type { SourceCache } from './source-cache.js';
import { didYouMean } from './suggest.js';

/** Defaults by canonical module name. */
export type ModuleDefaults = Readonly<Record<string, Vars>>;

export function moduleDefaultsOf(node: Record<string, unknown>, fallback: SourcePosition): ModuleDefaults | undefined {
  const value = node.module_defaults;
  if (value == null) return undefined;
  const keyAt = keyPositionOf(node, 'module_defaults', fallback)!;
  const out: Record<string, Vars> = {};
  for (const entry of [value].flat()) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new CxError('module_defaults takes a mapping of module names to their arguments', { at: keyAt });
    for (const [name, args] of Object.entries(entry as Record<string, unknown>)) {
      const at = keyPositionOf(entry, name, keyAt);
      const module = findModule(name);
      if (name.startsWith('group/')) {
        throw new CxError(`module_defaults group '${name.slice('group/'.length)}' is not available: cxplay's modules belong to no action group`, { at, hint: 'give the defaults per module, e.g. ansible.builtin.file: {mode: "0644"}' });
      }
      if (!module) throw new CxError(`module_defaults: unknown module '${name}'${didYouMean(name, moduleNames())}`, { at });
      if (args != null && (typeof args !== 'object' || Array.isArray(args))) throw new CxError(`module_defaults for '${name}' must be a mapping of its arguments`, { at });
      out[module.name] = { ...(out[module.name] ?? {}), ...((args ?? {}) as Vars) };
    }
  }
  return out;
}

/**
 * Remember which modules get defaults somewhere in this run: their required
 * arguments may come from a play, role or block the loader does not see
 * around a task (a role's files are loaded once for every play), so for these
 * modules a missing required argument is found when the task runs.
 */
export function noteModuleDefaults(node: Record<string, unknown>, sources: SourceCache): void {
  const value = node.module_defaults;
  if (value == null) return;
  for (const entry of [value].flat()) {
    if (!entry || typeof entry !== 'object') continue;
    for (const name of Object.keys(entry)) {
      const module = findModule(name);
      if (module) sources.defaultedModules.add(module.name);
    }
  }
}

/**
 * The task's arguments over its module's defaults (levels outermost first):
 * the innermost level naming the module gives all of them, as Ansible
 * replaces a module's entry rather than merging it (measured).
 */
export function withModuleDefaults(args: Vars, module: string, levels: readonly ModuleDefaults[]): Vars {
  const defaults = [...levels].reverse().find((level) => level[module] !== undefined)?.[module];
  return defaults ? { ...defaults, ...args } : args;
}
