/** ansible-playbook side by side with cxplay: whether it is installed, and a run of it as the tests want it. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCommand, type CommandResult } from './cli.js';

export const hasAnsible: boolean = (() => {
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * `ansible-playbook ARGS` without colour or retry files, its local temp and
 * control sockets under `work`, as the comparisons run it; with pipelining
 * unless `pipelining: false`. Over SSH pipelining saves round trips; on a
 * local connection it costs more than it saves, because Python reads the
 * module from a pipe more slowly than from the temp file (20 command tasks:
 * 11.1 s piped, 8.9 s not).
 */
export function ansiblePlaybook(args: readonly string[], options: { cwd: string; work: string; pipelining?: boolean }): Promise<CommandResult> {
  return runCommand('ansible-playbook', args, {
    cwd: options.cwd,
    env: {
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_FORCE_COLOR: '0',
      ANSIBLE_RETRY_FILES_ENABLED: '0',
      ANSIBLE_PIPELINING: options.pipelining === false ? '0' : '1',
      ANSIBLE_FORKS: '10',
      ANSIBLE_LOCAL_TEMP: join(options.work, 'ansible-local'),
      ANSIBLE_REMOTE_TMP: '/tmp/.ansible-remote',
      ANSIBLE_DEPRECATION_WARNINGS: '0',
      ANSIBLE_SSH_CONTROL_PATH_DIR: join(options.work, 'cp'),
    },
  });
}
