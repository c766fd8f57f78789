/**
 * An Ansible operator's project run unchanged by ansible-playbook 2.14 and by
 * cxplay, from its own directory with the same command line: ansible.cfg
 * (inventory = a directory with an INI hosts file and group_vars/ holding a
 * vault-encrypted file, remote_user, private_key_file, host_key_checking,
 * forks, roles_path), an ssh config file with a Host pattern whose hosts are
 * reached through a ProxyJump lab host (they resolve only there), and a
 * playbook applying a role. Both give the same recap and exit code and write
 * the same files on the hosts. ansible-playbook's run (on a lab of its own,
 * the project written for it) and the vault file ansible-vault made are
 * recorded in test/references/operator-project while this file is unchanged.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplayRun, scratch, type Scratch } from '../reliability/support.js';
import { hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { parseRecap, runCommand, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const SECRET = 'vaulted-word-42';
const INPUTS = [fileURLToPath(import.meta.url)];
let lab: Lab;
let project: Scratch;

const LAB_OPTIONS = {
  hosts: 3,
  // node1 alone resolves hidden-a and hidden-b (node2, node3): only a ProxyJump through it reaches them.
  setup: ({ name, address }: { name: string; address: string }) => {
    const subnet = address.split('.')[2];
    return name === 'node1' ? `printf '127.0.${subnet}.2 hidden-a\\n127.0.${subnet}.3 hidden-b\\n' > /tmp/cx-hosts && mount --bind /tmp/cx-hosts /etc/hosts` : '';
  },
};

/**
 * The group_vars file ansible-vault encrypted (its salt is random), recorded
 * while this file is unchanged: a genuine output of ansible-vault that both
 * engines' projects hold.
 */
function vaultedGroupVars(): Promise<string> {
  return ansibleReference({ name: 'operator-project/vault', inputs: INPUTS }, async () => {
    const made = scratch('operator-project-vault');
    try {
      made.write('vault-password', 'project vault pw\n');
      made.write('vault.yml', `secret_word: ${SECRET}\n`);
      execFileSync('ansible-vault', ['encrypt', '--vault-password-file', made.path('vault-password'), made.path('vault.yml')]);
      return readFileSync(made.path('vault.yml'), 'utf8');
    } finally {
      made.remove();
    }
  });
}

/** The operator's project in DIR for the hosts of TARGET. */
function writeProject(target: Lab, dir: Scratch, vaulted: string): void {
  const keys = readFileSync(target.knownHostsPath, 'utf8').trim().split('\n').map((line) => line.split(' ').slice(1).join(' '));
  const jump = target.hosts[0]!.address;
  dir.write('known_hosts', `${jump} ${keys[0]}\nhidden-a ${keys[1]}\nhidden-b ${keys[2]}\n`);
  dir.write('ansible.cfg', `[defaults]\ninventory = inventory\nremote_user = root\nprivate_key_file = ${target.privateKeyPath}\nhost_key_checking = True\nforks = 2\nroles_path = ./shared-roles\nretry_files_enabled = False\n`);
  dir.write('ssh_config', `Host hidden-*\n  ProxyJump root@${jump}\n  UserKnownHostsFile ${dir.path('known_hosts')}\n  StrictHostKeyChecking yes\nHost ${jump}\n  UserKnownHostsFile ${dir.path('known_hosts')}\n  IdentityFile ${target.privateKeyPath}\n  StrictHostKeyChecking yes\n`);
  dir.write('inventory/hosts', '[web]\nhidden-a\nhidden-b\n');
  dir.write('inventory/group_vars/all.yml', `ansible_ssh_common_args: -F ${dir.path('ssh_config')} -o ControlMaster=no\n`);
  dir.write('vault-password', 'project vault pw\n');
  dir.write('inventory/group_vars/web/vault.yml', vaulted);
  dir.write('shared-roles/writer/tasks/main.yml', [
    { name: 'Write the vaulted word', copy: { content: '{{ secret_word }} on {{ inventory_hostname }}\n', dest: '/root/from-{{ engine }}.txt', mode: '0600' }, no_log: true },
    { name: 'Mark the host', lineinfile: { path: '/root/marks-{{ engine }}.txt', line: 'role ran', create: true } },
  ]);
  dir.write('site.yml', [{ hosts: 'web', gather_facts: false, roles: ['writer'], tasks: [{ name: 'Read back', command: 'cat /root/from-{{ engine }}.txt', register: 'back', changed_when: false }] }]);
}

/** The files ENGINE's run left on the hidden hosts of TARGET (node2, node3): the word, its mode, the marks. */
async function filesLeft(target: Lab, engine: string): Promise<string[]> {
  const files: string[] = [];
  for (const index of [1, 2]) files.push((await target.exec(target.hosts[index]!.name, `cat /root/from-${engine}.txt; stat -c %a /root/from-${engine}.txt; cat /root/marks-${engine}.txt`)).stdout);
  return files;
}

const environment = (dir: Scratch) => ({ ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: dir.path('.ansible-local'), ANSIBLE_SSH_CONTROL_PATH_DIR: dir.path('cp'), SSH_AUTH_SOCK: '' });
const args = (engine: string) => ['site.yml', '--vault-password-file', 'vault-password', '-e', `engine=${engine}`];

/** ansible-playbook's run of the project written for a lab of its own, and the files it left there; recorded while this file is unchanged. */
function ansibleRun(vaulted: string): Promise<{ result: CommandResult; files: string[] }> {
  return labReference({ name: 'operator-project/site', inputs: INPUTS, work: project.dir, lab: LAB_OPTIONS }, async (target) => {
    const own = scratch('operator-project-ansible');
    try {
      writeProject(target, own, vaulted);
      const { code, stdout, stderr } = await runCommand('ansible-playbook', args('ansible'), { cwd: own.dir, env: environment(own) });
      return { result: { code, stdout, stderr }, files: await filesLeft(target, 'ansible') };
    } finally {
      own.remove();
    }
  });
}

let vaulted: string;

beforeAll(async () => {
  lab = await Lab.start(LAB_OPTIONS);
  project = scratch('operator-project');
  vaulted = await vaultedGroupVars();
  writeProject(lab, project, vaulted);
});

afterAll(async () => {
  await lab?.stop();
  project?.remove();
});

describe.skipIf(!hasAnsible)('an operator project as ansible-playbook runs it', () => {
  it('same recap, exit code and files on the hosts, through the ProxyJump', async () => {
    const { result: theirs, files: theirFiles } = await ansibleRun(vaulted);
    const ours = await cxplayRun(['run', '-o', 'plain', ...args('cxplay')], { cwd: project.dir, env: environment(project) });
    expect(theirs.code, theirs.stdout + theirs.stderr).toBe(0);
    expect(ours.code, ours.stdout + ours.stderr).toBe(theirs.code);
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(theirs.stdout));
    expect(Object.keys(parseRecap(ours.stdout)).sort()).toEqual(['hidden-a', 'hidden-b']);
    expect(ours.stdout + ours.stderr).not.toContain(SECRET);
    expect(theirFiles).toEqual([`${SECRET} on hidden-a\n600\nrole ran\n`, `${SECRET} on hidden-b\n600\nrole ran\n`]);
    expect(await filesLeft(lab, 'cxplay')).toEqual(theirFiles);
  });
});
