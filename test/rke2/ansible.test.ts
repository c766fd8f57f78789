/**
 * The roles are plain Ansible too: ansible-playbook runs site.yaml on one
 * simulated cluster and cxplay on another; both converge the same way (the
 * same recap counts, the argument-spec validation task of each role
 * included), write the same files, and both second runs change nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { nodes, site } from './support.js';

let work: string;
let ansibleLab: ClusterLab;
let cxLab: ClusterLab;

function ansible(cluster: ClusterLab): Promise<CommandResult> {
  return ansiblePlaybook(['-i', cluster.lab.inventoryPath, 'playbooks/site.yaml'], { cwd: projectRoot, work });
}

async function files(cluster: ClusterLab): Promise<Record<string, unknown>> {
  const read = async (host: string, path: string) => (await cluster.lab.exec(host, `cat ${path}`)).stdout;
  return {
    pool: await read('cp1', '/var/lib/rancher/cxplay/metallb/ipaddresspool.yaml'),
    l2: await read('cp1', '/var/lib/rancher/cxplay/metallb/l2advertisement.yaml'),
    values: parseYaml(await read('cp1', '/var/lib/rancher/cxplay/ingress/values.yaml')),
    server: parseYaml(await read('cp1', '/etc/rancher/rke2/config.yaml')),
    agent: { ...parseYaml(await read('worker1', '/etc/rancher/rke2/config.yaml')), token: 'checked apart', server: 'differs by lab' },
  };
}

describe.skipIf(!hasAnsible)('the roles under ansible-playbook', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cxplay-rke2-ansible-'));
    const vars = { ansible_python_interpreter: '/usr/bin/python3' };
    [ansibleLab, cxLab] = await Promise.all([startClusterLab({ vars }), startClusterLab({ vars })]);
  });

  afterAll(async () => {
    await Promise.all([ansibleLab?.stop(), cxLab?.stop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('converges like cxplay, writes the same files, and reruns without changes', async () => {
    const reference = await ansible(ansibleLab);
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await site(cxLab);
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);

    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
    expect(ours.stdout).toContain("TASK [rke2-agent : Validating arguments against arg spec 'main' - Install an RKE2 agent and join it to the control plane]");

    expect((await nodes(ansibleLab)).map((node) => [node.name, node.ready, node.unschedulable])).toEqual([['cp1', true, true], ['worker1', true, false], ['worker2', true, false]]);
    expect(await files(ansibleLab)).toEqual(await files(cxLab));

    const rerun = await ansible(ansibleLab);
    for (const [host, counts] of Object.entries(parseRecap(rerun.stdout))) expect({ host, changed: counts.changed, failed: counts.failed }).toEqual({ host, changed: 0, failed: 0 });
    // Three runs of site.yaml, each with the simulated waits (rollouts, webhook, load balancer IP).
  }, 900_000);
});
