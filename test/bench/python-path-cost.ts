/**
 * `node dist/test/bench/python-path-cost.js [TASKS]`: what one task costs on
 * each path, over SSH to one lab host: cxplay's native ping, the same ping
 * forced through ansible-core's Python module (CXPLAY_PYTHON_MODULES=ping),
 * a module only the Python path has (getent), and ansible-playbook's ping.
 * Each playbook runs with 1 and with TASKS tasks (default 20); the per-task
 * cost is the difference divided by TASKS - 1 (start-up and connection cancel
 * out), each run's time the fastest of three. Prints a table; asserts nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Lab } from '../lab/lab.js';
import { runCommand } from '../support/cli.js';
import { CLI_PATH } from './bench-paths.js';

interface Variant {
  readonly label: string;
  readonly task: Record<string, unknown>;
  readonly engine: 'cxplay' | 'ansible';
  readonly env?: Record<string, string>;
}

const VARIANTS: readonly Variant[] = [
  { label: 'cxplay, native ping', task: { ping: {} }, engine: 'cxplay' },
  { label: 'cxplay, ping through Python', task: { ping: {} }, engine: 'cxplay', env: { CXPLAY_PYTHON_MODULES: 'ping' } },
  { label: 'cxplay, getent through Python', task: { getent: { database: 'passwd', key: 'root' } }, engine: 'cxplay' },
  { label: 'ansible-playbook, ping', task: { ping: {} }, engine: 'ansible' },
  { label: 'ansible-playbook, getent', task: { getent: { database: 'passwd', key: 'root' } }, engine: 'ansible' },
];

async function timed(variant: Variant, playbook: string, inventory: string, work: string): Promise<number> {
  const started = performance.now();
  const run =
    variant.engine === 'cxplay'
      ? await runCommand(process.execPath, [CLI_PATH, 'run', playbook, '-i', inventory, '-o', 'plain'], { env: { NO_COLOR: '1', ...variant.env } })
      : await runCommand('ansible-playbook', ['-i', inventory, playbook], {
          env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_PIPELINING: '1', ANSIBLE_SSH_CONTROL_PATH_DIR: join(work, 'cp'), ANSIBLE_LOCAL_TEMP: join(work, 'local') },
        });
  if (run.code !== 0) throw new Error(`${variant.label} failed:\n${run.stdout}${run.stderr}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const tasks = Number(process.argv[2] ?? 20);
  const lab = await Lab.start({ names: ['node1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } });
  const work = mkdtempSync(join(tmpdir(), 'cxplay-python-cost-'));
  try {
    const rows: string[] = [];
    for (const variant of VARIANTS) {
      const playbook = (count: number) => {
        const file = join(work, `${variant.label.replace(/\W+/g, '-')}-${count}.yaml`);
        writeFileSync(file, stringify([{ hosts: 'all', gather_facts: false, tasks: Array.from({ length: count }, () => variant.task) }]));
        return file;
      };
      const [one, many] = [playbook(1), playbook(tasks)];
      // The fastest of three runs each, so that a moment of load on the shared machine counts less.
      let [fastestOne, fastestMany] = [Infinity, Infinity];
      for (let round = 0; round < 3; round += 1) {
        fastestOne = Math.min(fastestOne, await timed(variant, one, lab.inventoryPath, work));
        fastestMany = Math.min(fastestMany, await timed(variant, many, lab.inventoryPath, work));
      }
      const perTask = (fastestMany - fastestOne) / (tasks - 1);
      rows.push(`${variant.label.padEnd(34)} ${perTask.toFixed(1).padStart(8)} ms/task`);
      process.stderr.write(`${rows.at(-1)}\n`);
    }
    process.stdout.write(`\nper-task cost over SSH to one lab host (${tasks} tasks vs 1, fastest of 3 runs each):\n${rows.join('\n')}\n`);
  } finally {
    await lab.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
