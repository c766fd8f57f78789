/**
 * What the run knows about one host across tasks and plays: its merged
 * inventory variables (computed once), gathered facts, set_fact and
 * registered values, whether it failed or became unreachable, the handlers
 * it notified, and its recap counts.
 */
import { emptyCounts, type HostCounts } from '../events.js';
import type { HandlerEntry } from './handlers.js';

export class HostState {
  facts: Record<string, unknown> | undefined;
  /** set_fact and register results: inert (never rendered again), above task vars. */
  readonly setFacts: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  failed = false;
  unreachable = false;
  /** Left the play without failing (meta end_host, any_errors_fatal, max_fail_percentage). */
  ended = false;
  readonly notified = new Set<HandlerEntry>();
  readonly counts: HostCounts = emptyCounts();

  constructor(
    readonly name: string,
    /** Inventory variables merged by Ansible's group precedence (still unrendered). */
    readonly inventoryVars: Readonly<Record<string, unknown>>,
    readonly groupNames: readonly string[],
  ) {}

  /** Still taking tasks in this play. */
  get active(): boolean {
    return !this.failed && !this.unreachable && !this.ended;
  }
}
