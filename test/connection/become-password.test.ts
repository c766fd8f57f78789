/**
 * sudo with a password, and SSH password login, on a lab host whose login
 * user needs its password for both (as many real hosts are): -K (answered
 * on stdin, as getpass does without a terminal), `ansible_become_password`,
 * and -k. A wrong or missing password fails the task with Ansible's words,
 * side by side with ansible-playbook on the same host. The password shows
 * nowhere: not in cxplay's output, not in its JSON events, and not in any
 * process's command line on the host while a become task runs.
 * ansible-playbook's runs are recorded in test/references/become-password
 * while this file is unchanged.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { watchCommandLines } from '../lab/command-lines.js';
import { SUDO_USER, sudoUserSetup } from '../lab/sudo-user.js';
import { hasAnsible } from '../support/ansible.js';
import { cliPath, runCommand, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { recordingName } from '../support/recorded-command.js';
import { labInventory, scratch, type Scratch } from '../reliability/support.js';

const PASSWORD = 'Lab-sudo pw 7';
let lab: Lab;
let work: Scratch;

const LAB_OPTIONS = { names: ['guarded'], passwordAuthentication: true, setup: (host: { name: string; labDir: string }) => sudoUserSetup(host, { hostnameResolves: true, password: PASSWORD }) };

beforeAll(async () => {
  lab = await Lab.start(LAB_OPTIONS);
  work = scratch('become-password');
  work.write('inventory.yaml', labInventory(lab, { guarded: { ansible_user: SUDO_USER } }));
  work.write('with-var.yaml', labInventory(lab, { guarded: { ansible_user: SUDO_USER, ansible_become_password: PASSWORD } }));
  const { ansible_ssh_private_key_file: _key, ...keyless } = (labInventory(lab, { guarded: { ansible_user: SUDO_USER } }) as { all: { hosts: { guarded: Record<string, unknown> } } }).all.hosts.guarded;
  work.write('keyless.yaml', { all: { hosts: { guarded: keyless } } });
  // Password files as ansible reads them: the line end and surrounding spaces go; an executable prints it.
  work.write('become.pw', `  ${PASSWORD} \n`, 0o600);
  work.write('print-pw.sh', `#!/bin/sh\nprintf '%s\\n' '${PASSWORD}'\n`, 0o700);
  // The host's ssh options only from --ssh-common-args / --ssh-extra-args (a null variable is unset).
  work.write('no-ssh-args.yaml', labInventory(lab, { guarded: { ansible_user: null, ansible_ssh_common_args: null } }));
  work.write('whoami.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Who', command: 'id -un', register: 'who' },
        { name: 'Show', debug: { msg: 'I am {{ who.stdout }}' } },
      ],
    },
  ]);
  work.write('become.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      become: true,
      tasks: [
        { name: 'Who', shell: 'sleep 1; id -un', register: 'who' },
        { name: 'Show', debug: { msg: 'I am {{ who.stdout }}' } },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

function run(args: string[], input = '', options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ReturnType<typeof runCommand> {
  return runCommand(process.execPath, [cliPath, 'run', '-o', 'json', ...args], { cwd: options.cwd ?? work.dir, input, env: { NO_COLOR: '1', SSH_AUTH_SOCK: '', ...options.env } });
}

describe('become with a sudo password', () => {
  it('-K: the password asked for (one line of stdin) reaches sudo, and shows nowhere', async () => {
    const watch = watchCommandLines(lab, 'guarded');
    const result = await run(['become.yaml', '-i', 'inventory.yaml', '-K'], `${PASSWORD}\n`);
    const seen = await watch.stop();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('I am root');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    expect(seen.some((line) => line.includes('sudo'))).toBe(true);
    expect(seen.filter((line) => line.includes(PASSWORD))).toEqual([]);
  });

  it('-b -K on the command line for a play without become', async () => {
    const result = await run(['whoami.yaml', '-i', 'inventory.yaml', '-b', '-K'], `${PASSWORD}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('I am root');
    const plain = await run(['whoami.yaml', '-i', 'inventory.yaml']);
    expect(plain.stdout).toContain(`I am ${SUDO_USER}`);
  });

  it('ansible_become_password from the inventory, without -K', async () => {
    const result = await run(['become.yaml', '-i', 'with-var.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('I am root');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it.each([
    ['--become-password-file, a file', ['--become-password-file', 'become.pw']],
    ['--become-pass-file, an executable that prints it', ['--become-pass-file', 'print-pw.sh']],
  ])('%s: the password reaches sudo, and shows nowhere', async (_name, flags) => {
    const result = await run(['become.yaml', '-i', 'inventory.yaml', ...flags]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('I am root');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('-K with --become-password-file is refused before anything runs (exit 2, as ansible)', async () => {
    const result = await run(['become.yaml', '-i', 'inventory.yaml', '-K', '--become-password-file', 'become.pw']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot be used with option '-K, --ask-become-pass'");
  });

  it.each([
    ['a wrong password', ['-K'], 'not the password\n', 'Incorrect sudo password'],
    ['no password', [], '', 'Missing sudo password'],
  ])("%s fails the task with Ansible's message", async (_name, flags, input, message) => {
    const result = await run(['become.yaml', '-i', 'inventory.yaml', ...flags], input);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`"msg":"${message}"`);
  });
});

/** ansible-playbook on become.yaml as the login user, on a lab of its own (the same inventory built for it), recorded while this file is unchanged. */
function ansiblePlaybook(flags: readonly string[], input: string): Promise<CommandResult> {
  const request = { name: `become-password/${recordingName('become', ...flags)}`, inputs: [fileURLToPath(import.meta.url)], work: work.dir, lab: LAB_OPTIONS, settings: { flags, input } };
  return labReference(request, async (target) => {
    work.write('ansible-inventory.yaml', labInventory(target, { guarded: { ansible_user: SUDO_USER } }));
    const { code, stdout, stderr } = await runCommand('ansible-playbook', ['-i', 'ansible-inventory.yaml', 'become.yaml', ...flags], {
      cwd: work.dir,
      input,
      env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCAL_TEMP: `${work.dir}/ansible-local`, ANSIBLE_SSH_CONTROL_PATH_DIR: `${work.dir}/cp` },
    });
    return { code, stdout, stderr };
  });
}

describe.skipIf(!hasAnsible)('as ansible-playbook', () => {
  it.each([
    ['a wrong password', ['-K'], 'not the password\n', 'Incorrect sudo password'],
    ['no password', [], '', 'Missing sudo password'],
  ])('%s: the same failure and message', async (_name, flags, input, message) => {
    const theirs = await ansiblePlaybook(flags, input);
    const ours = await run(['become.yaml', '-i', 'inventory.yaml', ...flags], input);
    expect(theirs.code, theirs.stdout + theirs.stderr).toBe(2);
    expect(theirs.stdout).toContain(`"msg": "${message}"`);
    expect(ours.code).toBe(2);
    expect(ours.stdout).toContain(`"msg":"${message}"`);
  });
});

describe('SSH password login', () => {
  it('-k: the password asked for logs in when no key is offered', async () => {
    const result = await run(['whoami.yaml', '-i', 'keyless.yaml', '-k'], `${PASSWORD}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`I am ${SUDO_USER}`);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('--connection-password-file (and its alias --conn-pass-file) logs in with the password of the file', async () => {
    for (const flag of ['--connection-password-file', '--conn-pass-file']) {
      const result = await run(['whoami.yaml', '-i', 'keyless.yaml', flag, 'become.pw']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`I am ${SUDO_USER}`);
      expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    }
  });

  it('a missing or empty password file stops the run with ansible\'s message (exit 1)', async () => {
    work.write('empty.pw', '\n');
    const missing = await run(['whoami.yaml', '-i', 'keyless.yaml', '--connection-password-file', 'nonexistent.pw']);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining(`The password file ${work.path('nonexistent.pw')} was not found`)]);
    const empty = await run(['whoami.yaml', '-i', 'keyless.yaml', '--connection-password-file', 'empty.pw']);
    expect([empty.code, empty.stderr]).toEqual([1, expect.stringContaining(`Empty password was provided from file (${work.path('empty.pw')})`)]);
  });

  it('without -k and without a key the host is unreachable (the control)', async () => {
    const result = await run(['whoami.yaml', '-i', 'keyless.yaml']);
    expect(result.code).toBe(4);
  });
});

describe('--ssh-common-args and --ssh-extra-args', () => {
  it("reach the connection of a host without ansible_ssh_common_args / ansible_ssh_extra_args; the host's variable replaces the flag", async () => {
    const flags = ['--ssh-common-args', `-o UserKnownHostsFile=${lab.knownHostsPath} -o StrictHostKeyChecking=yes`, '--ssh-extra-args', `-o User=${SUDO_USER}`];
    const result = await run(['whoami.yaml', '-i', 'no-ssh-args.yaml', ...flags]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`I am ${SUDO_USER}`);
    const replaced = await run(['whoami.yaml', '-i', 'no-ssh-args.yaml', ...flags, '-e', 'ansible_ssh_extra_args="-o User=root"']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain('I am root');
    // The control: without the flags the lab's host key is not known, and nothing runs.
    const without = await run(['whoami.yaml', '-i', 'no-ssh-args.yaml']);
    expect(without.code).toBe(4);
  });

  it('come from [ssh_connection] ssh_common_args / ssh_extra_args in ansible.cfg or ANSIBLE_SSH_COMMON_ARGS / ANSIBLE_SSH_EXTRA_ARGS: the flag wins over the environment, the environment over the file (ansible 2.14)', async () => {
    const cfgDir = dirname(work.write('cfg/ansible.cfg', `[ssh_connection]\nssh_common_args = -o UserKnownHostsFile=${lab.knownHostsPath} -o StrictHostKeyChecking=yes\nssh_extra_args = -o User=${SUDO_USER}\n`));
    const whoami = (flags: string[], env: NodeJS.ProcessEnv = {}) => run([work.path('whoami.yaml'), '-i', work.path('no-ssh-args.yaml'), ...flags], '', { cwd: cfgDir, env });
    const fromFile = await whoami([]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain(`I am ${SUDO_USER}`);
    const fromEnvironment = await whoami([], { ANSIBLE_SSH_EXTRA_ARGS: '-o User=root' });
    expect(fromEnvironment.code, fromEnvironment.stderr).toBe(0);
    expect(fromEnvironment.stdout).toContain('I am root');
    const fromFlag = await whoami(['--ssh-extra-args', `-o User=${SUDO_USER}`], { ANSIBLE_SSH_EXTRA_ARGS: '-o User=root' });
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    expect(fromFlag.stdout).toContain(`I am ${SUDO_USER}`);
  });
});
