/**
 * The legacy connection variables ansible_ssh_host, ansible_ssh_port,
 * ansible_ssh_user, ansible_ssh_pass / ansible_ssh_password and
 * ansible_ssh_timeout, with Ansible's precedence: the legacy name wins over
 * the new one wherever each is defined (measured with ansible-playbook 2.14,
 * which the lab test below runs side by side, recorded in test/references
 * while this file is unchanged). They used to be ignored, and cxplay
 * connected to the inventory name.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionSpecFromVars } from '../../engine/connection/spec.js';
import { Lab } from '../lab/lab.js';
import { cxplayRun, scratch, type Scratch } from '../reliability/support.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { parseRecap } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';

const defaults = { knownHostsFile: '/nonexistent/known_hosts', acceptNewHostKeys: false };

describe('legacy connection variables', () => {
  it('are read, and win over the new names', () => {
    const legacy = { ansible_ssh_host: '10.0.0.9', ansible_ssh_port: 2202, ansible_ssh_user: 'old', ansible_ssh_pass: 'pw-old', ansible_ssh_timeout: 4 };
    expect(connectionSpecFromVars('web1', legacy, defaults)).toMatchObject({ address: '10.0.0.9', port: 2202, user: 'old', password: 'pw-old', connectTimeoutMs: 4000 });
    const both = { ...legacy, ansible_host: '10.0.0.1', ansible_port: 22, ansible_user: 'new', ansible_password: 'pw-new', ansible_timeout: 9 };
    expect(connectionSpecFromVars('web1', both, defaults)).toMatchObject({ address: '10.0.0.9', port: 2202, user: 'old', password: 'pw-old', connectTimeoutMs: 4000 });
    expect(connectionSpecFromVars('web1', { ansible_password: 'a', ansible_ssh_pass: 'b', ansible_ssh_password: 'c' }, defaults).password).toBe('c');
    // A null legacy value is no value (Ansible skips it).
    expect(connectionSpecFromVars('web1', { ansible_ssh_host: null, ansible_host: '10.0.0.1' }, defaults).address).toBe('10.0.0.1');
    // localhost given an address by the legacy name is a host like any other, not the implicit local connection.
    expect(connectionSpecFromVars('localhost', { ansible_ssh_host: '127.0.0.1' }, defaults).type).toBe('ssh');
  });

  it('turn host key checking off through ansible_host_key_checking / ansible_ssh_host_key_checking (new keys only)', () => {
    expect(connectionSpecFromVars('web1', { ansible_host_key_checking: false }, defaults).acceptNewHostKeys).toBe(true);
    expect(connectionSpecFromVars('web1', { ansible_ssh_host_key_checking: 'no', ansible_host_key_checking: true }, defaults).acceptNewHostKeys).toBe(true);
    expect(connectionSpecFromVars('web1', { ansible_ssh_host_key_checking: true, ansible_host_key_checking: false }, defaults).acceptNewHostKeys).toBe(false);
    expect(connectionSpecFromVars('web1', {}, defaults).acceptNewHostKeys).toBe(false);
  });
});

describe('legacy connection variables on a real host, side by side with ansible-playbook', () => {
  let lab: Lab;
  let work: Scratch;

  /** The lab's host by the legacy names only: the new names point nowhere. The legacy address is a group var, and still wins. */
  function legacyInventory(target: Lab): object {
    const host = target.hosts[0]!;
    return {
      all: {
        vars: { ansible_ssh_host: host.address },
        hosts: {
          node1: {
            ansible_host: 'nowhere.invalid',
            ansible_port: 1,
            ansible_ssh_port: host.port,
            ansible_user: 'nobody',
            ansible_ssh_user: 'root',
            ansible_ssh_private_key_file: target.privateKeyPath,
            ansible_ssh_common_args: `-o UserKnownHostsFile=${target.knownHostsPath} -o StrictHostKeyChecking=yes`,
          },
        },
      },
    };
  }

  beforeAll(async () => {
    lab = await Lab.start({ names: ['node1'] });
    work = scratch('legacy-vars');
    work.write('inventory.yaml', legacyInventory(lab));
    work.write('playbook.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ command: 'touch /tmp/reached-by-{{ engine }}' }] }]);
  });

  afterAll(async () => {
    await lab?.stop();
    work?.remove();
  });

  it('cxplay reaches the host by the legacy names', async () => {
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-e', 'engine=cxplay'], { cwd: work.dir });
    expect(parseRecap(result.stdout).node1, result.stdout + result.stderr).toMatchObject({ changed: 1, unreachable: 0, failed: 0 });
    expect((await lab.exec('node1', 'test -e /tmp/reached-by-cxplay')).code).toBe(0);
  });

  it.skipIf(!hasAnsible)('and so does ansible-playbook', async () => {
    // On a lab of its own, recorded while this file is unchanged: its output and whether the file it touched is there.
    const { result, reached } = await labReference({ name: 'legacy-vars/ansible', inputs: [fileURLToPath(import.meta.url)], work: work.dir, lab: { names: ['node1'] } }, async (ansibleLab) => {
      work.write('ansible-inventory.yaml', legacyInventory(ansibleLab));
      const run = await ansiblePlaybook(['-i', 'ansible-inventory.yaml', 'playbook.yaml', '-e', 'engine=ansible'], { cwd: work.dir, work: work.dir });
      return { result: run, reached: (await ansibleLab.exec('node1', 'test -e /tmp/reached-by-ansible')).code === 0 };
    });
    expect(parseRecap(result.stdout).node1, result.stdout + result.stderr).toMatchObject({ changed: 1, unreachable: 0, failed: 0 });
    expect(reached).toBe(true);
  }, 180_000); // ansible-playbook starts slowly on a loaded machine
});
