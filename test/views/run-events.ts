/** Builders for run events, so view tests read as the story of a run. */
import { emptyCounts, type HostCounts, type HostStatus, type RunEvent, type TaskRef, type TaskResult } from '../../engine/events.js';

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

export function taskRef(name: string, index: number, total: number, options: { module?: string; handler?: boolean; line?: number } = {}): TaskRef {
  return { id: `${name}@${index}`, name, module: options.module ?? 'command', at: { file: 'site.yaml', line: options.line ?? index * 4 }, index, total, isHandler: options.handler ?? false, showsResult: options.module === 'debug' };
}

export function playbookStart(options: { check?: boolean; diff?: boolean; plays?: number } = {}): RunEvent {
  return { kind: 'playbook_start', playbook: '/work/site.yaml', check: options.check ?? false, diff: options.diff ?? false, plays: options.plays ?? 1, time: T0 };
}

export function playStart(name: string, hosts: readonly string[], taskCount: number, time = T0, strategy: 'linear' | 'free' | 'host_pinned' = 'linear'): RunEvent {
  return { kind: 'play_start', name, strategy, hosts, playIndex: 0, taskCount, time };
}

export function taskStart(task: TaskRef, hosts: readonly string[], time = T0): RunEvent {
  return { kind: 'task_start', task, hosts, time };
}

export function hostStart(host: string, task: TaskRef, time = T0): RunEvent {
  return { kind: 'host_task_start', host, task, time };
}

export function hostResult(host: string, task: TaskRef, status: HostStatus, result: TaskResult = {}, options: { time?: number; ignored?: boolean; rescued?: boolean; item?: string } = {}): RunEvent {
  return {
    kind: 'host_result',
    host,
    task,
    status,
    ignored: options.ignored ?? false,
    rescued: options.rescued ?? false,
    item: options.item === undefined ? undefined : { label: options.item },
    // As the runner does: a loop's own result comes after its items' events.
    sumsItems: options.item === undefined && Array.isArray(result.results),
    result: { changed: status === 'changed', ...result },
    durationMs: 5,
    time: options.time ?? T0,
  };
}

export function recap(
  hosts: Record<string, Partial<HostCounts>>,
  options: { interrupted?: boolean; unendedHosts?: string[]; exitCode?: number; elapsedMs?: number } = {},
): RunEvent {
  return {
    kind: 'recap',
    hosts: Object.fromEntries(Object.entries(hosts).map(([name, counts]) => [name, { ...emptyCounts(), ...counts }])),
    elapsedMs: options.elapsedMs ?? 4200,
    interrupted: options.interrupted ?? false,
    unendedHosts: options.unendedHosts ?? [],
    exitCode: options.exitCode ?? 0,
    time: T0 + (options.elapsedMs ?? 4200),
  };
}
