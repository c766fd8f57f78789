/**
 * SIMULATOR: a lab of simulated RKE2 nodes with the inventory the roles expect
 * (groups rke2_servers, rke2_agents, site_a, site_b; the MetalLB IP; the
 * download URLs pointed at the simulator's mirror). Used by test/rke2 and the demo.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { Lab } from '../lab.js';
import { PREFLIGHT_LAB_VARS, preflightHostSetup } from './preflight.js';
import { RkeSim, type SimTiming } from './sim.js';

export interface ClusterLabOptions {
  readonly server?: string;
  readonly agents?: readonly string[];
  /** Hosts started now but in no RKE2 group yet (workers added later, see `inventoryWithAgents`). */
  readonly laterAgents?: readonly string[];
  /** Hosts that look RHEL-family (yum, RPM installs, NetworkManager; see RkeSim.hostSetup). */
  readonly rhelHosts?: readonly string[];
  /** Extra inventory variables (all hosts). */
  readonly vars?: Readonly<Record<string, unknown>>;
  /** Variables of single hosts (e.g. rke2_node_name). */
  readonly hostVars?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** How long the simulated steps take (defaults: a second or less each). */
  readonly timing?: SimTiming;
}

export interface ClusterLab {
  readonly lab: Lab;
  readonly sim: RkeSim;
  readonly server: string;
  readonly agents: readonly string[];
  /** A copy of the lab inventory with more hosts in rke2_agents (as an operator would edit it). */
  inventoryWithAgents(extra: readonly string[]): string;
  stop(): Promise<void>;
}

/** The node label that says where a node stands (the ingress spreads its pods over it). */
export const SITE_LABEL = 'topology.kubernetes.io/zone';

/** The free IP MetalLB announces in the lab (a documentation address: never routed). */
export const LAB_METALLB_IP = '192.0.2.50';

export async function startClusterLab(options: ClusterLabOptions = {}): Promise<ClusterLab> {
  const server = options.server ?? 'cp1';
  const agents = options.agents ?? ['worker1', 'worker2'];
  const later = options.laterAgents ?? [];
  const names = [server, ...agents, ...later];
  const sim = await RkeSim.start(options.timing);
  try {
    const siteA = names.filter((_, index) => index % 2 === 0);
    const lab = await Lab.start({
      names,
      setup: (host) => `${sim.hostSetup(host, options.rhelHosts?.includes(host.name) ? 'rhel' : 'debian')}\n${preflightHostSetup(sim)}`,
      groups: {
        rke2_servers: [server],
        rke2_agents: [...agents],
        site_a: siteA,
        site_b: names.filter((name) => !siteA.includes(name)),
      },
      vars: { ...sim.inventoryVars(), ...PREFLIGHT_LAB_VARS, metallb_ip: LAB_METALLB_IP, rke2_wait_delay: 1, metallb_wait_delay: 1, ingress_wait_delay: 1, ...options.vars },
      // The site of each node as a node label, as inventory.example.yaml does.
      hostVars: Object.fromEntries(names.map((name) => [name, { rke2_node_labels: [`${SITE_LABEL}=${siteA.includes(name) ? 'site-a' : 'site-b'}`], ...options.hostVars?.[name] }])),
    });
    return {
      lab,
      sim,
      server,
      agents,
      inventoryWithAgents(extra) {
        const inventory = parseYaml(readFileSync(lab.inventoryPath, 'utf8')) as { all: { children: Record<string, { hosts: Record<string, null> }> } };
        for (const name of extra) inventory.all.children.rke2_agents!.hosts[name] = null;
        const path = join(lab.dir, `inventory-${extra.join('-')}.yaml`);
        writeFileSync(path, stringifyYaml(inventory), { mode: 0o600 });
        return path;
      },
      async stop() {
        await lab.stop();
        await sim.stop();
      },
    };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
