/**
 * The system stand-ins of test/standins (sysctl, mount, umount,
 * hostname, hostnamectl, scutil, Solaris's hostname and svccfg) answer as the commands they imitate and refuse an
 * invocation they do not understand, as the real command refuses a bad
 * option: a test that calls one wrongly fails instead of passing on a
 * stand-in that guessed. They never run without their state directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const standins = resolve(import.meta.dirname, '..', 'standins');
const state = mkdtempSync(join(tmpdir(), 'cxplay-standins-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));

function run(command: string, args: readonly string[], env: Record<string, string> = { CXPLAY_STANDIN_STATE: state }) {
  const result = spawnSync(join(standins, command), args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('system stand-ins', () => {
  it('refuse to run without their state directory', () => {
    const result = run('sysctl', ['-n', 'vm.swappiness'], {});
    expect(result.code).toBe(99);
    expect(result.stderr).toContain('stand-in without a state');
  });

  it('sysctl reads, writes and loads values as sysctl(8) does, and refuses what it does not understand', () => {
    expect(run('sysctl', ['-n', 'vm.swappiness'])).toMatchObject({ code: 0, stdout: '60\n' });
    expect(run('sysctl', ['-w', 'vm.swappiness=5'])).toMatchObject({ code: 0, stdout: 'vm.swappiness = 5\n' });
    expect(run('sysctl', ['-n', 'vm.swappiness']).stdout).toBe('5\n');
    expect(run('sysctl', ['-n', 'no.such.key'])).toMatchObject({ code: 1, stderr: 'sysctl: cannot stat /proc/sys/no/such/key: No such file or directory\n' });
    expect(run('sysctl', ['-e', '-n', 'no.such.key'])).toMatchObject({ code: 0, stdout: '' });
    const refused = run('sysctl', ['--system']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('usage: sysctl');
    expect(run('sysctl', [])).toMatchObject({ code: 1 });
    expect(readFileSync(join(state, 'calls'), 'utf8')).toContain('sysctl -w vm.swappiness=5\n');
  });

  it('hostnamectl and hostname keep the names as systemd and net-tools do, and refuse what they do not understand', () => {
    expect(run('hostnamectl', ['--static', 'status'])).toMatchObject({ code: 0, stdout: 'localhost\n' });
    expect(run('hostnamectl', ['--static', 'set-hostname', 'web01'])).toMatchObject({ code: 0 });
    expect(run('hostnamectl', ['--static', 'status']).stdout).toBe('web01\n');
    expect(run('hostnamectl', ['--transient', 'status']).stdout).toBe('localhost\n');
    expect(run('hostname', ['web02'])).toMatchObject({ code: 0 });
    expect(run('hostnamectl', ['--transient', 'status']).stdout).toBe('web02\n');
    expect(run('hostname', []).stdout).toBe('web02\n');
    for (const [command, args] of [['hostnamectl', ['--json=short', 'status']], ['hostnamectl', ['set-icon-name', 'x']], ['hostnamectl', ['set-hostname']], ['hostname', ['-f']], ['hostname', ['-b', 'x']]] as const) {
      const refused = run(command, args);
      expect(refused.code, `${command} ${args.join(' ')}`).not.toBe(0);
      expect(refused.stderr, `${command} ${args.join(' ')}`).toMatch(new RegExp(`^${command}: `));
    }
  });

  it('scutil keeps macOS\'s computer names, and refuses what it does not understand', () => {
    expect(run('scutil', ['--get', 'ComputerName'])).toMatchObject({ code: 1, stdout: '', stderr: 'ComputerName: not set\n' });
    expect(run('scutil', ['--set', 'ComputerName', 'Web 01'])).toMatchObject({ code: 0 });
    expect(run('scutil', ['--get', 'ComputerName'])).toMatchObject({ code: 0, stdout: 'Web 01\n' });
    for (const args of [['--get', 'Other'], ['--dns'], ['--set', 'HostName'], ['--get', 'HostName', 'x']]) {
      const refused = run('scutil', args);
      expect(refused.code, args.join(' ')).not.toBe(0);
      expect(refused.stderr, args.join(' ')).toMatch(/^scutil: /);
    }
  });

  it('Solaris\'s hostname and svccfg keep the current and permanent names apart, and refuse what they do not understand', () => {
    expect(run('solaris/svccfg', ['-s', 'svc:/system/identity:node', 'listprop', '-o', 'value', 'config/nodename']).code).not.toBe(0);
    expect(run('solaris/hostname', ['sol01'])).toMatchObject({ code: 0 });
    expect(run('solaris/hostname', ['-t', 'temporary'])).toMatchObject({ code: 0 });
    expect(run('solaris/hostname', [])).toMatchObject({ code: 0, stdout: 'temporary\n' });
    expect(run('solaris/svccfg', ['-s', 'svc:/system/identity:node', 'listprop', '-o', 'value', 'config/nodename'])).toMatchObject({ code: 0, stdout: 'sol01\n' });
    for (const [command, args] of [['solaris/hostname', ['-F', 'x']], ['solaris/svccfg', ['-s', 'svc:/network/ssh', 'listprop']]] as const) {
      const refused = run(command, args);
      expect(refused.code, `${command} ${args.join(' ')}`).not.toBe(0);
      expect(refused.stderr, `${command} ${args.join(' ')}`).toMatch(/^(hostname|svccfg): /);
    }
  });

  it('mount and umount keep a mount table as util-linux does (mount -l, and the kernel\'s mountinfo), and refuse what they do not understand', () => {
    const fstab = join(state, 'fstab');
    const point = join(state, 'point');
    writeFileSync(fstab, `/dev/null ${point} ext4 noatime 0 0\n`);
    expect(run('mount', ['-T', fstab, point])).toMatchObject({ code: 32, stderr: `mount: ${point}: mount point does not exist.\n` });
    mkdirSync(point);
    expect(run('mount', ['-T', fstab, point])).toMatchObject({ code: 0 });
    expect(run('mount', ['-l'])).toMatchObject({ code: 0, stdout: `/dev/null on ${point} type ext4 (noatime)\n` });
    expect(run('mount', ['-o', 'remount,ro', '-T', fstab, point])).toMatchObject({ code: 0 });
    expect(run('mount', ['-v']).stdout).toBe(`/dev/null on ${point} type ext4 (ro)\n`);
    expect(readFileSync(join(state, 'mountinfo'), 'utf8')).toBe(`20 1 0:20 / / rw - ext4 /dev/standin-root rw\n21 1 0:21 / ${point} ro - ext4 /dev/null ro\n`);
    const spaced = join(state, 'a b');
    mkdirSync(spaced);
    expect(run('mount', ['-t', 'none', '-o', 'bind', '/boot', spaced])).toMatchObject({ code: 0 });
    expect(readFileSync(join(state, 'mountinfo'), 'utf8')).toContain(`\n22 20 0:20 /boot ${state}/a\\040b bind - none /dev/standin-root rw\n`);
    expect(run('umount', [spaced])).toMatchObject({ code: 0 });
    expect(run('umount', [point])).toMatchObject({ code: 0 });
    expect(run('mount', ['-l'])).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(state, 'mountinfo'), 'utf8')).toBe('20 1 0:20 / / rw - ext4 /dev/standin-root rw\n');
    expect(run('umount', [point])).toMatchObject({ code: 32, stderr: `umount: ${point}: not mounted.\n` });
    expect(run('mount', ['-t', 'ext4', '/dev/no-such-disk', point])).toMatchObject({ code: 32 });
    for (const [command, args] of [['mount', ['-a']], ['mount', ['--bind', '/a', '/b']], ['umount', ['-l', point]], ['mount', ['-l', point]]] as const) {
      const refused = run(command, args);
      expect(refused.code, `${command} ${args.join(' ')}`).not.toBe(0);
      expect(refused.stderr, `${command} ${args.join(' ')}`).toMatch(new RegExp(`^${command}: `));
    }
  });
});
