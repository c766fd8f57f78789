/**
 * A host that dies or goes silent in the middle of a run: it becomes
 * UNREACHABLE (at once when its sshd is killed, within the keepalive bound
 * when it stops answering), the run does not hang, the other hosts finish,
 * and the recap and exit code 4 (as ansible-playbook) say so. The retry file (mode 0600, host names
 * only) lists the failed and unreachable hosts and `--limit @file` reruns
 * exactly those.
 */
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, labInventory, remotePids, scratch, startCxplay, waitUntil, type Scratch } from './support.js';

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1', 'node2', 'node3', 'node4'] });
  work = scratch('host-down');
  work.write('inventory.yaml', labInventory(lab));
  work.write('playbook.yaml', [
    {
      name: 'A long step, then one more',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Long step', command: 'sleep {{ long_sleep }}' },
        { name: 'Fail on node3 when asked', fail: { msg: 'node3 fails' }, when: "inventory_hostname == 'node3' and (fail_node3 | bool)" },
        { name: 'After', command: 'echo after' },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

function run(extra: readonly string[]) {
  return startCxplay(['run', 'playbook.yaml', '-i', 'inventory.yaml', ...extra], { cwd: work.dir });
}

describe('a host whose sshd is killed mid-run', () => {
  it('is unreachable, the others finish, exit 4, and the retry file reruns just the failed hosts', async () => {
    // A stale retry file, readable by all: it must be replaced whole and end up 0600.
    const retryFile = work.write('killed.retry', 'stale-host\n', 0o644);
    const running = run(['-e', 'long_sleep=4.101', '-e', 'fail_node3=true', '--retry-file', retryFile]);
    await waitUntil(async () => (await remotePids(lab, 'node2', 'sleep 4.101')).length > 0, 'the long step on node2');
    lab.killHost('node2');
    const result = await running.done;

    expect(result.code).toBe(4);
    const recap = parseRecap(result.stdout);
    expect(recap.node2).toMatchObject({ ok: 0, unreachable: 1, failed: 0 });
    expect(recap.node3).toMatchObject({ ok: 1, failed: 1 });
    expect(recap.node1).toMatchObject({ ok: 2, unreachable: 0, failed: 0, skipped: 1 });
    expect(recap.node4).toMatchObject({ ok: 2, unreachable: 0, failed: 0, skipped: 1 });
    expect(result.stdout).toMatch(/UNREACHABLE! => .*node2|node2.*UNREACHABLE/);

    expect(readFileSync(retryFile, 'utf8')).toBe('node2\nnode3\n');
    expect(statSync(retryFile).mode & 0o777).toBe(0o600);

    const rerun = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', 'long_sleep=0', '-e', 'fail_node3=false', '--limit', '@killed.retry'], { cwd: work.dir });
    expect(Object.keys(parseRecap(rerun.stdout)).sort()).toEqual(['node2', 'node3']);
    expect(parseRecap(rerun.stdout).node3).toMatchObject({ ok: 2, failed: 0, unreachable: 0 });
    expect(parseRecap(rerun.stdout).node2).toMatchObject({ unreachable: 1 });
    expect(rerun.code).toBe(4);
  });
});

describe('a retry file that cannot be written', () => {
  it('is a warning; the recap and exit code are still given', async () => {
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', 'long_sleep=0', '-e', 'fail_node3=true', '--limit', 'node3', '--retry-file', work.path('missing-dir/x.retry')], { cwd: work.dir });
    expect(result.code).toBe(2);
    // The warning is wrapped at 79 columns, as Ansible wraps warnings.
    expect(result.stdout + result.stderr).toMatch(/could not write the retry file[\s\S]*x\.retry/);
    expect(parseRecap(result.stdout).node3).toMatchObject({ failed: 1 });
  });
});

describe('a host that stops answering mid-run', () => {
  it('is unreachable once the keepalives go unanswered, and the run does not hang', async () => {
    const running = run(['-e', 'long_sleep=3.202', '-e', 'fail_node3=false']);
    await waitUntil(async () => (await remotePids(lab, 'node4', 'sleep 3.202')).length > 0, 'the long step on node4');
    // Freeze every process of node4 except its listening sshd (pid 1 of its namespace):
    // the session's TCP connection stays open but nothing answers on it any more.
    await lab.exec('node4', 'kill -STOP -1');
    const result = await running.done;

    expect(result.code).toBe(4);
    const recap = parseRecap(result.stdout);
    expect(recap.node4).toMatchObject({ ok: 0, unreachable: 1 });
    expect(recap.node1).toMatchObject({ ok: 2, unreachable: 0, failed: 0 });
    expect(result.stdout).toMatch(/keepalive/i);
  }, 90_000);
});
