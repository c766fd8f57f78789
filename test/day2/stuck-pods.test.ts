/**
 * Stuck pods (playbooks/stuck-pods.yaml) on a simulated cluster: pods Terminating for
 * more than 5 minutes in the listed namespaces are force-deleted and reported; recent
 * ones, running ones, other namespaces and the protected nfs-client and ingress-nginx are
 * left alone; --check only lists; listing a protected namespace is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { addPods } from '../lab/rke2-sim/pods.js';
import { parseRecap } from '../support/cli.js';
import { cx, kubectl, site } from '../rke2/support.js';
import { varsFile } from './support.js';

let cluster: ClusterLab;

const STUCK = ['ef-external/mongo-0', 'expertflow/cx-router-7d9f-abcde', 'kube-system/coredns-5c6b-xyz12'];
const KEPT = [
  'monitoring/grafana-6f7d-recent', // Terminating for 2 minutes only
  'expertflow/agent-desk-5d4c-running', // not being deleted
  'nfs-client/nfs-provisioner-0', // protected
  'ingress-nginx/nginx-ingress-controller-abc', // protected
  'default/unlisted-0', // not a listed namespace
];

beforeAll(async () => {
  cluster = await startClusterLab();
  const run = await site(cluster);
  if (run.code !== 0) throw new Error(`site.yaml failed:\n${run.stdout}\n${run.stderr}`);
  const old = 600;
  addPods(cluster.sim, [
    { namespace: 'ef-external', name: 'mongo-0', node: 'worker2', terminatingForSeconds: old },
    { namespace: 'expertflow', name: 'cx-router-7d9f-abcde', node: 'worker2', terminatingForSeconds: old },
    { namespace: 'kube-system', name: 'coredns-5c6b-xyz12', node: 'worker2', terminatingForSeconds: 2 * old },
    { namespace: 'monitoring', name: 'grafana-6f7d-recent', node: 'worker2', terminatingForSeconds: 120 },
    { namespace: 'expertflow', name: 'agent-desk-5d4c-running', node: 'worker1' },
    { namespace: 'nfs-client', name: 'nfs-provisioner-0', node: 'worker2', terminatingForSeconds: old },
    { namespace: 'ingress-nginx', name: 'nginx-ingress-controller-abc', node: 'worker2', terminatingForSeconds: old },
    { namespace: 'default', name: 'unlisted-0', node: 'worker2', terminatingForSeconds: old },
  ]);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

async function podNames(): Promise<string[]> {
  const list = JSON.parse(await kubectl(cluster, 'get pods -A -o json')) as { items: { metadata: { namespace: string; name: string } }[] };
  return list.items.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`);
}

describe('stuck pods on a simulated cluster', () => {
  it('the simulated kubectl shows them Terminating, with a deletionTimestamp', async () => {
    expect(await kubectl(cluster, 'get pods -n expertflow')).toMatch(/cx-router-7d9f-abcde\s+1\/1\s+Terminating\s+worker2/);
    const list = JSON.parse(await kubectl(cluster, 'get pods -n monitoring -o json')) as { items: { metadata: { deletionTimestamp?: string } }[] };
    expect(list.items.map((pod) => pod.metadata.deletionTimestamp)).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)]);
  });

  it('the simulated kubectl: a pod on a NotReady node stays Terminating when deleted, until forced', async () => {
    addPods(cluster.sim, [{ namespace: 'default', name: 'on-a-down-node', node: 'worker1' }]);
    await cluster.lab.exec('worker1', 'systemctl stop rke2-agent');
    try {
      expect(await kubectl(cluster, 'delete pod on-a-down-node')).toBe('pod "on-a-down-node" deleted\n');
      expect(await kubectl(cluster, 'get pods')).toMatch(/on-a-down-node\s+1\/1\s+Terminating\s+worker1/);
      expect(await kubectl(cluster, 'delete pod on-a-down-node --grace-period=0 --force')).toBe('pod "on-a-down-node" force deleted\n');
      expect(await kubectl(cluster, 'get pods')).not.toContain('on-a-down-node');
    } finally {
      await cluster.lab.exec('worker1', 'systemctl start rke2-agent');
    }
  });

  it('--check lists what it would delete and deletes nothing', async () => {
    const before = await podNames();
    const logStart = cluster.sim.argvLog().length;
    const run = await cx(['run', 'playbooks/stuck-pods.yaml', '-i', cluster.lab.inventoryPath, '--check']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`would force-delete 3 pod(s) Terminating for more than 300 s in ef-external, expertflow, monitoring, kube-system: ${STUCK.join(', ')}`);
    expect(await podNames()).toEqual(before);
    expect(cluster.sim.argvLog().slice(logStart)).not.toContain('delete pod');
  }, 120_000);

  it('force-deletes exactly the pods stuck for more than 5 minutes in the listed namespaces, and says which', async () => {
    const run = await cx(['run', 'playbooks/stuck-pods.yaml', '-i', cluster.lab.inventoryPath]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`force-deleted 3 pod(s) Terminating for more than 300 s in ef-external, expertflow, monitoring, kube-system: ${STUCK.join(', ')}`);
    expect(parseRecap(run.stdout).cp1).toMatchObject({ changed: 1, failed: 0 });
    const left = await podNames();
    for (const pod of STUCK) expect(left).not.toContain(pod);
    for (const pod of KEPT) expect(left).toContain(pod);
    expect(cluster.sim.argvLog()).toContain('kubectl delete pod cx-router-7d9f-abcde --namespace expertflow --grace-period=0 --force');

    const again = await cx(['run', 'playbooks/stuck-pods.yaml', '-i', cluster.lab.inventoryPath]);
    expect(again.stdout).toContain('force-deleted 0 pod(s) Terminating');
    expect(parseRecap(again.stdout).cp1).toMatchObject({ changed: 0, failed: 0 });
  }, 120_000);

  it('refuses nfs-client and ingress-nginx even when listed, before deleting anything', async () => {
    addPods(cluster.sim, [{ namespace: 'expertflow', name: 'cx-router-7d9f-later', node: 'worker2', terminatingForSeconds: 900 }]);
    const vars = varsFile(cluster, { stuck_pods_namespaces: ['expertflow', 'nfs-client', 'ingress-nginx'] });
    const run = await cx(['run', 'playbooks/stuck-pods.yaml', '-i', cluster.lab.inventoryPath, '-e', `@${vars}`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('refusing to force-delete pods in nfs-client, ingress-nginx: the seed warns');
    const left = await podNames();
    for (const pod of ['expertflow/cx-router-7d9f-later', 'nfs-client/nfs-provisioner-0', 'ingress-nginx/nginx-ingress-controller-abc']) expect(left).toContain(pod);
  }, 120_000);
});
