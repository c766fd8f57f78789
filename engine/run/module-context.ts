/**
 * Builds what a module sees for one host and task: rendered arguments, the
 * connection, check/diff flags, and exec with the task's become, environment
 * and timeout applied.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { BecomeFailedError, type BecomeSpec, type Connection } from '../connection/connection.js';
import { sudoPasswordFailure } from '../connection/become.js';
import { quote } from '../connection/quote.js';
import { CxError } from '../errors.js';
import { sourceCandidates } from '../load/source-paths.js';
import type { ModuleContext } from '../modules/module.js';
import { evaluateCondition, evaluateExpression } from '../template/render.js';
import type { Scope } from '../template/scope.js';
import type { Frame } from './frame.js';
import type { RunContext } from './run-context.js';

export interface ModuleContextInput {
  readonly run: RunContext;
  readonly host: string;
  /** The task's name as the views show it (its execs are counted under it). */
  readonly taskName: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly unsafeArgs: ReadonlySet<string>;
  /** Opens (or reuses) the connection; called at the first exec, so a task that fails before it contacts nobody. */
  readonly connect: () => Promise<Connection>;
  readonly check: boolean;
  readonly diff: boolean;
  readonly become: BecomeSpec | undefined;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutMs: number | undefined;
  readonly frame: Frame;
  readonly scope: Scope;
  /** Directory of the file the task was written in. */
  readonly taskDir: string;
  readonly onWarning: (message: string) => void;
}

export function buildModuleContext(input: ModuleContextInput): ModuleContext {
  const { run, frame } = input;
  const prelude = environmentPrelude(input.environment);
  let connection: Promise<Connection> | undefined;
  return {
    host: input.host,
    args: input.args,
    unsafeArgs: input.unsafeArgs,
    check: input.check,
    diff: input.diff,
    become: input.become,
    environment: input.environment,
    signal: run.options.signal,
    verbosity: run.options.verbosity,
    exec: async (script) => {
      const conn = await (connection ??= input.connect());
      run.profiler.addExec(input.taskName);
      const result = await run.profiler.time('exec', () => conn.exec(prelude + script, { become: input.become, timeoutMs: input.timeoutMs, signal: run.options.signal }));
      const becomeFailure = result.rc === 0 ? undefined : sudoPasswordFailure(input.become, result.stderr);
      if (becomeFailure) throw new BecomeFailedError(becomeFailure);
      return result;
    },
    resolveSource: (src, kind) => resolveSource(src, kind, frame, input.taskDir),
    renderTemplateFile: async (path) => {
      const template = await run.templates.get(path);
      return run.profiler.time('render', async () => template.render(input.scope));
    },
    evaluate: (expression) => evaluateExpression(expression, input.scope),
    condition: (condition) => evaluateCondition(condition, input.scope),
    warn: input.onWarning,
  };
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
function resolveSource(src: string, kind: 'files' | 'templates', frame: Frame, taskDir: string): string {
  if (isAbsolute(src)) {
    if (existsSync(src)) return src;
    throw new CxError(`could not find '${src}'`, { hint: 'check the path of src' });
  }
  const candidates = sourceCandidates(src, kind, { roleDir: frame.role?.role.dir, taskDir, playDir: frame.play.baseDir });
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new CxError(`could not find '${src}'`, { hint: `looked in: ${[...new Set(candidates)].join(', ')}` });
}
