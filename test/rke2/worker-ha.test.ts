/**
 * The Worker HA cluster end to end on simulated RKE2 nodes (test/lab/rke2-sim):
 * site.yaml converges (3 Ready nodes, MetalLB pool and L2Advertisement with
 * exactly the workers, the ingress release with the seed's values, two replicas
 * on the two sites, its Service on the MetalLB IP announced by a worker, control
 * plane tainted and drained, config.yaml 0600), a second run changes nothing,
 * add-worker.yaml joins one more host and adds it to the L2Advertisement (nothing
 * else changes), `cxplay role rke2-agent` joins one more without changing the
 * others, and the node token never shows anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { LAB_METALLB_IP, startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { parseRecap } from '../support/cli.js';
import { ArgvWatcher, cx, hostLogs, kubectl, nodes, site, snapshot, transcript } from './support.js';

const AGENTS = ['worker1', 'worker2'];
let cluster: ClusterLab;
const argv = new ArgvWatcher();

beforeAll(async () => {
  cluster = await startClusterLab({ agents: AGENTS, laterAgents: ['worker3', 'worker4'] });
  argv.start();
});

afterAll(async () => {
  argv.stop();
  await cluster?.stop();
});

describe('Worker HA on simulated RKE2 nodes', () => {
  it('site.yaml converges: nodes, MetalLB, ingress, taint and drain', async () => {
    const run = await site(cluster);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const recap = parseRecap(run.stdout);
    expect(Object.keys(recap).sort()).toEqual(['cp1', 'worker1', 'worker2']);
    expect(run.stdout).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP/);

    const all = await nodes(cluster);
    expect(all.map((node) => [node.name, node.ready])).toEqual([['cp1', true], ['worker1', true], ['worker2', true]]);
    const cp = all.find((node) => node.name === 'cp1')!;
    expect(cp.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(cp.unschedulable).toBe(true);
    // Drained: only DaemonSet pods stay on the control plane.
    const pods = await kubectl(cluster, 'get pods -A');
    const onControlPlane = pods.split('\n').filter((line) => /\scp1$/.test(line.trim()));
    expect(onControlPlane.map((line) => line.split(/\s+/)[1])).toEqual(['speaker-cp1']);

    const pool = parseYaml(await kubectl(cluster, 'get ipaddresspool first-pool -n metallb-system -o yaml'));
    expect(pool.spec.addresses).toEqual([`${LAB_METALLB_IP}/32`]);
    const l2 = parseYaml(await kubectl(cluster, 'get l2advertisement example -n metallb-system -o yaml'));
    expect(l2.spec.ipAddressPools).toEqual(['first-pool']);
    expect(l2.spec.nodeSelectors).toEqual(AGENTS.map((name) => ({ matchLabels: { 'kubernetes.io/hostname': name } })));

    const helm = await cluster.lab.exec('cp1', 'KUBECONFIG=/etc/rancher/rke2/rke2.yaml helm get values nginx-ingress -n ingress-nginx -o yaml; KUBECONFIG=/etc/rancher/rke2/rke2.yaml helm list -n ingress-nginx -o json');
    const [valuesText, listText] = [helm.stdout.slice(0, helm.stdout.lastIndexOf('[')), helm.stdout.slice(helm.stdout.lastIndexOf('['))];
    expect(parseYaml(valuesText)).toEqual({
      initContainers: [
        {
          name: 'ef-set-sysctl',
          image: 'busybox',
          securityContext: { privileged: true },
          command: ['sh', '-c', 'sysctl -w net.core.somaxconn=65535\nsysctl -w net.ipv4.ip_local_port_range="1024 65535"\n'],
        },
      ],
      config: {
        'use-forwarded-headers': 'true',
        'keep-alive-requests': '10000',
        'upstream-keepalive-requests': '1000',
        'worker-processes': 'auto',
        'max-worker-connections': '65535',
        'use-gzip': 'true',
      },
      allowSnippetAnnotations: true,
      replicaCount: 2,
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { 'app.kubernetes.io/instance': 'nginx-ingress', 'app.kubernetes.io/component': 'controller' } },
        },
      ],
    });
    expect(JSON.parse(listText)).toMatchObject([{ name: 'nginx-ingress', namespace: 'ingress-nginx', status: 'deployed', chart: 'nginx-ingress-controller-11.6.0' }]);

    for (const host of ['cp1', ...AGENTS]) {
      const mode = await cluster.lab.exec(host, 'stat -c %a /etc/rancher/rke2/config.yaml');
      expect({ host, mode: mode.stdout.trim() }).toEqual({ host, mode: '600' });
    }
    const agentConfig = await cluster.lab.exec('worker1', 'grep -c "^token: " /etc/rancher/rke2/config.yaml.d/50-cxplay-token.yaml; stat -c %a /etc/rancher/rke2/config.yaml.d/50-cxplay-token.yaml; grep "^server:" /etc/rancher/rke2/config.yaml');
    expect(agentConfig.stdout).toBe(`1\n600\nserver: https://${cluster.lab.hosts[0]!.address}:9345\n`);
    // Worker HA: one controller pod on each site's worker; the IP announced by a worker.
    const ingressPods = (await kubectl(cluster, 'get pods -n ingress-nginx')).trim().split('\n').slice(1).map((line) => line.split(/\s+/));
    expect(ingressPods.map((fields) => [fields[3], fields[4]]).sort()).toEqual([['Running', 'worker1'], ['Running', 'worker2']]);
    expect(await kubectl(cluster, 'get svc -n ingress-nginx')).toMatch(new RegExp(`nginx-ingress-nginx-ingress-controller\\s+LoadBalancer\\s+${LAB_METALLB_IP.replace(/\./g, '\\.')}`));
    const events = JSON.parse(await kubectl(cluster, 'get events -n ingress-nginx --field-selector involvedObject.name=nginx-ingress-nginx-ingress-controller -o json'));
    expect(events.items.map((event: { message: string }) => event.message)).toContainEqual(expect.stringMatching(/^announcing from node "worker[12]" with protocol "layer2"$/));
    // RKE2's own ingress is disabled; nothing else holds IngressClass nginx.
    expect(await kubectl(cluster, 'get ingressclass')).toBe('nginx\n');
    // Everything came from the mirror (the chart from its OCI registry), nothing from the internet.
    expect(new Set(cluster.sim.mirror.requests)).toEqual(
      new Set(['/rke2/install.sh', '/metallb/v0.14.3/config/manifests/metallb-native.yaml', '/helm/get-helm-3', '/oci/registry-1.docker.io/bitnamicharts/nginx-ingress-controller/11.6.0.tgz']),
    );
  }, 180_000);

  it('a second run changes nothing on any host', async () => {
    const before = await snapshot(cluster, ['cp1', ...AGENTS]);
    expect(before.cp1).toContain('/etc/rancher/rke2/config.yaml 600 ');
    expect(before.worker1).toContain('/usr/local/bin/rke2 755 ');
    const run = await site(cluster);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const recap = parseRecap(run.stdout);
    expect(Object.keys(recap).sort()).toEqual(['cp1', 'worker1', 'worker2']);
    for (const [host, counts] of Object.entries(recap)) expect({ host, changed: counts.changed, failed: counts.failed }).toEqual({ host, changed: 0, failed: 0 });
    expect(await snapshot(cluster, ['cp1', ...AGENTS])).toEqual(before);

    // And a dry run on the converged cluster predicts no change either.
    const check = await site(cluster, ['--check', '--diff']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    for (const [host, counts] of Object.entries(parseRecap(check.stdout))) expect({ host, changed: counts.changed, failed: counts.failed }).toEqual({ host, changed: 0, failed: 0 });
    expect(check.stdout).not.toContain('+++ after');
  }, 180_000);

  it('add-worker.yaml --limit joins a 4th host, adds it to the L2Advertisement and changes nothing else', async () => {
    const inventory = cluster.inventoryWithAgents(['worker3']);
    const others = ['cp1', ...AGENTS];
    const before = await snapshot(cluster, others);
    const run = await cx(['run', 'playbooks/add-worker.yaml', '-i', inventory, '--limit', 'worker3']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(parseRecap(run.stdout))).toEqual(['worker3']);
    expect(parseRecap(run.stdout).worker3!.changed).toBeGreaterThan(0);
    const l2File = (listing: string) => listing.split('\n').filter((line) => !line.startsWith('/var/lib/rancher/cxplay/metallb/l2advertisement.yaml ')).join('\n');
    const after = await snapshot(cluster, others);
    expect({ ...after, cp1: l2File(after.cp1!) }).toEqual({ ...before, cp1: l2File(before.cp1!) });
    const l2 = parseYaml(await kubectl(cluster, 'get l2advertisement example -n metallb-system -o yaml'));
    expect(l2.spec.nodeSelectors).toEqual([...AGENTS, 'worker3'].map((name) => ({ matchLabels: { 'kubernetes.io/hostname': name } })));
    const all = await nodes(cluster);
    expect(all.map((node) => [node.name, node.ready])).toEqual([['cp1', true], ['worker1', true], ['worker2', true], ['worker3', true]]);

    const again = await cx(['run', 'playbooks/add-worker.yaml', '-i', inventory, '--limit', 'worker3']);
    expect(parseRecap(again.stdout).worker3).toMatchObject({ changed: 0, failed: 0 });
  }, 180_000);

  it('cxplay role rke2-agent --limit joins one more host the same way', async () => {
    const inventory = cluster.inventoryWithAgents(['worker3', 'worker4']);
    const others = ['cp1', ...AGENTS, 'worker3'];
    const before = await snapshot(cluster, others);
    const run = await cx(['role', 'rke2-agent', '-i', inventory, '--limit', 'worker4']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(parseRecap(run.stdout))).toEqual(['worker4']);
    expect(await snapshot(cluster, others)).toEqual(before);
    expect((await nodes(cluster)).filter((node) => node.ready).map((node) => node.name)).toEqual(['cp1', 'worker1', 'worker2', 'worker3', 'worker4']);
  }, 180_000);

  it('a new rke2_version reinstalls and restarts every node', async () => {
    const inventory = cluster.inventoryWithAgents(['worker3', 'worker4']);
    const run = await cx(['run', 'playbooks/site.yaml', '-i', inventory, '-e', 'rke2_version=v1.30.7+rke2r1']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/RUNNING HANDLER \[rke2-server : restart rke2-server\][^\n]*\nchanged: \[cp1\]/);
    const wide = await kubectl(cluster, 'get nodes -o wide');
    const rows = wide.trim().split('\n').slice(1).map((line) => line.split(/\s+/));
    expect(rows.map((fields) => [fields[0], fields[1], fields[4]])).toEqual([
      ['cp1', 'Ready,SchedulingDisabled', 'v1.30.7+rke2r1'],
      ...['worker1', 'worker2', 'worker3', 'worker4'].map((name) => [name, 'Ready', 'v1.30.7+rke2r1']),
    ]);
  }, 180_000);

  it('the node token never shows in output, events, logs or process arguments', async () => {
    // A local edit of the token drop-in makes the run rewrite it and restart rke2-agent.
    await cluster.lab.exec('worker1', "echo '# local edit' >> /etc/rancher/rke2/config.yaml.d/50-cxplay-token.yaml");
    const events = await cx(['run', 'playbooks/site.yaml', '-i', cluster.inventoryWithAgents(['worker3', 'worker4']), '-o', 'json', '--diff', '-vvv']);
    expect(events.code, events.stderr).toBe(0);
    const results = events.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; host?: string; task?: { name: string }; result?: { changed?: boolean; diff?: { before: string; after: string } } });
    const rewrite = results.find((event) => event.type === 'host_result' && event.host === 'worker1' && event.task?.name.endsWith('Write the join token (never shown)'));
    expect(rewrite?.result?.changed).toBe(true);
    expect(rewrite?.result?.diff).toBeUndefined();
    expect(results.some((event) => event.type === 'host_result' && event.host === 'worker1' && event.task?.name.endsWith('restart rke2-agent') && event.result?.changed === true)).toBe(true);
    expect((await nodes(cluster)).find((node) => node.name === 'worker1')?.ready).toBe(true);
    argv.stop();
    const token = (await cluster.lab.exec('cp1', 'cat /var/lib/rancher/rke2/server/node-token')).stdout.trim();
    expect(token).toMatch(/^K10[0-9a-f]{64}::server:[0-9a-f]{32}$/);
    const [hash, password] = token.split('::server:') as [string, string];
    // The search below would see it: the agents' token drop-in holds it (config.yaml does not).
    expect((await cluster.lab.exec('worker1', 'cat /etc/rancher/rke2/config.yaml.d/50-cxplay-token.yaml')).stdout).toBe(`token: ${token}\n`);
    expect((await cluster.lab.exec('worker1', 'cat /etc/rancher/rke2/config.yaml')).stdout).not.toContain('token:');
    const places: Record<string, string> = {
      'cxplay output and events': transcript.join('\n'),
      'host logs': await hostLogs(cluster),
      'stand-in argv log': cluster.sim.argvLog(),
      'process command lines': [...argv.seen].join('\n'),
    };
    expect(places['stand-in argv log']).toContain('rke2 agent');
    for (const [place, text] of Object.entries(places)) {
      for (const secret of [token, hash, password]) expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false });
    }
  }, 180_000);
});
