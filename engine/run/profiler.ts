/**
 * Where the time goes (`--profile`): wall time per phase summed over hosts
 * (connect, render, exec, ...) and per task, with the remote execs each task
 * made. Cheap enough to be always on.
 */
interface Entry {
  totalMs: number;
  count: number;
}

export class Profiler {
  private readonly phases = new Map<string, Entry>();
  private readonly tasks = new Map<string, Entry & { execs: number }>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(this.phases, phase, performance.now() - started);
    }
  }

  timeSync<T>(phase: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(this.phases, phase, performance.now() - started);
    }
  }

  /** A task finished on one host (count is then the number of hosts it ran on). */
  addTask(name: string, durationMs: number): void {
    const entry = this.task(name);
    entry.totalMs += durationMs;
    entry.count += 1;
  }

  /** A remote exec made by a task (summed over its hosts and loop items). */
  addExec(task: string): void {
    this.task(task).execs += 1;
  }

  report(): { phases: Record<string, Entry>; tasks: Record<string, Entry & { execs: number }> } {
    return { phases: Object.fromEntries(this.phases), tasks: Object.fromEntries(this.tasks) };
  }

  private task(name: string): Entry & { execs: number } {
    let entry = this.tasks.get(name);
    if (!entry) {
      entry = { totalMs: 0, count: 0, execs: 0 };
      this.tasks.set(name, entry);
    }
    return entry;
  }

  private add(map: Map<string, Entry>, key: string, ms: number): void {
    const entry = map.get(key) ?? { totalMs: 0, count: 0 };
    entry.totalMs += ms;
    entry.count += 1;
    map.set(key, entry);
  }
}
