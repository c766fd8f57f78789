/**
 * Preflight (roles/preflight, playbooks/preflight.yaml, first play of site.yaml) on
 * simulated nodes: a pass with the table of every check, then each kind of miss on its
 * own (a sizing row raised above the machine, the Superset row chosen per host, one
 * worker, an active ufw, a filtered port, the MetalLB IP taken or outside the subnet,
 * a node outside the subnet), each named in the table and failing the run with exit 2;
 * site.yaml stops before anything is installed.
 */
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { blockPort, takeAddress } from '../lab/rke2-sim/preflight.js';
import { parse as parseYaml } from 'yaml';
import { parseRecap, projectRoot } from '../support/cli.js';
import { cx } from '../rke2/support.js';
import { address, editedInventory, varsFile } from './support.js';

let cluster: ClusterLab;

beforeAll(async () => {
  cluster = await startClusterLab();
});

afterAll(async () => {
  await cluster?.stop();
});

afterEach(async () => {
  rmSync(join(cluster.sim.clusterDir, 'preflight'), { recursive: true, force: true });
  await cluster.lab.exec('worker1', 'ufw disable');
  await cluster.lab.exec('worker2', 'rm -f /var/lib/cxsim/firewalld');
});

function preflight(extra: readonly string[] = [], inventory = cluster.lab.inventoryPath) {
  return cx(['run', 'playbooks/preflight.yaml', '-i', inventory, ...extra]);
}

/** The table rows (RESULT NODE CHECK DETAIL) printed by the run. */
function rows(output: string): string[] {
  return output.split('\n').map((line) => line.trim().replace(/^"|",?$/g, '')).filter((line) => /^(ok|MISSING)\s{2,}/.test(line));
}

const missing = (output: string) => rows(output).filter((row) => row.startsWith('MISSING'));

/** "NODE port P/PROTO -> PEER" of every port row, sorted. */
function portRows(table: readonly string[]): string[] {
  return table.filter((row) => / port \d+\//.test(row)).map((row) => row.split(/\s+/).slice(1, 6).join(' ')).sort();
}

/** The port rows of the lab's three nodes when every node reaches every other on nodePorts. */
function expectedPorts(nodePorts: readonly string[]): string[] {
  const nodes = ['cp1', 'worker1', 'worker2'];
  return nodes
    .flatMap((from) => nodes.filter((to) => to !== from).flatMap((to) => [...(to === 'cp1' ? ['9345/tcp', '6443/tcp'] : []), ...nodePorts].map((port) => `${from} port ${port} -> ${to}`)))
    .sort();
}

describe('preflight on simulated nodes', () => {
  it('passes on a lab that meets the (lab) sizing, and shows every check in one table', async () => {
    const run = await preflight();
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const table = rows(run.stdout);
    expect(missing(run.stdout)).toEqual([]);
    // Measured, not assumed: the machine's own numbers are in the table.
    expect(table).toContainEqual(expect.stringMatching(new RegExp(`^ok\\s+cp1\\s+vCPU \\(control-plane\\)\\s+${cpus().length} \\(needs 1\\)$`)));
    expect(table).toContainEqual(expect.stringMatching(new RegExp(`^ok\\s+worker1\\s+memory \\(cx-core\\)\\s+${Math.floor(totalmem() / 1048576)} MiB`)));
    expect(table).toContainEqual(expect.stringMatching(/^ok\s+worker2\s+disk \(cx-core\)\s+\d+ GiB at \/ /));
    expect(table).toContainEqual(expect.stringMatching(/^ok\s+cluster\s+worker nodes\s+2 \(needs 2\)$/));
    expect(table).toContainEqual(expect.stringMatching(/^ok\s+cluster\s+one subnet\s+every node in 127\.0\.\d+\.0\/24$/));
    expect(table).toContainEqual(expect.stringMatching(/^ok\s+cluster\s+MetalLB IP free/));
    // Ports: agents reach the control plane on 9345 and 6443; every node reaches the others on
    // 10250 and canal's (RKE2's default CNI) 8472/udp and 9099/tcp.
    expect(portRows(table)).toEqual(expectedPorts(['10250/tcp', '8472/udp', '9099/tcp']));
    expect(table).toContainEqual(expect.stringMatching(/^ok\s+worker1\s+NetworkManager\s+not installed$/));
    expect(cluster.sim.argvLog()).toContain(`cxsim-port-probe ${address(cluster, 'cp1')} 9345 tcp`);
    for (const counts of Object.values(parseRecap(run.stdout))) expect(counts).toMatchObject({ changed: 0, failed: 0 });
  }, 120_000);

  it("checks the inbound ports of the CNI chosen (RKE2's rules per CNI)", async () => {
    const calico = await preflight(['-e', 'rke2_cni=calico']);
    expect(calico.code, calico.stdout).toBe(0);
    expect(portRows(rows(calico.stdout))).toEqual(expectedPorts(['10250/tcp', '179/tcp', '4789/udp', '5473/tcp', '9098/tcp', '9099/tcp']));
    const cilium = await preflight(['-e', `@${varsFile(cluster, { rke2_cni: ['multus', 'cilium'] })}`]);
    expect(cilium.code, cilium.stdout).toBe(0);
    expect(portRows(rows(cilium.stdout))).toEqual(expectedPorts(['10250/tcp', '8472/udp', '4240/tcp']));
    blockPort(cluster.sim, address(cluster, 'worker2'), '5473/tcp');
    const blocked = await preflight(['-e', 'rke2_cni=calico']);
    expect(blocked.code).toBe(2);
    expect(missing(blocked.stdout).map((row) => row.split(/\s+/).slice(1, 6).join(' ')).sort()).toEqual(['cp1 port 5473/tcp -> worker2', 'worker1 port 5473/tcp -> worker2']);
  }, 180_000);

  it('a sizing row raised above the machine: each node misses it, naming what it has and needs', async () => {
    const big = { vcpus: 4096, memory_gib: 1, disk_gib: 1 };
    const run = await preflight(['-e', `@${varsFile(cluster, { preflight_requirements: { 'control-plane': big, 'cx-core': { ...big, vcpus: 1, disk_gib: 100_000 }, superset: big } })}`]);
    expect(run.code).toBe(2);
    expect(missing(run.stdout).map((row) => row.split(/\s{2,}/).slice(1).join(' | '))).toEqual([
      `cp1 | vCPU (control-plane) | ${cpus().length} (needs 4096)`,
      expect.stringMatching(/^worker1 \| disk \(cx-core\) \| \d+ GiB at \/ \(needs 100000 GiB at \/\)$/),
      expect.stringMatching(/^worker2 \| disk \(cx-core\) \| \d+ GiB at \/ \(needs 100000 GiB at \/\)$/),
    ]);
    expect(run.stdout).toContain('preflight: 3 requirement(s) missing');
  }, 120_000);

  it('the Superset row applies to the worker the inventory marks as superset', async () => {
    const inventory = editedInventory(cluster, (inv) => {
      inv.all.children.rke2_agents!.hosts.worker2 = { preflight_worker_profile: 'superset' };
    });
    const small = { vcpus: 1, memory_gib: 1, disk_gib: 1 };
    const run = await preflight(['-e', `@${varsFile(cluster, { preflight_requirements: { 'control-plane': small, 'cx-core': small, superset: { ...small, memory_gib: 100_000 } } })}`], inventory);
    expect(run.code).toBe(2);
    expect(missing(run.stdout)).toEqual([expect.stringMatching(/^MISSING\s+worker2\s+memory \(superset\)\s+\d+ MiB \(needs 100000 GiB\)$/)]);
  }, 120_000);

  it('one worker only: site.yaml stops at preflight and installs nothing', async () => {
    const inventory = editedInventory(cluster, (inv) => {
      delete inv.all.children.rke2_agents!.hosts.worker2;
    });
    const run = await cx(['run', 'playbooks/site.yaml', '-i', inventory]);
    expect(run.code).toBe(2);
    expect(missing(run.stdout)).toEqual([expect.stringMatching(/^MISSING\s+cluster\s+worker nodes\s+1 \(needs 2\)$/)]);
    // No task ran after the stop: the later plays had no host left.
    expect(run.stdout.slice(run.stdout.lastIndexOf('TASK ['))).toMatch(/^TASK \[preflight : Stop when a requirement is missing\]/);
    expect(cluster.sim.mirror.requests).toEqual([]);
    for (const host of ['cp1', 'worker1']) expect((await cluster.lab.exec(host, 'ls /usr/local/bin/rke2 /etc/rancher/rke2 2>&1; true')).stdout).toContain('No such file');
  }, 120_000);

  it('add-worker.yaml --limit checks the new worker against every node first, and stops there', async () => {
    blockPort(cluster.sim, address(cluster, 'cp1'), '9345/tcp');
    const run = await cx(['run', 'playbooks/add-worker.yaml', '-i', cluster.lab.inventoryPath, '--limit', 'worker2']);
    expect(run.code).toBe(2);
    expect(Object.keys(parseRecap(run.stdout))).toEqual(['worker2']);
    expect(rows(run.stdout).filter((row) => / port /.test(row)).map((row) => row.split(/\s+/).slice(0, 6).join(' ')).sort()).toEqual([
      'MISSING worker2 port 9345/tcp -> cp1',
      'ok worker2 port 10250/tcp -> cp1', 'ok worker2 port 10250/tcp -> worker1',
      'ok worker2 port 6443/tcp -> cp1',
      'ok worker2 port 8472/udp -> cp1', 'ok worker2 port 8472/udp -> worker1',
      'ok worker2 port 9099/tcp -> cp1', 'ok worker2 port 9099/tcp -> worker1',
    ]);
    expect((await cluster.lab.exec('worker2', 'ls /usr/local/bin/rke2 2>&1; true')).stdout).toContain('No such file');
  }, 120_000);

  it('an active ufw or firewalld on a node is named', async () => {
    await cluster.lab.exec('worker1', 'ufw enable');
    await cluster.lab.exec('worker2', 'echo running > /var/lib/cxsim/firewalld');
    const run = await preflight();
    expect(run.code).toBe(2);
    expect(missing(run.stdout)).toEqual([
      expect.stringMatching(/^MISSING\s+worker1\s+firewall\s+active: ufw /),
      expect.stringMatching(/^MISSING\s+worker2\s+firewall\s+active: firewalld /),
    ]);
  }, 120_000);

  it('a filtered port is named with the nodes on both ends', async () => {
    blockPort(cluster.sim, address(cluster, 'cp1'), '6443/tcp');
    blockPort(cluster.sim, address(cluster, 'worker2'), '8472/udp');
    const run = await preflight();
    expect(run.code).toBe(2);
    expect(missing(run.stdout).map((row) => row.split(/\s{2,}/).slice(1).join(' | '))).toEqual([
      `cp1 | port 8472/udp -> worker2 | ${address(cluster, 'worker2')}: timed out: filtered`,
      `worker1 | port 6443/tcp -> cp1 | ${address(cluster, 'cp1')}: timed out: filtered`,
      `worker1 | port 8472/udp -> worker2 | ${address(cluster, 'worker2')}: timed out: filtered`,
      `worker2 | port 6443/tcp -> cp1 | ${address(cluster, 'cp1')}: timed out: filtered`,
    ].map((text) => expect.stringContaining(text)));
  }, 120_000);

  it('the MetalLB IP answering, or outside the subnet, is named', async () => {
    const vip = address(cluster, 'cp1').replace(/\.\d+$/, '.250');
    takeAddress(cluster.sim, vip);
    const taken = await preflight();
    expect(taken.code).toBe(2);
    expect(missing(taken.stdout)).toEqual([expect.stringMatching(new RegExp(`^MISSING\\s+cluster\\s+MetalLB IP free\\s+${vip.replace(/\./g, '\\.')} answers: in use$`))]);

    const outside = await preflight(['-e', 'preflight_metallb_ip=192.0.2.50']);
    expect(outside.code).toBe(2);
    expect(missing(outside.stdout)).toEqual([expect.stringMatching(/^MISSING\s+cluster\s+MetalLB IP in subnet\s+192\.0\.2\.50 is outside 127\.0\.\d+\.0\/24$/)]);
  }, 120_000);

  it('the subnet may be given with a netmask', async () => {
    const run = await preflight(['-e', `preflight_subnet=${address(cluster, 'cp1').replace(/\.\d+$/, '.0')}/255.255.255.0`]);
    expect(run.code, run.stdout).toBe(0);
    expect(rows(run.stdout)).toContainEqual(expect.stringMatching(/^ok\s+cluster\s+one subnet\s+every node in 127\.0\.\d+\.0\/255\.255\.255\.0$/));
  }, 120_000);

  it("the role's own port probe (for real nodes): an open port and refused ones (tcp and udp) are reachable", async () => {
    const defaults = parseYaml(readFileSync(join(projectRoot, 'roles/preflight/defaults/main.yaml'), 'utf8')) as { preflight_port_probe: string };
    const probe = (port: string, proto: string) => promisify(execFile)('sh', ['-c', defaults.preflight_port_probe, 'port-probe', address(cluster, 'cp1'), port, proto]);
    expect((await probe('22', 'tcp')).stdout).toBe('open\n'); // the lab host's sshd
    expect((await probe('9345', 'tcp')).stdout).toBe('refused: reachable, nothing listening yet\n');
    expect((await probe('8472', 'udp')).stdout).toBe('refused: reachable, nothing listening yet\n');
    // A UDP listener answers nothing: a listener and a dropping filter look alike, so it is reported, not failed.
    const listener = createSocket('udp4');
    await new Promise<void>((resolve) => listener.bind(0, address(cluster, 'cp1'), resolve));
    try {
      expect((await probe(String(listener.address().port), 'udp')).stdout).toBe('no answer: a listener, or a filter that drops (udp cannot tell them apart)\n');
    } finally {
      listener.close();
    }
  }, 60_000);

  it('nodes outside the subnet are named', async () => {
    const narrow = `${address(cluster, 'cp1')}/31`;
    const run = await preflight(['-e', `preflight_subnet=${narrow}`, '-e', `preflight_metallb_ip=${address(cluster, 'cp1').replace(/\.\d+$/, '.0')}`]);
    expect(run.code).toBe(2);
    expect(missing(run.stdout)).toEqual([expect.stringMatching(new RegExp(`^MISSING\\s+cluster\\s+one subnet\\s+outside ${narrow.replace(/\./g, '\\.')}: worker1 worker2 $`))]);
  }, 120_000);
});
