/**
 * ansible-playbook's options as an operator types them, through the built
 * CLI, without contacting a host: several -i merged, -u/-c/--private-key/-b
 * reaching the run (local connection), options cxplay cannot honour refused
 * with a clear message (exit 2, as argparse exits), --flush-cache accepted.
 * Ansible's side is recorded in test/references/options while this file
 * (which writes every playbook and inventory) is unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { recordedCommand, recordedPlaybook, recordingName } from '../support/recorded-command.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-options-'));
  writeFileSync(join(dir, 'one.ini'), '[web]\nweb1 ansible_connection=local\n');
  writeFileSync(join(dir, 'two.yaml'), 'all:\n  children:\n    db:\n      hosts:\n        db1: {ansible_connection: local}\n    web:\n      hosts:\n        web2: {ansible_connection: local}\n');
  writeFileSync(join(dir, 'local.ini'), 'box ansible_host=192.0.2.1\n');
  writeFileSync(join(dir, 'two-local.ini'), '[ok]\nlh ansible_connection=local\nlh2 ansible_connection=local\n');
  writeFileSync(
    join(dir, 'handlers.yaml'),
    "- hosts: ok\n  gather_facts: false\n  tasks:\n    - command: 'true'\n      notify: h\n    - fail: {msg: boom}\n      when: inventory_hostname == 'lh'\n  handlers:\n    - name: h\n      debug: {msg: handled}\n",
  );
  writeFileSync(
    join(dir, 'start-at.yaml'),
    '- name: first\n  hosts: lh\n  tasks:\n    - {name: one, debug: {msg: one}}\n    - block:\n        - {name: two, debug: {msg: two}}\n        - {name: three, debug: {msg: three}}\n- name: second\n  hosts: lh\n  tasks:\n    - {name: four, debug: {msg: four}}\n',
  );
  writeFileSync(join(dir, 'play.yaml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - command: id -un\n      register: who\n    - debug: {msg: "user={{ who.stdout }}"}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** ansible-playbook ARGS in the test's directory, recorded as options/NAME. */
const ansiblePlaybook = (name: string, args: readonly string[]) =>
  recordedPlaybook({ name: `options/${recordingName(name, ...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, args });

const run = (args: string[]) => cxplay(['run', 'play.yaml', '-o', 'plain', ...args], { cwd: dir });

describe('inventories', () => {
  it('merges several -i in order (a second -i no longer replaces the first)', async () => {
    const result = await run(['-i', 'one.ini', '-i', 'two.yaml', '--list-hosts', '-l', 'web']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/web1\s+web2/);
  });

  it('runs without any inventory on the implicit localhost only, with Ansible\'s warnings and exit code', async () => {
    writeFileSync(join(dir, 'local-play.yaml'), '- hosts: localhost\n  gather_facts: false\n  tasks:\n    - debug: {msg: here}\n');
    for (const playbook of ['play.yaml', 'local-play.yaml']) {
      const ours = await cxplay(['run', playbook, '-o', 'plain'], { cwd: dir });
      // Wrapped at 79 columns, as Ansible wraps warnings.
      expect(ours.stderr).toContain('[WARNING]: No inventory was parsed, only implicit localhost is available\n');
      expect(ours.stderr).toContain("[WARNING]: provided hosts list is empty, only localhost is available. Note that\nthe implicit localhost does not match 'all'\n");
      if (!hasAnsible) continue;
      const ansible = await ansiblePlaybook('no inventory', [playbook]);
      expect(ours.code).toBe(ansible.code);
      expect(parseRecap(ours.stdout)).toEqual(parseRecap(ansible.stdout));
    }
  });
});

describe('connection and become options', () => {
  it('-c local reaches a host that has an address but no ansible_connection', async () => {
    const result = await run(['-i', 'local.ini', '-c', 'local']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`user=${userInfo().username}`);
  });

  it('-b --become-user runs the tasks as that user', async () => {
    const result = await run(['-i', 'local.ini', '-c', 'local', '-b', '--become-user', 'nobody']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('user=nobody');
  });

  it('--flush-cache is accepted (facts are never kept between runs)', async () => {
    expect((await run(['-i', 'local.ini', '-c', 'local', '--flush-cache'])).code).toBe(0);
  });
});

/** Every -x and --long flag a --help names (the aliases included). */
function flagsOf(help: string): Set<string> {
  return new Set([...help.matchAll(/(?:^|[\s,[|(])(--?[a-zA-Z][\w-]*)/gm)].map((match) => match[1]!).filter((flag) => !/^-v{2,}$|^-R$|^--version$/.test(flag)));
}

describe.skipIf(!hasAnsible)("every option and alias of ansible 2.14's --help", () => {
  it.each([
    ['ansible', 'adhoc'],
    ['ansible-playbook', 'run'],
    ['ansible-inventory', 'inventory'],
  ])('%s --help: each flag is in cxplay %s --help', async (command, ours) => {
    const help = recordedCommand({ name: `options/${command}-help`, inputs: [], work: dir, command, args: ['--help'] });
    const [theirs, mine] = await Promise.all([help, cxplay([ours, '--help'])]);
    const missing = [...flagsOf(theirs.stdout)].filter((flag) => !flagsOf(mine.stdout).has(flag));
    expect(missing).toEqual([]);
  });

  it('the aliases do what their option does: --inventory-file, --vault-pass-file', async () => {
    writeFileSync(join(dir, 'vault.pw'), 'vault pw\n');
    const result = await run(['--inventory-file', 'one.ini', '--inventory-file', 'two.yaml', '--vault-pass-file', 'vault.pw', '--list-hosts', '-l', 'web']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/web1\s+web2/);
    const missing = await run(['-i', 'one.ini', '--vault-pass-file', 'nonexistent.pw', '--list-hosts']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nonexistent.pw was not found');
  });
});

describe('options cxplay cannot honour are refused, naming why', () => {
  it.each([
    [['-M', '/usr/share/ansible/plugins/modules'], "cxplay's modules are built in"],
    [['--become-method', 'doas'], 'with sudo or su'],
    [['-c', 'winrm'], 'ssh or local'],
    [['--sftp-extra-args', '-l 100'], 'never with sftp or scp'],
    [['--scp-extra-args=-l 100'], 'never with sftp or scp'],
    [['--ask-vault-password', '--vault-pass-file', 'one.ini'], "cannot be used with option '--ask-vault-pass'"],
  ])('%j', async (args, reason) => {
    const result = await run(['-i', 'local.ini', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
  });
});

describe.skipIf(!hasAnsible)('--force-handlers, as ansible-playbook', () => {
  it.each([[[]], [['--force-handlers']], [['--force-handlers', '-l', 'lh']]])('%j: the same recap (a failed host runs what it notified only when forced)', async (args) => {
    const [ours, theirs] = await Promise.all([
      cxplay(['run', 'handlers.yaml', '-o', 'plain', '-i', 'two-local.ini', ...args], { cwd: dir }),
      ansiblePlaybook('force-handlers', ['handlers.yaml', '-i', 'two-local.ini', ...args]),
    ]);
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(theirs.stdout));
    expect(parseRecap(ours.stdout).lh?.ok).toBe(args.length > 0 ? 2 : 1);
  });
});

describe.skipIf(!hasAnsible)('--start-at-task, as ansible-playbook', () => {
  const headers = (output: string) => output.split('\n').filter((line) => /^(PLAY|TASK) \[/.test(line)).map((line) => line.replace(/\s*\*+$/, ''));
  it.each(['two', 'thr*', 'four', 'nosuch'])('%j: the same plays and tasks run, the same recap and exit code', async (name) => {
    const args = ['start-at.yaml', '-i', 'two-local.ini', '--start-at-task', name];
    const [ours, theirs] = await Promise.all([cxplay(['run', '-o', 'plain', ...args], { cwd: dir }), ansiblePlaybook('start-at-task', args)]);
    expect(headers(ours.stdout)).toEqual(headers(theirs.stdout));
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(theirs.stdout));
    expect(ours.code).toBe(theirs.code);
    if (name === 'nosuch') expect(ours.stderr + ours.stdout).toContain('No matching task "nosuch" found');
  }, 240_000); // ansible-playbook gathers facts (python on this host) in each play it runs
});
