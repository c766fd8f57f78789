/**
 * Control-plane backup on a simulated cluster: the rke2-server role writes the etcd
 * snapshot schedule and the S3 target into config.yaml; playbooks/etcd-snapshot.yaml
 * takes a snapshot (kept locally and copied to the simulated S3 store) and lists them;
 * wrong credentials fail naming the cause; the credentials never show in output, diffs,
 * logs or process arguments.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { openS3Store, s3Objects, type S3Store } from '../lab/rke2-sim/s3.js';
import { ArgvWatcher, cx, hostLogs, site, transcript } from '../rke2/support.js';
import { varsFile } from './support.js';

const store: S3Store = {
  endpoint: 's3.backup.lab:9000',
  accessKey: `CXLAB${randomBytes(8).toString('hex').toUpperCase()}`,
  secretKey: randomBytes(20).toString('hex'),
  bucket: 'cx-backups',
};
const FOLDER = 'worker-ha';
let cluster: ClusterLab;
const argv = new ArgvWatcher();

beforeAll(async () => {
  cluster = await startClusterLab({
    vars: {
      rke2_etcd_s3: true,
      rke2_etcd_s3_endpoint: store.endpoint,
      rke2_etcd_s3_bucket: store.bucket,
      rke2_etcd_s3_folder: FOLDER,
      rke2_etcd_s3_insecure: true,
      rke2_etcd_s3_access_key: store.accessKey,
      rke2_etcd_s3_secret_key: store.secretKey,
    },
  });
  openS3Store(cluster.sim, store);
  argv.start();
  const run = await site(cluster);
  if (run.code !== 0) throw new Error(`site.yaml failed:\n${run.stdout}\n${run.stderr}`);
}, 180_000);

afterAll(async () => {
  argv.stop();
  await cluster?.stop();
});

const snapshot = (extra: readonly string[] = []) => cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cluster.lab.inventoryPath, ...extra]);

describe('control-plane backup on a simulated cluster', () => {
  it('config.yaml of the control plane has the snapshot schedule and the S3 target, mode 0600', async () => {
    const config = await cluster.lab.exec('cp1', 'stat -c %a /etc/rancher/rke2/config.yaml; cat /etc/rancher/rke2/config.yaml');
    const [mode, ...text] = config.stdout.split('\n');
    expect(mode).toBe('600');
    expect(parseYaml(text.join('\n'))).toMatchObject({
      'etcd-snapshot-schedule-cron': '0 */12 * * *',
      'etcd-snapshot-retention': 5,
      'etcd-s3': true,
      'etcd-s3-endpoint': store.endpoint,
      'etcd-s3-bucket': store.bucket,
      'etcd-s3-folder': FOLDER,
      'etcd-s3-region': 'us-east-1',
      'etcd-s3-insecure': true,
    });
    expect(text.join('\n')).not.toContain(store.secretKey);
    const credentials = await cluster.lab.exec('cp1', 'cd /etc/rancher/rke2/config.yaml.d && stat -c %a . 50-cxplay-secrets.yaml && cat 50-cxplay-secrets.yaml');
    const [dirMode, fileMode, ...credentialText] = credentials.stdout.split('\n');
    expect([dirMode, fileMode]).toEqual(['700', '600']);
    expect(parseYaml(credentialText.join('\n'))).toEqual({ 'etcd-s3-access-key': store.accessKey, 'etcd-s3-secret-key': store.secretKey });
  });

  it('an on-demand snapshot is kept locally and in the S3 store, and listed from both', async () => {
    const run = await snapshot();
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const name = /Snapshot (on-demand-cp1-\d+) saved\./.exec(run.stdout)?.[1];
    expect(name, run.stdout).toBeDefined();
    expect(s3Objects(cluster.sim, store.bucket, FOLDER)).toEqual([name]);
    expect((await cluster.lab.exec('cp1', 'ls /var/lib/rancher/rke2/server/db/snapshots')).stdout.trim()).toBe(name);
    expect(run.stdout).toMatch(new RegExp(`"${name}\\s+file:///var/lib/rancher/rke2/server/db/snapshots/${name}\\s+\\d+\\s+\\S+Z"`));
    expect(run.stdout).toMatch(new RegExp(`"${name}\\s+s3://${store.bucket}/${FOLDER}/${name}\\s+\\d+\\s+\\S+Z"`));
    expect(cluster.sim.argvLog()).toMatch(/rke2 etcd-snapshot save --name on-demand\n/);

    const second = await snapshot(['-e', 'etcd_snapshot_name=before-upgrade']);
    expect(second.code).toBe(0);
    expect(s3Objects(cluster.sim, store.bucket, FOLDER)).toEqual([expect.stringMatching(/^before-upgrade-cp1-\d+$/), name]);
    const listOnly = await snapshot(['-e', 'etcd_snapshot_save=false']);
    expect(listOnly.stdout.match(/s3:\/\//g)).toHaveLength(2);
    expect(s3Objects(cluster.sim, store.bucket, FOLDER)).toHaveLength(2);
  }, 120_000);

  it('credentials the store refuses: the run fails and says why', async () => {
    writeFileSync(join(cluster.sim.clusterDir, 's3', 's3-server'), `${store.endpoint}\n${store.accessKey}\nanother-secret-key\n`);
    try {
      const run = await snapshot();
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('Access Denied: the access key or secret key is wrong');
    } finally {
      openS3Store(cluster.sim, store);
    }
  }, 120_000);

  it('the simulated rke2 refuses what RKE2 refuses: snapshot commands without a running server, a local restore path while S3 is configured', async () => {
    const local = (await cluster.lab.exec('cp1', 'ls /var/lib/rancher/rke2/server/db/snapshots | head -n 1')).stdout.trim();
    await cluster.lab.exec('cp1', 'systemctl stop rke2-server');
    try {
      for (const sub of ['ls', 'save', 'delete x']) {
        const result = await cluster.lab.exec('cp1', `rke2 etcd-snapshot ${sub}`);
        expect({ sub, code: result.code }).toEqual({ sub, code: 1 });
        expect(result.stderr).toContain('dial tcp 127.0.0.1:9345: connect: connection refused');
      }
      const reset = await cluster.lab.exec('cp1', `rke2 server --cluster-reset --cluster-reset-restore-path=/var/lib/rancher/rke2/server/db/snapshots/${local}`);
      expect(reset.code).toBe(1);
      expect(reset.stderr).toContain('NoSuchKey: The specified key does not exist (a local snapshot needs --etcd-s3=false)');
    } finally {
      await cluster.lab.exec('cp1', 'systemctl start rke2-server');
    }
    const list = await cluster.lab.exec('cp1', 'rke2 etcd-snapshot ls');
    expect(list.code, list.stderr).toBe(0);
  }, 180_000);

  it('changed settings show in the diff, rotated credentials do not, and they show nowhere', async () => {
    const rotated = randomBytes(20).toString('hex');
    openS3Store(cluster.sim, { ...store, secretKey: rotated });
    // In a vars file: on cxplay's own command line it would be a process argument.
    const vars = varsFile(cluster, { rke2_etcd_s3_secret_key: rotated });
    const run = await site(cluster, ['--diff', '-e', 'rke2_etcd_snapshot_retention=7', '-e', `@${vars}`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/-etcd-snapshot-retention: 5\n\+etcd-snapshot-retention: 7/);
    expect(run.stdout).toMatch(/TASK \[rke2-server : Write the cluster token and S3 credentials \(never shown\)\][^\n]*\nchanged: \[cp1\]\n/);
    expect(run.stdout).not.toContain(rotated);
    expect((await snapshot()).code).toBe(0);
    const json = await cx(['run', 'playbooks/etcd-snapshot.yaml', '-i', cluster.lab.inventoryPath, '-o', 'json', '-vvv']);
    expect(json.code).toBe(0);
    argv.stop();
    const places: Record<string, string> = {
      'cxplay output and events': transcript.join('\n'),
      'host logs': await hostLogs(cluster),
      'stand-in argv log': cluster.sim.argvLog(),
      'process command lines': [...argv.seen].join('\n'),
    };
    expect(places['stand-in argv log']).toContain('rke2 etcd-snapshot save');
    for (const [place, text] of Object.entries(places)) {
      for (const secret of [store.secretKey, store.accessKey, rotated]) expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false });
    }
  }, 180_000);
});
