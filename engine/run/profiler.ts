/**
 * Where the time goes (`--profile`): wall time per phase summed over hosts
 * (connect, render, exec, ...) and per task. Cheap enough to be always on.
 */
export class Profiler {
  private readonly phases = new Map<string, { totalMs: number; count: number }>();
  private readonly tasks = new Map<string, { totalMs: number; count: number }>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(this.phases, phase, performance.now() - started);
    }
  }

  addTask(name: string, durationMs: number): void {
    this.add(this.tasks, name, durationMs);
  }

  report(): { phases: Record<string, { totalMs: number; count: number }>; tasks: Record<string, { totalMs: number; count: number }> } {
    return { phases: Object.fromEntries(this.phases), tasks: Object.fromEntries(this.tasks) };
  }

  private add(map: Map<string, { totalMs: number; count: number }>, key: string, ms: number): void {
    const entry = map.get(key) ?? { totalMs: 0, count: 0 };
    entry.totalMs += ms;
    entry.count += 1;
    map.set(key, entry);
  }
}
