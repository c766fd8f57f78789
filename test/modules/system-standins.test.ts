/**
 * The system stand-ins of test/standins (sysctl, mount, umount, findmnt,
 * hostname, hostnamectl) answer as the commands they imitate and refuse an
 * invocation they do not understand, as the real command refuses a bad
 * option: a test that calls one wrongly fails instead of passing on a
 * stand-in that guessed. They never run without their state directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
});
