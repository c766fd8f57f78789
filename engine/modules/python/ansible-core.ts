/**
 * The ansible-core installed on the controller: its modules and module_utils
 * are the last place a module name is looked for, and the version its
 * modules are told (`_ansible_version`). Found once per process by asking the
 * controller's Python where the `ansible` package is (Debian puts it under
 * /usr/lib/python3/dist-packages): the Python of ansible-playbook's #! line
 * on PATH, else /usr/bin/python3, else python3 on PATH; also the directories on that Python's path
 * that hold installed collections (`ansible_collections/`), which Ansible
 * searches after collections_paths.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface AnsibleCore {
  /** The `ansible` package directory (holds modules/, module_utils/, plugins/action/). */
  readonly dir: string;
  readonly version: string;
  /** sys.path entries holding an `ansible_collections` directory. */
  readonly collectionRoots: readonly string[];
}

let found: AnsibleCore | null | undefined;

/** ansible-core on the controller, or null when the controller's python3 cannot import it. */
export function ansibleCore(): AnsibleCore | null {
  if (found === undefined) found = locateAnsibleCore();
  return found;
}

const QUERY = 'import json, sys, ansible, os; print(json.dumps({"dir": os.path.dirname(ansible.__file__), "path": sys.path}))';

function locateAnsibleCore(): AnsibleCore | null {
  for (const python of [...ansiblePlaybookPython(), '/usr/bin/python3', 'python3']) {
    const found = askPython(python);
    if (found) return found;
  }
  return null;
}

/** The interpreter on ansible-playbook's #! line, when ansible-playbook is on PATH. */
function ansiblePlaybookPython(): string[] {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const script = join(dir, 'ansible-playbook');
    if (!dir || !existsSync(script)) continue;
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(readFileSync(script, 'utf8').slice(0, 200));
    if (!shebang) return [];
    // `#!/usr/bin/env python3` names the interpreter second.
    return [shebang[1]!.endsWith('/env') && shebang[2] ? shebang[2] : shebang[1]!];
  }
  return [];
}

function askPython(python: string): AnsibleCore | null {
  let answer: { dir: string; path: string[] };
  try {
    answer = JSON.parse(execFileSync(python, ['-c', QUERY], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 })) as typeof answer;
  } catch {
    return null;
  }
  const release = readFileSync(join(answer.dir, 'release.py'), 'utf8');
  const version = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(release)?.[1] ?? 'unknown';
  const collectionRoots = answer.path.filter((entry) => entry !== '' && existsSync(join(entry, 'ansible_collections')));
  return { dir: answer.dir, version, collectionRoots };
}
