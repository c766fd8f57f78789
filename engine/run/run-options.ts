/** Everything a run is asked to do, after the CLI parsed and the loader validated it. */
import type { RunFlags } from '../cli/options.js';
import type { ConnectionDefaults } from '../connection/spec.js';
import type { EventBus } from '../events.js';
import type { Inventory, Playbook } from '../load/model.js';
import type { BecomePlugins } from '../config/become-plugins.js';

/**
 * The flags the run reads (check, diff, limit, tags, skipTags, forks,
 * verbosity, taskTimeoutSeconds, retryFile, ...) are typed from the CLI's
 * option table (`RunFlags`, engine/cli/options.ts), where each is described.
 */
export type Gathering = 'implicit' | 'explicit' | 'smart';

export interface RunOptions extends RunFlags {
  readonly playbook: Playbook;
  readonly inventory: Inventory;
  /** meta: refresh_inventory: the inventory files read again from disk (absent: nothing to read again). */
  readonly reloadInventory?: (() => Inventory) | undefined;
  readonly extraVars: Readonly<Record<string, unknown>>;
  readonly connection: ConnectionDefaults;
  /** Ansible's `gathering`: implicit (default) gathers unless a play says gather_facts: false, explicit only when it says true, smart once per host. */
  readonly gathering?: Gathering | undefined;
  /** Ansible's INJECT_FACTS_AS_VARS: facts also as top-level variables (default), not only in ansible_facts. */
  readonly injectFactsAsVars?: boolean | undefined;
  /** Check the next tasks ahead, in the exec of the current one ([cxplay] speculation; on unless false). */
  readonly speculation?: boolean | undefined;
  /** Under strategy free and host_pinned, apply the next tasks in the exec of the current one ([cxplay] fusion; on unless false). */
  readonly fusion?: boolean | undefined;
  /** The operator's answer typed at the terminal (pause), up to Enter; unset when stdin is no terminal. */
  readonly askOperator?: ((echo: boolean) => Promise<string>) | undefined;
  /** --step: asked before each task whether to run it (`continue`: this one and all after without asking). */
  readonly askStep?: ((taskName: string) => Promise<'yes' | 'no' | 'continue'>) | undefined;
  /**
   * The sudo and su plugins' options from the configuration ([sudo_become_plugin],
   * [privilege_escalation], ANSIBLE_SUDO_*, ANSIBLE_BECOME_*); unset: the
   * method's own defaults (engine/config/become-plugins.ts).
   */
  readonly becomePlugins?: BecomePlugins | undefined;
  /** The sudo password -K asked for (a host's ansible_become_password wins). */
  readonly becomePassword?: string | undefined;
  readonly bus: EventBus;
  /** Aborted on SIGINT/SIGTERM: no new task starts, running remote commands are ended. */
  readonly signal: AbortSignal;
}
