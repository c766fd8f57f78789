/**
 * user, group and cron over SSH on a lab host, with the stand-ins of
 * test/standins first on PATH (their databases in the host's private /tmp):
 * what the side-by-side playbooks cannot compare because Ansible reads the
 * shadow database itself (a password changed, locked and unlocked, an expiry
 * changed and removed), that the hash reaches the database through chpasswd
 * and never the output, and that a second run changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay } from '../support/cli.js';
import { sharedStandins } from '../support/standins.js';

const standins = sharedStandins();
const STANDINS = standins.dir;
const HASH = '$6$labsalt$' + 'a'.repeat(86);
const OTHER_HASH = '$6$othersalt$' + 'b'.repeat(86);

let lab: Lab;
beforeAll(async () => {
  lab = await Lab.start({ names: ['sys1'] });
}, 120_000);
afterAll(async () => {
  await lab?.stop();
  standins.remove();
});

function playbook(name: string, tasks: string): string {
  const path = join(lab.dir, `${name}.yaml`);
  writeFileSync(
    path,
    `- hosts: all
  gather_facts: false
  environment:
    PATH: "${STANDINS}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    CXPLAY_STANDIN_STATE: /tmp/state
  tasks:
${tasks}`,
  );
  return path;
}

const run = (path: string, ...extra: string[]) => cxplay(['run', path, '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, '-o', 'plain', ...extra]);
const shadow = async () => (await lab.exec('sys1', 'grep "^cxlab:" /tmp/state/shadow')).stdout.trim().split(':');

describe('system modules over SSH, with stand-ins', () => {
  it('user: the password set, changed, locked and unlocked, the expiry set and removed; the hash never in the output', async () => {
    await lab.exec('sys1', 'mkdir -p /tmp/state /tmp/homes && printf "root:x:0:0:root:/root:/bin/sh\\n" >/tmp/state/passwd && printf "root:x:0:\\nwheel:x:10:\\n" >/tmp/state/group && : >/tmp/state/shadow');
    const create = playbook(
      'create',
      `    - group: { name: cxlab-team, gid: 2345 }
    - user: { name: cxlab, home: /tmp/homes/cxlab, groups: [cxlab-team, wheel], password: "${HASH}", expires: 1735689600 }
`,
    );
    const first = await run(create);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout + first.stderr).not.toContain('aaaaaaaa');
    expect((await shadow())[1]).toBe(HASH);
    expect((await shadow())[7]).toBe(String(Math.floor(1735689600 / 86400)));
    expect((await lab.exec('sys1', 'grep ^cxlab-team: /tmp/state/group')).stdout.trim()).toBe('cxlab-team:x:2345:cxlab');
    expect((await lab.exec('sys1', 'stat -c %a /tmp/homes/cxlab')).stdout.trim()).toBe('755');
    const again = await run(create);
    expect(again.stdout).toMatch(/ok=2 +changed=0/);

    const change = playbook(
      'change',
      `    - user: { name: cxlab, password: "${OTHER_HASH}", password_lock: true, expires: -1 }
`,
    );
    const changed = await run(change);
    expect(changed.stdout).toMatch(/changed=1/);
    expect(changed.stdout + changed.stderr).not.toContain('bbbbbbbb');
    expect((await shadow())[1]).toBe(`!${OTHER_HASH}`);
    expect((await shadow())[7]).toBe('');
    expect((await run(change)).stdout).toMatch(/ok=1 +changed=0/);

    const unlock = playbook('unlock', `    - user: { name: cxlab, password_lock: false }\n`);
    expect((await run(unlock, '--check')).stdout).toMatch(/changed=1/);
    expect((await shadow())[1]).toBe(`!${OTHER_HASH}`);
    expect((await run(unlock)).stdout).toMatch(/changed=1/);
    expect((await shadow())[1]).toBe(OTHER_HASH);

    const remove = playbook('remove', `    - user: { name: cxlab, state: absent, remove: true }\n    - group: { name: cxlab-team, state: absent }\n`);
    expect((await run(remove)).stdout).toMatch(/changed=2/);
    expect((await lab.exec('sys1', 'cat /tmp/state/passwd /tmp/state/group; ls /tmp/homes')).stdout).not.toContain('cxlab');
  }, 300_000);

  it('cron: a job in the login user\'s crontab, then removed; check mode changes nothing', async () => {
    const add = playbook('cron', `    - cron: { name: nightly, minute: "0", hour: "3", job: "/usr/local/bin/backup --all" }\n`);
    expect((await run(add, '--check')).stdout).toMatch(/changed=1/);
    expect((await lab.exec('sys1', 'ls /tmp/state/crontabs 2>&1')).stdout).not.toContain('root');
    expect((await run(add)).stdout).toMatch(/changed=1/);
    expect((await lab.exec('sys1', 'cat /tmp/state/crontabs/root')).stdout).toBe('#Ansible: nightly\n0 3 * * * /usr/local/bin/backup --all\n');
    expect((await run(add)).stdout).toMatch(/ok=1 +changed=0/);
    const remove = playbook('cron-absent', `    - cron: { name: nightly, state: absent }\n`);
    expect((await run(remove)).stdout).toMatch(/changed=1/);
    expect((await lab.exec('sys1', 'cat /tmp/state/crontabs/root')).stdout).toBe('');
  }, 300_000);
});
