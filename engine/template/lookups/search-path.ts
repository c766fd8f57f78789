/**
 * Where a lookup finds a relative file, in Ansible's order (its
 * path_dwim_relative_stack over ansible_search_path): for each directory of
 * the task's search path (its role, the directory of its file), that
 * directory's `<subdir>/` and the directory itself, then the same in the
 * playbook's directory. Absolute and `~` paths are taken as they are.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Scope } from '../scope.js';

/** The playbook's directory (Ansible's loader basedir): pipe and lines run there. */
export function baseDir(scope: Scope): string {
  return scope.has('playbook_dir') ? String(scope.get('playbook_dir')) : process.cwd();
}

/** The task's search path (the run sets ansible_search_path for module tasks), else its role and the playbook's directory. */
export function searchDirs(scope: Scope): string[] {
  const set = scope.has('ansible_search_path') ? scope.get('ansible_search_path') : undefined;
  if (Array.isArray(set)) return set.map(String);
  const roleDir = scope.has('role_path') ? String(scope.get('role_path')) : undefined;
  return [...(roleDir ? [roleDir] : []), baseDir(scope)];
}

export function findFile(scope: Scope, subdir: 'files' | 'templates' | 'vars', needle: string): string | undefined {
  if (needle.startsWith('~')) needle = join(homedir(), needle.slice(1));
  if (isAbsolute(needle)) return existsSync(needle) ? needle : undefined;
  return candidates(scope, subdir, needle).find((path) => existsSync(path));
}

function candidates(scope: Scope, subdir: 'files' | 'templates' | 'vars', needle: string): string[] {
  // Ansible does not add the subdirectory again when the path already starts with it.
  const withSubdir = needle.split('/')[0] !== subdir;
  return [...new Set([...searchDirs(scope), baseDir(scope)])].flatMap((dir) => [...(withSubdir ? [join(dir, subdir, needle)] : []), join(dir, needle)]);
}
