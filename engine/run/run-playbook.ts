/**
 * A whole run: every play in order, then the recap, the retry file and the
 * exit code ansible-playbook would give. Connections are closed whatever
 * happens.
 */
import { withLookupWarnings } from '../template/lookups/warnings.js';
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { ExitCode } from '../errors.js';
import type { HostCounts } from '../events.js';
import { runPlay } from './play-runner.js';
import { noMatchMessage } from './start-at-task.js';
import { RunContext } from './run-context.js';
import type { RunOptions } from './run-options.js';

export interface RunOutcome {
  readonly exitCode: number;
  readonly hosts: Readonly<Record<string, HostCounts>>;
  readonly elapsedMs: number;
  readonly execs: number;
  readonly profile: ReturnType<RunContext['profiler']['report']>;
}

export async function runPlaybook(options: RunOptions): Promise<RunOutcome> {
  const run = new RunContext(options);
  run.emit({
    kind: 'playbook_start',
    playbook: options.playbook.file,
    check: options.check,
    diff: options.diff,
    plays: options.playbook.plays.length,
    time: Date.now(),
  });
  try {
    await withLookupWarnings(
      (message) => run.emit({ kind: 'warning', message, time: Date.now() }),
      async () => {
        for (const [index, play] of options.playbook.plays.entries()) {
          // any_errors_fatal, max_fail_percentage or a whole failed batch ended the run: Ansible starts no further play.
          if (run.interrupted || run.stopped) break;
          await runPlay(run, play, index);
        }
      },
    );
  } finally {
    await run.pool.closeAll();
  }
  if (run.startAt !== undefined) run.emit({ kind: 'warning', message: noMatchMessage(run.startAt), time: Date.now() });
  // As Ansible's stats: only hosts something was counted for (a host only delegated to is not one).
  const counted = [...run.hosts.values()].filter((host) => Object.values(host.counts).some((value) => value > 0));
  const hosts = Object.fromEntries(counted.map((host) => [host.name, host.counts]));
  const exitCode = exitCodeOf(run);
  if (options.retryFile) {
    try {
      writeRetryFile(options.retryFile, run);
    } catch (error) {
      run.emit({ kind: 'warning', message: `could not write the retry file ${options.retryFile}: ${(error as Error).message}`, time: Date.now() });
    }
  }
  const elapsedMs = Date.now() - run.startedAt;
  const unendedHosts = run.pool.hostsWithUnendedCommands();
  const customStats = run.secrets.mask(run.customStats.view());
  run.emit({ kind: 'recap', hosts, elapsedMs, interrupted: run.interrupted, unendedHosts, exitCode, customStats, time: Date.now() });
  return { exitCode, hosts, elapsedMs, execs: run.pool.totalExecs(), profile: run.profiler.report() };
}

function exitCodeOf(run: RunContext): number {
  if (run.interrupted) return ExitCode.interrupted;
  const states = [...run.hosts.values()];
  if (states.some((host) => host.unreachable)) return ExitCode.hostUnreachable;
  if (states.some((host) => host.failed)) return ExitCode.hostFailed;
  return ExitCode.ok;
}

/**
 * Failed and unreachable hosts, one per line, for `--limit @file`; only host
 * names, never data. Written to a new 0600 file renamed over the old one, so
 * an existing file's wider mode is not kept and no reader sees half a list.
 */
function writeRetryFile(path: string, run: RunContext): void {
  const names = [...run.hosts.values()].filter((host) => host.failed || host.unreachable).map((host) => host.name);
  if (names.length === 0) return;
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, `${names.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
