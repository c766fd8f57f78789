/**
 * An Ansible operator's project run unchanged by ansible-playbook 2.14 and by
 * cxplay, from its own directory with the same command line: ansible.cfg
 * (inventory = a directory with an INI hosts file and group_vars/ holding a
 * vault-encrypted file, remote_user, private_key_file, host_key_checking,
 * forks, roles_path), an ssh config file with a Host pattern whose hosts are
 * reached through a ProxyJump lab host (they resolve only there), and a
 * playbook applying a role. Both give the same recap and exit code and write
 * the same files on the hosts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplayRun, scratch, type Scratch } from '../reliability/support.js';
import { hasAnsible } from '../support/ansible.js';
import { parseRecap, runCommand } from '../support/cli.js';

const SECRET = 'vaulted-word-42';
let lab: Lab;
let project: Scratch;

beforeAll(async () => {
  lab = await Lab.start({
    hosts: 3,
    // node1 alone resolves hidden-a and hidden-b (node2, node3): only a ProxyJump through it reaches them.
    setup: ({ name, address }) => {
      const subnet = address.split('.')[2];
      return name === 'node1' ? `printf '127.0.${subnet}.2 hidden-a\\n127.0.${subnet}.3 hidden-b\\n' > /tmp/cx-hosts && mount --bind /tmp/cx-hosts /etc/hosts` : '';
    },
  });
  project = scratch('operator-project');
  const keys = readFileSync(lab.knownHostsPath, 'utf8').trim().split('\n').map((line) => line.split(' ').slice(1).join(' '));
  const jump = lab.hosts[0]!.address;
  project.write('known_hosts', `${jump} ${keys[0]}\nhidden-a ${keys[1]}\nhidden-b ${keys[2]}\n`);
  project.write('ansible.cfg', `[defaults]\ninventory = inventory\nremote_user = root\nprivate_key_file = ${lab.privateKeyPath}\nhost_key_checking = True\nforks = 2\nroles_path = ./shared-roles\nretry_files_enabled = False\n`);
  project.write('ssh_config', `Host hidden-*\n  ProxyJump root@${jump}\n  UserKnownHostsFile ${project.path('known_hosts')}\n  StrictHostKeyChecking yes\nHost ${jump}\n  UserKnownHostsFile ${project.path('known_hosts')}\n  IdentityFile ${lab.privateKeyPath}\n  StrictHostKeyChecking yes\n`);
  project.write('inventory/hosts', '[web]\nhidden-a\nhidden-b\n');
  project.write('inventory/group_vars/all.yml', `ansible_ssh_common_args: -F ${project.path('ssh_config')} -o ControlMaster=no\n`);
  project.write('vault-password', 'project vault pw\n');
  project.write('inventory/group_vars/web/vault.yml', `secret_word: ${SECRET}\n`);
  execFileSync('ansible-vault', ['encrypt', '--vault-password-file', project.path('vault-password'), project.path('inventory/group_vars/web/vault.yml')], { env: { ...process.env, ANSIBLE_CONFIG: project.path('ansible.cfg') } });
  project.write('shared-roles/writer/tasks/main.yml', [
    { name: 'Write the vaulted word', copy: { content: '{{ secret_word }} on {{ inventory_hostname }}\n', dest: '/root/from-{{ engine }}.txt', mode: '0600' }, no_log: true },
    { name: 'Mark the host', lineinfile: { path: '/root/marks-{{ engine }}.txt', line: 'role ran', create: true } },
  ]);
  project.write('site.yml', [{ hosts: 'web', gather_facts: false, roles: ['writer'], tasks: [{ name: 'Read back', command: 'cat /root/from-{{ engine }}.txt', register: 'back', changed_when: false }] }]);
});

afterAll(async () => {
  await lab?.stop();
  project?.remove();
});

describe.skipIf(!hasAnsible)('an operator project as ansible-playbook runs it', () => {
  it('same recap, exit code and files on the hosts, through the ProxyJump', async () => {
    const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: project.path('.ansible-local'), ANSIBLE_SSH_CONTROL_PATH_DIR: project.path('cp'), SSH_AUTH_SOCK: '' };
    const args = (engine: string) => ['site.yml', '--vault-password-file', 'vault-password', '-e', `engine=${engine}`];
    const theirs = await runCommand('ansible-playbook', args('ansible'), { cwd: project.dir, env });
    const ours = await cxplayRun(['run', '-o', 'plain', ...args('cxplay')], { cwd: project.dir, env });
    expect(theirs.code, theirs.stdout + theirs.stderr).toBe(0);
    expect(ours.code, ours.stdout + ours.stderr).toBe(theirs.code);
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(theirs.stdout));
    expect(Object.keys(parseRecap(ours.stdout)).sort()).toEqual(['hidden-a', 'hidden-b']);
    expect(ours.stdout + ours.stderr).not.toContain(SECRET);
    for (const [index, name] of [[1, 'hidden-a'], [2, 'hidden-b']] as const) {
      const host = lab.hosts[index]!.name;
      const files = await lab.exec(host, 'cat /root/from-ansible.txt; stat -c %a /root/from-ansible.txt; cat /root/marks-ansible.txt; echo ==; cat /root/from-cxplay.txt; stat -c %a /root/from-cxplay.txt; cat /root/marks-cxplay.txt');
      const [ansibleFiles, cxplayFiles] = files.stdout.split('==\n');
      expect(ansibleFiles).toBe(`${SECRET} on ${name}\n600\nrole ran\n`);
      expect(cxplayFiles).toBe(ansibleFiles);
    }
  });
});
