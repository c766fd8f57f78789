/**
 * The simulator refuses what RKE2, MetalLB, Helm and kubectl refuse where the roles depend
 * on it (test/lab/rke2-sim/README.md names the document each behaviour follows): the
 * packaged ingress holding IngressClass nginx, MetalLB's late webhook and its pool,
 * advertisement and node selection, node-label at first registration only, drains held by
 * a PodDisruptionBudget, helm's OCI references and --wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';

let cluster: ClusterLab;
const K = 'KUBECONFIG=/etc/rancher/rke2/rke2.yaml /var/lib/rancher/rke2/bin/kubectl';
const H = 'KUBECONFIG=/etc/rancher/rke2/rke2.yaml helm';
// Retried as the metallb role does, until the webhook answers.
const RETRY = (command: string) => `for i in $(seq 60); do ${command} && break; sleep 1; done`;

async function sh(host: string, script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return cluster.lab.exec(host, script);
}

beforeAll(async () => {
  cluster = await startClusterLab({ agents: ['worker1'], timing: { node_ready: 1, rollout: 1, webhook: 10 } });
  const urls = cluster.sim.mirror.urls;
  const setup = await sh('cp1', `mkdir -p /etc/rancher/rke2 && printf 'node-label:\\n  - site=a\\n' > /etc/rancher/rke2/config.yaml && curl -fsS '${urls.rke2InstallScript}' | sh - >/dev/null && systemctl start rke2-server && curl -fsS '${urls.helmInstallScript}' | sh - >/dev/null`);
  if (setup.code !== 0) throw new Error(setup.stderr);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('the simulator is as strict as the real components', () => {
  it('a started node is NotReady for a while, then Ready; node-label counts only at first registration', async () => {
    const wait = await sh('cp1', `until ${K} get nodes cp1 | grep -q ' Ready '; do sleep 0.2; done; ${K} get nodes cp1 -o json`);
    expect(JSON.parse(wait.stdout).metadata.labels).toMatchObject({ site: 'a', 'kubernetes.io/hostname': 'cp1' });
    const relabel = await sh('cp1', `sed -i 's/site=a/site=b/' /etc/rancher/rke2/config.yaml && systemctl restart rke2-server && ${K} get nodes cp1 -o json`);
    expect(JSON.parse(relabel.stdout).metadata.labels.site).toBe('a');
    const label = await sh('cp1', `${K} label nodes cp1 site=b; ${K} label nodes cp1 site=b --overwrite; ${K} label nodes cp1 site=b --overwrite`);
    expect(label.stderr).toContain("'site' already has a value (a), and --overwrite is false");
    expect(label.stdout).toBe('node/cp1 labeled\nnode/cp1 not labeled\n');
  });

  it('RKE2 deploys rke2-ingress-nginx with IngressClass nginx: a second release wanting it fails as helm fails, until disable: removes it', async () => {
    const chart = 'oci://registry-1.docker.io/bitnamicharts/nginx-ingress-controller';
    const pull = await sh('cp1', `rm -rf /tmp/c && ${H} pull ${chart} --version 11.6.0 --untar --untardir /tmp/c && cat /tmp/c/nginx-ingress-controller/Chart.yaml`);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.stdout).toContain('version: 11.6.0');
    expect((await sh('cp1', `${H} pull ${chart} --version 9.9.9 --untar --untardir /tmp/d`)).stderr).toContain('nginx-ingress-controller:9.9.9: not found');

    const classes = await sh('cp1', `${K} get ingressclass nginx; ${H} list -A -o json`);
    expect(classes.stdout).toContain('ingressclass/nginx');
    expect(JSON.parse(classes.stdout.slice(classes.stdout.indexOf('[')))).toMatchObject([{ name: 'rke2-ingress-nginx', namespace: 'kube-system' }]);
    const install = await sh('cp1', `${H} upgrade --install nginx-ingress /tmp/c/nginx-ingress-controller -n ingress-nginx --create-namespace`);
    expect(install.code).toBe(1);
    expect(install.stderr).toContain('IngressClass "nginx" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata');
    expect(install.stderr).toContain('key "meta.helm.sh/release-name" must equal "nginx-ingress": current value is "rke2-ingress-nginx"');

    const disable = await sh('cp1', `printf 'disable:\\n  - rke2-ingress-nginx\\n' >> /etc/rancher/rke2/config.yaml && systemctl restart rke2-server && ${K} get ingressclass nginx`);
    expect(disable.stderr).toContain('not found');
  });

  it('helm --wait fails when the pods never get ready (an image that cannot be pulled), and the release is failed', async () => {
    await sh('cp1', `mkdir -p "$(. /var/lib/cxsim/env; echo $CXSIM_CLUSTER)/registry" && echo docker.io/bitnami/ > "$(. /var/lib/cxsim/env; echo $CXSIM_CLUSTER)/registry/unpullable"`);
    const failed = await sh('cp1', `${H} upgrade --install nginx-ingress /tmp/c/nginx-ingress-controller -n ingress-nginx --create-namespace --wait --timeout 2s; ${H} list -n ingress-nginx -o json; ${K} get pods -n ingress-nginx`);
    expect(failed.stderr).toContain('Error: INSTALLATION FAILED: context deadline exceeded');
    expect(failed.stdout).toContain('"status":"failed"');
    expect(failed.stdout).toMatch(/nginx-ingress-nginx-ingress-controller-\S+\s+0\/1\s+ImagePullBackOff/);
    const fixed = await sh('cp1', `printf 'image:\\n  repository: bitnamilegacy/nginx-ingress-controller\\n' > /tmp/v.yaml && ${H} upgrade --install nginx-ingress /tmp/c/nginx-ingress-controller -n ingress-nginx -f /tmp/v.yaml --wait --timeout 30s && ${K} get pods -n ingress-nginx`);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/nginx-ingress-nginx-ingress-controller-\S+\s+1\/1\s+Running/);
  });

  it('MetalLB: the webhook refuses pools after the rollout reports ready; a LoadBalancer gets an IP only with a pool and an L2Advertisement, announced only from a selected node', async () => {
    const manifest = cluster.sim.mirror.urls.metallbManifest;
    const rollout = await sh('cp1', `curl -fsS '${manifest}' > /tmp/m.yaml && ${K} apply -f /tmp/m.yaml >/dev/null && ${K} -n metallb-system rollout status deployment/controller --timeout=30s`);
    expect(rollout.code, rollout.stderr).toBe(0);
    expect(rollout.stdout).toMatch(/deployment "controller" successfully rolled out\n$/);
    const pool = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: first-pool\n  namespace: metallb-system\nspec:\n  addresses:\n  - 192.0.2.50/32\n';
    const early = await sh('cp1', `printf '%s' '${pool}' > /tmp/p.yaml && ${K} apply -f /tmp/p.yaml`);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('failed calling webhook "ipaddresspoolvalidationwebhook.metallb.io"');
    const later = await sh('cp1', `${RETRY(`${K} apply -f /tmp/p.yaml 2>/dev/null`)}; ${K} get svc -n ingress-nginx`);
    expect(later.stdout).toMatch(/nginx-ingress-nginx-ingress-controller\s+LoadBalancer\s+<pending>/);

    const l2 = (node: string) => `apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n  name: example\n  namespace: metallb-system\nspec:\n  ipAddressPools:\n  - first-pool\n  nodeSelectors:\n  - matchLabels:\n      kubernetes.io/hostname: ${node}\n`;
    const events = `${K} get events -n ingress-nginx --field-selector involvedObject.name=nginx-ingress-nginx-ingress-controller -o json`;
    const unselected = await sh('cp1', `printf '%s' '${l2('no-such-node')}' > /tmp/l.yaml && ${K} apply -f /tmp/l.yaml >/dev/null && ${K} get svc -n ingress-nginx && ${events}`);
    expect(unselected.stdout).toMatch(/LoadBalancer\s+192\.0\.2\.50/);
    expect(JSON.parse(unselected.stdout.slice(unselected.stdout.indexOf('{'))).items.map((event: { reason: string }) => event.reason)).toEqual(['IPAllocated']);
    const selected = await sh('cp1', `printf '%s' '${l2('cp1')}' > /tmp/l.yaml && ${K} apply -f /tmp/l.yaml >/dev/null && ${events}`);
    expect(JSON.parse(selected.stdout).items.map((event: { message: string }) => event.message)).toContain('announcing from node "cp1" with protocol "layer2"');
  });

  it('a PodDisruptionBudget makes kubectl drain time out and leave the node cordoned; a second drain still evicts', async () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ingress-pdb\n  namespace: ingress-nginx\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/instance: nginx-ingress\n';
    const drain = await sh('cp1', `printf '%s' '${pdb}' > /tmp/pdb.yaml && ${K} apply -f /tmp/pdb.yaml >/dev/null && ${K} drain cp1 --ignore-daemonsets --delete-emptydir-data --timeout=2s; echo rc=$?; ${K} get nodes cp1; ${K} get pdb -A -o json`);
    expect(drain.stdout).toContain('rc=1');
    expect(drain.stderr).toContain('error when evicting pods/"nginx-ingress-nginx-ingress-controller-');
    expect(drain.stderr).toContain("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(drain.stderr).toContain('global timeout reached: 2s');
    expect(drain.stdout).toMatch(/cp1\s+Ready,SchedulingDisabled/);
    expect(drain.stdout).toContain('"disruptionsAllowed":0');
    const again = await sh('cp1', `${K} delete pdb ingress-pdb -n ingress-nginx && ${K} drain cp1 --ignore-daemonsets --delete-emptydir-data --timeout=2s`);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('node/cp1 already cordoned\n');
    expect(again.stdout).toMatch(/evicting pod ingress-nginx\/nginx-ingress-nginx-ingress-controller-/);
  });
});
