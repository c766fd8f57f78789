/**
 * Handlers run once per flush, in the order they are defined, on the hosts
 * that notified them (by name, `role : name`, or a `listen` topic). A handler
 * may notify a later one in the same flush.
 */
import type { ModuleTask } from '../load/model.js';
import type { Frame } from './frame.js';
import type { TaskListRunner } from './task-list-runner.js';

export async function runHandlers(runner: TaskListRunner, hosts: readonly string[], frame: Frame): Promise<void> {
  const play = runner.play;
  const pending = () => hosts.filter((name) => runner.state(name).notified.size > 0);
  if (pending().length === 0) return;
  play.run.emit({ kind: 'handlers_start', hosts: pending(), time: Date.now() });
  for (const handler of play.handlers) {
    if (play.run.interrupted) return;
    const names = handlerNames(handler);
    const notified = hosts.filter((name) => {
      const host = runner.state(name);
      return host.active && names.some((candidate) => host.notified.has(candidate));
    });
    if (notified.length === 0) continue;
    for (const name of notified) for (const candidate of names) runner.state(name).notified.delete(candidate);
    await runner.runTask(handler, notified, { ...frame, role: handler.role ?? frame.role, isHandler: true, rescuable: false });
  }
  for (const name of hosts) runner.state(name).notified.clear();
}

function handlerNames(handler: ModuleTask): string[] {
  const names = [...handler.listen];
  if (handler.name) {
    names.push(handler.name);
    if (handler.role) names.push(`${handler.role.role.name} : ${handler.name}`);
  }
  return names;
}
