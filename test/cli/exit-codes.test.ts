/**
 * Exit codes and host-pattern warnings, side by side with ansible-playbook
 * 2.14 on the same files: a failed host 2, an unreachable one 4 (even when
 * another failed), a parse error 4, an unknown option or a bad value 2, a
 * --limit that leaves no host 1, a play whose pattern matches nothing warned
 * about and skipped (0), --syntax-check 0 or 4. The "unreachable" host is a
 * loopback listener of this test that closes every connection at once.
 * ansible-playbook's side is recorded in test/references/exit-codes while
 * this file is unchanged (test/support/recorded-command.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedPlaybook, recordingName } from '../support/recorded-command.js';

const PLAYBOOKS: Record<string, string> = {
  'fail.yml': '- hosts: lh\n  gather_facts: false\n  tasks:\n    - fail: {msg: boom}\n',
  'unreachable.yml': '- hosts: dead\n  gather_facts: false\n  tasks:\n    - ping:\n',
  'both.yml': "- hosts: all\n  gather_facts: false\n  tasks:\n    - ping:\n    - fail: {msg: boom}\n      when: inventory_hostname == 'lh'\n",
  'parse.yml': '- hosts: all\n  tasks: [\n',
  'nomatch.yml': '- hosts: nosuch\n  gather_facts: false\n  tasks:\n    - debug: {msg: first}\n- hosts: lh\n  gather_facts: false\n  tasks:\n    - debug: {msg: second}\n',
};

const CASES: [string, string[], number][] = [
  ['a failed host', ['fail.yml'], 2],
  ['an unreachable host', ['unreachable.yml'], 4],
  ['an unreachable host and a failed one', ['both.yml'], 4],
  ['a YAML syntax error', ['parse.yml'], 4],
  ['an unknown option', ['--no-such-option', 'fail.yml'], 2],
  ['a bad option value', ['-f', '0', 'fail.yml'], 2],
  ['a missing option value', ['fail.yml', '-l'], 2],
  ['a play whose pattern matches no host (warned, skipped)', ['nomatch.yml'], 0],
  ['a --limit that matches no host', ['-l', 'nosuch', 'fail.yml'], 1],
  ['a --limit with one unknown name', ['-l', 'lh,nosuch', 'fail.yml'], 2],
  ['--syntax-check of a good playbook', ['--syntax-check', 'fail.yml'], 0],
  ['--syntax-check of a broken playbook', ['--syntax-check', 'parse.yml'], 4],
];

describe.skipIf(!hasAnsible)('exit codes and pattern warnings as ansible-playbook 2.14', () => {
  let dir: string;
  let server: Server;
  let port: number;

  /** `ansible-playbook ARGS` in the test's directory, recorded while this file (which writes the files) is unchanged; the unreachable host's port, which differs per run, written <PORT>. */
  function ansible(name: string, args: readonly string[]) {
    const normalise = (json: string) => json.replace(new RegExp(`\\b${port}\\b`, 'g'), '<PORT>');
    return recordedPlaybook({ name: `exit-codes/${recordingName(name)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, args: ['-i', 'inventory.ini', ...args], normalise });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxplay-exit-codes-'));
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ port } = server.address() as { port: number });
    const inventory = `[ok]\nlh ansible_connection=local\n[bad]\ndead ansible_host=127.0.0.1 ansible_port=${port} ansible_user=nobody\n`;
    writeFileSync(join(dir, 'inventory.ini'), inventory);
    for (const [name, text] of Object.entries(PLAYBOOKS)) writeFileSync(join(dir, name), text);
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)('%s (%j): both exit %i', async (name, args, expected) => {
    const [ours, theirs] = await Promise.all([cxplay(['run', '-i', 'inventory.ini', '-o', 'plain', '-T', '5', ...args], { cwd: dir }), ansible(`case ${name}`, args)]);
    expect(theirs.code, theirs.stdout + theirs.stderr).toBe(expected);
    expect(ours.code, ours.stdout + ours.stderr).toBe(expected);
  });

  it.each([
    ['a play pattern', ['nomatch.yml']],
    ['--limit', ['-l', 'lh,nosuch', 'fail.yml']],
  ])('warns about an unknown name in %s with Ansible words', async (name, args) => {
    const warning = 'Could not match supplied host pattern, ignoring: nosuch';
    const [ours, theirs] = await Promise.all([cxplay(['run', '-i', 'inventory.ini', '-o', 'plain', ...args], { cwd: dir }), ansible(`warning ${name}`, args)]);
    expect(theirs.stdout + theirs.stderr).toContain(warning);
    expect(ours.stderr).toContain(`[WARNING]: ${warning}`);
  });

  it('runs the play after one whose pattern matched nothing', async () => {
    const result = await cxplay(['run', '-i', 'inventory.ini', '-o', 'plain', 'nomatch.yml'], { cwd: dir });
    expect(result.stdout).toContain('second');
    expect(result.stdout).not.toContain('first');
  });
});
