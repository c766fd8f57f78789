/**
 * Runs one module task on one host: `when`, loops, argument rendering,
 * delegation, check mode, retries/until, changed_when/failed_when, register,
 * notify, no_log and the recap counts. Emits the host's events.
 */
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BecomeFailedError, ExecAbortedError, ExecTimeoutError, SuShellRefusedError, UnreachableError, type Connection } from '../connection/connection.js';
import { CxError, withPosition } from '../errors.js';
import type { HostStatus, TaskRef } from '../events.js';
import { countResult } from '../recap-counts.js';
import type { ModuleTask } from '../load/model.js';
import { holdsFor, TaskError, type ModuleDef, type ModuleResult } from '../modules/module.js';
import { findModule } from '../modules/registry.js';
import { MAX_RETRIES } from '../schema/keywords.js';

/** Ansible's DEFAULT_POLL_INTERVAL: seconds between looks at an async job when the task gives no `poll:`. */
const DEFAULT_POLL_SECONDS = 15;
import { validateArgs } from '../modules/validate-args.js';
import { pythonString } from '../template/python.js';
import { evaluateCondition, renderDeep, renderString } from '../template/render.js';
import { holdsText, tracked } from '../template/unsafe.js';
import { layer, renderedLayer, type LayeredScope, type VarLayer } from '../vars/layered-scope.js';
import { stripOmitted } from '../vars/magic.js';
import { becomeFor } from './become.js';
import { connectionFor, reconnectionFor } from './connections.js';
import { withModuleDefaults } from '../load/module-defaults.js';
import { inventoryChangeOf } from './dynamic-inventory.js';
import { handlersNotifiedBy } from './handlers.js';
import { enterNode, type Frame } from './frame.js';
import type { HostState } from './host-state.js';
import { flag, numberKeyword, stringKeyword } from './keywords.js';
import { loopItems, loopLayers, loopVariables } from './loop-items.js';
import { AsyncJobStarted, AsyncJobTimedOut, newJobId, type AsyncJobHandle, type AsyncSettings } from './async-jobs.js';
import { buildModuleContext, type ModuleContextInput } from './module-context.js';
import type { PlayRuntime, TaskFrame } from './play-runtime.js';
import { aggregateLoop, statusOf, type Result } from './results.js';
import { censoredResult } from './secrets.js';
import { ExecBatch, type BatchMember } from './exec-batch.js';
import type { Fused } from './fusion.js';
import type { Checked } from './speculation.js';

export interface TaskOutcome {
  readonly status: HostStatus;
  readonly result: Result;
}

interface TaskRunState {
  readonly play: PlayRuntime;
  readonly task: ModuleTask;
  readonly ref: TaskRef;
  /** The frame the task is in, and the task's own. */
  readonly outer: Frame;
  readonly frame: Frame;
  readonly host: HostState;
  readonly module: ModuleDef;
  readonly noLog: boolean;
  readonly diff: boolean;
  /** The tasks after this one that may be checked in its exec (speculation.ts). */
  readonly ahead: readonly ModuleTask[];
}

export async function executeTask(
  play: PlayRuntime,
  task: ModuleTask,
  ref: TaskRef,
  outer: Frame,
  host: HostState,
  ahead: readonly ModuleTask[] = [],
): Promise<TaskOutcome> {
  const run = play.run;
  const started = performance.now();
  run.emit({ kind: 'host_task_start', host: host.name, task: ref, time: Date.now() });
  const { frame, searchPath } = taskFrame(play, outer, task);
  const module = task.python?.module ?? findModule(task.module);
  if (!module) throw new CxError(`unknown module '${task.module}'`, { at: task.at });
  const scope = play.scope(host, frame).withTop(searchPath);
  let noLog = false;
  let diff = run.options.diff;
  let result: Result;
  let delegatedTo: string | undefined;
  let sumsItems = false;
  try {
    noLog = flag(frame.noLog, scope);
    diff = diffMode(frame, scope, run.options.diff);
    // In a loop, delegate_to may name the item: each item's event says where it ran.
    if (task.loop === undefined) delegatedTo = stringKeyword(frame.delegateTo, scope);
    const state: TaskRunState = { play, task, ref, outer, frame, host, module, noLog, diff, ahead };
    if (task.loop === undefined) {
      result = await runSingle(state, scope);
    } else {
      result = await runLoop(state, scope);
      sumsItems = true;
    }
  } catch (error) {
    result = failureResult(error, task);
  }
  result = withStatsKept(play, task, frame, scope, host, result);
  const status: HostStatus = result.unreachable === true ? 'unreachable' : statusOf(result);
  const ignored = status === 'unreachable' ? ignoresUnreachable(frame, play, host) : status === 'failed' && ignoresErrors(frame, scope);
  finishTask(play, task, frame, host, result, status, ignored);
  const rescued = status === 'failed' && frame.rescuable && !ignored;
  host.counts = countResult(host.counts, { status, changed: result.changed === true, ignored, rescued });
  const durationMs = performance.now() - started;
  run.profiler.addTask(ref.name, durationMs);
  run.emit({
    kind: 'host_result',
    host: host.name,
    task: ref,
    status,
    ignored,
    rescued,
    delegatedTo,
    diff,
    sumsItems,
    result: publicResult(play, result, noLog),
    durationMs,
    time: Date.now(),
  });
  return { status, result };
}

/** Register, facts, notify, and the host leaving the play on failure. */
function finishTask(play: PlayRuntime, task: ModuleTask, frame: Frame, host: HostState, result: Result, status: HostStatus, ignored: boolean): void {
  if (task.register) host.setFact(task.register, registered(result), true);
  if (status === 'unreachable') {
    if (ignored) play.run.pool.forgetFailed(host.name);
    else host.unreachable = true;
    return;
  }
  if (status === 'failed' && !ignoresErrorsSafe(frame, play, host)) {
    host.failed = true;
    if (frame.rescuable) rememberFailureForRescue(task, host, result);
  }
  if (result.changed === true && status !== 'failed') {
    for (const name of task.notify) {
      for (const handler of handlersNotifiedBy(renderNotify(name, play, frame, host), play.handlers)) host.notified.add(handler);
    }
  }
}

/**
 * set_stats: an ok result's `ansible_stats` (each loop item's) kept for the
 * recap, as Ansible's strategy keeps them: per host (every host of the batch
 * still reachable for a run_once task) or for the run. A failure to add them
 * (None += None) fails the task.
 */
function withStatsKept(play: PlayRuntime, task: ModuleTask, frame: Frame, scope: LayeredScope, host: HostState, result: Result): Result {
  if (result.failed === true || result.skipped === true || result.unreachable === true) return result;
  const items = task.loop === undefined ? [result] : ((result.results ?? []) as Result[]);
  try {
    for (const item of items) {
      const stats = item.ansible_stats as { data: Record<string, unknown>; per_host: boolean; aggregate: boolean } | undefined;
      if (!stats || Object.keys(stats.data).length === 0) continue;
      const hosts = !stats.per_host ? [undefined] : flag(frame.runOnce, scope) ? play.batch.filter((name) => !play.run.host(name).unreachable) : [host.name];
      for (const name of hosts) play.run.customStats.keep(stats.data, name, stats.aggregate);
    }
  } catch (error) {
    return failureResult(error, task);
  }
  return result;
}

/** What `register` stores: the result without the arguments a Python module echoes (`invocation`), as Ansible does. */
function registered(result: Result): Result {
  if (!('invocation' in result)) return result;
  const { invocation: _invocation, ...rest } = result;
  return rest;
}

/** Ansible's non-persistent facts for a rescue section: what failed, and its result. */
function rememberFailureForRescue(task: ModuleTask, host: HostState, result: Result): void {
  host.setFact('ansible_failed_result', result, true);
  host.setFact('ansible_failed_task', { name: task.name ?? task.module, action: task.module }, false);
}

async function runSingle(state: TaskRunState, scope: LayeredScope): Promise<Result> {
  if (!evaluateAll(state.frame.when, scope)) {
    return { changed: false, skipped: true, skip_reason: 'Conditional result was False' };
  }
  return runWithRetries(state, scope);
}

async function runLoop(state: TaskRunState, scope: LayeredScope): Promise<Result> {
  const { task, play, host, ref } = state;
  const items = loopItems(task, scope);
  const results: Result[] = [];
  for (const [index, { value: item, unsafe }] of items.entries()) {
    if (play.run.interrupted) break;
    const vars = loopVariables(task.loopControl, items, index);
    const itemScope = scope.withTop(renderedLayer('loop', vars, unsafe));
    // Only the first run of the task checks the tasks after it.
    const itemResult: Result =
      evaluateAll(state.frame.when, itemScope)
        ? await runWithRetries(index === 0 ? state : { ...state, ahead: [] }, itemScope)
        : { changed: false, skipped: true, skip_reason: 'Conditional result was False' };
    Object.assign(itemResult, vars); // Ansible copies every loop variable into the item's result
    results.push(itemResult);
    const label = itemLabel(task, itemScope, item);
    play.run.emit({
      kind: 'host_result',
      host: host.name,
      task: ref,
      status: statusOf(itemResult),
      ignored: false,
      delegatedTo: delegatedToOf(state.frame, itemScope),
      diff: state.diff,
      item: { label: state.noLog ? '(censored due to no_log)' : play.run.secrets.maskText(label) },
      result: publicResult(play, itemResult, state.noLog),
      durationMs: 0,
      time: Date.now(),
    });
    if (task.loopControl?.pause) await sleep(task.loopControl.pause * 1000);
  }
  return aggregateLoop(results);
}

async function runWithRetries(state: TaskRunState, scope: LayeredScope): Promise<Result> {
  const { task } = state;
  const hasUntil = task.until !== undefined && task.until.length > 0;
  const retries = hasUntil ? numberKeyword(task.retries, scope) ?? 3 : 0;
  if (retries > MAX_RETRIES) return { changed: false, failed: true, msg: `retries is ${retries}; at most ${MAX_RETRIES} are allowed` };
  const delay = numberKeyword(task.delay, scope) ?? 5;
  // A task that retries waits for its host to change: the tasks after it are checked once its retries are over (by their own runs).
  const attempts = hasUntil ? { ...state, ahead: [] } : state;
  for (let attempt = 1; ; attempt += 1) {
    const result = withFailedKey(await runModule(attempts, scope));
    applyOverrides(state, scope, result);
    if (!hasUntil) return result;
    result.attempts = attempt;
    const done = evaluateAll(task.until!, resultScope(state, scope, result));
    if (done) return result;
    if (attempt > retries || state.play.run.interrupted) {
      result.failed = true;
      if (!result.msg) result.msg = `the condition (until) was still false after ${attempt} attempts`;
      return result;
    }
    await sleep(delay * 1000, undefined, { signal: state.play.run.options.signal }).catch(() => undefined);
  }
}

async function runModule(state: TaskRunState, scope: LayeredScope): Promise<Result> {
  const { play, frame, host, module } = state;
  const run = play.run;
  const prepared = prepareRun(state, scope);
  if ('result' in prepared) return prepared.connectFirst ? unreachableOr(prepared.result, prepared.connectFirst, state.task) : prepared.result;
  let result: ModuleResult;
  try {
    result = await moduleResult(state, prepared);
  } catch (error) {
    // Raised in the task: no module result whose warnings, facts or inventory changes to keep.
    if (!(error instanceof TaskError)) throw error;
    const failed = failureResult(error, state.task);
    return module.runsOn === 'target' ? unreachableOr(failed, prepared.input.connect, state.task) : failed;
  }
  if (result.failed === true && module.runsOn === 'target') result = await unreachableOr(result, prepared.input.connect, state.task);
  // Ansible keeps a module's warnings in its result (a module that lists them itself keeps its list).
  if (prepared.warnings.length > 0 && result.warnings === undefined) result.warnings = [...prepared.warnings];
  applyInventoryChange(run, host.name, result);
  // delegate_facts: the facts go to the delegated host (per item: `delegate_to: "{{ item }}"` gathers each host's facts).
  const factsHost = prepared.delegate !== undefined && flag(frame.delegateFacts, scope) ? run.host(prepared.delegate) : host;
  applyFacts(module, factsHost, result, prepared.input.unsafeArgs);
  if (state.noLog) run.secrets.addFromResult(result);
  return result as Result;
}

/** A module run made ready: what it is given, or the result Ansible gives without running it. */
interface PreparedRun {
  readonly module: ModuleDef;
  readonly input: ModuleContextInput;
  readonly delegate: string | undefined;
  readonly job: AsyncJobHandle | undefined;
  /** The warnings the module gave (Ansible keeps them in its result). */
  readonly warnings: readonly string[];
}

/**
 * `ahead`: a run made ahead of the task's turn, its warnings only kept (shown
 * if its result is used): a check (always in check mode) or a fused run.
 */
function prepareRun(state: TaskRunState, scope: LayeredScope, ahead: 'check' | 'fused' | false = false): PreparedRun | { result: Result; connectFirst?: () => Promise<Connection> } {
  const { play, task, frame, host, module } = state;
  const run = play.run;
  const check = ahead === 'check' || effectiveCheck(frame, scope, run.options.check);
  const diff = state.diff;
  const rendered = run.profiler.timeSync('render', () => renderArgs(withModuleDefaults(task.args, module.name, frame.moduleDefaults), module, scope));
  const warnings: string[] = [];
  // A no_log task's warnings are censored with its result, as Ansible does; others show known secrets masked.
  const onWarning = (message: string) => {
    warnings.push(message);
    if (!ahead && !state.noLog) run.emit({ kind: 'warning', host: host.name, message: run.secrets.maskText(message), time: Date.now() });
  };
  const delegate = stringKeyword(frame.delegateTo, scope);
  const keywords = { connection: stringKeyword(frame.connection, scope), remoteUser: stringKeyword(frame.remoteUser, scope) };
  const connect = module.runsOn === 'target' ? () => connectionFor(play, delegate ?? host.name, keywords) : async () => controllerConnection;
  let args: Record<string, unknown>;
  try {
    // The arguments' warnings are given by the run in the task's turn (a run ahead's warnings are its module's only).
    args = validateArgs(module, rendered.args, ahead ? undefined : onWarning);
  } catch (error) {
    if (!(error instanceof CxError) || module.runsOn !== 'target') throw error;
    return { result: failureResult(error, task), connectFirst: connect };
  }
  for (const name of module.secretArgs ?? []) if (typeof args[name] === 'string') run.secrets.add(args[name]);
  const asyncSettings = asyncSettingsOf(task, scope);
  // Ansible's order: async where it cannot run fails, then check mode where it cannot run skips, then check and async fail.
  if (asyncSettings && module.runsOn !== 'target') return { result: { changed: false, failed: true, msg: 'async is not supported for this task.' } };
  if (check && module.checkMode === 'none') {
    return { result: { changed: false, skipped: true, msg: module.checkModeSkipMessage ?? `remote module (${task.action ?? module.name}) does not support check mode` } };
  }
  if (asyncSettings && check) return { result: { changed: false, failed: true, msg: 'check mode and async cannot be used on same task.' } };
  const reconnect = (connectTimeoutMs?: number) => reconnectionFor(play, delegate ?? host.name, keywords, connectTimeoutMs);
  const timeoutSeconds = numberKeyword(frame.timeout, scope) ?? run.options.taskTimeoutSeconds;
  const job = asyncSettings ? { settings: asyncSettings, jid: newJobId(), resultsFile: '' } : undefined;
  const input: ModuleContextInput = {
    run,
    host: host.name,
    taskName: state.ref.name,
    args,
    connect,
    reconnect,
    check,
    diff,
    become: becomeFor(run, frame, scope),
    noLog: state.noLog,
    environment: environmentOf(frame, scope),
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    unsafeArgs: rendered.unsafe,
    frame,
    scope,
    taskDir: dirname(task.at.file),
    onWarning,
    async: job,
  };
  return { module, input, delegate, job, warnings };
}

/**
 * The module's result: a check made ahead when one may stand in for the run,
 * else the run itself (checking the tasks after it in the same exec when it
 * can). Whatever may have changed a host makes the checks made before stale.
 */
async function moduleResult(state: TaskRunState, prepared: PreparedRun): Promise<ModuleResult> {
  const { module, input, job } = prepared;
  const speculation = state.play.run.speculation;
  if (job) {
    speculation.disable(); // a background job may change the host at any moment
    return runAsync(module, input, job, state.host.name);
  }
  const key = runKey(state, prepared);
  const fused = key === undefined ? undefined : await state.play.run.fusion.take(state.host.name, state.task, key);
  if (fused) {
    // Applied already: a change moves the epoch as the run would have.
    if (!input.check && (fused.result.changed !== false || fused.result.failed === true)) speculation.invalidate();
    return usedAhead(prepared, fused);
  }
  const known = key === undefined ? undefined : await speculation.take(state.host.name, state.task, key, input.check);
  if (known) return usedAhead(prepared, { ...known, result: input.check || !module.checkedAsRun ? known.result : module.checkedAsRun(known.result) });
  let unchanged = false;
  let end = () => {};
  try {
    const fusing = key !== undefined && state.ahead.length > 0 && fuses(state, prepared);
    const checking = !fusing && key !== undefined && state.ahead.length > 0 && speculation.worthChecking(state.host.name, input.check);
    const run = fusing ? startFusing(state, prepared) : checking ? startCheckingAhead(state, prepared) : { result: module.run(buildModuleContext(input)), end };
    end = run.end;
    const result = await run.result;
    unchanged = input.check || module.runsOn === 'controller' || (key !== undefined && result.changed === false && result.failed !== true);
    if (module.runsOn === 'target') speculation.noteRun(state.host.name, unchanged);
    return result;
  } finally {
    if (!unchanged) speculation.invalidate();
    end(); // after invalidate: what the checks still want to send goes only if nothing changed
  }
}

/** A result made ahead of the task's turn (checked or fused), used for its run: its warnings are shown now. */
function usedAhead(prepared: PreparedRun, ahead: { result: ModuleResult; warnings: readonly string[] }): ModuleResult {
  for (const warning of ahead.warnings) prepared.input.onWarning(warning);
  return ahead.result;
}

/**
 * What a check made ahead is compared with: everything the module is given
 * that can differ between then and now (check mode aside); undefined for a
 * run that is never checked ahead.
 */
function runKey(state: TaskRunState, prepared: PreparedRun): string | undefined {
  const { module, input, delegate } = prepared;
  if (!holdsFor(module.speculative, input.args) || delegate !== undefined || input.timeoutMs !== undefined || state.frame.runOnce !== undefined) return undefined;
  const keywords = [state.frame.connection, state.frame.remoteUser];
  return JSON.stringify([input.args, input.diff, input.become ?? null, input.environment, [...input.unsafeArgs].sort(), keywords, state.noLog]);
}

/**
 * Starts the module with the tasks after it checked on the same host, in the
 * same remote exec (ExecBatch); `end` once its result is known and noted.
 */
function startCheckingAhead(state: TaskRunState, prepared: PreparedRun): { result: Promise<ModuleResult>; end: () => void } {
  const { play, host } = state;
  const speculation = play.run.speculation;
  const epoch = speculation.now;
  const batch = new ExecBatch(prepared.input.connect, () => speculation.now === epoch);
  const own = batch.join();
  for (const task of state.ahead) {
    const checks = runsAhead(state, task, prepared, 'check').runs.map(({ prepared: ahead, key }): Checked => {
      const member = batch.join();
      const result = ahead.module.run(buildModuleContext({ ...ahead.input, connect: member.connect })).then(
        (value) => value,
        () => undefined,
      );
      void result.finally(() => member.end());
      return { key, epoch, result, warnings: ahead.warnings, connected: () => batch.connected };
    });
    speculation.remember(host.name, task, checks);
  }
  return { result: prepared.module.run(buildModuleContext({ ...prepared.input, connect: own.connect })), end: own.end };
}

/** Under strategy free and host_pinned, a run that applies in one exec takes the tasks after it along (fusion.ts). */
function fuses(state: TaskRunState, prepared: PreparedRun): boolean {
  const run = state.play.run;
  return run.fusion.enabled && state.play.play.strategy !== 'linear' && holdsFor(prepared.module.appliesInOneExec, prepared.input.args);
}

/**
 * Starts the module with the tasks after it applied on the same host, in the
 * same remote exec and in order, the script stopping at the first failure
 * (ExecBatch applying); `end` once its result is known.
 */
function startFusing(state: TaskRunState, prepared: PreparedRun): { result: Promise<ModuleResult>; end: () => void } {
  const batch = new ExecBatch(prepared.input.connect, () => true, true);
  const own = batch.join();
  let ok = false;
  const result = prepared.module.run(buildModuleContext({ ...prepared.input, connect: own.connect }));
  void result.then((value) => (ok = value.failed !== true), () => undefined);
  for (const task of state.ahead) {
    const { runs, complete } = runsAhead(state, task, prepared, 'fused');
    const fused: Fused[] = [];
    let oneExec = true;
    for (const { prepared: ahead, key } of runs) {
      fused.push({ key, warnings: ahead.warnings, result: fusedOutcome(ahead, batch.join()) });
      // A run that may need a second exec ends the span: the runs after it would go before that exec.
      oneExec = holdsFor(ahead.module.appliesInOneExec, ahead.input.args);
      if (!oneExec) break;
    }
    state.play.run.fusion.remember(state.host.name, task, fused);
    if (!complete || !oneExec) break;
  }
  return { result, end: () => own.end(ok) };
}

/** A fused run's outcome: its result or error, or undefined when its exec was not sent (the task runs at its turn). */
async function fusedOutcome(prepared: PreparedRun, member: BatchMember): Promise<{ result: ModuleResult } | { error: unknown } | undefined> {
  try {
    const result = await prepared.module.run(buildModuleContext({ ...prepared.input, connect: member.connect }));
    member.end(result.failed !== true);
    return member.refused ? undefined : { result };
  } catch (error) {
    member.end(false);
    return member.refused ? undefined : { error };
  }
}

/**
 * A task after the current one, prepared on this host: one run per run it
 * will make (per loop item whose `when` holds), with its key, as far as they
 * can be made now (same become as the current run); `complete` when all were.
 */
function runsAhead(state: TaskRunState, task: ModuleTask, current: PreparedRun, mode: 'check' | 'fused'): { runs: { prepared: PreparedRun; key: string }[]; complete: boolean } {
  const runs: { prepared: PreparedRun; key: string }[] = [];
  try {
    const { play, host } = state;
    const module = findModule(task.module)!;
    const { frame, searchPath } = taskFrame(play, state.outer, task);
    const scope = play.scope(host, frame).withTop(searchPath);
    const aheadState: TaskRunState = { ...state, task, frame, module, noLog: flag(frame.noLog, scope), diff: diffMode(frame, scope, play.run.options.diff), ahead: [] };
    for (const runScope of runScopes(task, scope)) {
      if (!evaluateAll(frame.when, runScope)) continue;
      const prepared = prepareRun(aheadState, runScope, mode);
      if ('result' in prepared) return { runs, complete: false };
      const key = runKey(aheadState, prepared);
      if (key === undefined || !sameTransport(state, aheadState, prepared, current)) return { runs, complete: false };
      runs.push({ prepared, key });
    }
  } catch {
    // What cannot be prepared now (a variable an earlier task registers, say) runs when its turn comes.
    return { runs, complete: false };
  }
  return { runs, complete: true };
}

/** Whether a run ahead goes as the current one does (its exec is sent over the current run's connection, with its become). */
function sameTransport(current: TaskRunState, ahead: TaskRunState, prepared: PreparedRun, currentRun: PreparedRun): boolean {
  const transport = (state: TaskRunState, run: PreparedRun) => JSON.stringify([run.input.become ?? null, state.frame.connection ?? null, state.frame.remoteUser ?? null]);
  return transport(ahead, prepared) === transport(current, currentRun);
}

/** The scope of each run a task makes: one, or one per loop item. */
function runScopes(task: ModuleTask, scope: LayeredScope): LayeredScope[] {
  return task.loop === undefined ? [scope] : loopLayers(task, scope).map((layer) => scope.withTop(layer));
}

/**
 * Each argument rendered on its own, so that the ones built from host data
 * are known (set_fact keeps that with the fact; debug's `var` is not looked
 * up). The module's rawArgs stay as written.
 */
function renderArgs(raw: Readonly<Record<string, unknown>>, module: ModuleDef, scope: LayeredScope): { args: Record<string, unknown>; unsafe: Set<string> } {
  const args: Record<string, unknown> = {};
  const unsafe = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    if (module.rawArgs?.includes(key)) {
      args[key] = value;
      continue;
    }
    const rendered = tracked(() => renderDeep({ [key]: value }, scope) as Record<string, unknown>);
    Object.assign(args, rendered.value);
    if (rendered.unsafe) for (const name of Object.keys(rendered.value)) unsafe.add(name);
  }
  return { args: stripOmitted(args) as Record<string, unknown>, unsafe };
}

/** add_host, group_by: the run's inventory changes, and the result says whether it did. */
function applyInventoryChange(run: PlayRuntime['run'], host: string, result: ModuleResult): void {
  const apply = inventoryChangeOf(host, result);
  if (!apply) return;
  const change = apply(run.inventory);
  run.changeInventory(change, apply);
  result.changed = change.changed;
}

/** set_fact results and gathered facts become variables of the host. */
function applyFacts(module: ModuleDef, host: HostState, result: ModuleResult, unsafeArgs: ReadonlySet<string>): void {
  const facts = result.ansible_facts;
  if (!facts || typeof facts !== 'object' || result.failed) return;
  if (module.gathersFacts) host.facts = { ...(host.facts ?? {}), ...(facts as Record<string, unknown>) };
  else if (module.includesVars) Object.assign(host.includedVars, facts);
  else for (const [name, value] of Object.entries(facts)) host.setFact(name, value, unsafeArgs.has(name) && holdsText(value));
}

/** Ansible's task executor gives every module result `failed` (true when it has a non-zero rc and says nothing). */
function withFailedKey(result: Result): Result {
  if (!('failed' in result)) result.failed = 'rc' in result && result.rc !== 0 && result.rc !== '0';
  return result;
}

function applyOverrides(state: TaskRunState, scope: LayeredScope, result: Result): void {
  const { task } = state;
  if (task.changedWhen === undefined && task.failedWhen === undefined) return;
  const withResult = resultScope(state, scope, result);
  if (task.changedWhen !== undefined) result.changed = evaluateAll(task.changedWhen, withResult);
  if (task.failedWhen !== undefined) {
    const failed = evaluateAll(task.failedWhen, withResult);
    result.failed_when_result = failed;
    result.failed = failed;
    if (failed && !result.msg) result.msg = 'the failed_when condition was met';
  }
}

function resultScope(state: TaskRunState, scope: LayeredScope, result: Result): LayeredScope {
  const register = state.task.register;
  return register ? scope.withTop(renderedLayer('registered result', { [register]: result }, true)) : scope;
}

function evaluateAll(conditions: readonly string[], scope: LayeredScope): boolean {
  return conditions.every((condition) => evaluateCondition(condition, scope));
}

/** Where an item ran, for its event; a delegate_to that cannot be rendered has failed the item already. */
function delegatedToOf(frame: Frame, scope: LayeredScope): string | undefined {
  try {
    return stringKeyword(frame.delegateTo, scope);
  } catch {
    return undefined;
  }
}

/** `async: N` (N > 0) and `poll:` (Ansible's default: 15 s); undefined for a task in the foreground. */
function asyncSettingsOf(task: ModuleTask, scope: LayeredScope): AsyncSettings | undefined {
  const seconds = numberKeyword(task.async, scope) ?? 0;
  if (seconds <= 0) return undefined;
  return { seconds, poll: Math.max(0, numberKeyword(task.poll, scope) ?? DEFAULT_POLL_SECONDS) };
}

/** An `async:` task's result, with Ansible's job keys: the module's own (poll > 0), the job's handle (poll: 0), or the timeout. */
async function runAsync(module: ModuleDef, input: ModuleContextInput, job: AsyncJobHandle, host: string): Promise<ModuleResult> {
  const { run } = input;
  try {
    const result = await module.run(buildModuleContext(input));
    return { ...result, ansible_job_id: job.jid, finished: 1, results_file: job.resultsFile, started: 1 };
  } catch (error) {
    if (error instanceof AsyncJobStarted) {
      // The module's result is worked out from the job's output when async_status finds it finished.
      run.asyncJobs.set(job.jid, { host, resultsFile: error.resultsFile, finish: (output) => module.run(buildModuleContext({ ...input, async: undefined, replay: output })) });
      return { ansible_job_id: job.jid, changed: true, failed: 0, finished: 0, results_file: error.resultsFile, started: 1 } as unknown as ModuleResult;
    }
    if (error instanceof AsyncJobTimedOut) {
      const asyncResult = { ansible_job_id: job.jid, finished: 0, results_file: error.resultsFile, started: 1, stderr: '', stderr_lines: [], stdout: '', stdout_lines: [] };
      return { async_result: asyncResult, changed: false, failed: true, msg: error.message };
    }
    throw error;
  }
}

/** The task's diff mode: its `diff` keyword (inherited), else --diff. */
function diffMode(frame: Frame, scope: LayeredScope, globalDiff: boolean): boolean {
  return frame.diff === undefined ? globalDiff : flag(frame.diff, scope);
}

function effectiveCheck(frame: Frame, scope: LayeredScope, globalCheck: boolean): boolean {
  if (frame.checkMode === undefined) return globalCheck;
  return flag(frame.checkMode, scope);
}

function itemLabel(task: ModuleTask, scope: LayeredScope, item: unknown): string {
  if (task.loopControl?.label !== undefined) return String(renderString(task.loopControl.label, scope));
  return pythonString(item); // Ansible's label is str(item): {'key': 'a'}, True, None
}

/** The task's environment: each `environment:` around it rendered, outermost first, the inner names winning (as Ansible's action base merges them). */
function environmentOf(frame: Frame, scope: LayeredScope): Record<string, string> {
  const merged = new Map<string, string>();
  for (const environment of frame.environments) {
    const rendered = typeof environment === 'string' ? renderString(environment, scope) : renderDeep(environment, scope);
    if (!rendered || typeof rendered !== 'object' || Array.isArray(rendered)) {
      throw new CxError('environment must be a mapping of variable names to values');
    }
    for (const [name, value] of Object.entries(rendered)) merged.set(name, String(value));
  }
  return Object.fromEntries(merged);
}

function ignoresErrors(frame: Frame, scope: LayeredScope): boolean {
  try {
    return flag(frame.ignoreErrors, scope);
  } catch {
    return false;
  }
}

function ignoresErrorsSafe(frame: Frame, play: PlayRuntime, host: HostState): boolean {
  return ignoresErrors(frame, play.scope(host, frame));
}

function ignoresUnreachable(frame: Frame, play: PlayRuntime, host: HostState): boolean {
  try {
    return flag(frame.ignoreUnreachable, play.scope(host, frame));
  } catch {
    return false;
  }
}

function renderNotify(name: string, play: PlayRuntime, frame: Frame, host: HostState): string {
  return String(renderString(name, play.scope(host, frame)));
}

/** What the views see: censored for no_log, and with every known secret masked. */
function publicResult(play: PlayRuntime, result: Result, noLog: boolean): Result {
  if (noLog) return censoredResult(result);
  return play.run.secrets.mask(result);
}

/**
 * A target module's failure, or the host's unreachability when it cannot be
 * connected to: Ansible connects before its module (or action plugin) checks
 * the arguments, so a bad argument on a host that is down is UNREACHABLE
 * there. A module that failed after connecting finds its connection open.
 */
async function unreachableOr<T extends Result | ModuleResult>(failed: T, connect: () => Promise<Connection>, task: ModuleTask): Promise<T | ModuleResult> {
  try {
    await connect();
    return failed;
  } catch (error) {
    return error instanceof UnreachableError ? { ...failureResult(error, task), changed: false } : failed;
  }
}

/** Turns an exception into the failed (or unreachable) result Ansible would register. */
function failureResult(error: unknown, task: ModuleTask): Result {
  if (error instanceof UnreachableError) return { unreachable: true, changed: false, msg: error.message };
  if (error instanceof TaskError) return { failed: true, msg: error.message };
  if (error instanceof ExecTimeoutError) return { failed: true, changed: false, msg: `the task timed out: ${error.message}` };
  if (error instanceof ExecAbortedError) return { failed: true, changed: false, msg: error.message, interrupted: true };
  if (error instanceof SuShellRefusedError) return suShellRefused(error, task);
  if (error instanceof BecomeFailedError) return { failed: true, changed: false, msg: error.message };
  if (error instanceof CxError) return { failed: true, changed: false, msg: withPosition(error, task.at).describe() };
  const message = error instanceof Error ? error.message : String(error);
  return { failed: true, changed: false, msg: `${task.at.file}:${task.at.line ?? '?'}: ${message}` };
}

/**
 * su whose user's shell refused to start (nologin), as Ansible reports it:
 * raw as a command that failed, a module as a MODULE FAILURE whose output is
 * what su and the shell printed.
 */
function suShellRefused(error: SuShellRefusedError, task: ModuleTask): Result {
  const { rc, stdout, stderr } = error.output;
  if (task.module === 'raw') return { failed: true, changed: true, msg: 'non-zero return code', rc, stdout, stderr, stdout_lines: splitLines(stdout), stderr_lines: splitLines(stderr) };
  return { failed: true, changed: false, module_stderr: stderr, module_stdout: stdout, msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error', rc };
}

/** Python's str.splitlines: \n, \r\n and \r end a line (output through ssh's terminal has \r\n). */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Controller modules never exec: a connection that refuses makes a bug loud instead of silent. */
const controllerConnection: Connection = {
  host: 'controller',
  execCount: 0,
  unendedCommands: 0,
  alive: true,
  exec: () => Promise.reject(new Error('a controller module tried to run a remote command')),
  close: async () => undefined,
};

/** Ansible's `ansible_search_path` of a task: its role, the directory of the file the task is in, the playbook's directory (lookups search these). */
/**
 * The task's frame and search path inside `outer`: the same for every host
 * that runs it there (linear hands all hosts one outer frame; so does free at
 * a play's top level), so made once per play (PlayRuntime.taskFrames), not
 * once per host and again for each check made ahead of it.
 */
function taskFrame(play: PlayRuntime, outer: Frame, task: ModuleTask): TaskFrame {
  let byTask = play.taskFrames.get(outer);
  if (!byTask) play.taskFrames.set(outer, (byTask = new WeakMap()));
  let made = byTask.get(task);
  if (!made) {
    const frame = enterNode(outer, task);
    made = { frame, searchPath: searchPathLayer(task, frame, play.run.options.playbook.dir) };
    byTask.set(task, made);
  }
  return made;
}

function searchPathLayer(task: ModuleTask, frame: Frame, playbookDir: string): VarLayer {
  const paths = [...new Set([...(frame.role ? [frame.role.role.dir] : []), dirname(task.at.file), playbookDir])];
  return layer('search path of the task', { ansible_search_path: paths }, false);
}
