/**
 * `async:`/`poll:` tasks, as Ansible runs them: the task's one script runs on
 * the host as a background job (engine/modules/sh/async.sh), which outlives
 * the exec that started it. With `poll: N` the controller looks at the job
 * until it finishes (or `async` seconds pass: then it is ended and the task
 * fails) and the module reads the job's output as if it had run in the
 * foreground. With `poll: 0` the task returns at once; `async_status` reads
 * the job later, and the module's result is worked out from the output then.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExecAbortedError, type Connection, type ExecOptions, type ExecResult } from '../connection/connection.js';
import { quote } from '../connection/quote.js';
import { shellParts } from '../modules/lib/shell-code.js';
import type { ModuleResult } from '../modules/module.js';
import ASYNC_SH from '../modules/sh/async.sh';

const PARTS = shellParts(ASYNC_SH);
/** The first look at a job comes this soon; then each waits twice as long, up to `poll` seconds. */
const FIRST_LOOK_MS = 50;

export interface AsyncSettings {
  /** The longest the job may run (`async:`), in seconds. */
  readonly seconds: number;
  /** Seconds between looks at the job (`poll:`); 0: do not wait for it. */
  readonly poll: number;
}

/** One task's job: its settings and id, and its results file once it has started. */
export interface AsyncJobHandle {
  readonly settings: AsyncSettings;
  readonly jid: string;
  resultsFile: string;
}

/** A job started by a `poll: 0` task in this run, for async_status to finish. */
export interface AsyncJob {
  readonly host: string;
  readonly resultsFile: string;
  /** The module's result from the job's output. */
  readonly finish: (output: ExecResult) => Promise<ModuleResult>;
}

/** Thrown by the exec of a `poll: 0` task once its job has started: the task's result is the job's handle. */
export class AsyncJobStarted extends Error {
  constructor(
    readonly jid: string,
    readonly resultsFile: string,
  ) {
    super(`async job ${jid} started`);
    this.name = 'AsyncJobStarted';
  }
}

/** The job ran longer than `async:` allows; it has been ended. */
export class AsyncJobTimedOut extends Error {
  constructor(
    readonly jid: string,
    readonly resultsFile: string,
    seconds: number,
  ) {
    super(`async task did not complete within the requested time - ${seconds}s`);
    this.name = 'AsyncJobTimedOut';
  }
}

/** Ansible's job id shape: `j` and a random number, a dot, the controller's pid. */
export function newJobId(): string {
  return `j${randomInt(0, 2 ** 40)}.${process.pid}`;
}

/** Start `script` as job `jid` (with the exec's become); the results file's path. */
export async function startJob(connection: Connection, script: string, jid: string, options: ExecOptions): Promise<string> {
  const delimiter = `CX_ASYNC_${randomBytes(12).toString('hex')}`;
  const start = await connection.exec(`${PARTS.start}cx_async_start ${quote(jid)} <<'${delimiter}'\n${script}\n${delimiter}\n`, options);
  if (start.rc !== 0) throw new Error(`could not start the async job on the host: ${start.stderr.trim() || `exit status ${start.rc}`}`);
  return start.stdout.trim();
}

/** A job not finished: still running, or unknown to the host; and where its results file is (or would be). */
export interface UnfinishedJob {
  readonly state: 'running' | 'missing';
  readonly resultsFile: string;
}

/** One look at a job: its output once it has finished (its files removed with `cleanup`), else its state. */
export async function lookAtJob(connection: Connection, jid: string, cleanup: boolean, options: ExecOptions): Promise<ExecResult | UnfinishedJob> {
  const status = await connection.exec(`${PARTS.status}cx_async_status ${quote(jid)} ${cleanup ? 1 : 0}\n`, options);
  const unfinished = /^@@cx-async (running|missing) (\S+) (.*)\n$/.exec(status.stdout);
  if (unfinished && unfinished[2] === jid) return { state: unfinished[1] as UnfinishedJob['state'], resultsFile: unfinished[3]! };
  return status;
}

export function isUnfinished(status: ExecResult | UnfinishedJob): status is UnfinishedJob {
  return 'state' in status;
}

/** Remove a job's files; with `kill`, end it first if it still runs. */
export async function endJob(connection: Connection, jid: string, kill: boolean, options: ExecOptions): Promise<void> {
  await connection.exec(`${PARTS.end}cx_async_end ${quote(jid)} ${kill ? 1 : 0}\n`, options);
}

/**
 * `poll: N`: look at the job until it finishes, and give its output. The
 * first look comes soon and the gaps grow to N seconds: Ansible looks every
 * N seconds, so the result is the same, only sooner.
 */
export async function waitForJob(connection: Connection, jid: string, resultsFile: string, settings: AsyncSettings, options: ExecOptions): Promise<ExecResult> {
  const deadline = Date.now() + settings.seconds * 1000;
  for (let gap = FIRST_LOOK_MS; ; gap = Math.min(gap * 2, settings.poll * 1000)) {
    await sleep(Math.max(0, Math.min(gap, deadline - Date.now())));
    if (options.signal?.aborted) throw new ExecAbortedError('interrupted: the async job was left running on the host');
    const status = await lookAtJob(connection, jid, true, options);
    if (!isUnfinished(status)) return status;
    if (status.state === 'missing') throw new Error(`the async job ${jid} is gone from the host`);
    if (Date.now() >= deadline) {
      await endJob(connection, jid, true, options);
      throw new AsyncJobTimedOut(jid, resultsFile, settings.seconds);
    }
  }
}
