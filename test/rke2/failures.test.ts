/**
 * Failures an operator must understand at once: a wrong token, a control plane
 * address nothing answers on, a control plane host that is down. Each names
 * the host and the cause; the real token shows nowhere.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startClusterLab, type ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { parseRecap } from '../support/cli.js';
import { cx, site, transcript } from './support.js';

let cluster: ClusterLab;
let inventory: string;

beforeAll(async () => {
  // One worker on purpose (worker2 joins later): preflight's minimum of two is lowered.
  cluster = await startClusterLab({ agents: ['worker1'], laterAgents: ['worker2'], vars: { preflight_min_workers: 1 } });
  const run = await site(cluster);
  if (run.code !== 0) throw new Error(`site.yaml failed:\n${run.stdout}\n${run.stderr}`);
  inventory = cluster.inventoryWithAgents(['worker2']);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

it('a wrong token: the agent does not join, and the failure names the host and the cause', async () => {
  const vars = join(cluster.lab.dir, 'wrong-token.yaml');
  writeFileSync(vars, `rke2_agent_token: "K10${'0'.repeat(64)}::server:${'0'.repeat(32)}"\n`, { mode: 0o600 });
  const run = await cx(['role', 'rke2-agent', '-i', inventory, '--limit', 'worker2', '-e', `@${vars}`]);
  expect(run.code).toBe(2);
  expect(parseRecap(run.stdout).worker2).toMatchObject({ failed: 1, rescued: 1 });
  expect(run.stdout).toContain('rke2-agent did not start on worker2');
  expect(run.stdout).toContain('token CA hash does not match the Cluster CA certificate hash');
  expect(run.stdout).not.toContain('0'.repeat(64));
}, 120_000);

it('an unreachable control plane address: the failure says so', async () => {
  const run = await cx(['run', 'playbooks/add-worker.yaml', '-i', inventory, '--limit', 'worker2', '-e', 'rke2_agent_server_address=127.0.0.254']);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('rke2-agent did not start on worker2 (joining https://127.0.0.254:9345)');
  expect(run.stdout).toContain('dial tcp 127.0.0.254:9345: connect: connection refused');
}, 120_000);

it('the control plane host down: the failure names it and the cause', async () => {
  cluster.lab.killHost('cp1');
  const run = await cx(['run', 'playbooks/add-worker.yaml', '-i', inventory, '--limit', 'worker2']);
  expect(run.code).not.toBe(0);
  const line = run.stdout.split('\n').find((text) => text.includes('worker2 -> cp1'));
  expect(line, run.stdout).toMatch(/UNREACHABLE|unreachable/);
  expect(line).toMatch(/refused|closed|connect/i);
}, 120_000);

it('the real token showed in none of these runs', async () => {
  // The agent's join token lives in its own drop-in (never in config.yaml, which a diff may show).
  const dropIn = '/etc/rancher/rke2/config.yaml.d/50-cxplay-token.yaml';
  const token = (await cluster.lab.exec('worker1', `sed -n 's/^token: "\\{0,1\\}\\([^"]*\\)"\\{0,1\\}$/\\1/p' ${dropIn}`)).stdout.trim();
  expect(token).toMatch(/^K10[0-9a-f]{64}::server:[0-9a-f]{32}$/);
  expect(transcript.join('\n')).not.toContain(token.split('::server:')[1]);
  expect(cluster.sim.argvLog()).not.toContain(token.split('::server:')[1]);
});
