/**
 * Rolling upgrade (playbooks/upgrade.yaml) on simulated nodes: the control plane first,
 * then one agent at a time, each drained, upgraded, restarted, Ready on the new version
 * and uncordoned before the next is touched; a download failing on worker2 stops the
 * rollout with worker2 cordoned; a rerun finishes it without touching upgraded nodes;
 * a third run changes nothing. An etcd snapshot is taken before the control plane is
 * touched (once); a version that skips a Kubernetes minor is refused before anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { parseRecap } from '../support/cli.js';
import { cx, kubectl, site } from '../rke2/support.js';

const FROM = 'v1.31.2+rke2r1';
const TO = 'v1.31.3+rke2r1';
let cluster: ClusterLab;

beforeAll(async () => {
  cluster = await startClusterLab();
  const run = await site(cluster);
  if (run.code !== 0) throw new Error(`site.yaml failed:\n${run.stdout}\n${run.stderr}`);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

const upgrade = () => cx(['run', 'playbooks/upgrade.yaml', '-i', cluster.lab.inventoryPath, '-e', `rke2_version=${TO}`]);

interface NodeState {
  version: string;
  ready: boolean;
  cordoned: boolean;
}

async function nodeStates(): Promise<Record<string, NodeState>> {
  const list = JSON.parse(await kubectl(cluster, 'get nodes -o json')) as {
    items: { metadata: { name: string }; spec: { unschedulable?: boolean }; status: { nodeInfo: { kubeletVersion: string }; conditions: { type: string; status: string }[] } }[];
  };
  return Object.fromEntries(
    list.items.map((item) => [
      item.metadata.name,
      { version: item.status.nodeInfo.kubeletVersion, ready: item.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'), cordoned: item.spec.unschedulable === true },
    ]),
  );
}

/** cp1's state once it is Ready again: a restarted node is NotReady for the simulator's node_ready delay. */
async function cp1OnceReady(): Promise<NodeState | undefined> {
  let state = (await nodeStates()).cp1;
  for (let attempt = 0; attempt < 40 && !state?.ready; attempt += 1) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    state = (await nodeStates()).cp1;
  }
  return state;
}

/** Positions in the stand-ins' argv log of the first line matching each pattern. */
function order(log: string, patterns: readonly RegExp[]): number[] {
  const lines = log.split('\n');
  return patterns.map((pattern) => lines.findIndex((line) => pattern.test(line)));
}

describe('rolling upgrade on simulated nodes', () => {
  it('--check predicts the upgrade and changes nothing', async () => {
    const before = await nodeStates();
    const run = await cx(['run', 'playbooks/upgrade.yaml', '-i', cluster.lab.inventoryPath, '-e', `rke2_version=${TO}`, '--check']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const host of ['cp1', 'worker1', 'worker2']) expect(parseRecap(run.stdout)[host]!.changed).toBeGreaterThan(0);
    expect(await nodeStates()).toEqual(before);
    expect((await cluster.lab.exec('worker1', '/usr/local/bin/rke2 --version')).stdout).toContain(FROM);
  }, 180_000);

  it('stops at a node whose upgrade fails, the nodes before it done and back in service', async () => {
    expect(Object.values(await nodeStates()).map((node) => node.version)).toEqual([FROM, FROM, FROM]);
    await cluster.lab.exec('worker2', 'touch /var/lib/cxsim/fail-install');
    const logStart = cluster.sim.argvLog().length;
    const run = await upgrade();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`download of rke2 ${TO} failed`);
    expect(await nodeStates()).toEqual({
      cp1: { version: TO, ready: true, cordoned: true }, // the control plane stays cordoned, as site.yaml leaves it
      worker1: { version: TO, ready: true, cordoned: false },
      worker2: { version: FROM, ready: true, cordoned: true },
    });
    // The control plane first; worker1 drained, restarted and uncordoned before worker2 is drained.
    const log = cluster.sim.argvLog().slice(logStart);
    // An etcd snapshot before the control plane is restarted on the new version.
    const [snapshot, cpRestart, drain1, restart1, uncordon1, drain2] = order(log, [
      /cp1: rke2 etcd-snapshot save --name pre-upgrade-v1\.31\.3-rke2r1$/,
      /cp1: rke2 server$/,
      /kubectl drain worker1 /,
      /worker1: rke2 agent$/,
      /kubectl uncordon worker1$/,
      /kubectl drain worker2 /,
    ]);
    expect(snapshot).toBeGreaterThanOrEqual(0);
    expect(cpRestart).toBeGreaterThanOrEqual(0);
    expect([snapshot, cpRestart, drain1, restart1, uncordon1, drain2]).toEqual([...[snapshot, cpRestart, drain1, restart1, uncordon1, drain2]].sort((a, b) => a - b));
    expect((await cluster.lab.exec('cp1', 'ls /var/lib/rancher/rke2/server/db/snapshots')).stdout).toMatch(/^pre-upgrade-v1\.31\.3-rke2r1-cp1-\d+$/m);
    expect(log).not.toMatch(/worker2: rke2 agent$/m);
  }, 180_000);

  it('a rerun resumes: worker2 is finished, the upgraded nodes are left alone', async () => {
    await cluster.lab.exec('worker2', 'rm /var/lib/cxsim/fail-install');
    const logStart = cluster.sim.argvLog().length;
    const run = await upgrade();
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const recap = parseRecap(run.stdout);
    expect(recap.cp1!.changed).toBe(0);
    expect(recap.worker1!.changed).toBe(0);
    expect(recap.worker2!.changed).toBeGreaterThan(0);
    expect(await nodeStates()).toEqual({
      cp1: { version: TO, ready: true, cordoned: true },
      worker1: { version: TO, ready: true, cordoned: false },
      worker2: { version: TO, ready: true, cordoned: false },
    });
    const log = cluster.sim.argvLog().slice(logStart);
    expect(log).not.toMatch(/etcd-snapshot save/);
    expect(log).not.toMatch(/kubectl drain worker1 /);
    expect(log).not.toMatch(/cp1: rke2 server$/m);
    expect((await cluster.lab.exec('worker2', 'ls /var/lib/rancher/rke2/cxplay-upgrading-to 2>&1; true')).stdout).toContain('No such file');
    // Every workload pod runs again (drains moved them; none left Pending).
    expect(await kubectl(cluster, 'get pods -A')).not.toContain('Pending');
  }, 180_000);

  it('a third run changes nothing', async () => {
    const run = await upgrade();
    expect(run.code).toBe(0);
    for (const [host, counts] of Object.entries(parseRecap(run.stdout))) expect({ host, changed: counts.changed }).toEqual({ host, changed: 0 });
  }, 180_000);

  it('a run interrupted between install and restart is finished by a rerun', async () => {
    const NEXT = 'v1.31.4+rke2r1';
    // What an interrupted run leaves: the control plane and worker1 with NEXT installed but
    // still running TO, worker1 marked and drained.
    for (const [host, type] of [['cp1', 'server'], ['worker1', 'agent']] as const) {
      const install = await cluster.lab.exec(host, `INSTALL_RKE2_TYPE=${type} INSTALL_RKE2_VERSION=${NEXT} sh /usr/local/share/rke2-install.sh`);
      expect(install.code, install.stderr).toBe(0);
    }
    await cluster.lab.exec('worker1', `echo ${NEXT} > /var/lib/rancher/rke2/cxplay-upgrading-to`);
    await kubectl(cluster, 'drain worker1 --ignore-daemonsets --delete-emptydir-data');
    expect((await nodeStates()).worker1).toEqual({ version: TO, ready: true, cordoned: true });

    const run = await cx(['run', 'playbooks/upgrade.yaml', '-i', cluster.lab.inventoryPath, '-e', `rke2_version=${NEXT}`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await nodeStates()).toEqual({
      cp1: { version: NEXT, ready: true, cordoned: true },
      worker1: { version: NEXT, ready: true, cordoned: false },
      worker2: { version: NEXT, ready: true, cordoned: false },
    });
  }, 240_000);

  it('refuses a version that skips a Kubernetes minor, before anything changes', async () => {
    const before = await nodeStates();
    const logStart = cluster.sim.argvLog().length;
    const run = await cx(['run', 'playbooks/upgrade.yaml', '-i', cluster.lab.inventoryPath, '-e', 'rke2_version=v1.33.1+rke2r1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('rke2_version v1.33.1+rke2r1 skips a Kubernetes minor version: the nodes run v1.31.4+rke2r1; upgrade to v1.32 first');
    expect(await nodeStates()).toEqual(before);
    expect(cluster.sim.argvLog().slice(logStart)).not.toMatch(/etcd-snapshot save|rke2-install|rke2 server$/m);
  }, 120_000);

  it('the simulated rke2 server itself refuses to start a version that skips a minor', async () => {
    const install = await cluster.lab.exec('cp1', 'INSTALL_RKE2_VERSION=v1.33.1+rke2r1 sh /usr/local/share/rke2-install.sh >/dev/null && systemctl restart rke2-server; journalctl -u rke2-server | tail -n 1');
    expect(install.stdout).toContain('cannot upgrade from v1.31.4+rke2r1 to v1.33.1+rke2r1: Kubernetes minor versions must not be skipped');
    await cluster.lab.exec('cp1', 'INSTALL_RKE2_VERSION=v1.31.4+rke2r1 sh /usr/local/share/rke2-install.sh >/dev/null && systemctl restart rke2-server');
    expect(await cp1OnceReady()).toEqual({ version: 'v1.31.4+rke2r1', ready: true, cordoned: true });
  }, 60_000);

  it('refuses to run without a version', async () => {
    const run = await cx(['run', 'playbooks/upgrade.yaml', '-i', cluster.lab.inventoryPath]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('set rke2_version');
  }, 60_000);
});
