/**
 * A ModuleContext for module tests: a LocalConnection (so execs are counted),
 * arguments validated as the runner does, the task's environment exported at
 * the top of each script, sources resolved under one directory and
 * templates rendered with the real Handlebars renderer.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { quote } from '../../engine/connection/quote.js';
import { LocalConnection } from '../../engine/connection/local.js';
import { CxError } from '../../engine/errors.js';
import { SourceCache } from '../../engine/load/source-cache.js';
import { loadVarsFile } from '../../engine/load/vars-file.js';
import type { ModuleContext, ModuleDef, ModuleResult } from '../../engine/modules/module.js';
import { validateArgs } from '../../engine/modules/validate-args.js';
import { JinjaFiles } from '../../engine/template/jinja/loader.js';
import { compileTemplateFile } from '../../engine/template/template-file.js';
import { evaluateCondition, evaluateExpression } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';

export interface RunOptions {
  readonly args: Record<string, unknown>;
  readonly check?: boolean;
  readonly diff?: boolean;
  readonly environment?: Record<string, string>;
  /** Variables for templates and expressions (debug var, assert that). */
  readonly vars?: Record<string, unknown>;
  /** Where relative `src` paths are looked up. */
  readonly sourceDir?: string;
  readonly verbosity?: number;
  readonly host?: string;
  readonly signal?: AbortSignal;
  readonly playbookDir?: string;
  /** Arguments whose value stands for data from a host. */
  readonly unsafeArgs?: readonly string[];
  /** The operator's answers at a terminal (pause); unset: stdin is no terminal. */
  readonly askOperator?: (echo: boolean) => Promise<string>;
  /** The task's name (pause shows it); the module's name when unset. */
  readonly taskName?: string;
}

export interface RunOutcome {
  readonly result: ModuleResult;
  /** Remote execs the module made. */
  readonly execs: number;
  readonly warnings: string[];
  /** What the module showed the operator (ctx.display), in order. */
  readonly displayed: string[];
}

export function buildContext(module: ModuleDef, options: RunOptions, conn: LocalConnection, warnings: string[], displayed: string[] = []): ModuleContext {
  const scope = scopeFromObject(options.vars ?? {});
  const prelude = Object.entries(options.environment ?? {})
    .map(([name, value]) => `export ${name}=${quote(value)}\n`)
    .join('');
  return {
    host: options.host ?? 'localhost',
    args: validateArgs(module, options.args),
    unsafeArgs: new Set(options.unsafeArgs ?? []),
    check: options.check ?? false,
    diff: options.diff ?? false,
    become: undefined,
    playbookDir: options.playbookDir,
    environment: options.environment ?? {},
    signal: options.signal ?? new AbortController().signal,
    verbosity: options.verbosity ?? 0,
    exec: (script) => conn.exec(prelude + script, { signal: options.signal }),
    resolveSource: (src) => {
      const path = isAbsolute(src) ? src : join(options.sourceDir ?? '/nonexistent', src);
      if (!existsSync(path)) throw new CxError(`could not find '${src}'`);
      return path;
    },
    readSource: (path) => readFileSync(path),
    varsDirectory: (dir) => (isAbsolute(dir) ? dir : join(options.sourceDir ?? '/nonexistent', dir)),
    loadVars: (path) => loadVarsFile(path, new SourceCache()),
    // A local connection has nothing to reopen.
    reconnect: async () => undefined,
    connectionType: async () => 'local',
    asyncStatus: () => Promise.reject(new Error('async jobs run only under the runner (test/run/async.test.ts)')),
    renderTemplateFile: async (path, task) => compileTemplateFile(readFileSync(path, 'utf8'), path, { searchPath: [dirname(path)], files: new JinjaFiles(), settings: task.settings }).render(scope),
    evaluate: (expression) => evaluateExpression(expression, scope),
    condition: (condition) => evaluateCondition(condition, scope),
    warn: (message) => warnings.push(message),
    taskName: options.taskName ?? module.name,
    display: (message) => displayed.push(message),
    displayWarning: (message) => displayed.push(`[WARNING]: ${message}`),
    askOperator: options.askOperator,
  };
}

/** Run a module once on a fresh LocalConnection and count its execs. */
export async function runModule(module: ModuleDef, options: RunOptions, conn: LocalConnection = new LocalConnection()): Promise<RunOutcome> {
  const before = conn.execCount;
  const warnings: string[] = [];
  const displayed: string[] = [];
  const result = await module.run(buildContext(module, options, conn, warnings, displayed));
  return { result, execs: conn.execCount - before, warnings, displayed };
}

/** A fresh directory under the system temp dir; `cleanup` removes it. */
export function tempDir(prefix = 'cxplay-mod-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Run a shell snippet locally to prepare or inspect state (not counted against a module). */
export async function sh(script: string): Promise<{ rc: number; stdout: string; stderr: string }> {
  return new LocalConnection().exec(script);
}
