/**
 * hostname, sysctl, mount, known_hosts and authorized_key over SSH on a lab
 * host, with the stand-ins of test/standins first on PATH (their state in
 * the host's private /tmp) and every file under /tmp: the first run makes
 * the changes, a second changes nothing, and check mode on a fresh state
 * predicts the same changes and makes none. Nothing outside the host's /tmp
 * is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay } from '../support/cli.js';
import { sharedStandins } from '../support/standins.js';

const standins = sharedStandins();
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFDOHUTwa3L4L0VlV7ybtxRFQm3//Tdg/011qfeWh/iI';

let lab: Lab;
beforeAll(async () => {
  lab = await Lab.start({ names: ['cfg1'] });
}, 120_000);
afterAll(async () => {
  await lab?.stop();
  standins.remove();
});

const TASKS = `    - hostname: { name: web01.example.com, use: systemd }
    - ansible.posix.sysctl: { name: vm.swappiness, value: '5', sysctl_file: /tmp/cfg/sysctl.conf }
    - ansible.posix.mount: { path: /tmp/cfg/mnt/data, src: LABEL=data, fstype: ext4, state: mounted, fstab: /tmp/cfg/fstab }
    - known_hosts: { name: git.example.com, key: "git.example.com ${KEY}", path: /tmp/cfg/known_hosts }
    - ansible.posix.authorized_key: { user: deploy, key: "${KEY} deploy@laptop", path: /tmp/cfg/keys, manage_dir: false }
`;

function playbook(): string {
  const path = join(lab.dir, 'config.yaml');
  writeFileSync(
    path,
    `- hosts: all
  gather_facts: false
  environment:
    PATH: "${standins.dir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    CXPLAY_STANDIN_STATE: /tmp/state
    # The mount module reads the stand-ins' mount table instead of the kernel's (test/standins/README.md).
    CXPLAY_STANDIN_MOUNTINFO: /tmp/state/mountinfo
  tasks:
${TASKS}`,
  );
  return path;
}

const run = (path: string, ...extra: string[]) => cxplay(['run', path, '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, '-o', 'plain', ...extra]);
const fresh = () => lab.exec('cfg1', 'rm -rf /tmp/state /tmp/cfg && mkdir -p /tmp/state /tmp/cfg && printf "root:x:0:0:root:/root:/bin/sh\\ndeploy:x:1600:1600::/tmp/cfg/deploy:/bin/sh\\n" >/tmp/state/passwd');
const read = async (command: string) => (await lab.exec('cfg1', command)).stdout;

describe('host configuration modules over SSH, with stand-ins', () => {
  it('change the stand-ins and files once, then nothing; check mode predicts and changes nothing', async () => {
    const path = playbook();
    await fresh();
    const checked = await run(path, '--check');
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/ok=5 +changed=5/);
    expect(await read('cat /tmp/state/calls; ls /tmp/cfg')).not.toMatch(/set-hostname|sysctl -p|mount -T|known_hosts|keys/);

    const first = await run(path);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/ok=5 +changed=5/);
    expect(await read('cat /tmp/state/hostname.static /tmp/state/hostname.transient')).toBe('web01.example.com\nweb01.example.com\n');
    expect(await read('cat /tmp/cfg/sysctl.conf; grep swappiness /tmp/state/sysctl')).toBe('vm.swappiness=5\nvm.swappiness = 5\n');
    expect(await read('cat /tmp/cfg/fstab /tmp/state/mounts')).toBe('LABEL=data /tmp/cfg/mnt/data ext4 defaults 0 0\nLABEL=data /tmp/cfg/mnt/data ext4 defaults\n');
    expect(await read('cat /tmp/cfg/known_hosts')).toBe(`git.example.com ${KEY}\n`);
    expect(await read('cat /tmp/cfg/keys; stat -c "%a %u" /tmp/cfg/keys')).toBe(`${KEY} deploy@laptop\n600 1600\n`);

    const again = await run(path);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/ok=5 +changed=0/);
  }, 240_000);
});
