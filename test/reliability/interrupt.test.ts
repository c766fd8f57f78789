/**
 * SIGINT and SIGTERM while a remote command runs (a copy whose validate
 * step sleeps, so the copy's temp file exists at that moment): no new task
 * starts, the remote processes are ended, the temp file is removed and the
 * destination keeps its old content, the recap is printed, exit 99; a rerun
 * converges and the run after it changes nothing. An interrupt while a host
 * is still connecting (to a server that never speaks) ends the run at once
 * instead of after the connect timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { startRecorder } from '../support/recorder.js';
import { cxplayRun, labInventory, remotePids, scratch, startCxplay, waitUntil, type Scratch } from './support.js';

let lab: Lab;
let work: Scratch;
const hosts = ['node1', 'node2'];

beforeAll(async () => {
  lab = await Lab.start({ names: hosts });
  work = scratch('interrupt');
  work.write('inventory.yaml', labInventory(lab));
  work.write('playbook.yaml', [
    {
      name: 'Write a checked config, then one more file',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Config', copy: { content: 'new config\n', dest: '/opt/app.conf', mode: '0644', validate: `sh -c "sleep {{ pause }}; true" %s` } },
        { name: 'After', copy: { content: 'after\n', dest: '/opt/after' } },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

async function onHost(host: string, script: string): Promise<string> {
  return (await lab.exec(host, script)).stdout;
}

describe.each(['SIGINT', 'SIGTERM'] as const)('%s during a long remote command', (signal) => {
  it('stops cleanly with exit 99, ends remote processes, removes temp files; a rerun converges', async () => {
    for (const host of hosts) await lab.exec(host, "rm -f /opt/after /tmp/tmp.*; printf 'old config\\n' > /opt/app.conf");
    const pause = signal === 'SIGINT' ? '96.1' : '96.2';
    const running = startCxplay(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', `pause=${pause}`], { cwd: work.dir });
    for (const host of hosts) await waitUntil(async () => (await remotePids(lab, host, `sleep ${pause}`)).length > 0, `validate running on ${host}`);
    for (const host of hosts) expect(await onHost(host, 'ls -a /opt')).toMatch(/\.cxplay\./);

    running.child.kill(signal);
    const result = await running.done;

    expect(result.code).toBe(99);
    expect(result.stdout).toContain('PLAY RECAP');
    for (const host of hosts) {
      expect(parseRecap(result.stdout)[host], host).toMatchObject({ ok: 0, changed: 0 });
      await waitUntil(async () => (await remotePids(lab, host, `sleep ${pause}`)).length === 0, `validate ended on ${host}`, 200);
      expect(await onHost(host, 'ls -a /opt')).not.toMatch(/\.cxplay\./);
      expect(await onHost(host, 'ls -a /tmp')).not.toMatch(/tmp\./);
      expect(await onHost(host, 'cat /opt/app.conf')).toBe('old config\n');
      expect(await onHost(host, 'test -e /opt/after && echo started')).toBe('');
    }
    expect(result.stdout).not.toContain('TASK [After]');

    const rerun = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', 'pause=0'], { cwd: work.dir });
    expect(rerun.code).toBe(0);
    for (const host of hosts) {
      expect(parseRecap(rerun.stdout)[host]).toMatchObject({ changed: 2, failed: 0 });
      expect(await onHost(host, 'cat /opt/app.conf /opt/after')).toBe('new config\nafter\n');
    }
    const converged = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', 'pause=0'], { cwd: work.dir });
    expect(converged.code).toBe(0);
    for (const host of hosts) expect(parseRecap(converged.stdout)[host]).toMatchObject({ ok: 2, changed: 0 });
  });
});

describe('SIGINT while a host is still connecting', () => {
  it('ends the run without waiting for the connect timeout, exit 99', async () => {
    const silent = await startRecorder();
    try {
      const inventory = work.write('silent.yaml', { all: { hosts: { silent: { ansible_host: silent.address, ansible_port: silent.port } } } });
      const running = startCxplay(['run', 'playbook.yaml', '-i', inventory, '-e', 'pause=0', '-T', '600'], { cwd: work.dir });
      await waitUntil(() => silent.connections() > 0, 'the connection attempt');
      running.child.kill('SIGINT');
      const result = await running.done;
      expect(result.code).toBe(99);
      expect(result.stdout).toContain('interrupted while connecting');
      expect(parseRecap(result.stdout).silent).toMatchObject({ ok: 0, changed: 0 });
    } finally {
      await silent.close();
    }
  }, 30_000);
});
