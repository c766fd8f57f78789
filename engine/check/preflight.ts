/**
 * Checks that need the playbook and the inventory together, done before any
 * host is contacted: host patterns and --limit resolve, every notified
 * handler exists, each role's typed variables hold values of their type, and
 * every variable a task reads is defined somewhere or guarded.
 */
import { CxError, ExitCode, withPosition } from '../errors.js';
import { selectHosts } from '../load/host-pattern.js';
import type { ModuleTask, Play, TaskNode } from '../load/model.js';
import { checkTemplateFiles } from '../load/template-files.js';
import { isTemplated } from '../template/render.js';
import type { RunOptions } from '../run/run-options.js';
import { checkRoleArguments } from './role-arguments.js';
import { checkUndefinedVariables } from './undefined-variables.js';

export function preflight(options: RunOptions): void {
  if (options.limit) {
    try {
      selectHosts(options.inventory, options.limit);
    } catch (error) {
      if (error instanceof CxError) throw new CxError(`--limit: ${error.message}`, { exitCode: ExitCode.badOptions, hint: error.hint });
      throw error;
    }
  }
  for (const play of options.playbook.plays) {
    if (!isTemplated(play.hosts)) {
      try {
        selectHosts(options.inventory, play.hosts);
      } catch (error) {
        throw error instanceof CxError ? withPosition(error, play.at) : error;
      }
    }
    checkNotifications(play);
    checkTemplateFiles(playTasks(play), play.baseDir, options.playbook.sources.vault);
    checkRoleArguments(play, options);
  }
  checkUndefinedVariables(options);
}

function checkNotifications(play: Play): void {
  const known = new Set<string>();
  for (const handler of play.handlers) {
    for (const topic of handler.listen) known.add(topic);
    if (handler.name) {
      known.add(handler.name);
      if (handler.role) known.add(`${handler.role.role.name} : ${handler.name}`);
    }
  }
  for (const task of moduleTasks(playTasks(play))) {
    for (const name of task.notify) {
      if (!isTemplated(name) && !known.has(name)) {
        throw new CxError(`the handler '${name}' is not defined in this play`, {
          at: task.at,
          hint: `define a handler named '${name}' (or with listen: '${name}') under handlers:`,
        });
      }
    }
  }
}

function playTasks(play: Play): TaskNode[] {
  return [...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks, ...play.handlers];
}

function* moduleTasks(nodes: readonly TaskNode[]): Generator<ModuleTask> {
  for (const node of nodes) {
    if (node.kind === 'task') yield node;
    else if (node.kind === 'block') yield* moduleTasks([...node.block, ...node.rescue, ...node.always]);
  }
}
