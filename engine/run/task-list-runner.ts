/**
 * Runs a list of task nodes for a set of hosts. Linear strategy: each task
 * runs on every host of the list at once (bounded by --forks), and the next
 * starts when all are done. Blocks, rescue/always, includes and meta tasks are
 * handled here; a single task on a single host is the executor's.
 */
import { isAbsolute, resolve } from 'node:path';
import pLimit from 'p-limit';
import { CxError, formatPosition } from '../errors.js';
import type { TaskRef, TaskResult } from '../events.js';
import { countResult } from '../recap-counts.js';
import type { BlockNode, IncludeNode, MetaTask, ModuleTask, TaskNode } from '../load/model.js';
import { loadRole } from '../load/role.js';
import { roleEntryTasks } from '../load/role-entry.js';
import { loadTaskFile } from '../load/tasks.js';
import { findModule } from '../modules/registry.js';
import { evaluateCondition, isTemplated, renderString } from '../template/render.js';
import type { VarLayer } from '../vars/layered-scope.js';
import { enterNode, type Frame } from './frame.js';
import type { BlockPart, HostState, ResumePoint } from './host-state.js';
import { flag, numberKeyword } from './keywords.js';
import { loopLayers } from './loop-items.js';
import type { PlayRuntime } from './play-runtime.js';
import { selectedByTags } from './tags.js';
import { executeTask } from './task-executor.js';
import { runHandlers } from './handlers.js';
import { connectionTypeFor } from './connections.js';
import { matchesStartAt } from './start-at-task.js';
import { tasksAhead } from './speculation.js';
import { tasksToFuse } from './fusion.js';
import { ignoresWhen, runsPerHost, skippedMetaResult, whenIgnoredWarning } from './meta-rules.js';

/** No bound: work runs at once (a host_pinned host's runner already holds its fork). */
export const unlimited = <T>(work: () => Promise<T>): Promise<T> => work();

export class TaskListRunner {
  private readonly limit: <T>(work: () => Promise<T>) => Promise<T>;
  private taskIndex = 0;

  constructor(
    readonly play: PlayRuntime,
    /** Module tasks the play will show, for "task N of M". */
    private readonly totalTasks: number,
    /** strategy: free: this runner works for one host, on its own, sharing the forks of `shared` (or holding a fork of its own: host_pinned). */
    shared?: TaskListRunner,
    ownFork = false,
  ) {
    this.limit = ownFork ? unlimited : (shared?.limit ?? pLimit(Math.max(1, play.run.options.forks)));
    this.free = shared !== undefined;
  }

  private readonly free: boolean;

  /** strategy: free: a runner for one host, with its own task count and the same forks (host_pinned: holding one of them already). */
  forOneHost(ownFork = false): TaskListRunner {
    return new TaskListRunner(this.play, this.totalTasks, this, ownFork);
  }

  /** `within`: the block part the list is (its rescue and always follow it for a host that comes back to it). */
  async runNodes(nodes: readonly TaskNode[], hosts: readonly string[], frame: Frame, within?: BlockPart): Promise<void> {
    for (const [index, node] of nodes.entries()) {
      if (this.play.run.interrupted) return;
      const active = hosts.filter((name) => this.state(name).active);
      if (active.length === 0) return;
      await this.runNode(node, active, frame, () => this.tasksAfter(nodes, index, frame));
      this.noteResumePoints(active, { nodes, index: index + 1, frame, within }, node.kind === 'block' && within !== undefined);
    }
  }

  /**
   * Where hosts would go on after meta clear_host_errors (not under free:
   * each host has its own list), as Ansible's linear strategy keeps each
   * host's place: one that became unreachable in the node, after it; one
   * that failed out of a block after running its always, or out of a block
   * nested in another (`nestedBlock`: Ansible ends only the inner block's
   * state), after that block, and after each block around it. A host that
   * failed elsewhere has no place: Ansible marks it complete.
   */
  private noteResumePoints(hosts: readonly string[], point: ResumePoint, nestedBlock: boolean): void {
    if (this.free) return;
    for (const name of hosts) {
      const host = this.state(name);
      const failedOut = host.failed && (host.leftAlwaysFailed || host.resumePoints.length > 0 || nestedBlock);
      // Waiting: it became unreachable in the node and a clear_host_errors there brought it back.
      if (host.unreachable || host.waiting || failedOut) host.resumePoints.push(point);
      host.leftAlwaysFailed = false;
    }
  }

  /** A host brought back by meta clear_host_errors goes on at a point it left: the rest of that list, then what follows it in its block. */
  async resume(point: ResumePoint, hosts: readonly string[]): Promise<void> {
    await this.runNodes(point.nodes.slice(point.index), hosts, point.frame, point.within);
    if (point.within) await this.finishBlockPart(point.within, hosts);
  }

  /** The tasks after a node that may run in its exec: fused with it under free (fusion.ts), else checked ahead (speculation.ts). */
  private tasksAfter(nodes: readonly TaskNode[], index: number, frame: Frame): readonly ModuleTask[] {
    if (!this.free || !this.play.run.fusion.enabled) return tasksAhead(nodes, index);
    const options = this.play.run.options;
    const runs = (node: TaskNode) => !this.play.run.stepping && this.play.run.startAt === undefined && selectedByTags([...frame.tags, ...node.tags], options.tags, options.skipTags);
    return tasksToFuse(nodes, index, runs);
  }

  private async runNode(node: TaskNode, hosts: readonly string[], frame: Frame, ahead: () => readonly ModuleTask[]): Promise<void> {
    const tags = [...frame.tags, ...node.tags];
    const options = this.play.run.options;
    if (node.kind !== 'block' && !selectedByTags(tags, options.tags, options.skipTags)) return;
    if (this.play.run.startAt !== undefined && node.kind !== 'block') {
      // --start-at-task: what comes before the task is skipped silently.
      if (node.kind !== 'task' || !matchesStartAt(node, this.play.run.startAt)) return;
      this.play.run.startAt = undefined;
    }
    if (node.kind === 'task' && this.play.run.stepping && !(await this.stepAllows(node))) return;
    switch (node.kind) {
      case 'task':
        return this.runTask(node, hosts, frame, ahead());
      case 'block':
        return this.runBlock(node, hosts, frame);
      case 'meta':
        return this.runMeta(node, hosts, frame);
      case 'include_tasks':
      case 'include_role':
        return this.runInclude(node, hosts, frame);
    }
  }

  /** --step: whether the operator lets this task run (`continue` stops the questions). */
  private async stepAllows(task: ModuleTask): Promise<boolean> {
    const run = this.play.run;
    const answer = await run.options.askStep!(task.name ?? task.module);
    if (answer === 'continue') run.stepping = false;
    return answer !== 'no';
  }

  /** `ahead`: the tasks after this one in its list that may be checked in its exec (speculation.ts). */
  async runTask(task: ModuleTask, hosts: readonly string[], frame: Frame, ahead: readonly ModuleTask[] = []): Promise<void> {
    const ref = this.taskRef(task, frame, hosts[0]!);
    const run = this.play.run;
    run.emit({ kind: 'task_start', task: ref, hosts, time: Date.now() });
    const first = this.state(hosts[0]!);
    const taskFrame = enterNode(frame, task);
    const firstScope = this.play.scope(first, taskFrame);
    const runOnce = flag(taskFrame.runOnce, firstScope);
    const once = !this.free && (findModule(task.module)?.bypassHostLoop === true || runOnce);
    if (this.free) this.warnUnsupportedUnderFree(taskFrame, firstScope);
    const targets = once ? [hosts[0]!] : hosts;
    const throttle = this.throttled(taskFrame, firstScope);
    await Promise.all(targets.map((name) => throttle(() => this.limit(() => executeTask(this.play, task, ref, frame, this.state(name), ahead)))));
    // A module that bypasses the host loop (add_host, pause) registers on the one host only, as in Ansible.
    if (once && runOnce) this.shareRunOnceResult(task, first, hosts);
    // Under free each host runs on its own: no threshold stops the others (Ansible's free strategy).
    if (!this.free) this.applyFailureThresholds(taskFrame);
  }

  /** Ansible's free strategy runs a run_once task on every host and ignores any_errors_fatal, and says so. */
  private warnUnsupportedUnderFree(frame: Frame, scope: ReturnType<PlayRuntime['scope']>): void {
    const warn = (message: string) => this.play.run.emit({ kind: 'warning', message, time: Date.now() });
    if (flag(frame.runOnce, scope)) warn('Using run_once with the free strategy is not currently supported. This task will still be executed for every host in the inventory list.');
    if (frame.anyErrorsFatal) warn('Using any_errors_fatal with the free strategy is not supported, as tasks are executed independently on each host');
  }

  /**
   * `throttle: N` lets at most N hosts run the task at once, under --forks
   * (Ansible templates it once per task; here with the first host's variables).
   */
  private throttled(frame: Frame, scope: ReturnType<PlayRuntime['scope']>): <T>(work: () => Promise<T>) => Promise<T> {
    const throttle = numberKeyword(frame.throttle, scope) ?? 0;
    if (throttle <= 0 || throttle >= this.play.run.options.forks) return (work) => work();
    return pLimit(Math.floor(throttle));
  }

  /** run_once: what the one host registered or set is set on every host of the batch. */
  private shareRunOnceResult(task: ModuleTask, source: HostState, hosts: readonly string[]): void {
    const shared = findModule(task.module)?.setsFacts ? Object.keys(source.setFacts) : [];
    if (task.register && task.register in source.setFacts) shared.push(task.register);
    for (const name of hosts.slice(1)) {
      for (const fact of shared) this.state(name).setFact(fact, source.setFacts[fact], source.unsafeFacts.has(fact));
    }
  }

  private async runBlock(block: BlockNode, hosts: readonly string[], frame: Frame): Promise<void> {
    const inner = enterNode(frame, block);
    const entering = hosts.filter((name) => this.state(name).active);
    const hasRescue = block.rescue.length > 0;
    const within: BlockPart = { block, part: 'block', frame: inner };
    await this.runNodes(block.block, entering, hasRescue ? { ...inner, rescuable: true } : inner, within);
    await this.finishBlockPart(within, entering);
  }

  /** What follows a part of a block for the hosts that went through it: the rescue for those that failed in its tasks, then the always. */
  private async finishBlockPart({ block, part, frame }: BlockPart, hosts: readonly string[]): Promise<void> {
    const failed = part === 'block' ? hosts.filter((name) => this.state(name).failed) : [];
    if (block.rescue.length > 0 && failed.length > 0) {
      for (const name of failed) this.rescueFrom(this.state(name));
      await this.runNodes(block.rescue, failed, frame, { block, part: 'rescue', frame });
    }
    if (part !== 'always' && block.always.length > 0) await this.runAlways(block, hosts, frame);
  }

  /** A failed host goes into a rescue: where it failed is left behind (Ansible's state moves to the rescue). */
  private rescueFrom(host: HostState): void {
    host.failed = false;
    host.resumePoints = [];
  }

  /**
   * `always` runs on every host that entered the block (not one waiting to
   * come back), failed ones included; they stay failed, unless meta
   * clear_host_errors ran in it (Ansible then takes them on after the block).
   */
  private async runAlways(block: BlockNode, entering: readonly string[], frame: Frame): Promise<void> {
    const hosts = entering.filter((name) => !this.state(name).unreachable && !this.state(name).ended && !this.state(name).waiting);
    const wereFailed = hosts.filter((name) => this.state(name).failed);
    for (const name of wereFailed) this.rescueFrom(this.state(name));
    const clears = this.play.errorClears;
    await this.runNodes(block.always, hosts, frame, { block, part: 'always', frame });
    if (this.play.errorClears !== clears) return;
    for (const name of wereFailed) {
      const host = this.state(name);
      if (host.unreachable || host.ended) continue;
      // Through its always without failing again: Ansible keeps it at the end of the always.
      if (!host.failed) host.leftAlwaysFailed = true;
      host.failed = true;
    }
  }

  private async runMeta(meta: MetaTask, hosts: readonly string[], frame: Frame): Promise<void> {
    if (hosts.length === 0) return;
    const chosen = this.metaHosts(meta, hosts, frame);
    const skipped = (name: string) => !chosen.includes(name);
    switch (meta.action) {
      case 'flush_handlers':
        return runHandlers(this, this.play.batch.filter((name) => !hosts.includes(name) || !skipped(name)), frame);
      case 'end_play':
      case 'end_batch':
        if (chosen.length === 0) return;
        for (const name of this.play.batch) this.state(name).ended = true;
        // end_play ends the later serial batches too; end_batch only this one.
        if (meta.action === 'end_play') this.play.ended = true;
        return;
      case 'clear_facts':
        // As Ansible: the gathered facts of every host of the play (set_fact values stay).
        if (chosen.length > 0) for (const name of this.play.hosts) this.state(name).facts = undefined;
        return;
      case 'reset_connection':
        for (const name of chosen) {
          // Ansible's local connection plugin has nothing to reset, and says so.
          if (connectionTypeFor(this.play, name) === 'local') this.play.run.emit({ kind: 'warning', message: 'Reset is not implemented for this connection', time: Date.now() });
          await this.play.run.pool.reset(name);
        }
        return;
      case 'end_host':
        for (const name of chosen) this.state(name).ended = true;
        return;
      case 'clear_host_errors':
        if (chosen.length > 0) this.clearHostErrors();
        return;
      case 'refresh_inventory':
        this.play.run.refreshInventory();
        // Ansible 2.14's refreshed hosts are new objects its handlers were not notified for: what was notified does not run.
        for (const name of this.play.batch) this.state(name).notified.clear();
        return;
      case 'noop':
        return;
    }
  }

  /**
   * The hosts a meta task acts for, with the lines Ansible prints
   * (meta-rules.ts): under linear the header each time the action runs (for
   * each host, or once for the first), under free only before a host's
   * `skipping:` line; a `when` false for a host skips it there.
   */
  private metaHosts(meta: MetaTask, hosts: readonly string[], frame: Frame): string[] {
    const inner = enterNode(frame, meta);
    const ref = this.metaRef(meta, frame, hosts[0]!);
    const emit = this.play.run.emit.bind(this.play.run);
    const runsFor = this.free || runsPerHost(meta.action) ? hosts : hosts.slice(0, 1);
    const chosen: string[] = [];
    for (const [index, name] of runsFor.entries()) {
      if (!this.free) emit({ kind: 'task_start', task: ref, hosts: [name], time: Date.now() });
      if (index === 0 && ignoresWhen(meta.action) && inner.when.length > 0) emit({ kind: 'warning', message: whenIgnoredWarning(meta.action), time: Date.now() });
      const host = this.state(name);
      if (ignoresWhen(meta.action) || inner.when.every((condition) => evaluateCondition(condition, this.play.scope(host, inner)))) {
        chosen.push(name);
        continue;
      }
      if (this.free) emit({ kind: 'task_start', task: ref, hosts: [name], time: Date.now() });
      emit({ kind: 'host_result', host: name, task: ref, status: 'skipped', ignored: false, result: skippedMetaResult(meta.action, name), durationMs: 0, time: Date.now() });
    }
    return chosen;
  }

  /**
   * meta: clear_host_errors, as measured with Ansible 2.14: an unreachable
   * host of the play comes back, but only once the others are through the
   * play's tasks: it then runs the ones it missed (play-runner.ts), with the
   * rescue and always of the blocks it was in; so does a host that failed
   * out of a block after running its always (from after that block); a
   * failed host in an always when it runs goes on after it with the others
   * (runAlways); another failed one no longer counts as failed (the exit
   * code, later plays) but does not come back into this play.
   */
  private clearHostErrors(): void {
    this.play.errorClears += 1;
    for (const name of this.play.hosts) {
      const host = this.state(name);
      if (host.failed) {
        host.failed = false;
        if (host.resumePoints.length > 0) host.waiting = true;
        else host.ended = true;
      }
      if (host.unreachable) {
        host.unreachable = false;
        host.waiting = host.resumeSection !== undefined || host.resumePoints.length > 0;
        this.play.run.pool.forgetFailed(name);
      }
    }
  }

  private async runInclude(node: IncludeNode, hosts: readonly string[], frame: Frame): Promise<void> {
    const ref = this.includeRef(node, frame, hosts[0]);
    this.play.run.emit({ kind: 'task_start', task: ref, hosts, time: Date.now() });
    const inner = enterNode(frame, node);
    const groups = new Map<string, { hosts: string[]; item: VarLayer | undefined; target: string }>();
    for (const name of hosts) {
      const host = this.state(name);
      const scope = this.play.scope(host, inner);
      if (!inner.when.every((condition) => evaluateCondition(condition, scope))) {
        this.skipInclude(ref, host);
        continue;
      }
      for (const item of this.includeItems(node, scope)) {
        const itemScope = item ? scope.withTop(item) : scope;
        const target = String(renderString(node.target, itemScope));
        const key = `${target}\u0000${JSON.stringify(item?.values ?? null)}`;
        const group = groups.get(key) ?? { hosts: [], item, target };
        group.hosts.push(name);
        groups.set(key, group);
      }
    }
    for (const group of groups.values()) {
      const itemLayers = group.item ? [group.item, ...inner.includeParams] : inner.includeParams;
      const groupFrame: Frame = { ...inner, includeParams: itemLayers, inclusion: this.play.taskIds.newInclusion() };
      if (node.kind === 'include_tasks') await this.includeTasks(node, ref, group.target, group.hosts, groupFrame);
      else await this.includeRole(node, ref, group.target, group.hosts, groupFrame);
    }
  }

  /** The loop layer of each item of an include's loop (none without a loop). */
  private includeItems(node: IncludeNode, scope: ReturnType<PlayRuntime['scope']>): (VarLayer | undefined)[] {
    return node.loop === undefined ? [undefined] : loopLayers(node, scope);
  }

  private async includeTasks(node: IncludeNode, ref: TaskRef, target: string, hosts: readonly string[], frame: Frame): Promise<void> {
    const path = isAbsolute(target) ? target : resolve(node.baseDir, target);
    if (frame.includeStack.includes(path)) {
      const cycle = [...frame.includeStack, path].join(' -> ');
      this.failHosts(ref, hosts, `${formatPosition(node.at)}: include cycle: ${cycle}`);
      return;
    }
    let tasks: readonly TaskNode[];
    try {
      tasks = loadTaskFile(path, { role: frame.role, sources: this.play.run.options.playbook.sources });
    } catch (error) {
      this.failHosts(ref, hosts, error instanceof CxError ? error.describe() : String(error));
      return;
    }
    this.markIncluded(ref, path, hosts);
    await this.runNodes(tasks, hosts, { ...frame, includeStack: [...frame.includeStack, path] });
  }

  private async includeRole(node: IncludeNode, ref: TaskRef, name: string, hosts: readonly string[], frame: Frame): Promise<void> {
    let instance;
    try {
      instance = loadRole(name, { baseDir: this.play.play.baseDir, from: node.from, params: node.vars, at: node.at, sources: this.play.run.options.playbook.sources });
    } catch (error) {
      this.failHosts(ref, hosts, error instanceof CxError ? error.describe() : String(error));
      return;
    }
    // Ansible counts no result for include_role itself; each include loads the role's handlers anew.
    for (const task of instance.role.handlers) this.play.handlers.push({ task, role: instance });
    // The include's vars are the role's params here, not block vars.
    const roleFrame: Frame = { ...frame, blockVars: frame.blockVars.slice(Object.keys(node.vars).length > 0 ? 1 : 0), role: instance };
    await this.runNodes(roleEntryTasks(instance), hosts, roleFrame);
  }

  /** Ansible counts a loaded include as one `ok` per host ("included: file for hosts"). */
  private markIncluded(ref: TaskRef, file: string, hosts: readonly string[]): void {
    const shown = this.play.run.secrets.maskText(file);
    for (const name of hosts) this.includeResult(ref, this.state(name), 'ok', { changed: false, include: shown }, shown);
  }

  private skipInclude(ref: TaskRef, host: HostState): void {
    this.includeResult(ref, host, 'skipped', { changed: false, skipped: true, skip_reason: 'Conditional result was False' });
  }

  private failHosts(ref: TaskRef, hosts: readonly string[], message: string): void {
    for (const name of hosts) {
      const host = this.state(name);
      host.failed = true;
      this.includeResult(ref, host, 'failed', { failed: true, changed: false, msg: this.play.run.secrets.maskText(message) });
    }
  }

  /** An include's own result for one host: counted in the recap and reported. */
  private includeResult(ref: TaskRef, host: HostState, status: 'ok' | 'skipped' | 'failed', result: TaskResult, included?: string): void {
    host.counts = countResult(host.counts, { status, changed: false, ignored: false, rescued: false });
    this.play.run.emit({ kind: 'host_result', host: host.name, task: ref, status, ignored: false, included, result, durationMs: 0, time: Date.now() });
  }

  /** any_errors_fatal and max_fail_percentage (exceeded, not reached) end the batch and the run. */
  private applyFailureThresholds(frame: Frame): void {
    const batch = this.play.batch.map((name) => this.state(name));
    // As ansible-core's linear strategy: a failure a rescue will handle counts for neither
    // threshold, and the percentage counts failed hosts of the batch, not unreachable ones.
    const failed = frame.rescuable ? 0 : batch.filter((host) => host.failed).length;
    if (failed === 0 && !batch.some((host) => host.unreachable)) return;
    const maxPercent = this.play.play.maxFailPercentage;
    const tooMany = maxPercent !== undefined && (failed / batch.length) * 100 > maxPercent;
    if (!frame.anyErrorsFatal && !tooMany) return;
    for (const host of batch) if (host.active) host.ended = true;
    this.play.run.stopped = true;
  }

  taskRef(task: ModuleTask, frame: Frame, firstHost: string): TaskRef {
    this.taskIndex += 1;
    const base = task.name === undefined ? task.module : this.displayName(task.name, frame, firstHost);
    const role = task.role ?? frame.role;
    return {
      id: this.play.taskIds.idOf(task, role, frame.inclusion),
      name: role ? `${role.role.name} : ${base}` : base,
      module: task.module,
      at: task.at,
      index: this.taskIndex,
      total: Math.max(this.totalTasks, this.taskIndex),
      isHandler: frame.isHandler,
      showsResult: findModule(task.module)?.showsResult === true,
    };
  }

  /**
   * As Ansible shows it: `{{ }}` in a task name rendered with the first host's
   * variables, or left as written when it cannot be; a known secret a name
   * was built from shows masked, in every event that carries the task.
   */
  private displayName(name: string, frame: Frame, host: string): string {
    if (!isTemplated(name)) return name;
    try {
      return this.play.run.secrets.maskText(String(renderString(name, this.play.scope(this.state(host), frame))));
    } catch {
      return name;
    }
  }

  /** A meta task as Ansible names it: its rendered name, else `meta`, inside a role prefixed `role : `. */
  private metaRef(meta: MetaTask, frame: Frame, firstHost: string): TaskRef {
    const base = meta.name === undefined ? 'meta' : this.displayName(meta.name, frame, firstHost);
    const role = frame.role?.role.name;
    const id = this.play.taskIds.idOf(meta, frame.role, frame.inclusion);
    return { id, name: role ? `${role} : ${base}` : base, module: 'meta', at: meta.at, index: this.taskIndex, total: this.totalTasks, isHandler: frame.isHandler, showsResult: false };
  }

  /**
   * As Ansible names an include: its rendered name, else `include_tasks`;
   * inside a role prefixed `role : `, except include_role, which names
   * itself `include_role : <role>` when unnamed and is never prefixed.
   */
  private includeRef(node: IncludeNode, frame: Frame, firstHost: string | undefined): TaskRef {
    const named = node.name === undefined || firstHost === undefined ? node.name : this.displayName(node.name, frame, firstHost);
    const role = frame.role?.role.name;
    const name = node.kind === 'include_role' ? (named ?? `include_role : ${node.target}`) : role ? `${role} : ${named ?? node.kind}` : (named ?? node.kind);
    return { id: this.play.taskIds.idOf(node, frame.role, frame.inclusion), name, module: node.kind, at: node.at, index: this.taskIndex, total: this.totalTasks, isHandler: false, showsResult: false };
  }

  state(name: string): HostState {
    return this.play.run.host(name);
  }
}
