/**
 * strategy: free, side by side with ansible-playbook on the lab: each host
 * runs the play on its own (its handlers at the end of its section, a
 * failure leaving the others going, run_once run on every host with
 * Ansible's warning); the recaps and the files left are the same. A module
 * that bypasses the host loop is refused before any host is contacted.
 * ansible-playbook's side is recorded in test/references/free-strategy while
 * its inputs are unchanged (test/support/ansible-reference.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const HOSTS = ['node1', 'node2', 'node3'];
let work: string;

beforeAll(() => {
  work = mkdtempSync('/var/tmp/cxplay-free-');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const PLAYBOOK = [
  '- hosts: all',
  '  strategy: free',
  '  gather_facts: false',
  '  tasks:',
  '    - file: {path: /opt/free, state: directory, mode: "0755"}',
  '    - name: slow on node1',
  '      command: sleep 1',
  '      when: inventory_hostname == "node1"',
  '    - name: write a marker',
  '      copy: {content: "{{ inventory_hostname }}\\n", dest: /opt/free/marker, mode: "0644"}',
  '      notify: handled',
  '    - name: fail on node2',
  '      fail: {msg: boom}',
  '      when: inventory_hostname == "node2"',
  '    - name: once, on every host under free',
  '      copy: {content: "once\\n", dest: /opt/free/once, mode: "0644"}',
  '      run_once: true',
  '    - file: {path: /opt/free/after, state: touch, mode: "0644"}',
  '  handlers:',
  '    - name: handled',
  '      copy: {content: "handled\\n", dest: /opt/free/handled, mode: "0644"}',
  '',
].join('\n');

async function files(lab: Lab): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const host of HOSTS) out[host] = (await lab.exec(host, 'cd /opt/free 2>/dev/null && for f in *; do echo "$f $(stat -c %a "$f") $(cat "$f")"; done')).stdout;
  return out;
}

/** ansible-playbook's run of the playbook on a lab of its own and the files it left, recorded while this file (which holds the playbook) is unchanged (labReference). */
function ansibleRun(strategy: string, playbook: string, forks: readonly string[]): Promise<{ result: CommandResult; files: Record<string, string> }> {
  return labReference({ name: `free-strategy/${strategy}`, inputs: [fileURLToPath(import.meta.url)], work, lab: { names: HOSTS }, settings: { forks } }, async (lab) => {
    const result = await ansiblePlaybook(['-i', lab.inventoryPath, playbook, ...forks], { cwd: work, work });
    return { result, files: await files(lab) };
  });
}

describe.skipIf(!hasAnsible)('strategy: free and host_pinned', () => {
  it.each(['free', 'host_pinned'])('%s gives the recap and files ansible-playbook gives, and warns of run_once', async (strategy) => {
    const playbook = join(work, `${strategy}.yaml`);
    writeFileSync(playbook, PLAYBOOK.replace('strategy: free', `strategy: ${strategy}`));
    const ours = await Lab.start({ names: HOSTS });
    try {
      // host_pinned with two forks: node3 may start only once node2 (which fails) is done with the play.
      const forks = strategy === 'host_pinned' ? ['-f', '2'] : [];
      const { result: reference, files: theirFiles } = await ansibleRun(strategy, playbook, forks);
      const result = await cxplay(['run', playbook, '-i', ours.inventoryPath, '-o', 'plain', ...forks], { cwd: work });
      if (strategy === 'host_pinned') {
        for (const output of [reference.stdout, result.stdout]) expect(output.indexOf('[node3]'), output).toBeGreaterThan(output.indexOf('fatal: [node2]'));
      }
      expect(parseRecap(reference.stdout).node2, reference.stdout).toMatchObject({ failed: 1 });
      expect(parseRecap(result.stdout), result.stdout + result.stderr).toEqual(parseRecap(reference.stdout));
      expect(result.code).toBe(reference.code);
      expect(await files(ours)).toEqual(theirFiles);
      expect(result.stderr).toContain('Using run_once with the free strategy is not currently supported');
    } finally {
      await ours.stop();
    }
  }, 240_000);

  it('refuses a module that bypasses the host loop before contacting anyone', async () => {
    const playbook = join(work, 'pause.yaml');
    writeFileSync(playbook, ['- hosts: all', '  strategy: free', '  gather_facts: false', '  tasks:', '    - pause: {seconds: 1}', ''].join('\n'));
    const inventory = join(work, 'inventory.yaml');
    writeFileSync(inventory, 'all:\n  hosts:\n    nowhere: {ansible_host: 127.0.0.1, ansible_port: 1}\n');
    const result = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: work });
    expect(result.stderr).toContain("The 'pause' module bypasses the host loop");
    expect(result.stderr).toContain('pause.yaml:5');
    expect(result.code).toBe(4);
  }, 60_000);
});
