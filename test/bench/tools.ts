/**
 * The two tools under test, run as an operator would on the same playbook and
 * inventory: cxplay (plain output, --profile for its exec count) and
 * ansible-playbook (forks = hosts, pipelining on, its default ssh
 * ControlPersist), with every ssh it starts counted by a wrapper script.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecap, type RecapLine } from '../support/cli.js';
import { CLI_PATH, PLAYBOOK_DIR } from './bench-paths.js';
import { measuredRun, type MeasuredRun } from './measured-run.js';

export type Mode = 'check' | 'converge' | 'rerun';
export const MODES: readonly Mode[] = ['check', 'converge', 'rerun'];

export interface ToolRun extends MeasuredRun {
  readonly mode: Mode;
  readonly recap: Record<string, RecapLine>;
  readonly remoteExecs: number;
}

const PLAYBOOK = join(PLAYBOOK_DIR, 'converge.yaml');

/** `cacheDir`: the benchmark's own, empty at its start: the first run (--check) makes the engine's code cache, as an operator's first run does. */
export async function runCxplay(inventory: string, hosts: number, mode: Mode, cacheDir: string): Promise<ToolRun> {
  const args = [CLI_PATH, 'run', PLAYBOOK, '-i', inventory, '-o', 'plain', '--forks', String(hosts), '--profile', ...(mode === 'check' ? ['--check'] : [])];
  const run = await measuredRun(process.execPath, args, { cwd: PLAYBOOK_DIR, env: { NO_COLOR: '1', XDG_CACHE_HOME: cacheDir } });
  const execs = /(\d+) remote execs/.exec(run.stderr);
  return { ...run, mode, recap: parseRecap(run.stdout), remoteExecs: execs ? Number(execs[1]) : NaN };
}

export class AnsibleRunner {
  private readonly counterFile: string;
  private readonly sshWrapper: string;
  private readonly controlPathDir: string;

  /** `workDir` must be short: ssh control socket paths are limited to about 100 bytes. */
  constructor(private readonly workDir: string) {
    mkdirSync(workDir, { recursive: true });
    this.counterFile = join(workDir, 'ssh-count');
    this.sshWrapper = join(workDir, 'ssh');
    this.controlPathDir = join(workDir, 'cp');
    writeFileSync(this.sshWrapper, `#!/bin/sh\nprintf . >> '${this.counterFile}'\nexec ssh "$@"\n`, { mode: 0o755 });
  }

  async run(inventory: string, hosts: number, mode: Mode): Promise<ToolRun> {
    writeFileSync(this.counterFile, '');
    const args = ['-i', inventory, PLAYBOOK, ...(mode === 'check' ? ['--check'] : [])];
    const run = await measuredRun('ansible-playbook', args, {
      cwd: PLAYBOOK_DIR,
      memoryMarker: this.controlPathDir,
      env: {
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_FORCE_COLOR: '0',
        ANSIBLE_RETRY_FILES_ENABLED: '0',
        ANSIBLE_PIPELINING: '1',
        ANSIBLE_FORKS: String(hosts),
        ANSIBLE_SSH_EXECUTABLE: this.sshWrapper,
        ANSIBLE_SSH_CONTROL_PATH_DIR: this.controlPathDir,
        ANSIBLE_LOCAL_TEMP: join(this.workDir, 'local'),
        ANSIBLE_REMOTE_TMP: '/tmp/.ansible-remote',
        ANSIBLE_DEPRECATION_WARNINGS: '0',
      },
    });
    return { ...run, mode, recap: parseRecap(run.stdout), remoteExecs: readFileSync(this.counterFile, 'utf8').length };
  }
}
