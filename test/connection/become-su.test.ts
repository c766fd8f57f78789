/**
 * become_method su on a lab host, side by side with ansible-playbook 2.14:
 * root becomes a user that is not root (su asks root for nothing), that user
 * becomes root with root's password (answered when su prompts, never in a
 * command line, the output or the events), a wrong or missing password
 * fails the task with Ansible's words; become_flags and become_exe reach
 * the command; ansible_become_* variables win over the keywords, as in Ansible.
 * ansible-playbook's runs are recorded in test/references/become-su while
 * this file is unchanged.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCommandLines } from '../lab/command-lines.js';
import { Lab } from '../lab/lab.js';
import { SUDO_USER, sudoUserSetup } from '../lab/sudo-user.js';
import { hasAnsible } from '../support/ansible.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, parseRecap, projectRoot, runCommand, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { recordingName } from '../support/recorded-command.js';
import { labInventory, scratch, type Scratch } from '../reliability/support.js';

const ROOT_PASSWORD = 'Root su pw 5';
let lab: Lab;
let work: Scratch;

const LAB_OPTIONS = { names: ['suhost'], setup: (host: { name: string; labDir: string }) => sudoUserSetup(host, { hostnameResolves: true, password: 'user pw', rootPassword: ROOT_PASSWORD }) };

/** The inventories of TARGET, PREFIX-as-root.yaml and PREFIX-as-user.yaml: its host logged in to as root, and as the user that is not root. */
function writeInventories(target: Lab, prefix = ''): void {
  work.write(`${prefix}as-root.yaml`, labInventory(target, {}));
  work.write(`${prefix}as-user.yaml`, labInventory(target, { suhost: { ansible_user: SUDO_USER } }));
}

beforeAll(async () => {
  lab = await Lab.start(LAB_OPTIONS);
  work = scratch('become-su');
  writeInventories(lab);
  work.write('become.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      become: true,
      become_method: 'su',
      tasks: [
        { name: 'Who', shell: 'sleep 1; id -un; echo "HOME=$HOME"', register: 'who' },
        { name: 'Show', debug: { msg: 'I am {{ who.stdout_lines | join(" ") }}' } },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

const ANSIBLE_ENV = (dir: string) => ({ ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCAL_TEMP: `${dir}/ansible-local`, ANSIBLE_SSH_CONTROL_PATH_DIR: `${dir}/cp` });

function ours(args: string[], input = ''): ReturnType<typeof runCommand> {
  return runCommand(process.execPath, [cliPath, 'run', '-o', 'json', ...args], { cwd: work.dir, input, env: { NO_COLOR: '1', SSH_AUTH_SOCK: '' } });
}

/** Each `fatal:` result as JSON, without what only Ansible's Python modules add (the interpreter it discovered). */
function failures(stdout: string): unknown[] {
  return [...stdout.matchAll(/^fatal: \[\w+\]: FAILED! => (\{.*\})$/gm)].map(([, json]) => {
    const { ansible_facts: _facts, ...result } = JSON.parse(json!) as Record<string, unknown>;
    return result;
  });
}

/**
 * ansible-playbook with INVENTORY (as-root or as-user) on a lab of its own made with the same options, recorded as
 * become-su/CASE while this file (and `inputs`, a playbook it runs) is unchanged.
 */
function theirs(label: string, inventory: 'as-root' | 'as-user', args: string[], input = '', inputs: readonly string[] = []): Promise<CommandResult> {
  const request = { name: `become-su/${recordingName(label)}`, inputs: [fileURLToPath(import.meta.url), ...inputs], work: work.dir, lab: LAB_OPTIONS, settings: { inventory, args, input } };
  return labReference(request, async (target) => {
    writeInventories(target, 'ansible-');
    const { code, stdout, stderr } = await runCommand('ansible-playbook', ['-i', `ansible-${inventory}.yaml`, ...args], { cwd: work.dir, input, env: ANSIBLE_ENV(work.dir) });
    return { code, stdout, stderr };
  });
}

describe('become_method su', () => {
  it('root becomes a user that is not root, in that user\'s HOME (su asks root for no password)', async () => {
    const result = await ours(['become.yaml', '-i', 'as-root.yaml', '-e', `ansible_become_user=${SUDO_USER}`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`I am ${SUDO_USER} HOME=/opt/${SUDO_USER}`);
  });

  it('a user becomes root with the password asked by -K; it shows in no output and no command line', async () => {
    const watch = watchCommandLines(lab, 'suhost');
    const result = await ours(['become.yaml', '-i', 'as-user.yaml', '-K'], `${ROOT_PASSWORD}\n`);
    const seen = await watch.stop();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('I am root');
    expect(result.stdout + result.stderr).not.toContain(ROOT_PASSWORD);
    expect(seen.some((line) => line.startsWith('su '))).toBe(true);
    expect(seen.filter((line) => line.includes(ROOT_PASSWORD))).toEqual([]);
  });

  it('--become-method su -b for a play without become, and ansible_become_password', async () => {
    work.write('plain.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ command: 'id -un', register: 'who' }, { debug: { msg: 'I am {{ who.stdout }}' } }] }]);
    const result = await ours(['plain.yaml', '-i', 'as-user.yaml', '-b', '--become-method', 'su', '-e', `{"ansible_become_password": "${ROOT_PASSWORD}"}`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('I am root');
  });

  it('become_flags and become_exe reach the command (su -l starts a login shell; an exe that does not exist fails)', async () => {
    const login = await ours(['become.yaml', '-i', 'as-root.yaml', '-e', `ansible_become_user=${SUDO_USER}`, '-e', 'ansible_become_flags=-l']);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain(`I am ${SUDO_USER}`);
    const missing = await ours(['become.yaml', '-i', 'as-root.yaml', '-e', `ansible_become_user=${SUDO_USER}`, '-e', 'ansible_become_exe=/nonexistent/su']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('/nonexistent/su');
  });
});

describe.skipIf(!hasAnsible)('su as ansible-playbook', () => {
  it.each([
    ['the right password', `${ROOT_PASSWORD}\n`, 0, undefined],
    ['a wrong password', 'not the password\n', 2, 'Incorrect su password'],
  ])('%s: the same outcome and message', async (name, input, code, message) => {
    const [mine, reference] = await Promise.all([ours(['become.yaml', '-i', 'as-user.yaml', '-K'], input), theirs(name, 'as-user', ['become.yaml', '-K'], input)]);
    expect(reference.code, reference.stdout + reference.stderr).toBe(code);
    expect(mine.code, mine.stderr).toBe(code);
    if (message) {
      expect(reference.stdout).toContain(`"msg": "${message}"`);
      expect(mine.stdout).toContain(`"msg":"${message}"`);
    } else {
      expect(reference.stdout).toContain('I am root');
      expect(mine.stdout).toContain('I am root');
    }
  });

  it('no password at all: su waits for one as ansible does (its ssh timeout + 2 s), then the same failure, exit and message', async () => {
    const [mine, reference] = await Promise.all([ours(['become.yaml', '-i', 'as-user.yaml']), theirs('no password', 'as-user', ['become.yaml'])]);
    const message = (output: string) => /"msg": ?"([^"]*)"/.exec(output)?.[1];
    expect(message(reference.stdout), reference.stdout).toBe('Timeout (12s) waiting for privilege escalation prompt: ');
    expect([mine.code, message(mine.stdout)]).toEqual([reference.code, message(reference.stdout)]);
  });

  it('root becomes nobody, whose shell is nologin: the same failures as ansible-playbook, over ssh (su-nologin/play.yaml)', async () => {
    const source = join(projectRoot, 'test', 'connection', 'su-nologin', 'play.yaml');
    work.write('su-nologin.yaml', readFileSync(source, 'utf8'));
    const plain = (args: string[]) => runCommand(process.execPath, [cliPath, 'run', '-o', 'plain', ...args], { cwd: work.dir, env: { NO_COLOR: '1', SSH_AUTH_SOCK: '' } });
    const [mine, reference] = await Promise.all([plain(['su-nologin.yaml', '-i', 'as-root.yaml']), theirs('nologin', 'as-root', ['su-nologin.yaml'], '', [source])]);
    const label = `${mine.stdout}${mine.stderr}\n--- ansible ---\n${reference.stdout}`;
    // The recording writes the lab's 127.0.X.0/24 as 127.0.<LAB> (ssh's "Shared connection to HOST closed.").
    const subnet = /^127\.0\.\d+\./.exec(lab.hosts[0]!.address)![0];
    const ourFailures = failures(mine.stdout.split(subnet).join('127.0.<LAB>.'));
    expect(failures(reference.stdout), label).toHaveLength(3);
    expect(mine.code, label).toBe(reference.code);
    expect(parseRecap(mine.stdout), label).toEqual(parseRecap(reference.stdout));
    expect(ourFailures, label).toEqual(failures(reference.stdout));
  });

  it('ansible_become_user and ansible_become_method win over the play keywords', async () => {
    work.write('keywords.yaml', [
      {
        hosts: 'all',
        gather_facts: false,
        become: true,
        become_user: 'nobody',
        become_method: 'sudo',
        vars: { ansible_become_user: SUDO_USER, ansible_become_method: 'su' },
        tasks: [{ command: 'id -un', register: 'who' }, { debug: { msg: 'I am {{ who.stdout }}' } }],
      },
    ]);
    const [mine, reference] = await Promise.all([ours(['keywords.yaml', '-i', 'as-root.yaml']), theirs('variables over keywords', 'as-root', ['keywords.yaml'])]);
    expect(reference.stdout).toContain(`"msg": "I am ${SUDO_USER}"`);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout).toContain(`I am ${SUDO_USER}`);
  });
});
