/**
 * The lines ansible-playbook 2.14 prints for meta tasks (its strategies'
 * _execute_meta and the default callback): under linear a `TASK [name]`
 * header each time the action runs (for each host: noop, flush_handlers,
 * end_host, reset_connection; once, for the first host: the others), a
 * `skipping:` line when its `when` is false there (with the reason at -v),
 * and a warning for a `when` on noop, refresh_inventory and reset_connection,
 * which ignore it; under free no header, except before a skipped host's line.
 * Every meta action, unnamed and named, with `when` false, and under
 * linear true on the second host only, at -v too; Ansible's side is recorded
 * (test/references/meta-headers). Hosts' result lines under one header are
 * compared in any order (Ansible prints them as they come). Left out:
 * refresh_inventory under free (ansible-core 2.14's results thread dies on
 * it and the play hangs); under free `when` true on one host only (which of
 * the hosts gets on first decides what the other runs); flush_handlers with
 * `when` true on one host only (2.14 runs the next task twice on that host,
 * a lockstep fault); end_role (new in ansible-core 2.18: 2.14 fails with
 * "invalid meta action requested", which cxplay says before the run).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const ACTIONS = ['noop', 'flush_handlers', 'refresh_inventory', 'clear_facts', 'clear_host_errors', 'end_play', 'end_host', 'end_batch', 'reset_connection'];
const VARIANTS: Record<string, (action: string) => Record<string, string>> = {
  unnamed: () => ({}),
  named: (action) => ({ name: `Named ${action}` }),
  'when false': () => ({ when: 'false' }),
  'when second host': () => ({ when: "inventory_hostname == 'h2'" }),
};

/** One play a case: a task before, the meta task, a task after (and a handler, for flush_handlers). */
function playbook(): string {
  const plays: string[] = [];
  for (const strategy of ['linear', 'free']) {
    for (const action of ACTIONS.filter((name) => strategy === 'linear' || name !== 'refresh_inventory')) {
      for (const [variant, keywords] of Object.entries(VARIANTS).filter(([name]) => name !== 'when second host' || (strategy === 'linear' && action !== 'flush_handlers'))) {
        const meta = Object.entries(keywords(action)).map(([key, value]) => `\n      ${key}: ${JSON.stringify(value)}`);
        plays.push(
          `- name: ${strategy} ${action} ${variant}\n  hosts: all\n  gather_facts: false\n  strategy: ${strategy}\n  tasks:\n` +
            `    - name: before\n      debug: {msg: before}\n      changed_when: true\n      notify: handler\n` +
            `    - meta: ${action}${meta.join('')}\n` +
            `    - name: after\n      debug: {msg: after}\n` +
            `  handlers:\n    - name: handler\n      debug: {msg: handled}\n`,
        );
      }
    }
  }
  return plays.join('');
}

const work = mkdtempSync(join(tmpdir(), 'cxplay-meta-headers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'inventory.ini'), ['h1', 'h2'].map((name) => `${name} ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n`).join(''));
writeFileSync(join(work, 'meta.yaml'), playbook());

/** Each play's header and result lines (a debug's message lines left out), by play name. */
function plays(stdout: string): Map<string, string[]> {
  const byPlay = new Map<string, string[]>();
  let lines: string[] = [];
  for (const line of stdout.split('\n')) {
    const play = /^PLAY \[(.*)\] \*+$/.exec(line);
    if (play) byPlay.set(play[1]!, (lines = []));
    else if (/^(TASK|RUNNING HANDLER) \[|^(ok|changed|skipping|fatal): /.test(line)) lines.push(line.replace(/ \*+$/, ''));
  }
  return byPlay;
}

/** What is compared of a play: under free, whose hosts run apart, the distinct lines; else each header with its result lines in order. */
function compared(name: string, lines: readonly string[]): readonly string[] {
  if (name.startsWith('free ')) return [...new Set(lines)].sort();
  const groups: string[][] = [];
  for (const line of lines) {
    if (/^(TASK|RUNNING HANDLER) \[/.test(line) || groups.length === 0) groups.push([line]);
    else groups.at(-1)!.push(line);
  }
  return groups.map(([header, ...results]) => [header, ...results.sort()].join(' | '));
}

const warnings = (text: string) => [...new Set(text.split('\n').filter((line) => line.startsWith('[WARNING]: ')))].sort();

describe.skipIf(!hasAnsible)('meta tasks: the lines ansible-playbook prints', () => {
  for (const verbosity of [[], ['-v']]) {
    it(`every action, named or not, with when false or true for the second host only, linear and free${verbosity.length > 0 ? ', at -v' : ''}`, async () => {
      const args = ['-i', join(work, 'inventory.ini'), join(work, 'meta.yaml'), ...verbosity];
      const reference = await recordedPlaybook({ name: `meta-headers/meta${verbosity.join('')}`, inputs: [fileURLToPath(import.meta.url)], work, args });
      const ours = await cxplay(['run', ...args, '-o', 'plain'], { cwd: work });
      const label = ours.stdout + ours.stderr;
      expect(reference.code).toBe(0);
      expect(ours.code, label).toBe(0);
      const theirs = plays(reference.stdout);
      expect(theirs.get('linear noop unnamed')).toContain('TASK [meta]');
      const shown = (byPlay: Map<string, string[]>) => [...byPlay].map(([name, lines]) => [name, compared(name, lines)]);
      expect(shown(plays(ours.stdout)), label).toEqual(shown(theirs));
      expect(warnings(ours.stderr)).toEqual(warnings(reference.stderr));
      expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
    }, 1_200_000);
  }
});
