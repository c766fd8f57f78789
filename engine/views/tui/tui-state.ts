/**
 * The live view's state, derived from run events by one pure reducer. The
 * components only read it; the ink shell only feeds it events and the clock.
 * Counts shown while running are tallied from results as Ansible tallies
 * them; the recap event then replaces them with the runner's own counts.
 */
import type { TypedAnswer } from '../operator-keys.js';
import type { SourcePosition } from '../../errors.js';
import { emptyCounts, type HostCounts, type HostStatus, type RunEvent, type TaskResult } from '../../events.js';
import { countResult } from '../../recap-counts.js';
import { customStatsLines } from '../custom-stats-text.js';
import { onlySumsItems } from '../view.js';
import { endedNote } from '../ended-note.js';

/** queued: in the play, no task yet; idle: between tasks; done: out of the play (or the run ended). */
export type HostActivity = 'queued' | 'running' | 'idle' | 'done';
/** The worst thing that happened to a host so far. */
export type HostOutcome = 'pending' | 'ok' | 'changed' | 'failed' | 'unreachable';

export interface HostView {
  readonly name: string;
  readonly activity: HostActivity;
  readonly outcome: HostOutcome;
  readonly task: string | undefined;
  readonly isHandler: boolean;
  /** The loop item being worked on, when the task loops. */
  readonly item: string | undefined;
  readonly startedAt: number | undefined;
  readonly lastAt: number | undefined;
  readonly counts: HostCounts;
}

export interface FailureView {
  readonly host: string;
  readonly task: string;
  readonly at: SourcePosition | undefined;
  readonly unreachable: boolean;
  readonly msg: string;
  readonly rc: number | undefined;
  /** The last lines of stderr (stdout when stderr is empty). */
  readonly tail: readonly string[];
}

export interface RecapView {
  readonly hosts: Readonly<Record<string, HostCounts>>;
  readonly elapsedMs: number;
  readonly interrupted: boolean;
  /** What became of the commands a timeout or an interrupt cut short, when there is something to say. */
  readonly endedNote: string | undefined;
  readonly exitCode: number;
  /** set_stats' CUSTOM STATS lines, with show_custom_stats (none otherwise). */
  readonly customStats: readonly string[];
}

/** Things printed once, above the live area (ink `<Static>`), in order. */
export type LogEntry =
  | {
      readonly id: number;
      readonly kind: 'play_done';
      readonly name: string;
      readonly hosts: number;
      /** Hosts of the run that failed or were unreachable so far. */
      readonly broken: number;
      readonly stopped: boolean;
      readonly elapsedMs: number;
    }
  | { readonly id: number; readonly kind: 'handler'; readonly name: string; readonly hosts: readonly string[] }
  | { readonly id: number; readonly kind: 'warning'; readonly host: string | undefined; readonly message: string }
  | { readonly id: number; readonly kind: 'display'; readonly message: string }
  | { readonly id: number; readonly kind: 'diff'; readonly host: string; readonly task: string; readonly result: TaskResult }
  | {
      readonly id: number;
      readonly kind: 'detail';
      readonly host: string;
      readonly task: string;
      readonly showsResult: boolean;
      readonly status: HostStatus;
      readonly item: string | undefined;
      readonly at: SourcePosition | undefined;
      readonly result: TaskResult;
    }
  | { readonly id: number; readonly kind: 'summary'; readonly recap: RecapView; readonly failures: readonly FailureView[]; readonly check: boolean };

type LogEntryBody = LogEntry extends infer Entry ? (Entry extends LogEntry ? Omit<Entry, 'id'> : never) : never;

export interface TuiSettings {
  readonly verbosity: number;
  readonly diff: boolean;
  readonly playbook: string;
  /** show_custom_stats: the recap shows set_stats' CUSTOM STATS. */
  readonly showCustomStats?: boolean;
}

export interface TuiState {
  readonly settings: TuiSettings;
  readonly check: boolean;
  readonly startedAt: number | undefined;
  readonly playCount: number;
  readonly play: { readonly name: string; readonly index: number; readonly taskCount: number; readonly startedAt: number; readonly hosts: number } | undefined;
  readonly task: { readonly name: string; readonly index: number; readonly total: number; readonly isHandler: boolean } | undefined;
  readonly hostOrder: readonly string[];
  readonly hosts: Readonly<Record<string, HostView>>;
  readonly failures: readonly FailureView[];
  readonly log: readonly LogEntry[];
  readonly recap: RecapView | undefined;
  /** Ctrl-C was pressed: no new task starts, running commands are being ended. */
  readonly stopping: boolean;
  /** pause's answer being typed, shown below the hosts. */
  readonly answer?: (TypedAnswer & { readonly echo: boolean }) | undefined;
}

/** What the live view reacts to: the run's events, plus the operator's Ctrl-C. */
export type TuiEvent =
  | RunEvent
  | { readonly kind: 'interrupt_requested' }
  /** pause waits for the operator: what is typed so far (shown unless echo is off), or undefined when the answer is done. */
  | { readonly kind: 'answer_typed'; readonly answer: (TypedAnswer & { readonly echo: boolean }) | undefined };

const TAIL_LINES = 5;

export function initialState(settings: TuiSettings): TuiState {
  return {
    settings,
    check: false,
    startedAt: undefined,
    playCount: 0,
    play: undefined,
    task: undefined,
    hostOrder: [],
    hosts: {},
    failures: [],
    log: [],
    recap: undefined,
    stopping: false,
  };
}

export function reduce(state: TuiState, event: TuiEvent): TuiState {
  switch (event.kind) {
    case 'interrupt_requested':
      return { ...state, stopping: true };
    case 'answer_typed':
      return { ...state, answer: event.answer };
    case 'playbook_start':
      return { ...state, check: event.check, startedAt: event.time, playCount: event.plays };
    case 'play_start':
      return playStarted(state, event);
    case 'task_start': {
      const task = { name: event.task.name, index: event.task.index, total: event.task.total, isHandler: event.task.isHandler };
      const withTask = { ...state, task };
      return event.task.isHandler ? appendLog(withTask, { kind: 'handler', name: event.task.name, hosts: event.hosts }) : withTask;
    }
    case 'host_task_start':
      return updateHost(state, event.host, (host) => ({
        ...host,
        activity: 'running',
        task: event.task.name,
        isHandler: event.task.isHandler,
        item: undefined,
        startedAt: host.startedAt ?? event.time,
      }));
    case 'host_result':
      return hostResult(state, event);
    case 'warning':
      return appendLog(state, { kind: 'warning', host: event.host, message: event.message });
    case 'display':
      return appendLog(state, { kind: 'display', message: event.message.replace(/\r$/, '') });
    case 'play_end':
      return playEnded(state, event.time);
    case 'recap':
      return recapped(state, event);
    case 'handlers_start':
    case 'batch_start':
      return state;
  }
}

function playStarted(state: TuiState, event: Extract<RunEvent, { kind: 'play_start' }>): TuiState {
  const inPlay = new Set(event.hosts);
  const hostOrder = [...state.hostOrder, ...event.hosts.filter((name) => !(name in state.hosts))];
  const hosts = Object.fromEntries(
    hostOrder.map((name) => {
      const host = state.hosts[name] ?? newHost(name);
      const stillUp = host.outcome !== 'failed' && host.outcome !== 'unreachable';
      return [name, { ...host, activity: inPlay.has(name) && stillUp ? 'queued' : 'done', task: undefined, item: undefined } satisfies HostView];
    }),
  );
  return {
    ...state,
    play: { name: event.name, index: event.playIndex, taskCount: event.taskCount, startedAt: event.time, hosts: event.hosts.length },
    task: undefined,
    hostOrder,
    hosts,
  };
}

function hostResult(state: TuiState, event: Extract<RunEvent, { kind: 'host_result' }>): TuiState {
  let next = state;
  if ((event.diff ?? state.settings.diff) && event.result.diff) next = appendLog(next, { kind: 'diff', host: event.host, task: event.task.name, result: event.result });
  if ((state.settings.verbosity >= 1 || isDebugOutput(event)) && printsDetail(event)) {
    const { host, task, status, item, result } = event;
    next = appendLog(next, { kind: 'detail', host, task: task.name, showsResult: task.showsResult, status, item: item?.label, at: task.at, result });
  }
  if (event.item) return updateHost(next, event.host, (host) => ({ ...host, item: event.item?.label }));
  if (isFailure(event)) next = { ...next, failures: [...next.failures, failureOf(event)] };
  return updateHost(next, event.host, (host) => ({
    ...host,
    activity: isFailure(event) ? 'done' : 'idle',
    outcome: worse(host.outcome, outcomeOf(event)),
    item: undefined,
    lastAt: event.time,
    counts: countResult(host.counts, { status: event.status, changed: event.result.changed === true, ignored: event.ignored, rescued: event.rescued === true }),
  }));
}

/** What `debug` shows is shown at every verbosity, as ansible-playbook does. */
function isDebugOutput(event: Extract<RunEvent, { kind: 'host_result' }>): boolean {
  return event.task.showsResult && event.status !== 'skipped';
}

/** The lines ansible-playbook -v prints: each item, and a task's own result unless it only sums up its items. */
function printsDetail(event: Extract<RunEvent, { kind: 'host_result' }>): boolean {
  if (event.item) return true;
  return !onlySumsItems(event);
}

/** A failure that takes the host out: not ignored, not caught by a rescue section. */
function isFailure(event: Extract<RunEvent, { kind: 'host_result' }>): boolean {
  if (event.ignored) return false;
  return event.status === 'unreachable' || (event.status === 'failed' && event.rescued !== true);
}

function failureOf(event: Extract<RunEvent, { kind: 'host_result' }>): FailureView {
  const result = event.result;
  const lines = (key: string) => (typeof result[key] === 'string' ? (result[key] as string).split('\n').filter((line) => line.trim() !== '') : []);
  const stderr = lines('stderr');
  return {
    host: event.host,
    task: event.task.name,
    at: event.task.at,
    unreachable: event.status === 'unreachable',
    msg: typeof result.msg === 'string' ? result.msg : typeof result.censored === 'string' ? result.censored : '',
    rc: typeof result.rc === 'number' ? result.rc : undefined,
    tail: (stderr.length > 0 ? stderr : lines('stdout')).slice(-TAIL_LINES),
  };
}

const OUTCOME_RANK: Record<HostOutcome, number> = { pending: 0, ok: 1, changed: 2, failed: 3, unreachable: 4 };

function worse(current: HostOutcome, next: HostOutcome): HostOutcome {
  return OUTCOME_RANK[next] > OUTCOME_RANK[current] ? next : current;
}

function outcomeOf(event: Extract<RunEvent, { kind: 'host_result' }>): HostOutcome {
  switch (event.status) {
    case 'unreachable':
      return isFailure(event) ? 'unreachable' : 'ok';
    case 'failed':
      return isFailure(event) ? 'failed' : 'ok';
    case 'changed':
      return 'changed';
    case 'skipped':
      return 'pending';
    case 'ok':
      return 'ok';
  }
}

function playEnded(state: TuiState, time: number): TuiState {
  const hosts = Object.fromEntries(Object.entries(state.hosts).map(([name, host]) => [name, { ...host, activity: 'done', task: undefined, item: undefined } satisfies HostView]));
  const play = state.play;
  const withHosts = { ...state, hosts, task: undefined };
  if (!play) return withHosts;
  const broken = Object.values(state.hosts).filter((host) => host.outcome === 'failed' || host.outcome === 'unreachable').length;
  return appendLog(withHosts, { kind: 'play_done', name: play.name, hosts: play.hosts, broken, stopped: state.stopping, elapsedMs: time - play.startedAt });
}

function recapped(state: TuiState, event: Extract<RunEvent, { kind: 'recap' }>): TuiState {
  const recap: RecapView = {
    hosts: event.hosts,
    elapsedMs: event.elapsedMs,
    interrupted: event.interrupted,
    endedNote: endedNote(event.interrupted, event.unendedHosts),
    exitCode: event.exitCode,
    customStats: event.customStats && state.settings.showCustomStats ? customStatsLines(event.customStats, state.settings.verbosity) : [],
  };
  const hosts = Object.fromEntries(
    Object.entries(state.hosts).map(([name, host]) => [name, { ...host, activity: 'done', counts: event.hosts[name] ?? host.counts } satisfies HostView]),
  );
  return appendLog({ ...state, hosts, recap, task: undefined }, { kind: 'summary', recap, failures: state.failures, check: state.check });
}

function updateHost(state: TuiState, name: string, change: (host: HostView) => HostView): TuiState {
  const known = state.hosts[name];
  const host = change(known ?? newHost(name));
  return { ...state, hosts: { ...state.hosts, [name]: host }, hostOrder: known ? state.hostOrder : [...state.hostOrder, name] };
}

function appendLog(state: TuiState, entry: LogEntryBody): TuiState {
  return { ...state, log: [...state.log, { ...entry, id: state.log.length } as LogEntry] };
}

function newHost(name: string): HostView {
  return { name, activity: 'queued', outcome: 'pending', task: undefined, isHandler: false, item: undefined, startedAt: undefined, lastAt: undefined, counts: emptyCounts() };
}
