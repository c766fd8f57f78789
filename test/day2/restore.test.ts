/**
 * Restore (playbooks/restore.yaml) on simulated nodes: the control plane's site is lost
 * (cp1 stopped and taken out of the inventory); a fresh node (cp2), where no rke2 server
 * runs (so `rke2 etcd-snapshot ls` cannot answer), becomes the control plane from the latest
 * etcd snapshot in the S3 store's listing, with the cluster's token read from an agent; the
 * old control plane's node and node-password secret are deleted; the agents are pointed at it
 * and restarted; the state is the snapshot's; a rerun resets nothing; then cp2 is lost too and
 * cp3 (node name cp3-node) is restored from a named local snapshot (--etcd-s3=false, S3 being
 * configured), after a name that does not exist was refused; a rebuilt cp1 rejoins as a worker
 * under its old name; the token never shows.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { addPods } from '../lab/rke2-sim/pods.js';
import { openS3Store, S3Api, type S3Store } from '../lab/rke2-sim/s3.js';
import { parseRecap } from '../support/cli.js';
import { cx, site, transcript } from '../rke2/support.js';
import { address, editedInventory } from './support.js';

const keys = { accessKey: `CXLAB${randomBytes(8).toString('hex')}`, secretKey: randomBytes(20).toString('hex') };
let store: S3Store;
let s3: S3Api;
let cluster: ClusterLab;
let inventory: string;
let token: string;

beforeAll(async () => {
  // The store answers ListObjectsV2 over http on 127.0.0.1, where rke2 (the simulator) finds it too.
  s3 = await S3Api.start(() => cluster.sim, () => keys);
  store = { ...keys, endpoint: s3.endpoint, bucket: 'cx-backups' };
  cluster = await startClusterLab({
    laterAgents: ['cp2', 'cp3'],
    vars: {
      rke2_etcd_s3: true,
      rke2_etcd_s3_insecure: true,
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
  await s3?.stop();
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

    // No server ran on cp2 before the reset: the snapshot was chosen from the store's listing.
    const log = cluster.sim.argvLog();
    expect(log.slice(0, log.indexOf('cp2: rke2 server --cluster-reset'))).not.toMatch(/cp2: rke2 etcd-snapshot/);

    // The snapshot's control plane is gone, with its node password.
    const nodes = await kubectlOn('cp2', 'get nodes');
    expect(nodes).not.toMatch(/\ncp1\s/);
    expect(await kubectlOn('cp2', 'get secret -n kube-system')).not.toContain('cp1.node-password.rke2');
    expect(await kubectlOn('cp2', 'get secret -n kube-system')).toContain('worker1.node-password.rke2');
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

  it('a named local snapshot (not the latest) on a node named otherwise: a wrong name is refused, the named one restored by path with --etcd-s3=false', async () => {
    const cp2Inventory = inventory;
    const named = await cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cp2Inventory, '-e', 'etcd_snapshot_name=named']);
    expect(named.code, named.stdout).toBe(0);
    const name = /Snapshot (named-cp2-\d+) saved\./.exec(named.stdout)![1]!;
    addPods(cluster.sim, [{ namespace: 'expertflow', name: 'after-named-0', node: 'worker2' }]);
    expect((await cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cp2Inventory, '-e', 'etcd_snapshot_name=later'])).code).toBe(0);
    await cluster.lab.exec('cp2', 'systemctl stop rke2-server');
    // The operator brings the snapshot file to the new node (under a name of its own: only there).
    const local = `copied-${name}`;
    const dir = '/var/lib/rancher/rke2/server/db/snapshots';
    const copied = await cluster.lab.exec('cp3', `mkdir -p ${dir} && cp ${cluster.sim.clusterDir}/s3/cx-backups/${name} ${dir}/${local}`);
    expect(copied.code, copied.stderr).toBe(0);
    const cp3Inventory = editedInventory(cluster, (inv) => {
      inv.all.children.rke2_servers!.hosts = { cp3: { rke2_node_name: 'cp3-node' } };
    });

    const wrong = await cx(['run', 'playbooks/restore.yaml', '-i', cp3Inventory, '-e', 'restore_snapshot=no-such-snapshot']);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain("no etcd snapshot 'no-such-snapshot' in: ");
    expect(wrong.stdout).toContain(`${local} file://${dir}/${local}`);
    expect(cluster.sim.argvLog()).not.toMatch(/cp3: rke2 server --cluster-reset/);

    const run = await cx(['run', 'playbooks/restore.yaml', '-i', cp3Inventory, '-e', `restore_snapshot=${local}`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(cluster.sim.argvLog()).toContain(`cp3: rke2 server --cluster-reset --cluster-reset-restore-path=${dir}/${local} --etcd-s3=false\n`);
    const pods = await kubectlOn('cp3', 'get pods -n expertflow');
    expect(pods).toContain('after-restore-0');
    expect(pods).not.toContain('after-named-0');
    const nodes = await kubectlOn('cp3', 'get nodes');
    expect(nodes).toMatch(/\ncp3-node\s+Ready,SchedulingDisabled\s+control-plane/);
    expect(nodes).not.toMatch(/\ncp2\s/);
    expect(nodes).toMatch(/\nworker1\s+Ready\s/);
  }, 240_000);

  it('a rebuilt host of the lost control plane rejoins under its old name, as a worker', async () => {
    await cluster.lab.exec('cp1', 'systemctl disable rke2-server; rm -rf /etc/rancher/node /etc/rancher/rke2 /var/lib/rancher/rke2');
    const rejoin = editedInventory(cluster, (inv) => {
      inv.all.children.rke2_servers!.hosts = { cp3: { rke2_node_name: 'cp3-node' } };
      inv.all.children.rke2_agents!.hosts.cp1 = null;
    });
    const run = await cx(['role', 'rke2-agent', '-i', rejoin, '--limit', 'cp1']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await kubectlOn('cp3', 'get nodes')).toMatch(/\ncp1\s+Ready\s+<none>/);
  }, 180_000);

  it('the cluster token never shows', () => {
    const [hash, password] = token.split('::server:') as [string, string];
    for (const secret of [token, hash, password, store.secretKey]) {
      expect(transcript.join('\n').includes(secret)).toBe(false);
      expect(cluster.sim.argvLog().includes(secret)).toBe(false);
    }
  });
});
