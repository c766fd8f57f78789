/**
 * A command that hangs: a task's `timeout` and the global --task-timeout end
 * it as a failure, and the whole remote process tree goes with it (checked on
 * the host). A task's own timeout wins over the global one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, labInventory, remotePids, scratch, waitUntil, type Scratch } from './support.js';

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('task-timeout');
  work.write('inventory.yaml', labInventory(lab));
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

/** A task whose shell starts two background sleeps and a foreground one: a small process tree. */
function hangingPlay(name: string, task: Record<string, unknown>): string {
  return work.write(`${name}.yaml`, [
    {
      name,
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Hang', ...task },
        { name: 'Never reached', command: 'touch /tmp/reached' },
      ],
    },
  ]);
}

async function expectTreeGone(tag: string): Promise<void> {
  await waitUntil(async () => (await remotePids(lab, 'node1', `sleep ${tag}`)).length === 0, `the sleeps tagged ${tag} to end on the host`, 200);
}

describe('a hanging command', () => {
  it("is ended by the task's own timeout, with its whole process tree", async () => {
    const playbook = hangingPlay('own-timeout', { shell: 'sleep 91.1 & sleep 91.2 & sleep 91.3; wait', timeout: 2 });
    const result = await cxplayRun(['run', playbook, '-i', 'inventory.yaml'], { cwd: work.dir });
    expect(result.code).toBe(2);
    expect(parseRecap(result.stdout).node1).toMatchObject({ ok: 0, failed: 1 });
    expect(result.stdout).toContain('the task timed out');
    await expectTreeGone('91.');
    expect((await lab.exec('node1', 'test -e /tmp/reached')).code).not.toBe(0);
  });

  it('is ended by --task-timeout when the task sets none, with its whole process tree', async () => {
    const playbook = hangingPlay('global-timeout', { shell: 'sleep 92.1 & sleep 92.2 & sleep 92.3; wait' });
    const result = await cxplayRun(['run', playbook, '-i', 'inventory.yaml', '--task-timeout', '2'], { cwd: work.dir });
    expect(result.code).toBe(2);
    expect(parseRecap(result.stdout).node1).toMatchObject({ ok: 0, failed: 1 });
    expect(result.stdout).toContain('did not finish within 2 s');
    await expectTreeGone('92.');
  });

  it("a task's own timeout wins over --task-timeout", async () => {
    const playbook = work.write('longer-own.yaml', [
      { name: 'Longer own timeout', hosts: 'all', gather_facts: false, tasks: [{ name: 'Slow but allowed', command: 'sleep 2', timeout: 30 }] },
    ]);
    const result = await cxplayRun(['run', playbook, '-i', 'inventory.yaml', '--task-timeout', '1'], { cwd: work.dir });
    expect(result.code).toBe(0);
    expect(parseRecap(result.stdout).node1).toMatchObject({ changed: 1, failed: 0 });
  });
});
