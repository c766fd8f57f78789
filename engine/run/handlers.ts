/**
 * Handlers run once per flush, in the order they were loaded, on the hosts
 * that notified them. A notification is resolved when it is made, as Ansible
 * does: by name (or `role : name`) to the handler loaded last under that name
 * (so a role included again with other params gets its own handler), plus
 * every handler that `listen`s to it. A handler may notify a later one in the
 * same flush.
 */
import type { ModuleTask, RoleInstance } from '../load/model.js';
import type { Frame } from './frame.js';
import type { HostState } from './host-state.js';
import type { TaskListRunner } from './task-list-runner.js';

/** One loaded handler: the task and the role instance (params) it runs with. */
export interface HandlerEntry {
  readonly task: ModuleTask;
  readonly role: RoleInstance | undefined;
}

/** The handlers a `notify: name` reaches among those loaded so far. */
export function handlersNotifiedBy(name: string, handlers: readonly HandlerEntry[]): HandlerEntry[] {
  const reached: HandlerEntry[] = [];
  const named = [...handlers].reverse().find((entry) => namesOf(entry).includes(name));
  if (named) reached.push(named);
  for (const entry of handlers) if (entry !== named && entry.task.listen.includes(name)) reached.push(entry);
  return reached;
}

/**
 * force_handlers (the play's keyword, else --force-handlers): a host that
 * failed still runs the handlers it notified before (an unreachable one cannot).
 */
export async function runHandlers(runner: TaskListRunner, hosts: readonly string[], frame: Frame): Promise<void> {
  const play = runner.play;
  const force = play.play.forceHandlers ?? play.run.options.forceHandlers;
  const takes = (host: HostState) => host.active || (force && host.failed && !host.unreachable && !host.ended);
  const pending = () => hosts.filter((name) => runner.state(name).notified.size > 0);
  if (pending().length === 0) return;
  play.run.emit({ kind: 'handlers_start', hosts: pending(), time: Date.now() });
  for (const entry of play.handlers) {
    if (play.run.interrupted) return;
    const notified = hosts.filter((name) => {
      const host = runner.state(name);
      return takes(host) && host.notified.has(entry);
    });
    if (notified.length === 0) continue;
    for (const name of notified) runner.state(name).notified.delete(entry);
    await runner.runTask(entry.task, notified, { ...frame, role: entry.role ?? frame.role, isHandler: true, rescuable: false });
  }
  for (const name of hosts) runner.state(name).notified.clear();
}

function namesOf(entry: HandlerEntry): string[] {
  const name = entry.task.name;
  if (!name) return [];
  const role = entry.role ?? entry.task.role;
  return role ? [name, `${role.role.name} : ${name}`] : [name];
}
