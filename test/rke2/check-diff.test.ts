/**
 * --check --diff on fresh simulated nodes: nothing changes on any host (every
 * file's mode and hash before and after), no task fails, and the diffs of the
 * files the run would write are shown. A role variable of the wrong kind stops
 * the run before anything runs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { parseRecap } from '../support/cli.js';
import { site, snapshot } from './support.js';

const HOSTS = ['cp1', 'worker1', 'worker2'];
let cluster: ClusterLab;

beforeAll(async () => {
  cluster = await startClusterLab();
});

afterAll(async () => {
  await cluster?.stop();
});

it('site.yaml --check --diff on fresh nodes changes nothing and shows the files it would write', async () => {
  const before = await snapshot(cluster, HOSTS);
  expect(before.cp1).toContain('/usr/local/bin/systemctl 755 ');
  const run = await site(cluster, ['--check', '--diff']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(await snapshot(cluster, HOSTS)).toEqual(before);
  expect(await cluster.lab.exec('cp1', 'ls /var/lib/cxsim/units 2>/dev/null; ls /var/lib/rancher')).toMatchObject({ stdout: '' });

  const recap = parseRecap(run.stdout);
  expect(Object.keys(recap).sort()).toEqual(HOSTS);
  for (const [host, counts] of Object.entries(recap)) {
    expect({ host, failed: counts.failed, unreachable: counts.unreachable }).toEqual({ host, failed: 0, unreachable: 0 });
    expect(counts.changed).toBeGreaterThan(0);
  }
  // The diffs: server and agent config, the MetalLB objects, the helm values.
  expect(run.stdout).toContain('+++ after: ' + 'roles/rke2-server/templates/config.yaml.hbs'.replace(/^/, `${process.cwd()}/`));
  expect(run.stdout).toMatch(/^\+node-name: cp1$/m);
  expect(run.stdout).toMatch(/^\+node-name: worker1$/m);
  expect(run.stdout).toMatch(new RegExp(`^\\+server: https://${cluster.lab.hosts[0]!.address.replace(/\./g, '\\.')}:9345$`, 'm'));
  expect(run.stdout).toContain('+  addresses:\n+    - "192.0.2.50/32"\n');
  expect(run.stdout).toContain('+  nodeSelectors:\n+    - matchLabels:\n+        kubernetes.io/hostname: "worker1"\n+    - matchLabels:\n+        kubernetes.io/hostname: "worker2"\n');
  // The helm values are to_nice_yaml's, laid out as PyYAML lays them out (as ansible-playbook writes them).
  expect(run.stdout).toMatch(/^\+ {4}sysctl -w net\.ipv4\.ip_local_port_range="1024 65535"$/m);
  expect(run.stdout).toMatch(/^\+ {2}max-worker-connections: '65535'$/m);
}, 180_000);

it('a role variable of the wrong kind is refused before anything runs', async () => {
  const before = await snapshot(cluster, HOSTS);
  const run = await site(cluster, ['-e', '{"taint_drain_taint": {"key": "node-role.kubernetes.io/control-plane", "effect": "Sometimes"}}']);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("role 'taint-drain' got invalid variables for host cp1");
  expect(run.stdout).not.toContain('TASK [');
  expect(await snapshot(cluster, HOSTS)).toEqual(before);
}, 60_000);
