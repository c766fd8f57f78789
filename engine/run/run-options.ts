/** Everything a run is asked to do, after the CLI parsed and the loader validated it. */
import type { ConnectionDefaults } from '../connection/spec.js';
import type { EventBus } from '../events.js';
import type { Inventory, Playbook } from '../load/model.js';

export interface RunOptions {
  readonly playbook: Playbook;
  readonly inventory: Inventory;
  readonly check: boolean;
  readonly diff: boolean;
  /** Host pattern narrowing every play (`--limit`). */
  readonly limit?: string | undefined;
  readonly tags: readonly string[];
  readonly skipTags: readonly string[];
  readonly extraVars: Readonly<Record<string, unknown>>;
  readonly forks: number;
  readonly verbosity: number;
  readonly connection: ConnectionDefaults;
  /** Global per-task timeout in seconds (a task's own `timeout:` wins). */
  readonly taskTimeoutSeconds?: number | undefined;
  /** Write failed and unreachable hosts here (mode 0600) when the run ends with any. */
  readonly retryFile?: string | undefined;
  readonly bus: EventBus;
  /** Aborted on SIGINT/SIGTERM: no new task starts, running remote commands are ended. */
  readonly signal: AbortSignal;
}
