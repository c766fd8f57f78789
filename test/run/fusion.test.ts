/**
 * Fused execution is invisible (issue 18): under strategy free and
 * host_pinned, the corpus in fusion/ run with fusion on and off on twin labs,
 * and by ansible-playbook on a third, gives the same output per host (every
 * result at -v, in the host's order), recap, exit code and files, on fresh
 * hosts in check mode, converging, rerunning and checking again; with it on,
 * converging and rerunning make fewer remote execs, so the test notices
 * fusion doing nothing. A host whose connection drops in the middle of a run
 * of fused tasks ends as it does without fusion. A task with a connection of
 * its own is not sent over the connection of the task before it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { hasAnsible } from '../support/ansible.js';
import { compareCorpusOnOff, remoteExecs, runUntil, withoutTimes } from '../support/on-off-runs.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';

const HOSTS = ['node1', 'node2'];
const CORPUS = resolve(projectRoot, 'test/run/fusion/corpus.yaml');
const BASE = '/opt/fuse';
let work: string;

beforeAll(() => {
  work = mkdtempSync('/var/tmp/cxplay-fusion-');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function env(fusion: boolean): Record<string, string> {
  return { CXPLAY_FUSION: String(fusion) };
}

function run(lab: Lab, playbook: string, fusion: boolean, extra: readonly string[] = []): Promise<CommandResult> {
  return cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain', '-v', '--profile', ...extra], { cwd: work, env: env(fusion) });
}

/**
 * What two cxplay runs must agree on to the byte, under free where hosts
 * interleave: per host, its results in the order it got them (each with
 * its diff and the result under it), the plays, and the recap; without the
 * lines that report time.
 */
function perHost(stdout: string): Record<string, string[]> {
  const hosts: Record<string, string[]> = { plays: [] };
  let entry: string[] | undefined;
  let diff: string[] = [];
  const stable = withoutTimes(stdout);
  // What comes before the first play (-v's config file line) belongs to no host.
  for (const line of stable.slice(stable.indexOf('PLAY [')).split('\n')) {
    if (/^PROFILE|^\d+ host\(s\) in /.test(line)) break;
    const status = /^(ok|changed|skipping|fatal|failed|included): \[([^\]]+)\]/.exec(line);
    if (status) {
      entry = [...diff, line];
      diff = [];
      (hosts[status[2]!] ??= []).push(entry as unknown as string);
      continue;
    }
    if (/^(PLAY|PLAY RECAP) \[|^PLAY RECAP/.test(line)) hosts.plays!.push(line);
    if (line === '' || /^(PLAY|TASK|RUNNING HANDLER) \[|^PLAY RECAP/.test(line)) {
      entry = undefined;
      continue;
    }
    if (/^--- before/.test(line) || diff.length > 0 || entry === undefined) diff.push(line);
    else entry.push(line);
  }
  return Object.fromEntries(Object.entries(hosts).map(([host, entries]) => [host, entries.map((lines) => (Array.isArray(lines) ? lines.join('\n') : lines))]));
}

describe.skipIf(!hasAnsible)('fused execution', () => {
  it('gives the same output per host, recap, exit code and files on, off and under ansible-playbook', async () => {
    await compareCorpusOnOff({
      hosts: HOSTS,
      corpus: CORPUS,
      base: BASE,
      cwd: work,
      run: (lab, on, args) => run(lab, CORPUS, on, args),
      compare: ({ step, withIt, without, context }) => {
        expect(perHost(withIt.stdout), context).toEqual(perHost(without.stdout));
        if (step.name === 'converge' || step.name === 'rerun') expect(remoteExecs(withIt.stderr), context).toBeLessThan(remoteExecs(without.stderr));
      },
    });
  }, 600_000);

  it('ends a host whose connection drops in the middle of fused tasks as without fusion', async () => {
    const playbook = join(work, 'dies.yaml');
    writeFileSync(
      playbook,
      [
        '- hosts: all',
        '  strategy: free',
        '  gather_facts: false',
        '  tasks:',
        '    - name: connects',
        '      command: "true"',
        // Its validate command takes three seconds, in the exec that also carries the tasks after it.
        '    - name: slow',
        `      copy: {content: "slow\\n", dest: ${BASE}-slow, mode: "0644", validate: "sh -c 'sleep 3' %s"}`,
        `    - file: {path: ${BASE}/dies, state: directory, mode: "0755"}`,
        `    - file: {path: ${BASE}/dies/after, state: directory, mode: "0755"}`,
        `    - copy: {content: "x\\n", dest: ${BASE}/dies/after/file, mode: "0644"}`,
        `    - stat: {path: ${BASE}/dies/after}`,
        '',
      ].join('\n'),
    );
    const outcomes: Record<string, { recap: unknown; code: number; files: string }> = {};
    for (const [name, fusion] of [['on', true], ['off', false]] as const) {
      const lab = await Lab.start({ names: HOSTS });
      try {
        // node2 is killed while the slow task's exec runs: with fusion, that exec holds the tasks after it.
        const result = await runUntil(lab, playbook, { cwd: work, env: env(fusion) }, 'changed: [node2]', () => lab.killHost('node2'));
        const node1 = await lab.exec('node1', `cd ${BASE} && find . | sort`);
        outcomes[name] = { recap: parseRecap(result.stdout), code: result.code, files: node1.stdout };
      } finally {
        await lab.stop();
      }
    }
    expect(outcomes.on).toEqual(outcomes.off);
    expect(outcomes.on!.recap).toMatchObject({ node2: { unreachable: 1, ok: 1 }, node1: { unreachable: 0, ok: 6 } });
  }, 300_000);

  it('sends a task with another connection over its own, not in the exec of the task before it', async () => {
    const playbook = join(work, 'local.yaml');
    writeFileSync(
      playbook,
      [
        '- hosts: all',
        '  strategy: free',
        '  gather_facts: false',
        '  tasks:',
        '    - ping:',
        '    - slurp: {src: /proc/sys/kernel/hostname}',
        '      connection: local',
        '      register: name',
        '    - debug: {msg: "read on {{ name.content | b64decode | trim }}"}',
        '',
      ].join('\n'),
    );
    const lab = await Lab.start({ names: HOSTS });
    try {
      const result = await run(lab, playbook, true);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const reads = result.stdout.match(/read on [^"]+/g);
      expect(reads).toEqual([`read on ${hostname()}`, `read on ${hostname()}`]);
    } finally {
      await lab.stop();
    }
  }, 300_000);
});

