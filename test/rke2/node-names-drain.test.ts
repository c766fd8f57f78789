/**
 * Node names that differ from the inventory names, and a drain held by a
 * PodDisruptionBudget, on simulated RKE2 nodes: site.yaml names every node by its
 * rke2_node_name (MetalLB's L2Advertisement, verify, drain), so the ingress IP is
 * announced; a drain that times out names the pods and the PDB and leaves the control
 * plane cordoned, and a rerun drains it once the PDB allows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { parseRecap } from '../support/cli.js';
import { kubectl, nodes, site } from './support.js';

let cluster: ClusterLab;

beforeAll(async () => {
  cluster = await startClusterLab({
    hostVars: { worker1: { rke2_node_name: 'node-a1' }, worker2: { rke2_node_name: 'node-b1' } },
    vars: { taint_drain_extra_args: ['--timeout=3s'] },
  });
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

it('site.yaml names the nodes by rke2_node_name: verify, the L2Advertisement and the announcement', async () => {
  const run = await site(cluster);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect((await nodes(cluster)).map((node) => [node.name, node.ready])).toEqual([['cp1', true], ['node-a1', true], ['node-b1', true]]);
  const l2 = parseYaml(await kubectl(cluster, 'get l2advertisement example -n metallb-system -o yaml'));
  expect(l2.spec.nodeSelectors).toEqual(['node-a1', 'node-b1'].map((name) => ({ matchLabels: { 'kubernetes.io/hostname': name } })));
  const events = JSON.parse(await kubectl(cluster, 'get events -n ingress-nginx --field-selector involvedObject.name=nginx-ingress-nginx-ingress-controller -o json'));
  expect(events.items.map((event: { message: string }) => event.message)).toContainEqual(expect.stringMatching(/^announcing from node "node-(a1|b1)"/));
}, 300_000);

it('a drain held by a PodDisruptionBudget names the pod and the PDB, leaves the node cordoned, and a rerun drains it', async () => {
  const manifest = [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: example.com/web:1\n',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web-pdb\n  namespace: default\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
  ].join('---\n');
  // The control plane back in service for a moment, so that the pod lands on it.
  await kubectl(cluster, 'taint nodes cp1 node-role.kubernetes.io/control-plane:NoSchedule-');
  await kubectl(cluster, 'uncordon cp1');
  const apply = await cluster.lab.exec('cp1', `printf '%s' '${manifest}' > /tmp/web.yaml && KUBECONFIG=/etc/rancher/rke2/rke2.yaml /var/lib/rancher/rke2/bin/kubectl apply -f /tmp/web.yaml`);
  expect(apply.code, apply.stderr).toBe(0);
  expect(await kubectl(cluster, 'get pods')).toMatch(/web-\S+\s+\S+\s+\S+\s+cp1/);

  const held = await site(cluster);
  expect(held.code).toBe(2);
  expect(parseRecap(held.stdout).cp1).toMatchObject({ failed: 1, rescued: 1 });
  expect(held.stdout).toMatch(/draining cp1 failed \(it stays cordoned; rerun to retry\): pods not evicted: web-\S+ in namespace default; PodDisruptionBudgets allowing no disruption: web-pdb/);
  expect((await nodes(cluster)).find((node) => node.name === 'cp1')?.unschedulable).toBe(true);

  await kubectl(cluster, 'delete pdb web-pdb -n default');
  const rerun = await site(cluster);
  expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
  expect(rerun.stdout).toMatch(/TASK \[taint-drain : Drain the control plane\][^\n]*\nchanged: \[cp1\]/);
  expect(await kubectl(cluster, 'get pods')).toMatch(/web-\S+\s+\S+\s+\S+\s+node-(a1|b1)/);
}, 400_000);
