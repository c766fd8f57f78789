/**
 * any_errors_fatal, max_fail_percentage at its boundaries (4 hosts, 1
 * failure: the percentage must EXCEED the threshold, so 24 aborts and 25, 33,
 * 34 do not), a failure a rescue handles (counts for neither), and a batch
 * where every host failed: when a play is aborted,
 * ansible-playbook ends the whole run (no later batch, no later play). The
 * expected recaps are Ansible 2.14's; when ansible-playbook is installed each
 * case is also run through it and must give the same recap (its outcome is
 * recorded in test/references while this file is unchanged). The tasks are
 * controller-side (fail, debug), so no host is contacted; the inventory's
 * addresses are loopback ones nobody listens on.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecap, type RecapLine } from '../support/cli.js';
import { hasAnsible } from '../support/ansible.js';
import { recordedCommand } from '../support/recorded-command.js';
import { cxplayRun, scratch } from './support.js';

const work = scratch('thresholds');
afterAll(() => work.remove());
work.write('inventory.yaml', {
  all: { hosts: Object.fromEntries([1, 2, 3, 4].map((n) => [`node${n}`, { ansible_host: `127.0.250.${n}`, ansible_port: 1 }])) },
});

const failOnNode1 = { name: 'Fail on node1', fail: { msg: 'boom' }, when: "inventory_hostname == 'node1'" };

function playbook(name: string, firstPlay: Record<string, unknown>): string {
  const first = firstPlay.rescued ? { block: [failOnNode1], rescue: [{ name: 'Rescued', debug: { msg: 'rescued' } }] } : failOnNode1;
  const { rescued: _rescued, ...keywords } = firstPlay;
  return work.write(`${name}.yaml`, [
    {
      name: 'First',
      hosts: 'all',
      gather_facts: false,
      ...keywords,
      tasks: [first, { name: 'Second', debug: { msg: 'two' } }],
    },
    { name: 'Next play', hosts: 'all', gather_facts: false, tasks: [{ name: 'Third', debug: { msg: 'three' } }] },
  ]);
}

const line = (counts: Partial<RecapLine>): RecapLine => ({ ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0, ...counts });
const failedOne = line({ failed: 1 });
const abortedRecap = { node1: failedOne, node2: line({ skipped: 1 }), node3: line({ skipped: 1 }), node4: line({ skipped: 1 }) };
const rescuedRecap = { node1: line({ ok: 3, rescued: 1 }), node2: line({ ok: 2, skipped: 1 }), node3: line({ ok: 2, skipped: 1 }), node4: line({ ok: 2, skipped: 1 }) };
const continuedRecap = { node1: failedOne, node2: line({ ok: 2, skipped: 1 }), node3: line({ ok: 2, skipped: 1 }), node4: line({ ok: 2, skipped: 1 }) };

const cases: [string, Record<string, unknown>, Record<string, RecapLine>][] = [
  ['max_fail_percentage 0 (25% failed): aborts the run', { max_fail_percentage: 0 }, abortedRecap],
  ['max_fail_percentage 24 (25% failed): aborts the run', { max_fail_percentage: 24 }, abortedRecap],
  ['max_fail_percentage 25 (25% failed, not exceeded): goes on', { max_fail_percentage: 25 }, continuedRecap],
  ['max_fail_percentage 33: goes on', { max_fail_percentage: 33 }, continuedRecap],
  ['max_fail_percentage 34: goes on', { max_fail_percentage: 34 }, continuedRecap],
  ['any_errors_fatal: aborts the run', { any_errors_fatal: true }, abortedRecap],
  ['serial 2 with max_fail_percentage 40 (50% of the first batch): no later batch or play', { serial: 2, max_fail_percentage: 40 }, { node1: failedOne, node2: line({ skipped: 1 }) }],
  ['a batch where every host failed: no later play', { hosts: 'node1' }, { node1: failedOne }],
  ['any_errors_fatal with the failure rescued: goes on', { any_errors_fatal: true, rescued: true }, rescuedRecap],
  ['max_fail_percentage 0 with the failure rescued: goes on', { max_fail_percentage: 0, rescued: true }, rescuedRecap],
];

/** ansible-playbook on case INDEX's playbook, recorded while this file (which writes the playbooks) is unchanged. */
function ansible(file: string, index: number) {
  return recordedCommand({
    name: `failure-thresholds/case${index}`,
    inputs: [fileURLToPath(import.meta.url)],
    work: work.dir,
    command: 'ansible-playbook',
    args: ['-i', work.path('inventory.yaml'), file],
    cwd: work.dir,
    env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCAL_TEMP: work.path('ansible-tmp') },
  });
}

describe('failure thresholds end the run as ansible-playbook does', () => {
  it.each(cases.map(([title, play, recap], index) => [title, play, recap, index] as const))('%s', async (_title, play, recap, index) => {
    const file = playbook(`case${index}`, play);
    const ours = await cxplayRun(['run', file, '-i', 'inventory.yaml'], { cwd: work.dir });
    const exit = Object.values(recap).some((host) => host.failed > 0) ? 2 : 0;
    expect(ours.code).toBe(exit);
    expect(parseRecap(ours.stdout), ours.stdout + ours.stderr).toEqual(recap);
    if (hasAnsible) {
      const reference = await ansible(file, index);
      expect(reference.code).toBe(exit);
      expect(parseRecap(reference.stdout), reference.stdout).toEqual(recap);
    }
  }, 120_000);
});
