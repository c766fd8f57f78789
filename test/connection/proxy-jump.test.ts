/**
 * ProxyJump (`-o ProxyJump=...` or `-J ...` in ansible_ssh_common_args):
 * the connection goes through the jump host, whose key is checked too, and
 * the hosts behind one jump host share one connection to it. The proof that
 * traffic went through the jump host: the targets are named by host names
 * only the jump host can resolve (its own /etc/hosts, in its mount
 * namespace), so a direct connection cannot even start.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreachableError } from '../../engine/connection/connection.js';
import { ConnectionPool } from '../../engine/connection/pool.js';
import { connectionSpecFromVars } from '../../engine/connection/spec.js';
import { Lab } from '../lab/lab.js';
import { cxplayRun, scratch } from '../reliability/support.js';
import { parseRecap } from '../support/cli.js';

let lab: Lab;
let knownHosts: string;
const address = (index: number) => lab.hosts[index]!.address;

/** node1 resolves hidden-a/hidden-b (node2, node3) and hidden-jump2 (node4); node4 alone resolves hidden-c (node5). */
function hostsFile(name: string, subnet: number): string {
  if (name === 'node1') return `127.0.${subnet}.2 hidden-a\n127.0.${subnet}.3 hidden-b\n127.0.${subnet}.4 hidden-jump2\n`;
  if (name === 'node4') return `127.0.${subnet}.5 hidden-c\n`;
  return '';
}

beforeAll(async () => {
  lab = await Lab.start({
    hosts: 5,
    setup: ({ name, address: hostAddress }) => {
      const entries = hostsFile(name, Number(hostAddress.split('.')[2]));
      return entries ? `printf '%s' '${entries}' > /tmp/cx-hosts && mount --bind /tmp/cx-hosts /etc/hosts` : '';
    },
  });
  // The lab lists its hosts by address; the hidden ones are known by the names they are reached by.
  const keys = readFileSync(lab.knownHostsPath, 'utf8').trim().split('\n').map((line) => line.split(' ').slice(1).join(' '));
  knownHosts = join(lab.dir, 'known_hosts_jump');
  const names = [address(0), 'hidden-a', 'hidden-b', 'hidden-jump2', 'hidden-c'];
  writeFileSync(knownHosts, names.map((name, index) => `${name} ${keys[index]}\n`).join(''), { mode: 0o600 });
});

afterAll(async () => {
  await lab?.stop();
});

function spec(name: string, hidden: string, sshArgs: string, knownHostsFile = knownHosts) {
  return connectionSpecFromVars(
    name,
    {
      ansible_host: hidden,
      ansible_user: 'root',
      ansible_ssh_private_key_file: lab.privateKeyPath,
      ansible_ssh_common_args: `-o UserKnownHostsFile=${knownHostsFile} -o StrictHostKeyChecking=yes ${sshArgs}`,
    },
    { knownHostsFile: join(lab.dir, 'unused'), acceptNewHostKeys: false },
  );
}

/** Established TCP connections from this machine to `host`:22 (ss, loopback only). */
function connectionsTo(host: string): number {
  return execFileSync('ss', ['-tnH', 'state', 'established', 'dst', `${host}:22`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
}

describe('ProxyJump', () => {
  it('reaches hosts only the jump host can resolve, through one connection to it', async () => {
    const pool = new ConnectionPool();
    try {
      await expect(pool.get('direct', spec('direct', 'hidden-a', ''))).rejects.toThrow(/cannot connect to hidden-a:22/);
      const before = connectionsTo(address(0));
      const [a, b] = await Promise.all([
        pool.get('a', spec('a', 'hidden-a', `-o ProxyJump=root@${address(0)}`)),
        pool.get('b', spec('b', 'hidden-b', `-J root@${address(0)}:22`)),
      ]);
      expect((await a.exec('hostname')).stdout).toBe('node2\n');
      expect((await b.exec('hostname')).stdout).toBe('node3\n');
      expect(connectionsTo(address(0)) - before).toBe(1);
    } finally {
      await pool.closeAll();
    }
  });

  it('follows a chain of jump hosts, first hop first', async () => {
    const pool = new ConnectionPool();
    try {
      const c = await pool.get('c', spec('c', 'hidden-c', `-J root@${address(0)},root@hidden-jump2`));
      expect((await c.exec('hostname')).stdout).toBe('node5\n');
    } finally {
      await pool.closeAll();
    }
  });

  it('checks the jump host key: an unknown one refuses the host behind it, naming the jump host and the file', async () => {
    const pool = new ConnectionPool();
    const targetOnly = join(lab.dir, 'known_hosts_target_only');
    writeFileSync(targetOnly, readFileSync(knownHosts, 'utf8').split('\n').slice(1).join('\n'), { mode: 0o600 });
    try {
      const refused = pool.get('a', spec('a', 'hidden-a', `-J root@${address(0)}`, targetOnly));
      await expect(refused).rejects.toBeInstanceOf(UnreachableError);
      await expect(refused).rejects.toThrow(`the host key of jump host root@${address(0)} (${address(0)}, `);
      await expect(refused).rejects.toThrow(`is not in ${targetOnly}`);
    } finally {
      await pool.closeAll();
    }
  });

  it('says which target the jump host could not reach', async () => {
    const pool = new ConnectionPool();
    try {
      await expect(pool.get('x', spec('x', 'hidden-x', `-J root@${address(0)}`))).rejects.toThrow(
        `cannot reach hidden-x:22 through the jump host root@${address(0)}: `,
      );
    } finally {
      await pool.closeAll();
    }
  });
});

describe('ssh arguments in an inventory', () => {
  it('runs hosts behind a jump host, and refuses with a clear message a ProxyCommand and a host its known_hosts line excludes', async () => {
    const work = scratch('proxy-jump');
    try {
      const node3Key = readFileSync(lab.knownHostsPath, 'utf8').split('\n')[2]!.split(' ').slice(1).join(' ');
      const excluding = work.write('known_excluding', `127.0.${lab.subnet}.*,!${address(2)} ${node3Key}\n`, 0o600);
      const host = (hidden: string, args: string, known = knownHosts) => ({
        ansible_host: hidden,
        ansible_user: 'root',
        ansible_ssh_private_key_file: lab.privateKeyPath,
        ansible_ssh_common_args: `-o UserKnownHostsFile=${known} ${args}`,
      });
      work.write('inventory.yaml', {
        all: {
          hosts: {
            behind_a: host('hidden-a', `-J root@${address(0)}`),
            behind_b: host('hidden-b', '', knownHosts),
            proxied: host('hidden-a', `-o ProxyCommand="ssh -W %h:%p root@${address(0)}"`),
            excluded: host(address(2), '', excluding),
          },
        },
      });
      // ProxyJump in the extra args this time.
      work.write('host_vars/behind_b.yaml', { ansible_ssh_extra_args: `-o ProxyJump=root@${address(0)}` });
      work.write('playbook.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ command: 'touch /tmp/touched-{{ inventory_hostname }}' }] }]);
      const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
      const text = result.stdout + result.stderr;
      expect(result.code).toBe(4);
      const recap = parseRecap(result.stdout);
      expect(recap.behind_a).toMatchObject({ changed: 1, unreachable: 0 });
      expect(recap.behind_b).toMatchObject({ changed: 1, unreachable: 0 });
      expect(recap.proxied).toMatchObject({ ok: 0, unreachable: 1 });
      expect(recap.excluded).toMatchObject({ ok: 0, unreachable: 1 });
      expect(text).toContain('cxplay does not honour the ssh option -o ProxyCommand: cxplay does not run proxy commands');
      expect(text).toContain(`is not in ${excluding} (${excluding} excludes it with a negated pattern in: 127.0.${lab.subnet}.*,!${address(2)})`);
      expect((await lab.exec('node2', 'ls /tmp')).stdout).toContain('touched-behind_a');
      expect((await lab.exec('node3', 'ls /tmp')).stdout.split('\n').filter((name) => name.startsWith('touched-'))).toEqual(['touched-behind_b']);
    } finally {
      work.remove();
    }
  });
});
