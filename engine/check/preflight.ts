/**
 * Checks that need the playbook and the inventory together, done before any
 * host is contacted: host patterns and --limit resolve, every notified
 * handler exists, each role's typed variables hold values of their type, and
 * every variable a task reads is defined somewhere or guarded.
 */
import { CxError, ExitCode, withPosition } from '../errors.js';
import { selectHosts, selectPlayHosts, unmatchedWarning, type Misses } from '../load/host-pattern.js';
import type { ModuleTask, Play, TaskNode } from '../load/model.js';
import { checkTemplateFiles } from '../load/template-files.js';
import { findModule } from '../modules/registry.js';
import { isTemplated } from '../template/render.js';
import type { RunOptions } from '../run/run-options.js';
import { fileTransferArgWarnings } from './file-transfer-args.js';
import { checkRoleArguments } from './role-arguments.js';
import { checkUndefinedVariables } from './undefined-variables.js';
import { reservedNameWarnings } from './reserved-names.js';

/** Returns the warnings to show: variables with reserved names, names in --limit or a play's hosts that match nothing, as Ansible warns. */
export function preflight(options: RunOptions): string[] {
  const misses: Misses = [];
  if (options.limit) checkLimit(options, misses);
  // Groups and hosts that add_host or group_by make exist only at run time: the run warns about what still matches nothing.
  const playMisses: Misses = changesInventory(options.playbook.plays) ? [] : misses;
  for (const play of options.playbook.plays) {
    if (!isTemplated(play.hosts)) {
      try {
        selectHosts(options.inventory, play.hosts, playMisses);
      } catch (error) {
        throw error instanceof CxError ? withPosition(error, play.at) : error;
      }
    }
    checkNotifications(play);
    if (play.strategy !== 'linear') checkFreeStrategy(play);
    checkTemplateFiles(playTasks(play), play.baseDir, options.playbook.sources.vault);
    checkRoleArguments(play, options);
  }
  const dynamic = changesInventory(options.playbook.plays);
  checkUndefinedVariables(
    options,
    options.playbook.plays.filter((play) => dynamic || isTemplated(play.hosts) || selectPlayHosts(options.inventory, play.hosts, options.limit).length > 0),
  );
  return [
    ...reservedNameWarnings(options.playbook.plays, options.extraVars),
    ...fileTransferArgWarnings(options.inventory, options.extraVars, options.connection.connectionType),
    ...[...new Set(misses)].map(unmatchedWarning),
  ];
}

/** A --limit that leaves no host of the inventory ends the run before it starts (exit 1), as in Ansible. */
function checkLimit(options: RunOptions, misses: Misses): void {
  let hosts: string[];
  try {
    hosts = selectHosts(options.inventory, options.limit!, misses);
  } catch (error) {
    if (error instanceof CxError) throw new CxError(`--limit: ${error.message}`, { exitCode: error.exitCode === ExitCode.parseError ? ExitCode.badOptions : error.exitCode, hint: error.hint });
    throw error;
  }
  if (hosts.length === 0) {
    throw new CxError(`Specified inventory, host pattern and/or --limit leaves us with no hosts to target.${misses.length > 0 ? ` (${misses.map(unmatchedWarning).join('; ')})` : ''}`, {
      exitCode: ExitCode.error,
      hint: 'name hosts or groups of the inventory in --limit',
    });
  }
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

/** Ansible's free strategy refuses a module that bypasses the host loop (pause): it would run for every host. */
function checkFreeStrategy(play: Play): void {
  for (const task of moduleTasks(playTasks(play))) {
    if (findModule(task.module)?.bypassHostLoop) {
      throw new CxError(`The '${task.module}' module bypasses the host loop, which is currently not supported in the free strategy and would instead execute for every host in the inventory list.`, {
        at: task.at,
        hint: 'use strategy: linear for this play, or leave the task out',
      });
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

/** Whether a play calls add_host or group_by (tasks written in the playbook and its roles; not included files). */
export function changesInventory(plays: readonly Play[]): boolean {
  return plays.some((play) => [...moduleTasks(playTasks(play))].some((task) => findModule(task.module)?.changesInventory === true));
}
