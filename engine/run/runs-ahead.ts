/**
 * Runs of tasks made ahead of their turn on a host (checked by the
 * speculation, applied by fusion), kept per host and task in the order the
 * task's runs come (one per loop item), each used up at its run's turn.
 */
import type { ModuleTask } from '../load/model.js';

export class RunsAhead<Run> {
  private readonly runs = new Map<string, Map<ModuleTask, Run[]>>();

  /** The runs made ahead for a task on a host, in order (they replace older ones). */
  remember(host: string, task: ModuleTask, runs: Run[]): void {
    let tasks = this.runs.get(host);
    if (!tasks) this.runs.set(host, (tasks = new Map()));
    tasks.set(task, runs);
  }

  /**
   * The next run made ahead for the task on the host, used up, when it
   * `matches` this run; otherwise undefined, and the rest are dropped too
   * (the runs no longer line up with the ones made ahead).
   */
  next(host: string, task: ModuleTask, matches: (run: Run) => boolean): Run | undefined {
    const tasks = this.runs.get(host);
    const run = tasks?.get(task)?.shift();
    if (run === undefined) return undefined;
    if (matches(run)) return run;
    tasks!.delete(task);
    return undefined;
  }

  clear(): void {
    this.runs.clear();
  }
}
