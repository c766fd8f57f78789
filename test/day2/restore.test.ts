/**
 * Restore (playbooks/restore.yaml) on simulated nodes: the control plane's site is lost
 * (cp1 stopped and taken out of the inventory); a fresh node (cp2) becomes the control
 * plane from the latest etcd snapshot in the S3 store, with the cluster's token read from
 * an agent; the agents are pointed at it and restarted; the state is the snapshot's; a
 * rerun resets nothing; then cp2 is lost too and cp3 is restored from a named (not the
 * latest) snapshot, after a name that does not exist was refused; the token never shows.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { addPods } from '../lab/rke2-sim/pods.js';
import { openS3Store, type S3Store } from '../lab/rke2-sim/s3.js';
import { parseRecap } from '../support/cli.js';
import { cx, site, transcript } from '../rke2/support.js';
import { address, editedInventory } from './support.js';

const store: S3Store = { endpoint: 's3.backup.lab:9000', accessKey: `CXLAB${randomBytes(8).toString('hex')}`, secretKey: randomBytes(20).toString('hex'), bucket: 'cx-backups' };
let cluster: ClusterLab;
let inventory: string;
let token: string;

beforeAll(async () => {
  cluster = await startClusterLab({
    laterAgents: ['cp2', 'cp3'],
    vars: {
      rke2_etcd_s3: true,
      rke2_etcd_s3_endpoint: store.endpoint,
      rke2_etcd_s3_bucket: store.bucket,
      rke2_etcd_s3_access_key: store.accessKey,
      rke2_etcd_s3_secret_key: store.secretKey,
    },
  });
  openS3Store(cluster.sim, store);
  const run = await site(cluster);
  if (run.code !== 0) throw new Error(`site.yaml failed:\n${run.stdout}\n${run.stderr}`);
  token = (await cluster.lab.exec('cp1', 'cat /var/lib/rancher/rke2/server/node-token')).stdout.trim();
  addPods(cluster.sim, [{ namespace: 'expertflow', name: 'before-snapshot-0', node: 'worker1' }]);
  const backup = await cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cluster.lab.inventoryPath]);
  if (backup.code !== 0) throw new Error(`etcd-snapshot.yaml failed:\n${backup.stdout}`);
  // After the snapshot: lost with the control plane.
  addPods(cluster.sim, [{ namespace: 'expertflow', name: 'after-snapshot-0', node: 'worker1' }]);
  // The site of the control plane goes down.
  await cluster.lab.exec('cp1', 'systemctl stop rke2-server');
  inventory = editedInventory(cluster, (inv) => {
    inv.all.children.rke2_servers!.hosts = { cp2: null };
  });
}, 240_000);

afterAll(async () => {
  await cluster?.stop();
});

async function kubectlOn(host: string, args: string): Promise<string> {
  const result = await cluster.lab.exec(host, `KUBECONFIG=/etc/rancher/rke2/rke2.yaml /var/lib/rancher/rke2/bin/kubectl ${args}`);
  if (result.code !== 0) throw new Error(`kubectl ${args} on ${host}: ${result.stderr}`);
  return result.stdout;
}

describe('restore of the control plane on another node', () => {
  it('cp2 becomes the control plane from the latest snapshot and the agents follow it', async () => {
    const run = await cx(['run', 'playbooks/restore.yaml', '-i', inventory]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(parseRecap(run.stdout)).sort()).toEqual(['cp2', 'worker1', 'worker2']);
    expect(cluster.sim.argvLog()).toMatch(/cp2: rke2 server --cluster-reset --cluster-reset-restore-path=on-demand-cp1-\d+\n/);

    const nodes = await kubectlOn('cp2', 'get nodes');
    expect(nodes).toMatch(/\ncp1\s+NotReady,SchedulingDisabled\s+control-plane/);
    expect(nodes).toMatch(/\ncp2\s+Ready,SchedulingDisabled\s+control-plane/);
    expect(nodes).toMatch(/\nworker1\s+Ready\s+<none>/);
    expect(nodes).toMatch(/\nworker2\s+Ready\s+<none>/);
    for (const worker of ['worker1', 'worker2']) {
      expect((await cluster.lab.exec(worker, 'grep "^server:" /etc/rancher/rke2/config.yaml')).stdout.trim()).toBe(`server: https://${address(cluster, 'cp2')}:9345`);
    }
    // The cluster state is the snapshot's: what came after it is gone, what was before is there.
    const pods = await kubectlOn('cp2', 'get pods -n expertflow');
    expect(pods).toContain('before-snapshot-0');
    expect(pods).not.toContain('after-snapshot-0');
    expect(await kubectlOn('cp2', 'get ipaddresspool first-pool -n metallb-system -o yaml')).toContain('192.0.2.50/32');
    // Same cluster, same token.
    expect((await cluster.lab.exec('cp2', 'cat /var/lib/rancher/rke2/server/node-token')).stdout.trim()).toBe(token);
    // The token is in the secrets drop-in (0600), not in config.yaml (whose diff is shown).
    expect((await cluster.lab.exec('cp2', 'cat /etc/rancher/rke2/config.yaml')).stdout).not.toContain(token);
    const secrets = await cluster.lab.exec('cp2', 'stat -c %a /etc/rancher/rke2/config.yaml.d/50-cxplay-secrets.yaml; grep "^token:" /etc/rancher/rke2/config.yaml.d/50-cxplay-secrets.yaml');
    expect(secrets.stdout).toBe(`600\ntoken: ${token}\n`);
  }, 180_000);

  it('a rerun resets nothing and changes nothing', async () => {
    addPods(cluster.sim, [{ namespace: 'expertflow', name: 'after-restore-0', node: 'worker2' }]);
    const run = await cx(['run', 'playbooks/restore.yaml', '-i', inventory]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const [host, counts] of Object.entries(parseRecap(run.stdout))) expect({ host, changed: counts.changed }).toEqual({ host, changed: 0 });
    expect(cluster.sim.argvLog().match(/--cluster-reset /g)).toHaveLength(1);
    expect(await kubectlOn('cp2', 'get pods -n expertflow')).toContain('after-restore-0');
  }, 180_000);

  it('a named snapshot, not the latest: a wrong name is refused, the named one restored on cp3', async () => {
    const cp2Inventory = inventory;
    const named = await cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cp2Inventory, '-e', 'etcd_snapshot_name=named']);
    expect(named.code, named.stdout).toBe(0);
    const name = /Snapshot (named-cp2-\d+) saved\./.exec(named.stdout)![1]!;
    addPods(cluster.sim, [{ namespace: 'expertflow', name: 'after-named-0', node: 'worker2' }]);
    expect((await cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cp2Inventory, '-e', 'etcd_snapshot_name=later'])).code).toBe(0);
    await cluster.lab.exec('cp2', 'systemctl stop rke2-server');
    const cp3Inventory = editedInventory(cluster, (inv) => {
      inv.all.children.rke2_servers!.hosts = { cp3: null };
    });

    const wrong = await cx(['run', 'playbooks/restore.yaml', '-i', cp3Inventory, '-e', 'restore_snapshot=no-such-snapshot']);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain("no etcd snapshot 'no-such-snapshot' in: Name");
    expect(cluster.sim.argvLog()).not.toMatch(/cp3: rke2 server --cluster-reset/);

    const run = await cx(['run', 'playbooks/restore.yaml', '-i', cp3Inventory, '-e', `restore_snapshot=${name}`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(cluster.sim.argvLog()).toContain(`cp3: rke2 server --cluster-reset --cluster-reset-restore-path=${name}\n`);
    const pods = await kubectlOn('cp3', 'get pods -n expertflow');
    expect(pods).toContain('after-restore-0');
    expect(pods).not.toContain('after-named-0');
    expect(await kubectlOn('cp3', 'get nodes')).toMatch(/\ncp3\s+Ready,SchedulingDisabled\s+control-plane/);
  }, 240_000);

  it('the cluster token never shows', () => {
    const [hash, password] = token.split('::server:') as [string, string];
    for (const secret of [token, hash, password, store.secretKey]) {
      expect(transcript.join('\n').includes(secret)).toBe(false);
      expect(cluster.sim.argvLog().includes(secret)).toBe(false);
    }
  });
});
