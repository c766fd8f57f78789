/**
 * The simulator's stand-ins refuse what the real tools refuse, where the roles
 * depend on it (so a role that gets the order or the flags wrong fails here too).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';

let cluster: ClusterLab;
const K = 'KUBECONFIG=/etc/rancher/rke2/rke2.yaml /var/lib/rancher/rke2/bin/kubectl';

beforeAll(async () => {
  cluster = await startClusterLab({ agents: ['worker1'] });
  const url = cluster.sim.mirror.urls.rke2InstallScript;
  const setup = await cluster.lab.exec('cp1', `curl -fsS '${url}' | sh - >/dev/null && systemctl start rke2-server`);
  if (setup.code !== 0) throw new Error(setup.stderr);
});

afterAll(async () => {
  await cluster?.stop();
});

const POOL = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: first-pool\n  namespace: metallb-system\nspec:\n  addresses: ["192.0.2.50/32"]\n';

it('kubectl apply: custom resources need their CRD, objects their namespace; created, unchanged, configured', async () => {
  const noCrd = await cluster.lab.exec('cp1', `printf '%s' '${POOL}' | ${K} apply -f -`);
  expect(noCrd.code).toBe(1);
  expect(noCrd.stderr).toContain('no matches for kind "IPAddressPool" in version "metallb.io/v1beta1"');

  const manifest = cluster.sim.mirror.urls.metallbManifest;
  const crds = await cluster.lab.exec('cp1', `curl -fsS '${manifest}' | sed '1,/^---$/d' | ${K} apply -f -`);
  expect(crds.stderr).toContain('namespaces "metallb-system" not found');
  expect(crds.stdout).toContain('customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io created');

  const all = await cluster.lab.exec('cp1', `curl -fsS '${manifest}' > /tmp/m.yaml && ${K} apply -f /tmp/m.yaml`);
  expect(all.code, all.stderr).toBe(0);
  expect(all.stdout).toContain('namespace/metallb-system created\n');
  expect(all.stdout).toContain('customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io unchanged\n');

  // MetalLB's webhook refuses pools until a while after its controller is ready (metallb#1597): retried, as the role does.
  const untilWebhookAnswers = `tries=0; until ${K} apply -f /tmp/p.yaml 2>/dev/null; do tries=$((tries + 1)); [ $tries -lt 60 ] || exit 1; sleep 0.25; done`;
  const pool = await cluster.lab.exec('cp1', `printf '%s' '${POOL}' > /tmp/p.yaml; ${untilWebhookAnswers}; ${K} apply -f /tmp/p.yaml; sed -i 's/50/51/' /tmp/p.yaml; ${K} apply -f /tmp/p.yaml`);
  expect(pool.stdout).toBe('ipaddresspool.metallb.io/first-pool created\nipaddresspool.metallb.io/first-pool unchanged\nipaddresspool.metallb.io/first-pool configured\n');
});

it('kubectl drain refuses DaemonSet pods without --ignore-daemonsets; taint refuses a duplicate without --overwrite', async () => {
  const drain = await cluster.lab.exec('cp1', `${K} drain cp1`);
  expect(drain.code).toBe(1);
  expect(drain.stderr).toContain('cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)');
  const taint = await cluster.lab.exec('cp1', `${K} taint nodes cp1 example.com/k:NoSchedule && ${K} taint nodes cp1 example.com/k:NoSchedule`);
  expect(taint.code).toBe(1);
  expect(taint.stdout).toBe('node/cp1 tainted\n');
  expect(taint.stderr).toContain('already has example.com/k taint(s) with same effect(s) and --overwrite is false');
});

it('an agent without the server URL or the token does not start, and says why in its journal', async () => {
  const url = cluster.sim.mirror.urls.rke2InstallScript;
  const start = await cluster.lab.exec('worker1', `curl -fsS '${url}' | INSTALL_RKE2_TYPE=agent sh - >/dev/null; mkdir -p /etc/rancher/rke2; echo 'server: https://cp1:9345' > /etc/rancher/rke2/config.yaml; systemctl start rke2-agent`);
  expect(start.code).toBe(1);
  expect(start.stderr).toContain('Job for rke2-agent.service failed');
  const journal = await cluster.lab.exec('worker1', 'journalctl -u rke2-agent -n 1; systemctl is-active rke2-agent');
  expect(journal.stdout).toMatch(/level=fatal msg="--token is required.*\nfailed\n$/);
});
