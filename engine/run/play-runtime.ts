/**
 * One play while it runs: its hosts and current batch, its vars_files, its
 * handlers, and the variable scope of a host at any point inside it (the
 * layers of Ansible's precedence, highest first).
 */
import { isAbsolute, resolve } from 'node:path';
import type { Inventory, ModuleTask, Play, RoleInstance } from '../load/model.js';
import { loadVarsFile } from '../load/vars-file.js';
import { renderString } from '../template/render.js';
import { withPosition, CxError } from '../errors.js';
import { factsLayerValues } from '../vars/facts-layer.js';
import { LayeredScope, layer, renderedLayer, type VarLayer } from '../vars/layered-scope.js';
import { OMIT_TOKEN, lazyObject } from '../vars/magic.js';
import type { Frame } from './frame.js';
import type { HandlerEntry } from './handlers.js';
import type { HostState } from './host-state.js';
import type { RunContext } from './run-context.js';
import { TaskIdentities } from './task-identity.js';

/** A task's frame inside an outer one, and the layer of its search path (ansible_search_path). */
export interface TaskFrame {
  readonly frame: Frame;
  readonly searchPath: VarLayer;
}

interface ActiveHosts {
  readonly changes: number;
  readonly batchOf: readonly string[];
  readonly active: readonly string[];
  readonly batch: readonly string[];
}

export class PlayRuntime {
  /** Hosts of the current serial batch. */
  batch: readonly string[] = [];
  /** meta: end_play: no later serial batch runs. */
  ended = false;
  /** How many times meta clear_host_errors ran in the play (an always it ran in does not fail its hosts again). */
  errorClears = 0;
  /** Handlers of the play plus those added by include_role, in the order they were loaded. */
  readonly handlers: HandlerEntry[];
  /** The ids that tell one task's results from another's in events. */
  readonly taskIds = new TaskIdentities();
  /** Each task's frame and search path inside an outer frame, made once for all hosts (task-executor.ts). */
  readonly taskFrames = new WeakMap<Frame, WeakMap<ModuleTask, TaskFrame>>();
  private readonly varsFilesByHost = new Map<string, VarLayer[]>();
  private readonly magicByHost = new Map<string, VarLayer>();
  /** The inventory the magic variables above were made from. */
  private magicInventory: Inventory | undefined;
  private readonly magicByRole = new Map<RoleInstance, VarLayer>();
  /** Each host's magic layer with the active hosts as last computed (they change only as hosts fail or end, or the batch does). */
  private readonly activeMagicByHost = new Map<string, { readonly lists: ActiveHosts; readonly layer: VarLayer }>();
  private activeHosts: ActiveHosts | undefined;
  private readonly hostvars: Record<string, unknown>;
  private readonly extraVars: VarLayer;
  private readonly playVars: VarLayer;

  constructor(
    readonly run: RunContext,
    readonly play: Play,
    /** Every host the play targets (after --limit), in inventory order. */
    readonly hosts: readonly string[],
  ) {
    this.handlers = play.handlers.map((task) => ({ task, role: task.role }));
    this.extraVars = layer('extra vars (-e)', run.options.extraVars);
    this.playVars = layer(`play vars of '${play.name}'`, play.vars);
    const allHosts = [...new Set([...run.inventory.hosts.keys(), ...hosts])];
    this.hostvars = lazyObject(allHosts, (name) => this.hostvarsOf(name));
  }

  /** The full scope of `host` for a task in `frame`, highest precedence first. */
  scope(host: HostState, frame: Frame): LayeredScope {
    const role = frame.role;
    const layers: VarLayer[] = [this.magic(host), ...(role ? [this.roleMagic(role)] : []), this.extraVars, ...frame.includeParams];
    if (role && Object.keys(role.params).length > 0) layers.push(layer(`params of role ${role.role.name}`, role.params));
    layers.push(renderedLayer('set_fact/register', host.setFacts, host.unsafeFacts), ...includedVarsLayer(host), ...frame.blockVars);
    if (role) layers.push(layer(`${role.role.dir}/vars`, role.role.vars));
    layers.push(...this.varsFiles(host), this.playVars, renderedLayer('facts', factsLayerValues(host.facts, this.run.options.injectFactsAsVars ?? true), true));
    layers.push(layer(`inventory vars of ${host.name}`, host.inventoryVars));
    if (role) layers.push(layer(`${role.role.dir}/defaults`, role.role.defaults));
    return new LayeredScope(layers);
  }

  /** The play-level scope of a host (what `hostvars[host]` shows). */
  playScope(host: HostState): LayeredScope {
    return new LayeredScope([
      this.magic(host),
      this.extraVars,
      renderedLayer('set_fact/register', host.setFacts, host.unsafeFacts), ...includedVarsLayer(host),
      ...this.varsFiles(host),
      this.playVars,
      renderedLayer('facts', factsLayerValues(host.facts, this.run.options.injectFactsAsVars ?? true), true),
      layer(`inventory vars of ${host.name}`, host.inventoryVars),
    ]);
  }

  /** Load the play's vars_files for a host (paths may be templated per host). */
  loadVarsFiles(host: HostState): void {
    if (this.varsFilesByHost.has(host.name) || this.play.varsFiles.length === 0) return;
    const scope = new LayeredScope([
      this.magic(host),
      this.extraVars,
      this.playVars,
      renderedLayer('facts', factsLayerValues(host.facts, this.run.options.injectFactsAsVars ?? true), true),
      layer(`inventory vars of ${host.name}`, host.inventoryVars),
    ]);
    const layers = this.play.varsFiles
      .map((file) => {
        let rendered: string;
        try {
          rendered = String(renderString(file, scope));
        } catch (error) {
          throw error instanceof CxError ? withPosition(error, this.play.at) : error;
        }
        const path = isAbsolute(rendered) ? rendered : resolve(this.play.baseDir, rendered);
        return layer(path, loadVarsFile(path, this.run.options.playbook.sources));
      })
      .reverse(); // later files win
    this.varsFilesByHost.set(host.name, layers);
  }

  private varsFiles(host: HostState): VarLayer[] {
    return this.varsFilesByHost.get(host.name) ?? [];
  }

  private magic(host: HostState): VarLayer {
    // add_host and group_by change `groups` and `group_names` for the tasks after them.
    if (this.magicInventory !== this.run.inventory) {
      this.magicInventory = this.run.inventory;
      this.magicByHost.clear();
      this.activeMagicByHost.clear();
    }
    let magic = this.magicByHost.get(host.name);
    if (!magic) {
      const options = this.run.options;
      magic = layer(
        'magic variables',
        {
          inventory_hostname: host.name,
          inventory_hostname_short: host.name.split('.')[0],
          group_names: host.groupNames,
          groups: this.run.groups,
          hostvars: this.hostvars,
          ansible_check_mode: options.check,
          ansible_diff_mode: options.diff,
          ansible_play_hosts_all: this.hosts,
          ansible_play_name: this.play.name,
          ansible_play_role_names: this.play.roleNames,
          role_names: this.play.roleNames,
          ansible_dependent_role_names: this.play.dependentRoleNames,
          ansible_role_names: [...new Set([...this.play.dependentRoleNames, ...this.play.roleNames])],
          ansible_forks: options.forks,
          ansible_verbosity: options.verbosity,
          playbook_dir: options.playbook.dir,
          ansible_run_tags: options.tags.length > 0 ? options.tags : ['all'],
          ansible_skip_tags: options.skipTags,
          ansible_version: { full: '2.14.0', major: 2, minor: 14, revision: 0, string: '2.14.0 (cxplay)' },
          omit: OMIT_TOKEN,
        },
        false,
      );
      this.magicByHost.set(host.name, magic);
    }
    const lists = this.currentActiveHosts();
    const cached = this.activeMagicByHost.get(host.name);
    if (cached?.lists === lists) return cached.layer;
    const withActive = layer(
      'magic variables',
      { ...magic.values, ansible_play_hosts: lists.active, play_hosts: lists.active, ansible_play_batch: lists.batch },
      false,
    );
    this.activeMagicByHost.set(host.name, { lists, layer: withActive });
    return withActive;
  }

  /** The magic variables of a task in a role: its name and directory. */
  private roleMagic(role: RoleInstance): VarLayer {
    let magic = this.magicByRole.get(role);
    if (!magic) {
      const { name, dir } = role.role;
      magic = layer('magic variables of the role', { role_name: name, role_path: dir, ansible_role_name: name }, false);
      this.magicByRole.set(role, magic);
    }
    return magic;
  }

  /** The play's hosts and batch hosts still active, computed again only when a host's state or the batch changed. */
  private currentActiveHosts(): ActiveHosts {
    const changes = this.run.activityChanges;
    const current = this.activeHosts;
    if (current && current.changes === changes && current.batchOf === this.batch) return current;
    const active = (name: string) => this.run.host(name).active;
    this.activeHosts = { changes, batchOf: this.batch, active: this.hosts.filter(active), batch: this.batch.filter(active) };
    return this.activeHosts;
  }

  private hostvarsOf(name: string): Record<string, unknown> {
    const scope = this.playScope(this.run.host(name));
    return lazyObject(scope.names(), (key) => scope.get(key));
  }
}


/** The host's include_vars variables as a layer (none until a task included some). */
function includedVarsLayer(host: HostState): VarLayer[] {
  for (const _name in host.includedVars) return [layer('include_vars', host.includedVars)];
  return [];
}
