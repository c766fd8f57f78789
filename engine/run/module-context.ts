/**
 * Builds what a module sees for one host and task: rendered arguments, the
 * connection, check/diff flags, and exec with the task's become, environment
 * and timeout applied.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BecomeFailedError, type BecomeSpec, type Connection, type ExecOptions, type ExecResult } from '../connection/connection.js';
import { sudoPasswordFailure } from '../connection/become.js';
import { LocalConnection } from '../connection/local.js';
import { quote } from '../connection/quote.js';
import { CxError } from '../errors.js';
import { sourceCandidates, templateSearchPath, type SourceKind } from '../load/source-paths.js';
import { loadVarsFile } from '../load/vars-file.js';
import type { ModuleContext, ModuleResult } from '../modules/module.js';
import { AsyncJobStarted, endJob, isUnfinished, lookAtJob, startJob, waitForJob, type AsyncJobHandle } from './async-jobs.js';
import { evaluateCondition, evaluateExpression } from '../template/render.js';
import type { Scope } from '../template/scope.js';
import type { Frame } from './frame.js';
import type { RunContext } from './run-context.js';
import { readSourceFile } from '../vault/source-file.js';

export interface ModuleContextInput {
  readonly run: RunContext;
  readonly host: string;
  /** The task's name as the views show it (its execs are counted under it). */
  readonly taskName: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly unsafeArgs: ReadonlySet<string>;
  /** Opens (or reuses) the connection; called at the first exec, so a task that fails before it contacts nobody. */
  readonly connect: () => Promise<Connection>;
  /** Closes the host's connection and opens a new one (connect timeout in ms when given). */
  readonly reconnect: (connectTimeoutMs?: number) => Promise<Connection>;
  readonly check: boolean;
  readonly diff: boolean;
  readonly become: BecomeSpec | undefined;
  readonly noLog?: boolean | undefined;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutMs: number | undefined;
  readonly frame: Frame;
  readonly scope: Scope;
  /** Directory of the file the task was written in. */
  readonly taskDir: string;
  readonly onWarning: (message: string) => void;
  /** `async:`: the task's first exec runs as a background job with this id. */
  readonly async?: AsyncJobHandle | undefined;
  /** The output a finished job gave: the first exec answers with it instead of running (async_status). */
  readonly replay?: ExecResult | undefined;
}

export function buildModuleContext(input: ModuleContextInput): ModuleContext {
  const { run, frame } = input;
  const prelude = environmentPrelude(input.environment);
  let connection: Promise<Connection> | undefined;
  let firstExec = true;
  const open = () => (connection ??= input.connect());
  const execOptions = { become: input.become, timeoutMs: input.timeoutMs, signal: run.options.signal };
  return {
    host: input.host,
    args: input.args,
    unsafeArgs: input.unsafeArgs,
    check: input.check,
    diff: input.diff,
    become: input.become,
    noLog: input.noLog,
    environment: input.environment,
    signal: run.options.signal,
    verbosity: run.options.verbosity,
    exec: async (script) => {
      const first = firstExec;
      firstExec = false;
      if (first && input.replay) return input.replay;
      const conn = await open();
      run.profiler.addExec(input.taskName);
      if (first && input.async) return runAsJob(conn, prelude + script, input.async, execOptions);
      const result = await run.profiler.time('exec', () => conn.exec(prelude + script, execOptions));
      const becomeFailure = result.rc === 0 ? undefined : sudoPasswordFailure(input.become, result.stderr);
      if (becomeFailure) throw new BecomeFailedError(becomeFailure);
      return result;
    },
    reconnect: async (connectTimeoutSeconds) => {
      connection = undefined;
      const fresh = input.reconnect(connectTimeoutSeconds === undefined ? undefined : connectTimeoutSeconds * 1000);
      connection = fresh;
      await fresh;
    },
    connectionType: async () => ((await open()) instanceof LocalConnection ? 'local' : 'ssh'),
    asyncStatus: async (jid, mode) => asyncStatus(run, await open(), jid, mode, execOptions),
    resolveSource: (src, kind) => resolveSource(src, kind, frame, input.taskDir),
    varsDirectory: (dir) => varsDirectory(dir, frame, input.taskDir),
    loadVars: (path) => loadVarsFile(path, run.options.playbook.sources),
    readSource: (path) => readSourceFile(path, run.options.playbook.sources.vault),
    renderTemplateFile: async (path, task) => {
      const searchPath = templateSearchPath({ roleDir: frame.role?.role.dir, playDir: frame.play.baseDir, templateFile: path });
      const { template, facts } = await run.templates.get(path, searchPath, task.settings);
      const { withTemplateVars } = await import('../template/template-vars.js');
      const scope = withTemplateVars(input.scope, facts, task.src, task.dest);
      return run.profiler.time('render', async () => template.render(scope));
    },
    evaluate: (expression) => evaluateExpression(expression, input.scope),
    condition: (condition) => evaluateCondition(condition, input.scope),
    warn: input.onWarning,
    taskName: input.taskName,
    display: (message) => run.emit({ kind: 'display', message: run.secrets.maskText(message), time: Date.now() }),
    displayWarning: (message) => run.emit({ kind: 'warning', message: run.secrets.maskText(message), time: Date.now() }),
    askOperator: run.options.askOperator,
  };
}

/** The first exec of an `async:` task: started as a job, then waited for (`poll: N`) or left running (`poll: 0`). */
async function runAsJob(connection: Connection, script: string, job: AsyncJobHandle, options: ExecOptions): Promise<ExecResult> {
  job.resultsFile = await startJob(connection, script, job.jid, options);
  if (job.settings.poll === 0) throw new AsyncJobStarted(job.jid, job.resultsFile);
  return waitForJob(connection, job.jid, job.resultsFile, job.settings, options);
}

/** async_status: a job's state, or once it has finished the module's result from its output (Ansible's result keys). */
async function asyncStatus(run: RunContext, connection: Connection, jid: string, mode: 'status' | 'cleanup', options: ExecOptions): Promise<ModuleResult> {
  const noOutput = { stderr: '', stderr_lines: [], stdout: '', stdout_lines: [] };
  if (mode === 'cleanup') {
    const resultsFile = run.asyncJobs.get(jid)?.resultsFile;
    await endJob(connection, jid, false, options);
    run.asyncJobs.delete(jid);
    return { ansible_job_id: jid, changed: false, erased: resultsFile ?? jid, finished: 0, started: 0, ...noOutput };
  }
  const status = await lookAtJob(connection, jid, false, options);
  const job = run.asyncJobs.get(jid);
  if (isUnfinished(status)) {
    if (status.state === 'running') return { ansible_job_id: jid, changed: false, finished: 0, results_file: status.resultsFile, started: 1, ...noOutput };
  } else if (job) {
    return { ...(await job.finish(status)), ansible_job_id: jid, finished: 1, results_file: job.resultsFile, started: 1 };
  }
  // A job this run did not start (or whose files are gone): its output cannot be read back into a module's result.
  const resultsFile = isUnfinished(status) ? status.resultsFile : (job?.resultsFile ?? jid);
  return { ansible_job_id: jid, changed: false, failed: true, finished: 1, msg: 'could not find job', results_file: resultsFile, started: 1, ...noOutput };
}

function environmentPrelude(environment: Readonly<Record<string, string>>): string {
  const lines = Object.entries(environment).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new CxError(`environment variable name '${name}' is not valid`, { hint: 'use letters, digits and _' });
    }
    return `export ${name}=${quote(value)}\n`;
  });
  return lines.join('');
}

/** Ansible's search order for `src`: the role's files|templates, the task's dir, the playbook's. */
/** Ansible's root for include_vars' `dir`: the role's vars/ (a path starting vars/ is the role's own), else the task file's directory. */
function varsDirectory(dir: string, frame: Frame, taskDir: string): string {
  if (isAbsolute(dir)) return dir;
  const roleDir = frame.role?.role.dir;
  if (!roleDir) return join(taskDir, dir);
  if (dir.split('/')[0] === 'vars' && existsSync(join(roleDir, dir))) return join(roleDir, dir);
  return join(roleDir, 'vars', dir);
}

function resolveSource(src: string, kind: SourceKind, frame: Frame, taskDir: string): string {
  if (isAbsolute(src)) {
    if (existsSync(src)) return src;
    throw new CxError(`could not find '${src}'`, { hint: 'check the path of src' });
  }
  const candidates = sourceCandidates(src, kind, { roleDir: frame.role?.role.dir, taskDir, playDir: frame.play.baseDir });
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new CxError(`could not find '${src}'`, { hint: `looked in: ${[...new Set(candidates)].join(', ')}` });
}
