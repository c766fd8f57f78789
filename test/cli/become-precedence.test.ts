/**
 * Which user a task becomes, and with which sudo flags and exe, when several
 * places say so: ansible.cfg's [privilege_escalation] and [sudo_become_plugin],
 * ANSIBLE_BECOME_USER / ANSIBLE_SUDO_USER, --become-user, the play keyword,
 * and the variables ansible_become_* / ansible_sudo_*. Each case runs under
 * ansible-playbook 2.14 and cxplay (local connection, sudo as root to a
 * system user) and both must report the same `whoami`. ansible-playbook's
 * side is recorded in test/references/become-precedence while this file is
 * unchanged (test/support/recorded-command.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cliPath, runCommand } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-become-precedence-'));
  writeFileSync(join(dir, 'hosts.ini'), 'box ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  readonly name: string;
  readonly cfg?: string;
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
  /** Extra lines of the play (keywords, vars), indented two spaces. */
  readonly play?: string;
  /** Who the task ran as; undefined: the task fails (a bad flag or exe won). */
  readonly expected: string | undefined;
}

const CASES: readonly Case[] = [
  { name: '[sudo_become_plugin] user over [privilege_escalation] become_user', cfg: '[privilege_escalation]\nbecome_user = daemon\n[sudo_become_plugin]\nuser = bin\n', expected: 'bin' },
  { name: 'ANSIBLE_BECOME_USER over [privilege_escalation] become_user', cfg: '[privilege_escalation]\nbecome_user = daemon\n', env: { ANSIBLE_BECOME_USER: 'bin' }, expected: 'bin' },
  { name: 'ANSIBLE_SUDO_USER over ANSIBLE_BECOME_USER', env: { ANSIBLE_SUDO_USER: 'daemon', ANSIBLE_BECOME_USER: 'bin' }, expected: 'daemon' },
  { name: '--become-user over [sudo_become_plugin] user', cfg: '[sudo_become_plugin]\nuser = bin\n', args: ['--become-user', 'daemon'], expected: 'daemon' },
  { name: 'the play keyword over --become-user', args: ['--become-user', 'bin'], play: '  become_user: daemon\n', expected: 'daemon' },
  { name: 'ansible_sudo_user over ansible_become_user (both play vars)', play: '  vars: {ansible_become_user: daemon, ansible_sudo_user: bin}\n', expected: 'bin' },
  { name: "a play's ansible_sudo_user over -e ansible_become_user", args: ['-e', 'ansible_become_user=bin'], play: '  vars: {ansible_sudo_user: daemon}\n', expected: 'daemon' },
  { name: 'ansible_sudo_flags over ansible_become_flags (a bad become flag loses)', play: "  vars: {ansible_become_user: daemon, ansible_become_flags: '--bogus', ansible_sudo_flags: '-H -S -n'}\n", expected: 'daemon' },
  { name: 'ansible_sudo_flags over ansible_become_flags (a bad sudo flag wins)', play: "  vars: {ansible_become_user: daemon, ansible_become_flags: '-H -S -n', ansible_sudo_flags: '--bogus'}\n", expected: undefined },
  { name: 'ansible_sudo_exe over ansible_become_exe', play: '  vars: {ansible_become_user: daemon, ansible_become_exe: /nonexistent/sudo, ansible_sudo_exe: sudo}\n', expected: 'daemon' },
];

/** The user the task ran as (from the debug line), or undefined when it failed. */
async function whoami(engine: 'ansible' | 'cxplay', index: number, each: Case): Promise<string | undefined> {
  const work = join(dir, `${engine}-${index}`);
  const cfg = join(dir, `case-${index}.cfg`);
  writeFileSync(cfg, each.cfg ?? '');
  writeFileSync(join(dir, `case-${index}.yml`), `- hosts: box\n  gather_facts: false\n  become: true\n${each.play ?? ''}  tasks:\n    - command: whoami\n      register: who\n    - debug: {msg: 'became {{ who.stdout }}'}\n`);
  const env = { NO_COLOR: '1', ANSIBLE_NOCOLOR: '1', ANSIBLE_CONFIG: cfg, ANSIBLE_LOCAL_TEMP: join(work, 'tmp'), ANSIBLE_REMOTE_TEMP: join(work, 'tmp'), ...each.env };
  const args = ['-i', 'hosts.ini', `case-${index}.yml`, ...(each.args ?? [])];
  // Ansible's run is recorded while this file (which writes the files it reads) and the command line are unchanged.
  const ansible = () => recordedCommand({ name: `become-precedence/${recordingName(each.name)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-playbook', args, cwd: dir, env });
  const result = engine === 'ansible' ? await ansible() : await runCommand(process.execPath, [cliPath, 'run', ...args], { cwd: dir, env });
  const became = /became (\w+)/.exec(result.stdout)?.[1];
  expect(became === undefined ? result.code : 0, `${engine}: ${result.stdout}${result.stderr}`).toBe(became === undefined ? 2 : 0);
  return became;
}

describe.skipIf(!hasAnsible)('become: which user, flags and exe win, as ansible-playbook 2.14', () => {
  CASES.forEach((each, index) => {
    it(each.name, async () => {
      const [theirs, ours] = await Promise.all([whoami('ansible', index, each), whoami('cxplay', index, each)]);
      expect(theirs).toBe(each.expected);
      expect(ours).toBe(each.expected);
    });
  });
});
