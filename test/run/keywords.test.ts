/**
 * Task keywords beyond the basics, on the lab: `ignore_unreachable` (the
 * recap is ansible-playbook's own, and the host is tried again by the next
 * task) and `throttle` (at most N hosts run the task at once, inherited from
 * a block). ansible-playbook's side is recorded in test/references/keywords
 * while this file is unchanged (test/support/lab-reference.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

// node3's port 1 has no sshd: it is unreachable. Its address is the lab's own loopback one.
const LAB: LabOptions = { names: ['node1', 'node2', 'node3'], hostVars: { node3: { ansible_port: 1 } } };
let lab: Lab;
let work: string;

beforeAll(async () => {
  lab = await Lab.start(LAB);
  // Not under /tmp: the lab hosts see /var/tmp as this machine's, so they all write the same log.
  work = mkdtempSync('/var/tmp/cxplay-keywords-');
}, 60_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

function write(name: string, lines: readonly string[]): string {
  const path = join(work, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** ansible-playbook's run of a playbook this file writes, on a lab of its own: recorded while this file is unchanged. */
function ansibleRun(playbook: string): Promise<CommandResult> {
  return labReference({ name: `keywords/${basename(playbook)}`, inputs: [fileURLToPath(import.meta.url)], work, lab: LAB }, (ansibleLab) =>
    ansiblePlaybook(['-i', ansibleLab.inventoryPath, playbook], { cwd: work, work }),
  );
}

describe.skipIf(!hasAnsible)('ignore_unreachable', () => {
  it('counts an unreachable host ok and ignored and keeps it in the play, as ansible-playbook does', async () => {
    const playbook = write('unreachable.yaml', [
      '- hosts: all',
      '  gather_facts: false',
      '  tasks:',
      '    - name: first contact',
      '      command: "true"',
      '      ignore_unreachable: true',
      '      register: contact',
      '    - name: the host is still in the play and tried again',
      '      command: "true"',
      '      ignore_unreachable: "{{ true }}"',
      '    - name: without the keyword it leaves',
      '      command: "true"',
      '    - name: only reachable hosts get here',
      '      command: "true"',
    ]);
    const reference = await ansibleRun(playbook);
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: work });
    expect(parseRecap(reference.stdout).node3, reference.stdout).toMatchObject({ ok: 2, unreachable: 1, ignored: 2 });
    expect(parseRecap(ours.stdout), ours.stdout + ours.stderr).toEqual(parseRecap(reference.stdout));
    expect(ours.stdout.match(/\.\.\.ignoring/g)).toHaveLength(2);
    // Each task tried node3 again: three attempts, three UNREACHABLE lines.
    expect(ours.stdout.match(/fatal: \[node3\]: UNREACHABLE!/g)).toHaveLength(3);
  }, 240_000);
});

describe('throttle', () => {
  it('lets at most N hosts run a task at once, inherited from its block', async () => {
    const log = join(work, 'throttle.log');
    const playbook = write('throttle.yaml', [
      '- hosts: node1:node2',
      '  gather_facts: false',
      '  tasks:',
      '    - block:',
      '        - name: one host at a time',
      `          shell: "echo start >> ${log}; sleep 0.2; echo end >> ${log}"`,
      '      throttle: 1',
      '    - name: a templated throttle',
      `      shell: "echo start >> ${log}; sleep 0.2; echo end >> ${log}"`,
      '      throttle: "{{ 1 }}"',
    ]);
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain', '-f', '10'], { cwd: work });
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    // Serialised: each start is followed by its end before the next start.
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['start', 'end', 'start', 'end', 'start', 'end', 'start', 'end']);
  }, 120_000);
});

describe.skipIf(!hasAnsible)('order', () => {
  it('works through the hosts in the order ansible-playbook does, batch by batch', async () => {
    const orders = ['inventory', 'reverse_inventory', 'sorted', 'reverse_sorted', 'shuffle'];
    // node3 is unreachable in this lab: the plays leave it out.
    const playbook = write('order.yaml', orders.flatMap((order) => [
      `- name: ${order}`,
      '  hosts: node2:node1',
      '  gather_facts: false',
      '  serial: 1',
      `  order: ${order}`,
      '  tasks:',
      '    - debug: {msg: "{{ ansible_play_batch }}"}',
    ]));
    // Hosts in the order they ran, per play (Ansible prints the play header again for each serial batch).
    const sequence = (stdout: string) => {
      const byPlay = new Map<string, string[]>();
      let play = '';
      for (const line of stdout.split('\n')) {
        const header = /^PLAY \[(\w+)\]/.exec(line);
        if (header) play = header[1]!;
        const ok = /^ok: \[(\w+)\]/.exec(line);
        if (ok) byPlay.set(play, [...(byPlay.get(play) ?? []), ok[1]!]);
      }
      return orders.map((order) => byPlay.get(order));
    };
    const reference = sequence((await ansibleRun(playbook)).stdout);
    const ours = sequence((await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: work })).stdout);
    // 'inventory' is the order of the play's pattern (node2:node1), not of the inventory file.
    expect(reference.slice(0, 4)).toEqual([['node2', 'node1'], ['node1', 'node2'], ['node1', 'node2'], ['node2', 'node1']]);
    expect(ours.slice(0, 4)).toEqual(reference.slice(0, 4));
    expect([...ours[4]!].sort()).toEqual(['node1', 'node2']);
  }, 240_000);
});

describe.skipIf(!hasAnsible)('delegate_facts', () => {
  it('puts gathered and set facts on the delegated host, per item, as ansible-playbook does', async () => {
    const playbook = write('delegate-facts.yaml', [
      '- hosts: node1',
      '  gather_facts: false',
      '  tasks:',
      '    - name: gather each host\'s facts from node1',
      '      setup: {gather_subset: [min]}',
      '      delegate_to: "{{ item }}"',
      '      delegate_facts: true',
      '      loop: [node1, node2]',
      '    - set_fact: {marker: from-node1}',
      '      delegate_to: node2',
      '      delegate_facts: true',
      '    - set_fact: {mine: yes}',
      '      delegate_to: node2',
      '    - debug:',
      '        msg: "{{ hostvars[\'node2\'][\'ansible_hostname\'] }} {{ hostvars[\'node2\'][\'marker\'] }} {{ hostvars[\'node2\'][\'mine\'] | default(\'none\') }} {{ mine }} {{ ansible_hostname }}"',
    ]);
    const message = (stdout: string) => /"msg": "(.*)"/.exec(stdout)?.[1];
    const reference = await ansibleRun(playbook);
    const ours = await cxplay(['run', playbook, '-i', lab.inventoryPath, '-o', 'plain'], { cwd: work });
    expect(message(reference.stdout), reference.stdout).toBe('node2 from-node1 none True node1');
    expect(message(ours.stdout), ours.stdout + ours.stderr).toBe(message(reference.stdout));
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
  }, 240_000);
});
