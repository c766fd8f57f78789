/**
 * Runs one play: picks its hosts (pattern, --limit, minus hosts that already
 * failed), then per serial batch gathers facts and runs pre_tasks, roles,
 * tasks and post_tasks, flushing handlers after each section as Ansible does.
 */
import { CxError, withPosition } from '../errors.js';
import { randomInt } from 'node:crypto';
import pLimit from 'p-limit';
import type { HostOrder, ModuleTask, Play, TaskNode } from '../load/model.js';
import { selectPlayHosts, unmatchedWarning, type Misses } from '../load/host-pattern.js';
import { isTemplated, renderString } from '../template/render.js';
import { scopeFromObject } from '../template/scope.js';
import { playFrame, type Frame } from './frame.js';
import type { HostState, ResumePoint } from './host-state.js';
import { runHandlers } from './handlers.js';
import { PlayRuntime } from './play-runtime.js';
import type { RunContext } from './run-context.js';
import { serialBatches } from './serial.js';
import { TaskListRunner, unlimited } from './task-list-runner.js';
import { countTasks } from './count-tasks.js';
import { playHoldsStartAt } from './start-at-task.js';
import { byCodePoint } from '../template/python.js';

export async function runPlay(run: RunContext, play: Play, playIndex: number): Promise<void> {
  // --start-at-task: a play before the one holding it does nothing (no facts either).
  const hosts = run.startAt !== undefined && !playHoldsStartAt(play, run.startAt) ? [] : inOrder(playHosts(run, play), play.order);
  const runtime = new PlayRuntime(run, play, hosts);
  const sections: (readonly TaskNode[])[] = [play.preTasks, [...play.roles, ...play.tasks], play.postTasks];
  const total = sections.reduce((sum, nodes) => sum + countTasks(nodes, run.options), 0) + (gathers(run, play) ? 1 : 0);
  run.emit({ kind: 'play_start', name: play.name, strategy: play.strategy, hosts, playIndex, taskCount: total, time: Date.now() });
  if (hosts.length === 0 && run.startAt === undefined) {
    run.emit({ kind: 'warning', message: `no hosts matched '${play.hosts}' in play '${play.name}'; skipping it`, time: Date.now() });
  }
  const runner = new TaskListRunner(runtime, total);
  const frame = playFrame(play);
  for (const name of hosts) {
    const host = run.host(name);
    host.ended = false;
    host.resumePoints = [];
    host.resumeSection = undefined;
  }
  for (const [batchIndex, batch] of serialBatches(hosts, play.serial).entries()) {
    if (run.interrupted || run.stopped || runtime.ended) break;
    runtime.batch = batch;
    run.emit({ kind: 'batch_start', name: play.name, hosts: batch, batchIndex, time: Date.now() });
    await runBatch(runtime, runner, frame, sections);
    if (batch.every((name) => !run.host(name).active && !run.host(name).ended)) run.stopped = true;
  }
  run.emit({ kind: 'play_end', name: play.name, time: Date.now() });
}

async function runBatch(runtime: PlayRuntime, runner: TaskListRunner, frame: Frame, sections: (readonly TaskNode[])[]): Promise<void> {
  const { run, play } = runtime;
  for (const name of runtime.batch) runtime.loadVarsFiles(run.host(name));
  if (play.strategy !== 'linear') return runBatchFree(runtime, runner, frame, sections);
  if (gathers(run, play)) {
    // smart: facts are gathered once per host in a run.
    const hosts = activeOf(runtime).filter((name) => run.options.gathering !== 'smart' || run.host(name).facts === undefined);
    if (hosts.length > 0) await runner.runTask(gatherFactsTask(play), hosts, frame);
    noteSection(runtime, GATHERING);
  }
  for (const [section, nodes] of sections.entries()) {
    if (run.interrupted) return;
    await runner.runNodes(nodes, activeOf(runtime), frame);
    noteSection(runtime, section);
    if (!run.interrupted) await runHandlers(runner, runtime.batch, frame);
  }
  await resumeWaiting(runtime, runner, frame, sections);
}

/** The section number of gathering facts, before the sections (pre_tasks, roles and tasks, post_tasks). */
const GATHERING = -1;

/** Hosts that became unreachable in this section (or were, and were brought back) remember it. */
function noteSection(runtime: PlayRuntime, section: number): void {
  for (const name of runtime.batch) {
    const host = runtime.run.host(name);
    const comesBack = host.unreachable || host.waiting || (host.failed && host.resumePoints.length > 0);
    if (comesBack && host.resumeSection === undefined) host.resumeSection = section;
  }
}

/**
 * Hosts that meta clear_host_errors brought back, as Ansible's linear
 * strategy does once the others are through the play's tasks: each goes on
 * from where it left (after the task where it became unreachable, or the
 * block it failed out of; hosts that left at the same place together), with
 * the rescue and always of each block it was in, then through the later
 * sections, with their handlers.
 */
async function resumeWaiting(runtime: PlayRuntime, runner: TaskListRunner, frame: Frame, sections: (readonly TaskNode[])[]): Promise<void> {
  const { run } = runtime;
  for (;;) {
    const waiting = runtime.batch.filter((name) => run.host(name).waiting);
    if (waiting.length === 0 || run.interrupted) return;
    const { resumePoints, resumeSection = GATHERING } = run.host(waiting[0]!);
    const group = waiting.filter((name) => sameResume(run.host(name), resumePoints, resumeSection));
    for (const name of group) {
      const host = run.host(name);
      host.waiting = false;
      host.resumePoints = [];
      host.resumeSection = undefined;
    }
    for (const point of resumePoints) await runner.resume(point, group);
    noteSection(runtime, resumeSection);
    if (resumeSection !== GATHERING) await runHandlers(runner, group, frame);
    for (let section = resumeSection + 1; section < sections.length && !run.interrupted; section += 1) {
      await runner.runNodes(sections[section]!, group, frame);
      noteSection(runtime, section);
      await runHandlers(runner, group, frame);
    }
  }
}

function sameResume(host: HostState, points: readonly ResumePoint[], section: number): boolean {
  const mine = host.resumePoints;
  return (host.resumeSection ?? GATHERING) === section && mine.length === points.length && mine.every((point, index) => point.nodes === points[index]!.nodes && point.index === points[index]!.index);
}

/**
 * strategy: free, as Ansible's: each host goes through the play as fast as it
 * can (its facts, its tasks, its handlers at the end of each section), never
 * waiting for the others; --forks still bounds the work at once. host_pinned
 * (Ansible's free with _host_pinned): at most --forks hosts are in the play at
 * once, each keeping its slot until it is done with the play.
 */
async function runBatchFree(runtime: PlayRuntime, runner: TaskListRunner, frame: Frame, sections: (readonly TaskNode[])[]): Promise<void> {
  const { run, play } = runtime;
  const pinned = play.strategy === 'host_pinned';
  const slot: <T>(work: () => Promise<T>) => Promise<T> = pinned ? pLimit(Math.max(1, run.options.forks)) : unlimited;
  // One task for every host, as Ansible's: its results share one header.
  const gathering = gatherFactsTask(play);
  const runHost = async (name: string): Promise<void> => {
    const own = runner.forOneHost(pinned);
    if (gathers(run, play) && (run.options.gathering !== 'smart' || run.host(name).facts === undefined)) await own.runTask(gathering, [name], frame);
    for (const nodes of sections) {
      if (run.interrupted) return;
      await own.runNodes(nodes, [name], frame);
      if (!run.interrupted) await runHandlers(own, [name], frame);
    }
  };
  await Promise.all(activeOf(runtime).map((name) => slot(() => runHost(name))));
}

/** Ansible's `gathering`: implicit and smart gather unless the play says gather_facts: false; explicit only when it says true. */
function gathers(run: RunContext, play: Play): boolean {
  return play.gatherFacts ?? run.options.gathering !== 'explicit';
}

function activeOf(runtime: PlayRuntime): string[] {
  return runtime.batch.filter((name) => runtime.run.host(name).active);
}

/** The play's hosts in inventory order: its pattern, narrowed by --limit, without hosts already out. */
function playHosts(run: RunContext, play: Play): string[] {
  const { limit, extraVars } = run.options;
  const inventory = run.inventory;
  let pattern: string;
  try {
    pattern = String(renderString(play.hosts, scopeFromObject({ ...extraVars, groups: run.groups })));
  } catch (error) {
    throw error instanceof CxError ? withPosition(error, play.at) : error;
  }
  const misses: Misses = [];
  const hosts = selectPlayHosts(inventory, pattern, limit, misses);
  // A pattern written without {{ }} (and --limit) was warned about by the check stage already, unless the playbook changes the inventory.
  if (isTemplated(play.hosts) || run.changesInventory) for (const miss of misses) run.emit({ kind: 'warning', message: unmatchedWarning(miss), time: Date.now() });
  return hosts.filter((name) => {
    const host = run.host(name);
    return !host.failed && !host.unreachable;
  });
}

/** The play's `order:` keyword, as Ansible's inventory manager applies it (names compared as Python compares strings). */
function inOrder(hosts: string[], order: HostOrder): string[] {
  switch (order) {
    case 'inventory':
      return hosts;
    case 'reverse_inventory':
      return hosts.reverse();
    case 'sorted':
    case 'reverse_sorted': {
      const sorted = hosts.sort(byCodePoint);
      return order === 'sorted' ? sorted : sorted.reverse();
    }
    case 'shuffle':
      return shuffled(hosts);
  }
}

/** Fisher-Yates with the platform's random numbers: a shuffle that is fair, not reproducible (Ansible's is not either). */
function shuffled(hosts: string[]): string[] {
  for (let index = hosts.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [hosts[index], hosts[other]] = [hosts[other]!, hosts[index]!];
  }
  return hosts;
}

function gatherFactsTask(play: Play): ModuleTask {
  return {
    kind: 'task',
    name: 'Gathering Facts',
    module: 'gather_facts',
    args: { ...play.gatherArgs },
    at: play.at,
    when: [],
    tags: ['always'],
    vars: {},
    notify: [],
    listen: [],
  };
}
