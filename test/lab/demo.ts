/**
 * `npm run demo`: a local lab of simulated RKE2 nodes (control plane cp1 and
 * two workers on two sites, see rke2-sim/), the simulator's mirror, and
 * `cxplay run playbooks/site.yaml` on them with the terminal handed over (the
 * live view shows on a TTY), twice: the first run converges (the simulated steps
 * take a few seconds each, so the live view shows the waits), the second reports
 * changed=0. The lab and the mirror go away afterwards, also on Ctrl-C; the exit
 * code is cxplay's (the first failing run's).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { startClusterLab } from './rke2-sim/cluster-lab.js';
import { simSourceDir } from './rke2-sim/sim.js';

const DEMO_TIMING = { start: 1, node_ready: 3, rollout: 2, webhook: 3 };

/** One `cxplay run playbooks/site.yaml` with the terminal handed over; its exit code. */
async function runSite(projectRoot: string, inventory: string): Promise<number> {
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'bundle', 'cxplay.js'), 'run', 'playbooks/site.yaml', '-i', inventory], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  // Ctrl-C reaches cxplay too (same process group); a SIGTERM to us is passed on.
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGTERM' && child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal === 'SIGINT' ? 99 : 1)));
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function main(): Promise<number> {
  const projectRoot = dirname(dirname(dirname(simSourceDir())));
  process.stderr.write('Starting a lab of simulated RKE2 nodes (cp1, worker1, worker2) and the download mirror...\n');
  // A few seconds per simulated step: long enough to watch, the whole demo about a minute.
  const cluster = await startClusterLab({ server: 'cp1', agents: ['worker1', 'worker2'], timing: DEMO_TIMING });
  // The lab's own signal handlers end the hosts at once; here cxplay must finish first.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  try {
    process.stderr.write(`Inventory: ${cluster.lab.inventoryPath}\nMirror: ${cluster.sim.mirror.baseUrl}\n\n`);
    const first = await runSite(projectRoot, cluster.lab.inventoryPath);
    if (first !== 0) return first;
    process.stderr.write('\nThe same run again: nothing left to change (changed=0)...\n\n');
    return await runSite(projectRoot, cluster.lab.inventoryPath);
  } finally {
    process.stderr.write('\nStopping the lab and the mirror...\n');
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
