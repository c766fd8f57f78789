/**
 * Where a lookup finds a relative file, in Ansible's order (its
 * path_dwim_relative_stack over ansible_search_path): the role's
 * `<subdir>/` and the role itself, then the playbook's directory's
 * `<subdir>/` and the directory itself. Absolute and `~` paths are taken as they are.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { sourceCandidates } from '../../load/source-paths.js';
import type { Scope } from '../scope.js';

/** The playbook's directory (Ansible's loader basedir): pipe and lines run there. */
export function baseDir(scope: Scope): string {
  return scope.has('playbook_dir') ? String(scope.get('playbook_dir')) : process.cwd();
}

/** The directories searched, highest first (role path, then the playbook's directory). */
export function searchDirs(scope: Scope): string[] {
  const roleDir = roleDirOf(scope);
  return [...(roleDir ? [roleDir] : []), baseDir(scope)];
}

function roleDirOf(scope: Scope): string | undefined {
  return scope.has('role_path') ? String(scope.get('role_path')) : undefined;
}

export function findFile(scope: Scope, subdir: 'files' | 'templates' | 'vars', needle: string): string | undefined {
  if (needle.startsWith('~')) needle = join(homedir(), needle.slice(1));
  if (isAbsolute(needle)) return existsSync(needle) ? needle : undefined;
  return candidates(scope, subdir, needle).find((path) => existsSync(path));
}

function candidates(scope: Scope, subdir: 'files' | 'templates' | 'vars', needle: string): string[] {
  const playDir = baseDir(scope);
  // Ansible does not add the subdirectory again when the path already starts with it.
  const all = sourceCandidates(needle, subdir, { roleDir: roleDirOf(scope), taskDir: playDir, playDir });
  return needle.split('/')[0] === subdir ? all.filter((path) => !path.includes(`/${subdir}/${needle}`)) : all;
}
