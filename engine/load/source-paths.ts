/** Where `src` of copy/template (and include_vars' file) is looked for, in Ansible's order: the role's files|templates|vars, the task's dir, the playbook's. */
import { join } from 'node:path';

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
