/**
 * State shared by everything in one run: host states, the connection pool,
 * known secrets, compiled templates, and the event bus. Built once; nothing
 * in it is recomputed per task.
 */
import { dirname } from 'node:path';
import type { EventBus, RunEvent } from '../events.js';
import { ConnectionPool } from '../connection/pool.js';
import { groupNamesOf, groupsMap, hostVarsFromInventory } from '../load/inventory.js';
import type { AsyncJob } from './async-jobs.js';
import { HostState } from './host-state.js';
import type { RunOptions } from './run-options.js';
import { SecretRegistry } from './secrets.js';
import { TemplateCache } from './template-cache.js';
import { Profiler } from './profiler.js';

export class RunContext {
  readonly hosts = new Map<string, HostState>();
  readonly pool = new ConnectionPool();
  readonly secrets = new SecretRegistry();
  readonly templates: TemplateCache;
  readonly profiler = new Profiler();
  /** Jobs of `poll: 0` tasks, by job id, for async_status to finish. */
  readonly asyncJobs = new Map<string, AsyncJob>();
  /** `groups` as expressions see it: every group with its hosts, computed once. */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly startedAt = Date.now();
  /**
   * No further batch or play runs, as ansible-playbook ends the whole run when
   * any_errors_fatal or max_fail_percentage aborts a play or a whole batch fails.
   */
  stopped = false;
  /** --step until answered `continue`. */
  stepping: boolean;
  /** --start-at-task until its task is met; then undefined and everything runs. */
  startAt: string | undefined;
  /** Changes of any host's failed, unreachable or ended so far: what was computed from them at another count is stale. */
  private activityChangeCount = 0;

  constructor(readonly options: RunOptions) {
    this.groups = groupsMap(options.inventory);
    const vault = options.playbook.sources.vault;
    this.templates = new TemplateCache(vault);
    // What the vault decrypted while loading, and will decrypt during the run, is masked like no_log values.
    vault.onReveal((value) => this.secrets.addDecrypted(value));
    this.startAt = options.startAtTask;
    this.stepping = options.askStep !== undefined;
    // Passwords asked for by -k / -K never show, whatever echoes them.
    for (const password of [options.connection.password, options.becomePassword]) if (password) this.secrets.add(password);
  }

  get bus(): EventBus {
    return this.options.bus;
  }

  get interrupted(): boolean {
    return this.options.signal.aborted;
  }

  get activityChanges(): number {
    return this.activityChangeCount;
  }

  emit(event: RunEvent): void {
    this.bus.emit(event);
  }

  /**
   * A host's inventory variables, with `inventory_file` and `inventory_dir`
   * first: Ansible sets them when it first reads the host, so the inventory
   * may override them.
   */
  private inventoryVarsOf(name: string): Record<string, unknown> {
    const { inventory } = this.options;
    const source = inventory.hosts.get(name)?.source ?? inventory.file;
    return { inventory_file: source, inventory_dir: dirname(source), ...hostVarsFromInventory(inventory, name) };
  }

  /** The state of an inventory host (or of an ad-hoc name such as an implicit localhost). */
  host(name: string): HostState {
    let state = this.hosts.get(name);
    if (!state) {
      const known = this.options.inventory.hosts.has(name);
      state = new HostState(
        name,
        known ? this.inventoryVarsOf(name) : {},
        known ? groupNamesOf(this.options.inventory, name) : [],
        () => {
          this.activityChangeCount += 1;
        },
      );
      this.hosts.set(name, state);
    }
    return state;
  }
}
