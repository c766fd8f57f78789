/**
 * SIMULATOR: seed pods into a simulated cluster's state, as a down node leaves them:
 * running on a node, or stuck Terminating since some time (their deletionTimestamp).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RkeSim } from './sim.js';

export interface SeededPod {
  readonly namespace: string;
  readonly name: string;
  /** Empty: not scheduled (Pending). */
  readonly node: string;
  /** Seconds since its deletionTimestamp; absent: not being deleted. */
  readonly terminatingForSeconds?: number;
}

export function addPods(sim: RkeSim, pods: readonly SeededPod[]): void {
  for (const pod of pods) {
    mkdirSync(join(sim.clusterDir, 'pods', pod.namespace), { recursive: true });
    writeFileSync(join(sim.clusterDir, 'pods', pod.namespace, pod.name), pod.node ? `${pod.node}\n` : '');
    if (pod.terminatingForSeconds === undefined) continue;
    mkdirSync(join(sim.clusterDir, 'terminating', pod.namespace), { recursive: true });
    writeFileSync(join(sim.clusterDir, 'terminating', pod.namespace, pod.name), `${Math.floor(Date.now() / 1000) - pod.terminatingForSeconds}\n`);
  }
}
