/**
 * State shared by everything in one run: host states, the connection pool,
 * known secrets, compiled templates, and the event bus. Built once; nothing
 * in it is recomputed per task.
 */
import { dirname } from 'node:path';
import type { EventBus, RunEvent } from '../events.js';
import { ConnectionPool } from '../connection/pool.js';
import { groupNamesOf, groupsMap, hostVarsFromInventory } from '../load/inventory.js';
import { implicitLocalhostVars, isImplicitLocalhost } from '../load/implicit-localhost.js';
import type { Inventory } from '../load/model.js';
import type { AsyncJob } from './async-jobs.js';
import type { InventoryChange } from './dynamic-inventory.js';
import { HostState } from './host-state.js';
import type { RunOptions } from './run-options.js';
import { SecretRegistry } from './secrets.js';
import { TemplateCache } from './template-cache.js';
import { Speculation } from './speculation.js';
import { Fusion } from './fusion.js';
import { Profiler } from './profiler.js';
import { changesInventory } from '../check/preflight.js';
import { CustomStats } from './custom-stats.js';

export class RunContext {
  readonly hosts = new Map<string, HostState>();
  readonly pool: ConnectionPool;
  readonly secrets = new SecretRegistry();
  readonly templates: TemplateCache;
  readonly profiler = new Profiler();
  /** Checks made ahead of tasks (speculative compare). */
  readonly speculation: Speculation;
  readonly fusion: Fusion;
  /** Jobs of `poll: 0` tasks, by job id, for async_status to finish. */
  readonly asyncJobs = new Map<string, AsyncJob>();
  /** What set_stats kept, for the recap. */
  readonly customStats = new CustomStats();
  /** What add_host and group_by did, in order, to do again after refresh_inventory. */
  private readonly dynamicChanges: ((inventory: Inventory) => InventoryChange)[] = [];
  /** The inventory as it is now: the one loaded, with what add_host and group_by changed since. */
  private currentInventory: Inventory;
  /** `groups` as expressions see it: every group with its hosts, computed once per inventory. */
  private currentGroups: Readonly<Record<string, readonly string[]>>;
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

  /** The playbook calls add_host or group_by: the play patterns are checked against the inventory as it is when each play starts. */
  readonly changesInventory: boolean;

  constructor(readonly options: RunOptions) {
    this.pool = new ConnectionPool(options.connection.handshakes);
    this.changesInventory = changesInventory(options.playbook.plays);
    this.currentInventory = options.inventory;
    this.currentGroups = groupsMap(options.inventory);
    const vault = options.playbook.sources.vault;
    this.templates = new TemplateCache(vault);
    // What the vault decrypted while loading, and will decrypt during the run, is masked like no_log values.
    vault.onReveal((value) => this.secrets.addDecrypted(value));
    this.startAt = options.startAtTask;
    this.speculation = new Speculation(options.speculation !== false);
    this.fusion = new Fusion(options.fusion !== false);
    this.stepping = options.askStep !== undefined;
    // Passwords asked for by -k / -K never show, whatever echoes them.
    for (const password of [options.connection.password, options.becomePassword]) if (password) this.secrets.add(password);
  }

  get inventory(): Inventory {
    return this.currentInventory;
  }

  get groups(): Readonly<Record<string, readonly string[]>> {
    return this.currentGroups;
  }

  /** add_host, group_by: the inventory changed; every host known so far sees its new groups and variables. */
  changeInventory(change: InventoryChange, apply: (inventory: Inventory) => InventoryChange): void {
    this.dynamicChanges.push(apply);
    if (change.changed) this.useInventory(change.inventory);
  }

  /**
   * meta: refresh_inventory: the inventory files read again, then what
   * add_host and group_by did replayed on them, as Ansible does.
   */
  refreshInventory(): void {
    const reload = this.options.reloadInventory;
    if (!reload) return;
    this.useInventory(this.dynamicChanges.reduce((inventory, apply) => apply(inventory).inventory, reload()));
  }

  private useInventory(inventory: Inventory): void {
    this.currentInventory = inventory;
    this.currentGroups = groupsMap(inventory);
    for (const [name, state] of this.hosts) {
      if (inventory.hosts.has(name)) state.moveInInventory(this.inventoryVarsOf(name), groupNamesOf(inventory, name));
    }
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
    const inventory = this.currentInventory;
    const source = inventory.hosts.get(name)?.source ?? inventory.file;
    return { inventory_file: source, inventory_dir: dirname(source), ...hostVarsFromInventory(inventory, name) };
  }

  /** The state of an inventory host (or of an ad-hoc name such as an implicit localhost). */
  host(name: string): HostState {
    let state = this.hosts.get(name);
    if (!state) {
      const known = this.currentInventory.hosts.has(name);
      state = new HostState(
        name,
        known ? this.inventoryVarsOf(name) : isImplicitLocalhost(this.currentInventory, name) ? implicitLocalhostVars() : {},
        known ? groupNamesOf(this.currentInventory, name) : [],
        () => {
          this.activityChangeCount += 1;
        },
      );
      this.hosts.set(name, state);
    }
    return state;
  }
}
