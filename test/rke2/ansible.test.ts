/**
 * The roles are plain Ansible too: ansible-playbook runs site.yaml on one
 * simulated cluster and cxplay on another; both converge the same way (the
 * same recap counts, the argument-spec validation task of each role
 * included), write the same files, and both second runs change nothing.
 * Ansible's side is recorded in test/references/rke2 while the roles, the
 * playbooks and the simulator are unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { nodes, site } from './support.js';

let work: string;
let cxLab: ClusterLab;
const vars = { ansible_python_interpreter: '/usr/bin/python3' };

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

/** What decides Ansible's outcome: the playbooks and roles, the simulated cluster, and how it is run and compared. */
const referenceInputs = ['playbooks', 'roles', 'test/lab', 'test/support/ansible.ts', 'test/rke2/support.ts'].map((path) => join(projectRoot, path)).concat(fileURLToPath(import.meta.url));

/** ansible-playbook's converge of site.yaml on a fresh simulated cluster and its rerun: recorded while the inputs are unchanged. */
function ansibleSite() {
  return ansibleReference({ name: 'rke2/site', inputs: referenceInputs, work }, async () => {
    const cluster = await startClusterLab({ vars });
    try {
      const converge = await ansible(cluster);
      const nodeStates = (await nodes(cluster)).map((node) => [node.name, node.ready, node.unschedulable]);
      const written = await files(cluster);
      const rerun = parseRecap((await ansible(cluster)).stdout);
      return { converge, nodeStates, written, rerun };
    } finally {
      await cluster.stop();
    }
  });
}

describe.skipIf(!hasAnsible)('the roles under ansible-playbook', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cxplay-rke2-ansible-'));
    cxLab = await startClusterLab({ vars });
  });

  afterAll(async () => {
    await cxLab?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('converges like cxplay, writes the same files, and reruns without changes', async () => {
    const { converge: reference, nodeStates, written, rerun } = await ansibleSite();
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const ours = await site(cxLab);
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);

    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
    expect(ours.stdout).toContain("TASK [rke2-agent : Validating arguments against arg spec 'main' - Install an RKE2 agent and join it to the control plane]");

    expect(nodeStates).toEqual([['cp1', true, true], ['worker1', true, false], ['worker2', true, false]]);
    expect(written).toEqual(await files(cxLab));

    for (const [host, counts] of Object.entries(rerun)) expect({ host, changed: counts.changed, failed: counts.failed }).toEqual({ host, changed: 0, failed: 0 });
  }, 900_000);
});
