/**
 * The TASK headers ansible-playbook 2.14 prints under strategy free and
 * host_pinned (its default callback): none when a task starts; a task's
 * header before the first line of a result of it, and again whenever a
 * result of another task was printed in between (it compares task uuids:
 * a file included for one host at a time gives each host its own tasks).
 * Hosts run apart, so the order of their lines is timing's: compared are,
 * on both sides, that no header stands without a result line under it, and
 * each host's lines with the header above each (its task path at -vv); the
 * `included:` lines apart (see plays()).
 * Ansible's side is recorded (test/references/free-headers).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const HOSTS = ['h1', 'h2', 'h3'];

/** Every kind of result line: plain, a loop's items, skipped, an ignored failure, an include and its task, a handler; h2 and h3 start later. */
function play(strategy: string): string {
  return [
    `- name: ${strategy} play`,
    '  hosts: all',
    `  strategy: ${strategy}`,
    '  gather_facts: false',
    '  tasks:',
    '    - name: wait by host',
    "      command: \"sleep {{ {'h1': 0, 'h2': 1, 'h3': 2}[inventory_hostname] }}\"",
    '      changed_when: false',
    '    - name: items',
    '      command: "echo {{ item }}"',
    '      loop: [a, b]',
    '      notify: handled',
    '    - name: fails, ignored',
    '      command: "false"',
    '      ignore_errors: true',
    "      when: inventory_hostname != 'h3'",
    '    - include_tasks: included.yaml',
    '    - debug: {msg: "last {{ inventory_hostname }}"}',
    '  handlers:',
    '    - name: handled',
    '      debug: {msg: handled}',
    '',
  ].join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'cxplay-free-headers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'inventory.ini'), HOSTS.map((name) => `${name} ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n`).join(''));
writeFileSync(join(work, 'included.yaml'), '- name: included one\n  debug: {msg: "included {{ inventory_hostname }}"}\n');
writeFileSync(join(work, 'site.yaml'), play('free') + play('host_pinned'));

const HEADER = /^(TASK|RUNNING HANDLER) \[/;
const RESULT = /^(ok|changed|skipping|fatal|failed): \[/;

/** A header (with its task path at -vv) or a result line (its first line, without the result's JSON). */
interface Entry {
  readonly header?: string;
  readonly result?: string;
}

/**
 * Each play's headers and result lines in the order printed. An include's
 * header and its `included:` line are left out: Ansible prints the header
 * when the include's result comes and the line only once it has read the
 * file, another task's header and lines often in between.
 */
function plays(stdout: string): Map<string, Entry[]> {
  const byPlay = new Map<string, Entry[]>();
  let entries: Entry[] = [];
  let inInclude = false;
  for (const line of stdout.split('\n')) {
    const playName = /^PLAY \[(.*)\] \*+$/.exec(line);
    const last = entries.at(-1);
    if (playName) byPlay.set(playName[1]!, (entries = []));
    else if (HEADER.test(line)) {
      inInclude = line.startsWith('TASK [include_tasks]');
      if (!inInclude) entries.push({ header: line.replace(/ \*+$/, '') });
    } else if (line.startsWith('task path: ') && !inInclude && last?.header !== undefined) entries[entries.length - 1] = { header: `${last.header} (${line})` };
    // `...ignoring` belongs to the failure before it.
    else if (line === '...ignoring' && last?.result !== undefined) entries[entries.length - 1] = { result: `${last.result} ...ignoring` };
    else if (RESULT.test(line)) entries.push({ result: line.replace(/ => \{.*$/, '') });
  }
  return byPlay;
}

/** Headers not followed by a result line of their own. */
function emptyHeaders(entries: readonly Entry[]): string[] {
  return entries.filter((entry, index) => entry.header !== undefined && entries[index + 1]?.result === undefined).map((entry) => entry.header!);
}

/** Each host's result lines with the header printed above each, in order. */
function byHost(entries: readonly Entry[]): Record<string, string[]> {
  const lines: Record<string, string[]> = {};
  let header = '(none)';
  for (const entry of entries) {
    if (entry.header !== undefined) header = entry.header;
    const host = entry.result === undefined ? undefined : /\[(\w+)\]/.exec(entry.result);
    if (host) (lines[host[1]!] ??= []).push(`${header} | ${entry.result}`);
  }
  return lines;
}

/** Each `included: FILE for HOSTS` line, one per host (Ansible names together the hosts whose includes it read at once). */
function inclusions(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => {
    const included = /^included: (.*) for (.*)$/.exec(line);
    return included ? included[2]!.split(', ').map((host) => `${included[1]} for ${host}`) : [];
  }).sort();
}

describe.skipIf(!hasAnsible)('strategy free and host_pinned: task headers as ansible-playbook prints them', () => {
  for (const verbosity of [[], ['-vv']]) {
    it(`a header when a result comes, again after another task's result${verbosity.length > 0 ? ', at -vv with its task path' : ''}`, async () => {
      const args = ['-i', join(work, 'inventory.ini'), join(work, 'site.yaml'), ...verbosity];
      const reference = await recordedPlaybook({ name: `free-headers/site${verbosity.join('')}`, inputs: [fileURLToPath(import.meta.url)], work, args });
      const ours = await cxplay(['run', ...args, '-o', 'plain'], { cwd: work });
      const label = ours.stdout + ours.stderr;
      expect(reference.code, reference.stdout).toBe(0);
      expect(ours.code, label).toBe(0);
      const theirs = plays(reference.stdout);
      const mine = plays(ours.stdout);
      expect([...mine.keys()]).toEqual([...theirs.keys()]);
      for (const [name, entries] of theirs) {
        expect(byHost(entries).h1, reference.stdout).toHaveLength(7);
        expect(emptyHeaders(entries), reference.stdout).toEqual([]);
        expect(emptyHeaders(mine.get(name)!), label).toEqual([]);
        expect(byHost(mine.get(name)!), label).toEqual(byHost(entries));
      }
      expect(inclusions(ours.stdout)).toEqual(inclusions(reference.stdout));
      expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
    }, 600_000);
  }
});
