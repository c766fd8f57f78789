/**
 * Speculative compare is invisible (issue 18): the corpus in speculation/
 * run with speculation on and off on twin labs, and by ansible-playbook on a
 * third, gives the same output (every result at -v), recap, exit code and
 * files, on fresh hosts in check mode, converging, rerunning and checking
 * again; and with it on the runs make fewer remote execs, so the test
 * notices speculation doing nothing. The linear barrier holds: a host's task
 * reads what the task before it changed on another host. A host whose
 * connection drops after its tasks were checked is asked again, as without.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { compareCorpusOnOff, remoteExecs, runUntil, withoutTimes } from '../support/on-off-runs.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { outline } from '../support/outline.js';

const HOSTS = ['node1', 'node2'];
const CORPUS = resolve(projectRoot, 'test/run/speculation/corpus.yaml');
const BASE = '/opt/spec';
let work: string;

beforeAll(() => {
  work = mkdtempSync('/var/tmp/cxplay-speculation-');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(lab: Lab, playbook: string, speculation: boolean, extra: readonly string[] = []): Promise<CommandResult> {
  return cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain', '-v', '--profile', ...extra], { cwd: work, env: { CXPLAY_SPECULATION: speculation ? 'true' : 'false' } });
}

/**
 * The output two cxplay runs must agree on to the byte: each task's host
 * entries (a host's diff, its status line and the result under it) sorted,
 * since hosts finish in any order, and without the lines that report time.
 */
function entries(stdout: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  let diff: string[] = [];
  const flush = () => {
    out.push(...block.sort(), ...diff);
    block = [];
    diff = [];
  };
  const stable = withoutTimes(stdout);
  for (const line of stable.split('\n')) {
    if (/^PROFILE|^\d+ host\(s\) in /.test(line)) break;
    if (line === '') continue;
    if (/^(PLAY|TASK|RUNNING HANDLER) \[|^PLAY RECAP/.test(line)) {
      flush();
      out.push(line);
    } else if (/^(ok|changed|skipping|fatal|failed|included|\.\.\.ignoring)[:\s]/.test(line)) {
      block.push([...diff, line].join('\n'));
      diff = [];
    } else if (diff.length > 0 || /^--- before/.test(line) || block.length === 0) {
      diff.push(line);
    } else {
      block[block.length - 1] += `\n${line}`;
    }
  }
  flush();
  return out;
}

describe.skipIf(!hasAnsible)('speculative compare', () => {
  it('gives the same output, recap, exit code and files on, off and under ansible-playbook', async () => {
    await compareCorpusOnOff({
      hosts: HOSTS,
      corpus: CORPUS,
      base: BASE,
      cwd: work,
      run: (lab, on, args) => run(lab, CORPUS, on, args),
      compare: ({ step, withIt, without, reference, context }) => {
        expect(entries(withIt.stdout), context).toEqual(entries(without.stdout));
        expect(outline(withIt.stdout, BASE), `${context}\n${reference.stdout}`).toEqual(outline(reference.stdout, BASE));
        // The rerun changes one task (the marker), which makes later checks stale; the check on converged hosts uses them all.
        if (step.name === 'rerun') expect(remoteExecs(withIt.stderr), context).toBeLessThan(remoteExecs(without.stderr));
        if (step.name === 'check on converged hosts') expect(remoteExecs(withIt.stderr), context).toBeLessThan(remoteExecs(without.stderr) / 2);
      },
    });
  }, 600_000);

  it('keeps the linear barrier: a task reads what the task before changed on another host', async () => {
    const shared = join(work, 'shared');
    const playbook = join(work, 'barrier.yaml');
    writeFileSync(
      playbook,
      [
        '- hosts: all',
        '  gather_facts: false',
        '  order: reverse_inventory',
        '  tasks:',
        '    - name: each host writes its file (node2 first, and its own is there already)',
        `      copy: {content: "hello\\n", dest: "${shared}/{{ inventory_hostname }}", mode: "0644"}`,
        '      throttle: 1',
        '    - name: every host looks at node1s file',
        `      stat: {path: "${shared}/node1"}`,
        '      register: seen',
        '    - debug: {msg: "node1 file seen: {{ seen.stat.exists }}"}',
        '',
      ].join('\n'),
    );
    /** node2's file there already, node1's not: the state each run starts from. */
    const reset = async (target: Lab) => {
      rmSync(shared, { recursive: true, force: true });
      await target.exec('node2', `mkdir -p ${shared} && printf 'hello\\n' > ${shared}/node2 && chmod 644 ${shared}/node2`);
    };
    // ansible-playbook's run on a lab of its own, recorded while this file (which writes the playbook) is unchanged.
    const reference = await labReference({ name: 'speculation/barrier', inputs: [fileURLToPath(import.meta.url)], work, lab: { names: HOSTS } }, async (target) => {
      await reset(target);
      const { code, stdout, stderr } = await ansiblePlaybook(['-i', target.inventoryPath, playbook], { cwd: work, work });
      return { code, output: stdout + stderr, outline: outline(stdout, shared) };
    });
    expect(reference.code, reference.output).toBe(0);
    const lab = await Lab.start({ names: HOSTS });
    try {
      const outcomes: Record<string, string[]> = { ansible: reference.outline };
      for (const [engine, speculation] of [['on', true], ['off', false]] as const) {
        await reset(lab);
        const result = await run(lab, playbook, speculation);
        expect(result.code, result.stdout + result.stderr).toBe(0);
        outcomes[engine] = outline(result.stdout, shared);
      }
      expect(outcomes.on).toContainEqual(expect.stringContaining('node1 file seen: True'));
      expect(outcomes.on).not.toContainEqual(expect.stringContaining('node1 file seen: False'));
      expect(outcomes.on).toEqual(outcomes.ansible);
      expect(outcomes.off).toEqual(outcomes.ansible);
    } finally {
      await lab.stop();
    }
  }, 300_000);

  it('asks a host again when its connection dropped after its tasks were checked', async () => {
    const playbook = join(work, 'dies.yaml');
    writeFileSync(
      playbook,
      [
        '- hosts: all',
        '  gather_facts: false',
        '  tasks:',
        `    - file: {path: ${BASE}/dies, state: directory, mode: "0755"}`,
        // A controller task is passed over by the checks ahead; this one takes two seconds (pipe runs on the controller).
        '    - debug: {msg: "{{ lookup(\'pipe\', \'sleep 2\') }}waited"}',
        `    - file: {path: ${BASE}/dies/after, state: directory, mode: "0755"}`,
        `    - stat: {path: ${BASE}/dies/after}`,
        '',
      ].join('\n'),
    );
    const outcomes: Record<string, { outline: string[]; recap: unknown; code: number }> = {};
    for (const [name, speculation] of [['on', true], ['off', false]] as const) {
      const lab = await Lab.start({ names: HOSTS });
      try {
        // Converged first, so every task after the first is one a check ahead can stand in for.
        await run(lab, playbook, speculation);
        // node2 is killed while the play waits: its first task ran (and the later ones were checked), the next has not.
        const result = await runUntil(lab, playbook, { cwd: work, env: { CXPLAY_SPECULATION: String(speculation) } }, 'TASK [debug]', () => lab.killHost('node2'));
        outcomes[name] = { outline: outline(result.stdout, BASE), recap: parseRecap(result.stdout), code: result.code };
      } finally {
        await lab.stop();
      }
    }
    expect(outcomes.on).toEqual(outcomes.off);
    expect(outcomes.on.recap).toMatchObject({ node2: { unreachable: 1 }, node1: { unreachable: 0 } });
  }, 300_000);
});

