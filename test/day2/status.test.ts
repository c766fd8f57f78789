/**
 * Cluster status (playbooks/status.yaml, last play of site.yaml) on a simulated cluster:
 * the nodes as `kubectl get nodes -o wide` shows them and one row per node counting its
 * pods by state; a node gone NotReady, its pods Terminating and an unscheduled pod show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { addPods } from '../lab/rke2-sim/pods.js';
import { parseRecap } from '../support/cli.js';
import { cx, kubectl, site } from '../rke2/support.js';

let cluster: ClusterLab;
let siteOutput: string;

beforeAll(async () => {
  cluster = await startClusterLab();
  const run = await site(cluster);
  if (run.code !== 0) throw new Error(`site.yaml failed:\n${run.stdout}\n${run.stderr}`);
  siteOutput = run.stdout;
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

interface HealthRow {
  node: string;
  status: string;
  pods: number;
  running: number;
  pending: number;
  terminating: number;
  other: number;
}

/** The per-node rows of the last status table in the output. */
function health(output: string): HealthRow[] {
  const table = output.slice(output.lastIndexOf('"NODE  '));
  const rows: HealthRow[] = [];
  for (const match of table.matchAll(/^\s+"(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)",?$/gm)) {
    const [, node, status, pods, running, pending, terminating, other] = match;
    rows.push({ node: node!, status: status!, pods: Number(pods), running: Number(running), pending: Number(pending), terminating: Number(terminating), other: Number(other) });
  }
  return rows;
}

describe('cluster status on simulated nodes', () => {
  it('site.yaml ends with the nodes and the pod health of each node', async () => {
    expect(siteOutput.slice(siteOutput.lastIndexOf('PLAY ['))).toMatch(/^PLAY \[Cluster status\]/);
    expect(siteOutput).toMatch(/"NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP/);
    const rows = health(siteOutput);
    expect(rows.map((row) => [row.node, row.status])).toEqual([['cp1', 'Ready,SchedulingDisabled'], ['worker1', 'Ready'], ['worker2', 'Ready']]);
    // Every pod the cluster has is counted once, on its node, and all run.
    const podLines = (await kubectl(cluster, 'get pods -A')).trim().split('\n').slice(1);
    expect(rows.reduce((sum, row) => sum + row.pods, 0)).toBe(podLines.length);
    for (const row of rows) {
      expect(row.pods).toBe(podLines.filter((line) => line.trim().endsWith(` ${row.node}`)).length);
      expect(row).toMatchObject({ running: row.pods, pending: 0, terminating: 0, other: 0 });
    }
    expect(rows.find((row) => row.node === 'cp1')!.pods).toBe(1); // drained: the MetalLB speaker only
  });

  it('on demand: a node gone NotReady, its Terminating pods and an unscheduled pod show', async () => {
    const stop = await cluster.lab.exec('worker2', 'systemctl stop rke2-agent');
    expect(stop.code, stop.stderr).toBe(0);
    addPods(cluster.sim, [
      { namespace: 'expertflow', name: 'cx-router-0', node: 'worker2', terminatingForSeconds: 60 },
      { namespace: 'expertflow', name: 'cx-router-1', node: 'worker2', terminatingForSeconds: 60 },
      { namespace: 'expertflow', name: 'waiting-0', node: '' },
    ]);
    const before = health(siteOutput).find((row) => row.node === 'worker2')!;
    const run = await cx(['run', 'playbooks/status.yaml', '-i', cluster.lab.inventoryPath]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(parseRecap(run.stdout).cp1).toMatchObject({ changed: 0, failed: 0 });
    expect(run.stdout).toMatch(/"worker2\s+NotReady\s+\d+\s+\d+\s+0\s+2\s+0/);
    const worker2 = health(run.stdout).find((row) => row.node === 'worker2')!;
    expect(worker2).toEqual({ ...before, status: 'NotReady', pods: before.pods + 2, terminating: 2 });
    expect(run.stdout).toContain('1 pod(s) not scheduled on any node (Pending)');
  }, 120_000);
});
