/**
 * What the run knows about one host across tasks and plays: its merged
 * inventory variables (computed once), gathered facts, set_fact and
 * registered values, whether it failed or became unreachable, the handlers
 * it notified, and its recap counts.
 */
import { emptyCounts, type HostCounts } from '../events.js';
import type { BlockNode, TaskNode } from '../load/model.js';
import type { Frame } from './frame.js';
import type { HandlerEntry } from './handlers.js';

/** A part of a block: what follows it for the hosts that went through it (rescue, always) is the block's. */
export interface BlockPart {
  readonly block: BlockNode;
  readonly part: 'block' | 'rescue' | 'always';
  /** The block's frame. */
  readonly frame: Frame;
}

/**
 * The rest of a task list a host left when it became unreachable (or failed
 * out of a block after its always): nodes from `index` on, in `frame`, and
 * the block part the list is, whose rescue and always follow.
 */
export interface ResumePoint {
  readonly nodes: readonly TaskNode[];
  readonly index: number;
  readonly frame: Frame;
  readonly within?: BlockPart | undefined;
}

export class HostState {
  facts: Record<string, unknown> | undefined;
  /** set_fact and register results: inert (never rendered again), above task vars. */
  readonly setFacts: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  /** Names in setFacts whose values hold data from a host (every registered result; set_fact values rendered from one). */
  readonly unsafeFacts = new Set<string>();
  /** include_vars results: variables as written in files (rendered when read), just under set_fact. */
  readonly includedVars: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  private isFailed = false;
  private isUnreachable = false;
  private isEnded = false;
  private isWaiting = false;
  /**
   * Where the host left each task list it was in when it became unreachable
   * (innermost first), and the play's section (pre_tasks, tasks, post_tasks)
   * it was in: after meta clear_host_errors it goes on from there (play-runner.ts).
   */
  resumePoints: ResumePoint[] = [];
  resumeSection: number | undefined;
  /**
   * It ran a block's always having failed before it, and is still failed:
   * Ansible keeps it at the end of that always, from where meta
   * clear_host_errors brings it back (the runner notes where, and clears this).
   */
  leftAlwaysFailed = false;
  readonly notified = new Set<HandlerEntry>();
  counts: HostCounts = emptyCounts();

  constructor(
    readonly name: string,
    /** Inventory variables merged by Ansible's group precedence (still unrendered). */
    private ownInventoryVars: Readonly<Record<string, unknown>>,
    private ownGroupNames: readonly string[],
    /** Called when failed, unreachable or ended changes (the run counts these changes). */
    private readonly onActivityChange: () => void,
  ) {}

  get inventoryVars(): Readonly<Record<string, unknown>> {
    return this.ownInventoryVars;
  }

  get groupNames(): readonly string[] {
    return this.ownGroupNames;
  }

  /** add_host or group_by changed the host's groups or variables. */
  moveInInventory(inventoryVars: Readonly<Record<string, unknown>>, groupNames: readonly string[]): void {
    this.ownInventoryVars = inventoryVars;
    this.ownGroupNames = groupNames;
  }

  /** Keep a set_fact value or a registered result; `unsafe` when it holds data from a host. */
  setFact(name: string, value: unknown, unsafe: boolean): void {
    this.setFacts[name] = value;
    if (unsafe) this.unsafeFacts.add(name);
    else this.unsafeFacts.delete(name);
  }

  get failed(): boolean {
    return this.isFailed;
  }

  set failed(value: boolean) {
    if (value !== this.isFailed) this.onActivityChange();
    this.isFailed = value;
  }

  get unreachable(): boolean {
    return this.isUnreachable;
  }

  set unreachable(value: boolean) {
    if (value !== this.isUnreachable) this.onActivityChange();
    this.isUnreachable = value;
  }

  /** Left the play without failing (meta end_host, any_errors_fatal, max_fail_percentage). */
  get ended(): boolean {
    return this.isEnded;
  }

  set ended(value: boolean) {
    if (value !== this.isEnded) this.onActivityChange();
    this.isEnded = value;
  }

  /**
   * Unreachable until meta clear_host_errors: it waits for the others to be
   * through the play's tasks, then runs the ones it missed (Ansible's linear
   * strategy comes back to the start of its task list for it).
   */
  get waiting(): boolean {
    return this.isWaiting;
  }

  set waiting(value: boolean) {
    if (value !== this.isWaiting) this.onActivityChange();
    this.isWaiting = value;
  }

  /** Still taking tasks in this play. */
  get active(): boolean {
    return !this.failed && !this.unreachable && !this.ended && !this.waiting;
  }
}
