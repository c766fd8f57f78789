/**
 * --start-at-task, as ansible-playbook 2.14 does it (measured): plays before
 * the one holding the task are skipped whole, facts not gathered; in that
 * play facts are gathered, the tasks before it are skipped silently, and all
 * runs normally from it on. A task matches by its name or `role : name`,
 * exactly or as a shell wildcard (`thr*`). Only tasks known before the run
 * (imports, not includes) can match, as in Ansible.
 */
import { shellWildcard } from '../load/host-pattern.js';
import type { ModuleTask, Play, TaskNode } from '../load/model.js';

export function matchesStartAt(task: ModuleTask, pattern: string): boolean {
  const name = task.name ?? task.module;
  const role = task.role?.role.name;
  const regex = shellWildcard(pattern);
  return [name, ...(role ? [`${role} : ${name}`] : [])].some((candidate) => candidate === pattern || regex?.test(candidate) === true);
}

export function playHoldsStartAt(play: Play, pattern: string): boolean {
  return holds([...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks], pattern);
}

/** Ansible's words when no task matched (it still exits 0). */
export function noMatchMessage(pattern: string): string {
  return `No matching task "${pattern}" found. Note: --start-at-task can only follow static includes.`;
}

function holds(nodes: readonly TaskNode[], pattern: string): boolean {
  return nodes.some((node) => (node.kind === 'task' ? matchesStartAt(node, pattern) : node.kind === 'block' ? holds([...node.block, ...node.rescue, ...node.always], pattern) : false));
}
