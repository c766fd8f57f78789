/** Where `src` of copy/template (and include_vars' file) is looked for, in Ansible's order: the role's files|templates|vars, the task's dir, the playbook's. */
import { dirname, join } from 'node:path';

export type SourceKind = 'files' | 'templates' | 'vars';

export function sourceCandidates(src: string, kind: SourceKind, dirs: { readonly roleDir?: string | undefined; readonly taskDir: string; readonly playDir: string }): string[] {
  return [
    ...(dirs.roleDir ? [join(dirs.roleDir, kind, src), join(dirs.roleDir, src)] : []),
    join(dirs.taskDir, kind, src),
    join(dirs.taskDir, src),
    join(dirs.playDir, kind, src),
    join(dirs.playDir, src),
  ];
}

/**
 * Where a template file's `{% include %}`/`{% import %}` names are looked
 * for, as Ansible's template action sets Jinja's search path: the role's
 * directory, the playbook's and the template's own, each with its
 * templates/ subdirectory first.
 */
export function templateSearchPath(dirs: { readonly roleDir?: string | undefined; readonly playDir: string; readonly templateFile: string }): string[] {
  const bases = [...(dirs.roleDir ? [dirs.roleDir] : []), dirs.playDir, dirname(dirs.templateFile)];
  return [...new Set(bases.flatMap((base) => [join(base, 'templates'), base]))];
}
