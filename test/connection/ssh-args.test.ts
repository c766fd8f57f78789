/**
 * The ssh arguments of ansible_ssh_common_args / ansible_ssh_extra_args:
 * split as Ansible splits them, the first value of an option winning as in
 * ssh, the options cxplay honours applied, the ones that change nothing for
 * it accepted, and every other one refused by name: never silently ignored
 * (ProxyJump and ProxyCommand used to be, and cxplay connected directly).
 */
import { describe, expect, it } from 'vitest';
import { UnreachableError } from '../../engine/connection/connection.js';
import { parseSshArgs, SshArgsError } from '../../engine/connection/ssh-args.js';
import { connectionSpecFromVars } from '../../engine/connection/spec.js';

const defaults = { knownHostsFile: '/nonexistent/known_hosts', acceptNewHostKeys: false };

describe('ssh arguments', () => {
  it('reads the options it honours in every spelling ssh takes, the first value winning', () => {
    expect(
      parseSshArgs(`-o UserKnownHostsFile=/a -oStrictHostKeyChecking=accept-new -o 'ProxyJump bastion' -o "serveraliveinterval = 7" -o ServerAliveCountMax=2 -o UserKnownHostsFile=/b -J other`),
    ).toMatchObject({ userKnownHostsFile: '/a', strictHostKeyChecking: 'accept-new', proxyJump: 'bastion', serverAliveIntervalSeconds: 7, serverAliveCountMax: 2 });
    expect(parseSshArgs('-Jroot@10.0.0.1:2222,b').proxyJump).toBe('root@10.0.0.1:2222,b');
    expect(parseSshArgs('-o ProxyJump=none').proxyJump).toBeUndefined();
  });

  it("accepts what changes nothing for cxplay, Ansible's own defaults included", () => {
    expect(parseSshArgs('-C -o ControlMaster=auto -o ControlPersist=60s -o ControlPath=/x/%h -o BatchMode=yes -o ConnectTimeout=3 -Cq -v -T -o ProxyCommand=none')).toEqual({
      configFile: undefined,
      port: undefined,
      user: undefined,
      identityFiles: [],
      identitiesOnly: undefined,
      userKnownHostsFile: undefined,
      strictHostKeyChecking: undefined,
      proxyJump: undefined,
      serverAliveIntervalSeconds: undefined,
      serverAliveCountMax: undefined,
    });
  });

  it.each([
    ['-o ProxyCommand="ssh -W %h:%p bastion"', 'the ssh option -o ProxyCommand: cxplay does not run proxy commands; for `ssh -W %h:%p jumphost` use -o ProxyJump'],
    ['-o "ProxyCommand nc %h %p"', 'the ssh option -o ProxyCommand: cxplay does not run proxy commands'],
    ['-o ForwardAgent=yes', 'the ssh option -o ForwardAgent: remove it, or run this host with ansible-playbook'],
    ['-A', 'the ssh option -A: remove it'],
    ['-CA', 'the ssh option -A: remove it'],
    ['-L 8080:localhost:80', 'the ssh option -L: remove it'],
    ['-o HostKeyAlias=web', 'the ssh option -o HostKeyAlias: remove it'],
    ['-o KexAlgorithms=curve25519-sha256', 'the ssh option -o KexAlgorithms: remove it'],
    ['bastion', 'unexpected "bastion": only ssh options'],
    ['-o "ProxyJump=a', 'a quote is not closed'],
    ['-o ServerAliveInterval=soon', 'serveraliveinterval must be a whole number'],
    ['-o "UserKnownHostsFile=/a /b"', 'UserKnownHostsFile lists several files (/a /b): cxplay checks one'],
  ])('refuses %s by name', (args, message) => {
    expect(() => parseSshArgs(args)).toThrow(SshArgsError);
    expect(() => parseSshArgs(args)).toThrow(message);
  });

  it('honours -p, -l, -i, -o User/Port/IdentityFile/IdentitiesOnly and -F; the variables win over them, as Ansible passes its own -o options first', () => {
    const args = '-p 2222 -l admin -i /keys/a -o IdentityFile=/keys/b -o IdentitiesOnly=yes -F /nonexistent/ssh_config -o Port=2300';
    expect(parseSshArgs(args)).toMatchObject({ port: '2222', user: 'admin', identityFiles: ['/keys/a', '/keys/b'], identitiesOnly: true, configFile: '/nonexistent/ssh_config' });
    const fromArgs = connectionSpecFromVars('web1', { ansible_host: '10.0.0.5', ansible_ssh_common_args: args }, defaults);
    expect(fromArgs).toMatchObject({ port: 2222, user: 'admin', identityFiles: ['/keys/a', '/keys/b'], identitiesOnly: true, defaultKeys: false });
    const fromVars = connectionSpecFromVars('web1', { ansible_host: '10.0.0.5', ansible_port: 22, ansible_user: 'deploy', ansible_ssh_private_key_file: '/keys/a', ansible_ssh_common_args: args }, defaults);
    expect(fromVars).toMatchObject({ port: 22, user: 'deploy', privateKeyFile: '/keys/a', identityFiles: ['/keys/b'] });
  });

  it('makes a host with an argument cxplay refuses unreachable before anything is sent', () => {
    const vars = { ansible_ssh_extra_args: '-o ProxyCommand="ssh -W %h:%p bastion"' };
    expect(() => connectionSpecFromVars('web1', vars, defaults)).toThrow(UnreachableError);
    expect(() => connectionSpecFromVars('web1', vars, defaults)).toThrow(
      'ansible_ssh_extra_args: cxplay does not honour the ssh option -o ProxyCommand',
    );
  });

  it('takes --ssh-common-args / --ssh-extra-args for a host without the variable; each variable replaces its flag (ansible-playbook 2.14)', () => {
    const flags = { ...defaults, sshCommonArgs: '-o Port=2201 -o User=cli', sshExtraArgs: '-o ServerAliveInterval=9' };
    expect(connectionSpecFromVars('web1', { ansible_host: '10.0.0.5' }, flags)).toMatchObject({ port: 2201, user: 'cli', keepaliveIntervalMs: 9000 });
    const replaced = connectionSpecFromVars('web1', { ansible_host: '10.0.0.5', ansible_ssh_common_args: '-o Port=2202' }, flags);
    expect(replaced).toMatchObject({ port: 2202, keepaliveIntervalMs: 9000 });
    expect(replaced.user).not.toBe('cli');
    expect(() => connectionSpecFromVars('web1', {}, { ...defaults, sshExtraArgs: '-o ProxyCommand=nc' })).toThrow('--ssh-extra-args: cxplay does not honour the ssh option -o ProxyCommand');
  });

  it('applies the keepalive options and gives the jump hosts of a chain the target credentials but not its password', () => {
    const spec = connectionSpecFromVars(
      'web1',
      {
        ansible_host: '10.0.0.5',
        ansible_user: 'deploy',
        ansible_password: 'secret',
        ansible_ssh_private_key_file: '/keys/id',
        ansible_ssh_common_args: '-o ServerAliveInterval=7 -o ServerAliveCountMax=2 -J ops@gw1,[10.0.0.2]:2222',
      },
      defaults,
    );
    expect(spec).toMatchObject({ address: '10.0.0.5', user: 'deploy', password: 'secret', keepaliveIntervalMs: 7000, keepaliveCountMax: 2 });
    expect(spec.jump).toMatchObject({ host: 'jump host [10.0.0.2]:2222', address: '10.0.0.2', port: 2222, privateKeyFile: '/keys/id', password: undefined });
    expect(spec.jump?.jump).toMatchObject({ host: 'jump host ops@gw1', address: 'gw1', port: 22, user: 'ops', password: undefined, jump: undefined });
    expect(() => connectionSpecFromVars('web1', { ansible_ssh_common_args: '-J gw:99999' }, defaults)).toThrow('ProxyJump: "gw:99999" is not [user@]host[:port]');
  });
});
