/**
 * Speculative compare. When a host runs a task whose module can be checked
 * ahead (ModuleDef.speculative), the next tasks of the same task list are
 * checked on that host in the same remote exec, in check mode; when their turn
 * comes, a checked result stands in for the run if nothing can have moved
 * since: the task's arguments, check and diff mode, become and environment
 * render the same (compared whole, so no analysis of variables can be wrong),
 * no task anywhere may have changed a host since the check (the epoch), and
 * the check found nothing to change (or the task runs in check mode anyway),
 * and the host's connection has not dropped since.
 * An idempotent rerun then costs one round trip per host per run of tasks
 * instead of one per task; the events, results and order are those of a run
 * without it, and linear strategy's guarantee holds: nothing is changed on a
 * host before the task before it has finished everywhere.
 */
import type { ModuleTask, TaskNode } from '../load/model.js';
import { holdsFor, type ModuleResult } from '../modules/module.js';
import { findModule } from '../modules/registry.js';
import { RunsAhead } from './runs-ahead.js';

/** At most this many tasks are checked ahead in one exec (bounds the script and the work wasted when a change comes early). */
const MAX_AHEAD = 24;

/** What was checked ahead for one task on one host. */
export interface Checked {
  /** The task's run, as compared (see `runKey`). */
  readonly key: string;
  readonly epoch: number;
  /** The check's result; undefined when it failed to run (the task then runs). */
  readonly result: Promise<ModuleResult | undefined>;
  /** Warnings the check gave, shown only if its result is used. */
  readonly warnings: readonly string[];
  /** Whether the connection the check went over is still up: a host that dropped since is asked again. */
  readonly connected: () => boolean;
}

export class Speculation {
  /** Moves on whenever a task may have changed a host: whatever was checked before it is stale. */
  private epoch = 0;
  /** Per host and task, the checks made ahead. */
  private readonly checked = new RunsAhead<Checked>();

  /** Hosts whose last task run on them changed something: checks ahead there would likely go stale. */
  private readonly busy = new Set<string>();

  constructor(private enabled: boolean) {}

  /**
   * Whether a host's run should check the tasks after it: in check mode
   * always (every check stands), else unless the last task run there changed
   * something. On a first converge most tasks change, and checks made ahead
   * would only be thrown away (the host doing the work twice).
   */
  worthChecking(host: string, check: boolean): boolean {
    return this.enabled && (check || !this.busy.has(host));
  }

  /** A task ran on the host, changing something or not. */
  noteRun(host: string, unchanged: boolean): void {
    if (unchanged) this.busy.delete(host);
    else this.busy.add(host);
  }

  /** Something may have changed on some host. */
  invalidate(): void {
    this.epoch += 1;
  }

  /** Nothing is checked ahead for the rest of the run (a background job may change hosts at any moment). */
  disable(): void {
    this.enabled = false;
    this.checked.clear();
  }

  /** Now, for a check that starts: the epoch it belongs to. */
  get now(): number {
    return this.epoch;
  }

  /** The checks made ahead for a task's runs on a host, in order (they replace older ones). */
  remember(host: string, task: ModuleTask, checks: Checked[]): void {
    this.checked.remember(host, task, checks);
  }

  /**
   * The checked result that may stand in for this run of the task, used up:
   * same run, still current, and either nothing to change or check mode.
   */
  async take(host: string, task: ModuleTask, key: string, check: boolean): Promise<{ result: ModuleResult; warnings: readonly string[] } | undefined> {
    const checked = this.checked.next(host, task, (made) => made.key === key && made.epoch === this.epoch);
    if (!checked) return undefined;
    const result = await checked.result;
    // Let pending I/O in first (two turns of the event loop pass its poll phase, wherever this runs from):
    // a connection that dropped while the controller was busy is then known as dropped.
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    if (!result || checked.epoch !== this.epoch || !checked.connected()) return undefined;
    // A real run may use only a check that found nothing to do (not one check mode skipped).
    if (!check && (result.changed !== false || result.failed === true || result.skipped === true)) return undefined;
    return { result, warnings: checked.warnings };
  }
}

/**
 * The tasks after `index` that may be checked ahead with it: module tasks of
 * a speculative module without retries or async (a loop's items are checked
 * each); controller tasks (set_fact, debug...) are passed over, since they
 * touch no host and take no time; anything else (a block, an include, meta,
 * a command, pause) ends the run of tasks.
 */
export function tasksAhead(nodes: readonly TaskNode[], index: number): ModuleTask[] {
  const ahead: ModuleTask[] = [];
  for (const node of nodes.slice(index + 1)) {
    if (node.kind !== 'task' || ahead.length >= MAX_AHEAD) break;
    const module = node.python ? undefined : findModule(node.module);
    if (module?.runsOn === 'controller' && !module.changesInventory && !module.bypassHostLoop) continue;
    // A task's arguments as written tell a guarded command (creates/removes) from one that runs.
    if (!module || !holdsFor(module.speculative, node.args) || !checkableAhead(node)) break;
    ahead.push(node);
  }
  return ahead;
}

/** A task whose check ahead can stand for its run: one module run, in the foreground (delegate_to and run_once are looked at with the task's frame). */
function checkableAhead(task: ModuleTask): boolean {
  return task.async === undefined && task.until === undefined;
}
