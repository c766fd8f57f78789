/**
 * The typed event stream. The runner emits these and knows nothing of any
 * view; the views (live ink, plain lines, JSON lines) subscribe. Every result
 * in an event is already censored: no_log results and known secrets never
 * reach a subscriber.
 */
import type { SourcePosition } from './errors.js';

export type HostStatus = 'ok' | 'changed' | 'failed' | 'skipped' | 'unreachable';

export interface HostCounts {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
}

/** A module result as registered (Ansible's shape): changed, failed, msg, rc, stdout, ... */
export type TaskResult = Readonly<Record<string, unknown>>;

export interface TaskRef {
  /** The same for each host's results of one task (task-identity.ts), as Ansible's task uuid. */
  readonly id: string;
  /** Task name as shown (role prefix included, e.g. `rke2-server : Install RKE2`). */
  readonly name: string;
  /** Module name after aliases (`command`, `copy`, ...); `include_tasks` etc. for includes. */
  readonly module: string;
  readonly at: SourcePosition | undefined;
  /** Position of the task among the play's tasks, 1-based, and their total, for progress. */
  readonly index: number;
  readonly total: number;
  readonly isHandler: boolean;
  /** The result is what the operator asked to see (debug's message or variable): shown whole at every verbosity. */
  readonly showsResult: boolean;
}

export type RunEvent =
  | {
      readonly kind: 'playbook_start';
      readonly playbook: string;
      readonly check: boolean;
      readonly diff: boolean;
      readonly plays: number;
      readonly time: number;
    }
  | {
      readonly kind: 'play_start';
      readonly name: string;
      /** The play's strategy: under free and host_pinned the plain view prints a task's header when its result comes, as Ansible's default callback does. */
      readonly strategy: 'linear' | 'free' | 'host_pinned';
      readonly hosts: readonly string[];
      readonly playIndex: number;
      readonly taskCount: number;
      readonly time: number;
    }
  /** A serial batch of a play begins (the first one too); ansible-playbook prints the play's header again for each after the first. */
  | { readonly kind: 'batch_start'; readonly name: string; readonly hosts: readonly string[]; readonly batchIndex: number; readonly time: number }
  | { readonly kind: 'task_start'; readonly task: TaskRef; readonly hosts: readonly string[]; readonly time: number }
  | { readonly kind: 'host_task_start'; readonly host: string; readonly task: TaskRef; readonly time: number }
  | {
      readonly kind: 'host_result';
      readonly host: string;
      readonly task: TaskRef;
      readonly status: HostStatus;
      /** The failure was ignored (ignore_errors) and counted as `ignored`. */
      readonly ignored: boolean;
      /** The failure is inside a block with a rescue section: counted as `rescued`, and the rescue runs. */
      readonly rescued?: boolean | undefined;
      readonly delegatedTo?: string | undefined;
      /** Diff mode was on for this task (--diff, or the `diff` keyword at any level): views show the result's diff. */
      readonly diff?: boolean | undefined;
      /** For loops, one event per item (with `item`/`label`) then one for the whole task. */
      readonly item?: { readonly label: string } | undefined;
      /** The task's own result after its items' events: it sums them up (`results`). */
      readonly sumsItems?: boolean | undefined;
      /** The task file or role an include loaded (`included: FILE for HOST`). */
      readonly included?: string | undefined;
      readonly result: TaskResult;
      readonly durationMs: number;
      readonly time: number;
    }
  | { readonly kind: 'handlers_start'; readonly hosts: readonly string[]; readonly time: number }
  | { readonly kind: 'warning'; readonly host?: string | undefined; readonly message: string; readonly time: number }
  /** Text a module shows the operator as it runs, as it is (Ansible's display: pause's lines and prompt). */
  | { readonly kind: 'display'; readonly message: string; readonly time: number }
  | { readonly kind: 'play_end'; readonly name: string; readonly time: number }
  | {
      readonly kind: 'recap';
      readonly hosts: Readonly<Record<string, HostCounts>>;
      readonly elapsedMs: number;
      readonly interrupted: boolean;
      /** Hosts where a timed-out or interrupted command could not be ended (it may still run there). */
      readonly unendedHosts: readonly string[];
      readonly exitCode: number;
      /** What set_stats kept (none: no stat was set); the views show it with show_custom_stats. */
      readonly customStats?: CustomStatsView | undefined;
      readonly time: number;
    };

/** set_stats' custom stats as the recap shows them: each host's (hosts in Python's sorted order), and the run's. */
export interface CustomStatsView {
  readonly hosts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly run?: Readonly<Record<string, unknown>> | undefined;
}

export type RunEventKind = RunEvent['kind'];
export type EventListener = (event: RunEvent) => void;

/** A tiny synchronous fan-out; views must not throw or block. */
export class EventBus {
  private readonly listeners: EventListener[] = [];

  subscribe(listener: EventListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export function emptyCounts(): HostCounts {
  return { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
}
