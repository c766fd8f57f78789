/**
 * `async:`/`poll:` and async_status on the lab, side by side with
 * ansible-playbook: a polled job gives the module's result with the job's
 * keys, `poll: 0` returns the job's handle at once and async_status finishes
 * it, a job past its time is ended on the host, and check mode refuses.
 * ansible-playbook's side is recorded in test/references/async while this
 * file is unchanged (test/support/lab-reference.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

let lab: Lab;
let work: string;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = mkdtempSync('/var/tmp/cxplay-async-');
}, 60_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Each registered result as one line, keys sorted, without what differs by nature (times, job ids). */
const SHOW = (name: string) => `    - debug: {msg: "${name}={{ ${name} | dict2items | rejectattr('key', 'in', ['start', 'end', 'delta', 'ansible_job_id', 'results_file', 'ansible_facts', 'attempts', 'async_result']) | items2dict | to_json }}"}`;

const PLAYBOOK = [
  '- hosts: node1',
  '  gather_facts: false',
  '  tasks:',
  '    - name: polled',
  '      command: sh -c "sleep 1; echo done"',
  '      async: 20',
  '      poll: 1',
  '      register: polled',
  SHOW('polled'),
  '    - name: fire and forget',
  '      shell: sleep 1; echo later; echo oops >&2',
  '      async: 30',
  '      poll: 0',
  '      register: fired',
  SHOW('fired'),
  '    - name: wait for it',
  '      async_status: {jid: "{{ fired.ansible_job_id }}"}',
  '      register: job',
  '      until: job.finished',
  '      retries: 20',
  '      delay: 1',
  SHOW('job'),
  '    - name: too slow',
  '      command: sleep 60',
  '      async: 2',
  '      poll: 1',
  '      register: slow',
  '      ignore_errors: true',
  '    - debug: {msg: "slow={{ slow.msg }} {{ slow.failed }} {{ slow.async_result.finished }}"}',
  '    - name: a job this run never started',
  '      async_status: {jid: j1.2}',
  '      register: nojob',
  '      ignore_errors: true',
  '    - debug: {msg: "nojob={{ nojob.msg }} {{ nojob.finished }}"}',
];

/** Each debug message; a `name={json}` one as [name, value] (key order and JSON layout are not compared here). */
function messages(stdout: string): unknown[] {
  return [...stdout.matchAll(/^ {4}"msg": (".*")$/gm)].map((match) => {
    const text = JSON.parse(match[1]!) as string;
    const json = /^(\w+)=(\{.*\})$/.exec(text);
    return json ? [json[1], JSON.parse(json[2]!)] : text;
  });
}

describe.skipIf(!hasAnsible)('async and poll', () => {
  it('give the results ansible-playbook gives, and end a job that runs too long', async () => {
    const playbook = join(work, 'async.yaml');
    writeFileSync(playbook, `${PLAYBOOK.join('\n')}\n`);
    // cxplay first, on a clean host: what it leaves behind is its own (Ansible's watchdog outlives its run).
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: work });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    // The job that ran too long was ended on the host; the polled jobs' files are gone, and only the
    // fire-and-forget job's stay (async_status in status mode keeps them, as Ansible keeps its results file).
    const processes = await lab.exec('node1', 'ps -eo args');
    expect(processes.stdout).not.toMatch(/^sleep 60$/m);
    const left = await lab.exec('node1', 'ls /root/.ansible_async');
    const files = left.stdout.trim().split('\n');
    expect(new Set(files.map((name) => name.replace(/\.[a-z]+$/, ''))).size).toBe(1);
    expect(files.map((name) => name.split('.').pop()).sort()).toEqual(['err', 'out', 'pid', 'rc', 'sh']);
    // Ansible's run on a lab of its own, recorded while this file (which holds the playbook) is unchanged.
    const reference = await labReference({ name: 'async/async.yaml', inputs: [fileURLToPath(import.meta.url)], work, lab: { names: ['node1'] } }, (ansibleLab) =>
      ansiblePlaybook(['-i', ansibleLab.inventoryPath, playbook], { cwd: work, work }),
    );
    expect(reference.code, reference.stdout).toBe(0);
    expect(messages(ours.stdout)).toEqual(messages(reference.stdout));
    expect(messages(ours.stdout)).toHaveLength(5);
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
  }, 240_000);

  it('refuses check mode on an async task, as Ansible does', async () => {
    const playbook = join(work, 'check.yaml');
    writeFileSync(playbook, ['- hosts: node1', '  gather_facts: false', '  tasks:', '    - command: echo hi', '      async: 10', '      poll: 1', ''].join('\n'));
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain', '--check'], { cwd: work });
    expect(ours.stdout).toContain('check mode and async cannot be used on same task.');
    expect(parseRecap(ours.stdout).node1).toMatchObject({ failed: 1 });
  }, 120_000);
});
