/**
 * become_method su over the local connection (`-c local`, or a host's
 * ansible_connection=local), side by side with ansible-playbook 2.14: root
 * su's to root and to a user with a login shell without any password (su
 * asks root for none), runs in that user's HOME environment, and a user whose
 * shell refuses logins (nobody) fails the task; the same recap and exit code.
 * ansible-playbook's run is recorded in test/references/become-su-local while
 * this file and the user it picks (this machine's /etc/passwd line) are unchanged.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, runCommand, type CommandResult } from '../support/cli.js';
import { recordingName } from '../support/recorded-command.js';

const isRoot = process.getuid?.() === 0;
/** A user of this machine, not root, with a login shell (postgres, a developer's account...), if there is one. */
const shellUserEntry = readFileSync('/etc/passwd', 'utf8')
  .split('\n')
  .find((line) => {
    const fields = line.split(':');
    return fields.length >= 7 && fields[2] !== '0' && /\/(ba|da|z)?sh$/.test(fields[6]!);
  });
const shellUser = shellUserEntry?.split(':')[0];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-su-local-'));
  const users = ['root', ...(shellUser ? [shellUser] : [])];
  const tasks = users.flatMap((user) => [
    { name: `As ${user}`, shell: 'id -un; echo "HOME=$HOME"', become_user: user, register: `as_${user}`, changed_when: false },
    { debug: { msg: `{{ as_${user}.stdout_lines | join(' ') }}` } },
  ]);
  const play = { hosts: 'all', gather_facts: false, become: true, become_method: 'su', tasks: [...tasks, { name: 'As nobody', command: 'id -un', become_user: 'nobody', ignore_errors: true }] };
  writeFileSync(join(dir, 'su.yaml'), JSON.stringify([play]));
  writeFileSync(join(dir, 'local.ini'), 'here ansible_connection=local\n');
  // Ansible's module writes its temporary files as the user it became: a directory every user can write to, in this test's own.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'remote-tmp'));
  chmodSync(join(dir, 'remote-tmp'), 0o1777);
});

/** ansible-playbook ARGS, recorded while this file and the user it su's to (its passwd line: its HOME, its shell) are unchanged. */
function ansiblePlaybook(args: readonly string[]): Promise<CommandResult> {
  const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-local'), ANSIBLE_REMOTE_TMP: join(dir, 'remote-tmp') };
  const request = { name: `become-su-local/${recordingName(...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, settings: { args, shellUserEntry: shellUserEntry ?? null } };
  return ansibleReference(request, async () => {
    const { code, stdout, stderr } = await runCommand('ansible-playbook', args, { cwd: dir, env });
    return { code, stdout, stderr };
  });
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasAnsible || !isRoot)('become_method su over the local connection, as root', () => {
  it.each([
    ['-c local', ['-i', 'localhost,', '-c', 'local']],
    ['ansible_connection=local', ['-i', 'local.ini']],
  ])('%s: root needs no password for su; the same users, recap and exit code as ansible-playbook', async (_name, args) => {
    const [reference, ours] = await Promise.all([ansiblePlaybook(['su.yaml', ...args]), cxplay(['run', 'su.yaml', ...args, '-o', 'plain'], { cwd: dir })]);
    const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
    expect(ours.code, label).toBe(reference.code);
    expect(parseRecap(ours.stdout), label).toEqual(parseRecap(reference.stdout));
    const said = (stdout: string) => stdout.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('"msg": "'));
    expect(said(ours.stdout), label).toEqual(said(reference.stdout));
    expect(said(ours.stdout), label).toContain('"msg": "root HOME=/root"');
    if (shellUser) expect(said(ours.stdout).join('\n'), label).toContain(`"msg": "${shellUser} HOME=`);
    expect(Object.values(parseRecap(ours.stdout))[0]?.ignored, label).toBe(1);
  }, 180_000);
});
