/**
 * How RKE2 gets onto a node, on simulated RHEL-family and Debian hosts: the install script
 * takes the rpm method where yum is found (rke2 in /usr/bin), tar elsewhere (/usr/local/bin);
 * the roles find either, so a rerun installs nothing; NetworkManager on RHEL hosts is told to
 * leave the CNI's interfaces alone before RKE2 starts (the simulated rke2 refuses otherwise);
 * an air-gapped worker installs from INSTALL_RKE2_ARTIFACT_PATH (tar, also on RHEL) with a
 * private registry in registries.yaml, and a missing artifact directory is refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { writeRke2Artifacts } from '../lab/rke2-sim/install-scripts.js';
import { parseRecap } from '../support/cli.js';
import { varsFile } from '../day2/support.js';
import { cx, site, transcript } from './support.js';

const VERSION = 'v1.31.2+rke2r1'; // the stable channel's, which site.yaml installed
const ARTIFACTS = '/root/rke2-artifacts';
let cluster: ClusterLab;

beforeAll(async () => {
  cluster = await startClusterLab({ rhelHosts: ['cp1', 'worker1', 'worker3'], laterAgents: ['worker3'] });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

async function sh(host: string, command: string): Promise<string> {
  return (await cluster.lab.exec(host, `${command} 2>&1; true`)).stdout;
}

/** Which rke2 binaries a host has. */
const binaries = (host: string) => sh(host, 'for f in /usr/bin/rke2 /usr/local/bin/rke2 /opt/rke2/bin/rke2; do [ -x "$f" ] && echo "$f"; done');

describe('install methods on simulated RHEL-family and Debian nodes', () => {
  it('site.yaml installs the RPMs on RHEL hosts (/usr/bin/rke2) and the tarball elsewhere, NetworkManager told first', async () => {
    const run = await site(cluster);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const host of ['cp1', 'worker1']) {
      expect(await binaries(host)).toBe('/usr/bin/rke2\n');
      expect(await sh(host, 'rpm -q rke2-common')).toBe('rke2-common-1.31.2~rke2r1\n');
      expect(await sh(host, 'cat /etc/NetworkManager/conf.d/rke2-canal.conf')).toContain('unmanaged-devices=interface-name:cali*;interface-name:flannel*\n');
    }
    expect(await binaries('worker2')).toBe('/usr/local/bin/rke2\n');
    expect(await sh('worker2', 'ls /etc/NetworkManager')).toContain('No such file');
    expect(run.stdout).toMatch(/TASK \[rke2-install : Reload NetworkManager\][^\n]*\nchanged: \[cp1\]/);
  }, 240_000);

  it('a rerun finds rke2 where each method put it: nothing is installed again', async () => {
    const before = cluster.sim.mirror.requests.length;
    const run = await site(cluster);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const [host, counts] of Object.entries(parseRecap(run.stdout))) expect({ host, changed: counts.changed }).toEqual({ host, changed: 0 });
    expect(cluster.sim.mirror.requests.slice(before)).not.toContain('/rke2/install.sh');
  }, 240_000);

  it('the simulated rke2 refuses to start under NetworkManager without the setting', async () => {
    const out = await sh('worker1', 'rm /etc/NetworkManager/conf.d/rke2-canal.conf && systemctl restart rke2-agent; journalctl -u rke2-agent | tail -n 1');
    expect(out).toContain("NetworkManager manages the CNI's interfaces (canal");
    // The role puts it back (and the restart it needs is the operator's reboot; here a restart).
    const run = await cx(['role', 'rke2-agent', '-i', cluster.lab.inventoryPath, '--limit', 'worker1']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await sh('worker1', 'systemctl is-active rke2-agent')).toBe('active\n');
  }, 120_000);

  it('preflight: NetworkManager set up where it runs; an enabled nm-cloud-setup is named', async () => {
    await cluster.lab.exec('worker1', "printf '[Service]\\nExecStart=/bin/true\\n' > /etc/systemd/system/nm-cloud-setup.service && systemctl enable nm-cloud-setup");
    const run = await cx(['run', 'playbooks/preflight.yaml', '-i', cluster.lab.inventoryPath]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/ok\s+cp1\s+NetworkManager\s+ignores cali\* and flannel\*/);
    expect(run.stdout).toMatch(/ok\s+worker2\s+NetworkManager\s+not installed/);
    expect(run.stdout).toMatch(/MISSING\s+worker1\s+nm-cloud-setup\s+enabled: disable nm-cloud-setup.service and .timer/);
    await cluster.lab.exec('worker1', 'systemctl disable nm-cloud-setup');
  }, 120_000);

  it('forcing the tar method on a host with the RPMs is refused by the install script', async () => {
    const run = await cx(['role', 'rke2-agent', '-i', cluster.lab.inventoryPath, '--limit', 'worker1', '-e', 'rke2_install_method=tar', '-e', 'rke2_version=v1.31.3+rke2r1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Cannot perform tar install on host with existing RKE2 RPMs - please run rke2-uninstall.sh first');
  }, 120_000);

  describe('an air-gapped worker (RHEL family: the artifacts mean the tar method)', () => {
    const registryPassword = randomBytes(12).toString('hex');
    const registries = {
      mirrors: { 'docker.io': { endpoint: ['https://registry.cx.lab:5000'] } },
      configs: { 'registry.cx.lab:5000': { auth: { username: 'cx', password: registryPassword } } },
    };
    let inventory: string;
    let vars: string;

    beforeAll(() => {
      inventory = cluster.inventoryWithAgents(['worker3']);
      vars = varsFile(cluster, { rke2_install_artifact_path: ARTIFACTS, rke2_registries: registries });
    });

    const join3 = () => cx(['role', 'rke2-agent', '-i', inventory, '--limit', 'worker3', '-e', `@${vars}`]);

    it('without the artifacts on the node: refused, nothing installed', async () => {
      const run = await join3();
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(`${ARTIFACTS} on worker3 has no sha256sum-amd64.txt`);
      expect(await binaries('worker3')).toBe('');
      // The simulated install script refuses it too, as install.sh does (set -e, cp fails).
      const direct = await sh('worker3', `curl -sf ${cluster.sim.mirror.urls.rke2InstallScript} | INSTALL_RKE2_ARTIFACT_PATH=${ARTIFACTS} sh -`);
      expect(direct).toContain(`cp: cannot stat '${ARTIFACTS}/sha256sum-amd64.txt': No such file or directory`);
    }, 120_000);

    it('with them: installed from the directory (tar, /usr/local/bin), registries.yaml written 0600, joined', async () => {
      const staged = join(cluster.sim.dir, 'artifacts');
      mkdirSync(staged, { recursive: true });
      writeRke2Artifacts(staged, VERSION);
      await cluster.lab.exec('worker3', `mkdir -p ${ARTIFACTS} && cp ${staged}/* ${ARTIFACTS}/`);
      const requests = cluster.sim.mirror.requests.length;
      const run = await join3();
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(cluster.sim.mirror.requests.slice(requests)).toEqual(['/rke2/install.sh']); // the script only: the release came from the directory
      expect(await binaries('worker3')).toBe('/usr/local/bin/rke2\n');
      expect(await sh('worker3', 'stat -c %a /etc/rancher/rke2/registries.yaml')).toBe('600\n');
      expect(parseYaml(await sh('worker3', 'cat /etc/rancher/rke2/registries.yaml'))).toEqual(registries);
      expect(await sh('worker3', 'journalctl -u rke2-agent')).toContain('Using private registry config file at /etc/rancher/rke2/registries.yaml');
      const rerun = await join3();
      expect(parseRecap(rerun.stdout).worker3!.changed).toBe(0);
      expect(transcript.join('\n')).not.toContain(registryPassword);
    }, 180_000);

    it('a corrupt tarball is refused by its checksum', async () => {
      const out = await sh('worker3', `cd ${ARTIFACTS} && echo x >> rke2.linux-amd64.tar.gz && INSTALL_RKE2_ARTIFACT_PATH=${ARTIFACTS} sh /usr/local/share/rke2-install.sh`);
      expect(out).toMatch(/download sha256 does not match [0-9a-f]{64}, got [0-9a-f]{64}/);
    }, 60_000);
  });
});
