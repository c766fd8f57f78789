/**
 * A secret that a no_log result revealed stays masked where it reaches past
 * the result: in a task name built from it (plain output, the JSON events
 * task_start, host_task_start and host_result, the live view's rows) and in
 * an include_tasks path built from it (the failure's message). What a no_log
 * copy says about where it wrote (its dest path) is not a secret: later
 * output naming that path, a diff's header included, shows it unmasked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cliPath } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';

const TOKEN = 'Tok3n-Secret-Qx7';
const CONFIG = '/opt/app/app-config.yaml';
const NAMED = 'Use ********';

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('secret-names');
  work.write('inventory.yaml', labInventory(lab));
  work.write('playbook.yaml', [
    {
      name: 'Secrets past the result',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Read the token', command: 'cat /opt/token', register: 'tok', no_log: true },
        { name: 'Write it', copy: { content: '{{ tok.stdout }}\n', dest: CONFIG }, no_log: true },
        // The live view shows this name while the host waits for the test's go file.
        { name: 'Use {{ tok.stdout }}', shell: 'while [ ! -e /tmp/go ]; do sleep 0.1; done' },
        { name: 'Replace it', copy: { content: 'plain: 1\n', dest: CONFIG } },
        { name: 'Include by it', include_tasks: '/opt/nowhere/{{ tok.stdout }}.yml' },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

async function prepare(go: boolean): Promise<void> {
  await lab.exec('node1', `mkdir -p /opt/app; rm -f ${CONFIG} /tmp/go; printf '%s' '${TOKEN}' > /opt/token${go ? '; touch /tmp/go' : ''}`);
}

interface JsonEvent {
  readonly type: string;
  readonly task?: { readonly name: string };
  readonly result?: Record<string, unknown>;
}

describe('a secret revealed by a no_log result', () => {
  it('shows masked in plain output, in a task name and an include path, and its file path does not', async () => {
    await prepare(true);
    const run = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '--diff', '-vvv'], { cwd: work.dir });
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(2);
    expect(output).not.toContain(TOKEN);
    expect(output).toContain(`TASK [${NAMED}]`);
    expect(output).toContain('/opt/nowhere/********.yml');
    expect(output).toContain(`--- before: ${CONFIG}`);
    expect(output).toContain(`+++ after: ${CONFIG}`);
  });

  it('shows masked in every JSON event that carries the task', async () => {
    await prepare(true);
    const run = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '--diff', '-o', 'json'], { cwd: work.dir });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    const events = run.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as JsonEvent);
    const named = events.filter((event) => event.task?.name === NAMED).map((event) => event.type);
    expect(named).toEqual(['task_start', 'host_task_start', 'host_result']);
    const replaced = events.find((event) => event.type === 'host_result' && event.task?.name === 'Replace it');
    expect(replaced?.result?.dest).toBe(CONFIG);
    // copy's diff is a list, as Ansible's copy action gives it.
    const [diff] = replaced?.result?.diff as { before: string }[];
    expect(diff).toMatchObject({ before_header: CONFIG, after_header: CONFIG, after: 'plain: 1\n' });
    expect(diff!.before).toMatch(/^\*{8}\n?$/);
    const included = events.find((event) => event.type === 'host_result' && event.task?.name === 'Include by it');
    expect(String(included?.result?.msg)).toContain('/opt/nowhere/********.yml');
  });

  it('shows masked in the live view', { timeout: 120_000 }, async () => {
    await prepare(false);
    const args = ['run', 'playbook.yaml', '-i', 'inventory.yaml'].map(shellWord).join(' ');
    const command = `cd ${shellWord(work.dir)}; env -u CI -u NO_COLOR ${shellWord(process.execPath)} ${shellWord(cliPath)} ${args}; echo "cxplay exited with $?"`;
    const term = TmuxSession.start(command, { width: 120, height: 40 });
    try {
      const waiting = await term.waitFor('the host on the named task', (screen) => screen.includes(NAMED));
      expect(waiting).not.toContain(TOKEN);
      await lab.exec('node1', 'touch /tmp/go');
      const end = await term.waitFor('the end of the run', (screen) => /cxplay exited with \d+/.test(screen), { history: true });
      expect(end).toContain('cxplay exited with 2');
      expect(end).not.toContain(TOKEN);
    } finally {
      term.kill();
    }
  });
});
