/**
 * Fused execution, under strategy free and host_pinned (no barrier between
 * hosts): when a host runs a task, the tasks after it that qualify are
 * applied in the same remote exec, in order (ExecBatch in its `applies`
 * mode: the script stops at the first failure). Their results are kept and
 * reported at each task's turn, as if it had run then. A task qualifies when
 * nothing the tasks before it in the span do can change what it does:
 *
 * - every task of the span but the last applies in one exec (ModuleDef
 *   appliesInOneExec), so the script holds all of its work;
 * - none but the last registers a result or has failed_when (its outcome
 *   would decide what comes next), none retries (until) or runs async;
 * - nothing in between runs on the controller (set_fact, debug, assert...),
 *   and the span ends at a block, include, meta or a task tags leave out;
 * - a task that reads other hosts (hostvars, groups), lookups or the clock
 *   is left out: those may move between the fused run and the task's turn;
 * - delegate_to, run_once, a timeout, another become end the span (the
 *   executor checks these on the rendered task).
 *
 * At its turn a task's run must render as it did (the same key as the
 * speculation's); if not, or if its exec was not sent, it runs as it would
 * have without fusion.
 */
import type { ModuleTask, TaskNode } from '../load/model.js';
import type { ModuleResult } from '../modules/module.js';
import { findModule } from '../modules/registry.js';
import { RunsAhead } from './runs-ahead.js';

/** At most this many tasks after the current one are fused with it (bounds the script). */
const MAX_FUSED = 24;

/** Words in a task that make what it does depend on more than its own host's variables and the tasks before it. */
const MOVING = /\b(hostvars|groups|play_hosts|ansible_play_\w+|random)\b|\b(lookup|query|q|now)\s*\(/;

/** A task run applied ahead of its turn on one host. */
export interface Fused {
  readonly key: string;
  /** Its result; undefined when its exec was not sent (it then runs at its turn). */
  readonly result: Promise<{ result: ModuleResult } | { error: unknown } | undefined>;
  readonly warnings: readonly string[];
}

export class Fusion {
  private readonly fused = new RunsAhead<Fused>();

  constructor(readonly enabled: boolean) {}

  /** The runs of a task applied ahead on a host, in the order its runs come (one per loop item). */
  remember(host: string, task: ModuleTask, runs: Fused[]): void {
    this.fused.remember(host, task, runs);
  }

  /**
   * The outcome of this run of the task applied ahead, used up; undefined
   * when there is none or it does not match the run (the task then runs).
   */
  async take(host: string, task: ModuleTask, key: string): Promise<{ result: ModuleResult; warnings: readonly string[] } | undefined> {
    const fused = this.fused.next(host, task, (made) => made.key === key);
    if (!fused) return undefined;
    const outcome = await fused.result;
    if (!outcome) return undefined;
    if ('error' in outcome) throw outcome.error;
    return { result: outcome.result, warnings: fused.warnings };
  }
}

/**
 * The tasks after `index` that may be fused with it (none when the task at
 * `index` cannot head a span); `runs` says whether the runner will run a node
 * (tags, --start-at-task, --step).
 */
export function tasksToFuse(nodes: readonly TaskNode[], index: number, runs: (node: TaskNode) => boolean): ModuleTask[] {
  const head = nodes[index];
  if (head?.kind !== 'task' || !fusable(head) || !leadsOn(head) || head.loop !== undefined) return [];
  const span: ModuleTask[] = [];
  for (const node of nodes.slice(index + 1, index + 1 + MAX_FUSED)) {
    if (node.kind !== 'task' || !runs(node) || !fusable(node)) break;
    span.push(node);
    if (!leadsOn(node)) break;
  }
  return span;
}

/** A task that may be applied ahead of its turn: a speculative module (its run is compared by key), one foreground run per item, nothing that moves. */
function fusable(task: ModuleTask): boolean {
  const module = task.python ? undefined : findModule(task.module);
  // Speculative for some arguments only (command, shell): a program's output, any bytes, is not for the gate's shell variable.
  if (module?.speculative !== true || module.runsOn !== 'target') return false;
  if (task.async !== undefined || task.until !== undefined) return false;
  const { at: _at, name: _name, role: _role, ...rest } = task;
  return !MOVING.test(JSON.stringify(rest));
}

/** A task after which the span may go on: its outcome decides nothing the next tasks do. */
function leadsOn(task: ModuleTask): boolean {
  return task.register === undefined && task.failedWhen === undefined;
}
