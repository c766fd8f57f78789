/**
 * `npm run bench [-- --hosts N] [--no-ansible]`: starts a lab of N real sshd
 * hosts per tool and runs test/bench/playbook/converge.yaml three ways
 * (--check on fresh hosts, first converge, idempotent rerun) with cxplay and,
 * on a second fresh lab, with ansible-playbook, interleaved so both see the
 * same machine load; the rerun is repeated (--reruns, default 3) and its
 * median reported. Prints a table and writes it as JSON to bench-results/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Lab } from '../lab/lab.js';
import { PROJECT_ROOT } from './bench-paths.js';
import { parseBenchOptions } from './bench-options.js';
import { figuresOf, formatTable, speedups, type ToolFigures } from './summary.js';
import { AnsibleRunner, MODES, runCxplay, type Mode, type ToolRun } from './tools.js';
import { versionMilliseconds } from './version-time.js';

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const versionMs = versionMilliseconds();
  const names = Array.from({ length: options.hosts }, (_, index) => `node${index + 1}`);
  const startLab = () => Lab.start({ names, groups: { bench: names }, vars: { ansible_python_interpreter: '/usr/bin/python3' } });
  process.stderr.write(`starting ${options.ansible ? 'two labs' : 'a lab'} of ${options.hosts} hosts...\n`);
  const [cxLab, ansibleLab] = await Promise.all([startLab(), options.ansible ? startLab() : undefined]);
  const ansibleDir = `/tmp/cxbench-${process.pid}`;
  const cxplayCacheDir = `/tmp/cxbench-cache-${process.pid}`;
  const ansible = options.ansible ? new AnsibleRunner(ansibleDir) : undefined;
  const cxplay: ToolFigures = {};
  const reference: ToolFigures = {};
  const problems: string[] = [];
  const walls: Record<'cxplay' | 'ansible', Partial<Record<Mode, number[]>>> = { cxplay: {}, ansible: {} };
  try {
    for (const mode of MODES) {
      const oursRuns: ToolRun[] = [];
      const theirsRuns: ToolRun[] = [];
      // Run for run, so both tools see the same load on the shared machine.
      for (let round = 0; round < (mode === 'rerun' ? options.reruns : 1); round += 1) {
        process.stderr.write(`cxplay ${mode}...\n`);
        oursRuns.push(await runCxplay(cxLab.inventoryPath, options.hosts, mode, cxplayCacheDir));
        if (ansible && ansibleLab) {
          process.stderr.write(`ansible-playbook ${mode}...\n`);
          theirsRuns.push(await ansible.run(ansibleLab.inventoryPath, options.hosts, mode));
        }
      }
      const ours = median(oursRuns);
      cxplay[mode] = figuresOf(ours);
      walls.cxplay[mode] = oursRuns.map(wallSeconds);
      for (const run of oursRuns) problems.push(...problemsOf('cxplay', run));
      if (theirsRuns.length > 0) {
        const theirs = median(theirsRuns);
        reference[mode] = figuresOf(theirs);
        walls.ansible[mode] = theirsRuns.map(wallSeconds);
        for (const run of theirsRuns) problems.push(...problemsOf('ansible-playbook', run));
        if (canonical(ours.recap) !== canonical(theirs.recap)) problems.push(`${mode}: cxplay's recap differs from ansible-playbook's`);
      }
    }
  } finally {
    await Promise.all([cxLab.stop(), ansibleLab?.stop()]);
    rmSync(ansibleDir, { recursive: true, force: true });
    rmSync(cxplayCacheDir, { recursive: true, force: true });
  }
  const table = formatTable(options.hosts, cxplay, ansible ? reference : undefined);
  const rerunWalls = (tool: 'cxplay' | 'ansible') => (walls[tool].rerun ?? []).map((wall) => wall.toFixed(2)).join(', ');
  process.stdout.write(`${table}\nreruns (median shown): cxplay ${rerunWalls('cxplay')} s${ansible ? `; ansible ${rerunWalls('ansible')} s` : ''}\ncxplay --version: ${versionMs} ms\n`);
  for (const problem of problems) process.stdout.write(`PROBLEM: ${problem}\n`);
  writeResults(options.outDir, {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, loadAverage: loadavg().map((value) => Math.round(value * 100) / 100), node: process.version },
    hosts: options.hosts,
    cxplay,
    ...(ansible ? { ansible: reference, speedups: speedups(cxplay, reference) } : {}),
    versionMs,
    walls,
    problems,
    table,
  });
  return problems.length === 0 ? 0 : 1;
}

/** The run with the median wall time (the upper one of an even count). */
function median(runs: readonly ToolRun[]): ToolRun {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
}

function wallSeconds(run: ToolRun): number {
  return Math.round(run.wallMs) / 1000;
}

function problemsOf(tool: string, run: ToolRun): string[] {
  const problems: string[] = [];
  if (run.code !== 0) problems.push(`${tool} ${run.mode} exited ${run.code}: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' | ')}`);
  if (run.mode === 'rerun' && Object.values(run.recap).some((line) => line.changed > 0)) problems.push(`${tool} rerun changed something: not idempotent`);
  return problems;
}

/** Recaps compared by host name (Ansible sorts its recap, cxplay keeps inventory order). */
function canonical(recap: ToolRun['recap']): string {
  return JSON.stringify(Object.keys(recap).sort().map((host) => [host, recap[host]]));
}

function writeResults(outDir: string, results: Record<string, unknown>): void {
  const dir = resolve(PROJECT_ROOT, outDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${results.hosts}-hosts-${String(results.date).replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`results: ${file}\n`);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
