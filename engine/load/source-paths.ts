/** Where `src` of copy/template is looked for, in Ansible's order: the role's files|templates, the task's dir, the playbook's. */
import { join } from 'node:path';

export function sourceCandidates(src: string, kind: 'files' | 'templates' | 'vars', dirs: { readonly roleDir?: string | undefined; readonly taskDir: string; readonly playDir: string }): string[] {
  return [
    ...(dirs.roleDir ? [join(dirs.roleDir, kind, src), join(dirs.roleDir, src)] : []),
    join(dirs.taskDir, kind, src),
    join(dirs.taskDir, src),
    join(dirs.playDir, kind, src),
    join(dirs.playDir, src),
  ];
}
