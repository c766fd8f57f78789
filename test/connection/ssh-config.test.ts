/**
 * The operator's ~/.ssh/config as ansible-playbook (through OpenSSH) applies
 * it: Host patterns with wildcards and negation, HostName with %h, User,
 * Port, several IdentityFile with ~, IdentitiesOnly, ProxyJump (each hop
 * through the config too), ServerAliveInterval, UserKnownHostsFile,
 * StrictHostKeyChecking; inventory variables and ssh arguments winning over
 * it; ssh's default keys when no key is named. HOME points at a directory
 * of this test, so the real ~/.ssh is never read.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreachableError } from '../../engine/connection/connection.js';
import { connectionSpecFromVars } from '../../engine/connection/spec.js';

let home: string;
const realHome = process.env.HOME;
const defaults = { knownHostsFile: '/nonexistent/known_hosts', acceptNewHostKeys: false };

const CONFIG = `
# the operator's own file
Include config.d/*.conf
Host web-* !web-legacy
    HostName %h.example.internal
    User deploy
    Port 2222
    IdentityFile ~/.ssh/deploy_key
    IdentityFile ~/.ssh/second_key
    IdentitiesOnly yes
    ServerAliveInterval 15

Host db?
    HostName 10.9.0.%h
    StrictHostKeyChecking accept-new
    UserKnownHostsFile ~/.ssh/lab_known_hosts
    ProxyJump bastion

Host bastion
    HostName 203.0.113.7
    User jumper
    Port 2022
    IdentityFile ~/.ssh/bastion_key

Host legacy-*
    ProxyCommand ssh -W %h:%p bastion

Host *
    ServerAliveCountMax 5
`;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'cxplay-ssh-config-'));
  mkdirSync(join(home, '.ssh'));
  writeFileSync(join(home, '.ssh', 'config'), CONFIG);
  writeFileSync(join(home, 'other_config'), 'Host *\n    User from-f\n');
  mkdirSync(join(home, '.ssh', 'config.d'));
  writeFileSync(join(home, '.ssh', 'config.d', '10-team.conf'), 'Host inc-*\n    User included\n    Port 2323\n');
  writeFileSync(join(home, '.ssh', 'config.d', 'ignored.txt'), 'Host inc-*\n    User wrong\n');
  writeFileSync(join(home, 'loop_config'), 'Include ~/loop_config\n');
  writeFileSync(join(home, 'exec_config'), `Match exec "touch ${join(home, 'ran')}"\n    User x\n`);
  process.env.HOME = home;
});
afterAll(() => {
  process.env.HOME = realHome;
  rmSync(home, { recursive: true, force: true });
});

describe('~/.ssh/config', () => {
  it('applies a matching Host block: HostName with %h, User, Port, every IdentityFile, IdentitiesOnly, keepalives', () => {
    expect(connectionSpecFromVars('web-1', {}, defaults)).toMatchObject({
      address: 'web-1.example.internal',
      user: 'deploy',
      port: 2222,
      privateKeyFile: undefined,
      identityFiles: [join(home, '.ssh', 'deploy_key'), join(home, '.ssh', 'second_key')],
      identitiesOnly: true,
      defaultKeys: false,
      keepaliveIntervalMs: 15_000,
      keepaliveCountMax: 5,
    });
  });

  it('matches the name ssh is given (ansible_host), and a negated pattern excludes', () => {
    expect(connectionSpecFromVars('anything', { ansible_host: 'web-2' }, defaults).address).toBe('web-2.example.internal');
    expect(connectionSpecFromVars('web-legacy', {}, defaults)).toMatchObject({ address: 'web-legacy', port: 22, user: userInfo().username });
  });

  it('lets inventory variables and ssh arguments win, as Ansible passes them to ssh as -o options first', () => {
    const spec = connectionSpecFromVars('web-1', { ansible_user: 'admin', ansible_port: 22, ansible_ssh_private_key_file: '~/.ssh/deploy_key', ansible_ssh_common_args: '-o ServerAliveInterval=3' }, defaults);
    expect(spec).toMatchObject({ user: 'admin', port: 22, privateKeyFile: join(home, '.ssh', 'deploy_key'), identityFiles: [join(home, '.ssh', 'second_key')], keepaliveIntervalMs: 3000 });
    expect(connectionSpecFromVars('web-1', {}, { ...defaults, remoteUser: 'from-u' }).user).toBe('from-u');
  });

  it('takes UserKnownHostsFile, StrictHostKeyChecking and ProxyJump, the jump host through its own Host block', () => {
    const spec = connectionSpecFromVars('db1', {}, defaults);
    expect(spec).toMatchObject({ address: '10.9.0.db1', knownHostsFile: join(home, '.ssh', 'lab_known_hosts'), acceptNewHostKeys: true });
    expect(spec.jump).toMatchObject({ address: '203.0.113.7', user: 'jumper', port: 2022, identityFiles: [join(home, '.ssh', 'bastion_key'), ...(spec.identityFiles ?? [])], password: undefined });
  });

  it('refuses a ProxyCommand by name rather than connecting straight', () => {
    expect(() => connectionSpecFromVars('legacy-1', {}, defaults)).toThrow(UnreachableError);
    expect(() => connectionSpecFromVars('legacy-1', {}, defaults)).toThrow('cxplay does not run proxy commands');
  });

  it('reads the file of -F instead', () => {
    expect(connectionSpecFromVars('web-1', { ansible_ssh_common_args: `-F ${join(home, 'other_config')}` }, defaults)).toMatchObject({ address: 'web-1', user: 'from-f' });
  });

  it("offers ssh's default keys when no key is named anywhere, and only then", () => {
    expect(connectionSpecFromVars('plain', {}, defaults)).toMatchObject({
      defaultKeys: true,
      identityFiles: ['id_rsa', 'id_ecdsa', 'id_ed25519'].map((name) => join(home, '.ssh', name)),
    });
    expect(connectionSpecFromVars('plain', {}, { ...defaults, privateKeyFile: '/keys/given' })).toMatchObject({ defaultKeys: false, identityFiles: [] });
  });

  it('follows Include lines where they stand (relative to ~/.ssh, * in the file name)', () => {
    expect(connectionSpecFromVars('inc-1', {}, defaults)).toMatchObject({ user: 'included', port: 2323 });
  });

  it('makes the host unreachable, saying why, when the config cannot be read (an Include loop)', () => {
    expect(() => connectionSpecFromVars('web-1', { ansible_ssh_common_args: `-F ${join(home, 'loop_config')}` }, defaults)).toThrow('Include nested more than 16 deep');
  });

  it('refuses a Match exec block rather than run its command', () => {
    expect(() => connectionSpecFromVars('web-1', { ansible_ssh_common_args: `-F ${join(home, 'exec_config')}` }, defaults)).toThrow('cxplay runs no command from an ssh config');
    expect(existsSync(join(home, 'ran'))).toBe(false);
  });

  it('is not read for a local connection', () => {
    expect(connectionSpecFromVars('web-1', { ansible_connection: 'local' }, defaults)).toMatchObject({ type: 'local', address: 'web-1' });
  });
});
