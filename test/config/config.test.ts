/**
 * Ansible's configuration as ansible-playbook 2.14 reads it (measured with
 * ansible-config dump): which ansible.cfg is read, configparser's syntax,
 * precedence environment > file > default, paths relative to the file, and
 * each setting given to its command-line option through the option's own
 * parsing. A bad value names its file:line and what to write; a key cxplay
 * does not know is ignored, as Ansible ignores it.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { optionDefaultsFrom } from '../../engine/config/apply.js';
import { loadConfig, settingValue } from '../../engine/config/config.js';
import { becomePluginsFrom } from '../../engine/config/become-plugins.js';
import { dumpConfig } from '../../engine/config/dump.js';
import { parseIni } from '../../engine/config/ini.js';
import { CxError } from '../../engine/errors.js';

const root = mkdtempSync(join(tmpdir(), 'cxplay-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A directory holding an ansible.cfg with `text`; `ANSIBLE_CONFIG` pointed nowhere unless given. */
function project(name: string, text: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ansible.cfg'), text);
  return dir;
}

const noConfig = { ANSIBLE_CONFIG: join(root, 'none.cfg') };

function errorOf(work: () => unknown): CxError {
  try {
    work();
  } catch (error) {
    if (error instanceof CxError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('ansible.cfg syntax (configparser)', () => {
  it('reads sections, = and :, lower-cases keys, drops comments, joins continued lines', () => {
    const entries = parseIni('# comment\n[defaults]\nForks = 7 ; inline comment\nremote_user: bob\n; another\nhostfile = a,\n  b\n[ssh_connection]\nssh_args = -o X=1 # kept\n', 'x.cfg');
    expect(entries).toEqual([
      { section: 'defaults', key: 'forks', value: '7', line: 3 },
      { section: 'defaults', key: 'remote_user', value: 'bob', line: 4 },
      { section: 'defaults', key: 'hostfile', value: 'a,\nb', line: 6 },
      { section: 'ssh_connection', key: 'ssh_args', value: '-o X=1 # kept', line: 9 },
    ]);
  });

  it.each([
    ['forks = 5\n', 1, 'a setting before any [section] header'],
    ['[defaults]\nforks = 5\nforks = 6\n', 3, "'forks' is set twice in [defaults]"],
    ['[defaults]\njust words\n', 2, 'cannot read this line: "just words"'],
  ])('refuses %j at its line', (text, line, message) => {
    const error = errorOf(() => parseIni(text, 'x.cfg'));
    expect(error.message).toBe(message);
    expect(error.at).toEqual({ file: 'x.cfg', line });
    expect(error.exitCode).toBe(5);
  });
});

describe('which ansible.cfg', () => {
  it('ANSIBLE_CONFIG first (a file, or a directory holding ansible.cfg), else ./ansible.cfg', () => {
    const here = project('cwd', '[defaults]\nforks = 3\n');
    const other = project('other', '[defaults]\nforks = 4\n');
    expect(loadConfig(here, {}).file).toBe(join(here, 'ansible.cfg'));
    expect(loadConfig(here, { ANSIBLE_CONFIG: join(other, 'ansible.cfg') }).file).toBe(join(other, 'ansible.cfg'));
    expect(loadConfig(here, { ANSIBLE_CONFIG: other }).file).toBe(join(other, 'ansible.cfg'));
    expect(loadConfig(here, { ANSIBLE_CONFIG: join(root, 'missing.cfg') }).file).toBe(join(here, 'ansible.cfg'));
  });

  it("ignores ./ansible.cfg in a world-writable directory, with Ansible's warning", () => {
    const open = project('world-writable', '[defaults]\nforks = 3\n');
    chmodSync(open, 0o777);
    const config = loadConfig(open, {});
    expect(config.file === undefined || !config.file.startsWith(open)).toBe(true);
    expect(config.warnings).toEqual([expect.stringContaining(`Ansible is being run in a world writable directory (${open}), ignoring it as an ansible.cfg source.`)]);
  });
});

describe('values and precedence', () => {
  it('environment over file over default, each with its origin', () => {
    const dir = project('precedence', '[defaults]\nforks = 7\ntimeout = 20\n');
    const config = loadConfig(dir, { ANSIBLE_TIMEOUT: '33' });
    const origins = Object.fromEntries([...config.settings].map(([name, resolved]) => [name, [resolved.origin, resolved.value]]));
    expect(origins.DEFAULT_FORKS).toEqual([join(dir, 'ansible.cfg'), 7]);
    expect(origins.DEFAULT_TIMEOUT).toEqual(['env: ANSIBLE_TIMEOUT', 33]);
    expect(origins.DEFAULT_BECOME_USER).toEqual(['default', 'root']);
  });

  it('resolves paths in the file relative to the file, in the environment relative to the current directory', () => {
    const dir = project('paths', '[defaults]\ninventory = hosts.ini, ../shared/more.yaml\nroles_path = roles:~/roles\nprivate_key_file = keys/id\n');
    const config = loadConfig(dir, {});
    expect(settingValue(config, 'DEFAULT_HOST_LIST')).toEqual([join(dir, 'hosts.ini'), join(root, 'shared/more.yaml')]);
    expect(settingValue(config, 'DEFAULT_ROLES_PATH')).toEqual([join(dir, 'roles'), join(process.env.HOME ?? '', 'roles')]);
    expect(settingValue(config, 'DEFAULT_PRIVATE_KEY_FILE')).toBe(join(dir, 'keys/id'));
    expect(settingValue(loadConfig(root, { ...noConfig, ANSIBLE_INVENTORY: 'a.ini' }), 'DEFAULT_HOST_LIST')).toEqual([join(root, 'a.ini')]);
  });

  it('ignores keys and sections it does not know', () => {
    const dir = project('unknown', '[defaults]\nnocows = 1\ncallbacks_enabled = timer\n[galaxy]\nserver = x\n');
    expect(dumpConfig(loadConfig(dir, {}), true)).toBe(`CONFIG_FILE() = ${join(dir, 'ansible.cfg')}\n`);
  });

  it.each([
    ['[defaults]\nforks = abc\n', 'invalid value "abc" for DEFAULT_FORKS ([defaults] forks)', 'write a whole number of at least 1'],
    ['[defaults]\ngathering = lazy\n', 'invalid value "lazy" for DEFAULT_GATHERING ([defaults] gathering)', 'write one of implicit, explicit, smart'],
    ['[defaults]\nhost_key_checking = maybe\n', 'invalid value "maybe" for HOST_KEY_CHECKING ([defaults] host_key_checking)', 'write true or false (yes/no, on/off, 1/0)'],
  ])('a bad value in %j names its file:line and what to write', (text, message, hint) => {
    const dir = project(`bad-${text.length}-${hint.length}`, text);
    const error = errorOf(() => loadConfig(dir, {}));
    expect(error.message).toBe(message);
    expect(error.at).toEqual({ file: join(dir, 'ansible.cfg'), line: 2 });
    expect(error.hint).toBe(hint);
    expect(error.exitCode).toBe(5);
  });

  it('warns about a setting it reads but cannot honour, when it asks for something other than what cxplay does', () => {
    const dir = project('ignored', '[defaults]\nfact_caching = jsonfile\n[ssh_connection]\npipelining = True\nssh_args = -o ControlMaster=auto\n');
    const file = join(dir, 'ansible.cfg');
    expect(loadConfig(dir, {}).warnings).toEqual([
      `${file}:2: CACHE_PLUGIN = jsonfile ([defaults] fact_caching) has no effect in cxplay: facts live for one run`,
      `${file}:5: SSH_ARGS = -o ControlMaster=auto ([ssh_connection] ssh_args) has no effect in cxplay: cxplay does not run ssh; per-host options go in ansible_ssh_common_args`,
    ]);
    expect(loadConfig(root, { ...noConfig, ANSIBLE_PIPELINING: 'false' }).warnings).toEqual([
      'ANSIBLE_PIPELINING = false (the environment variable ANSIBLE_PIPELINING) has no effect in cxplay: scripts always travel on stdin',
    ]);
    expect(loadConfig(root, { ...noConfig, ANSIBLE_CACHE_PLUGIN: 'memory' }).warnings).toEqual([]);
  });

  it('reads sftp_extra_args and scp_extra_args of [ssh_connection] and their variables, and says they have no effect', () => {
    const dir = project('transfer', '[ssh_connection]\nsftp_extra_args = -l 8192\nscp_extra_args =\n');
    const effect = 'has no effect in cxplay: cxplay sends files over its SSH connection, not with sftp or scp; ssh options go in ssh_common_args';
    expect(loadConfig(dir, {}).warnings).toEqual([`${join(dir, 'ansible.cfg')}:2: SFTP_EXTRA_ARGS = -l 8192 ([ssh_connection] sftp_extra_args) ${effect}`]);
    expect(loadConfig(root, { ...noConfig, ANSIBLE_SCP_EXTRA_ARGS: '-l 1' }).warnings).toEqual([`SCP_EXTRA_ARGS = -l 1 (the environment variable ANSIBLE_SCP_EXTRA_ARGS) ${effect}`]);
  });

  it('names the variable of a bad value from the environment', () => {
    expect(errorOf(() => loadConfig(root, { ...noConfig, ANSIBLE_FORKS: '0' })).message).toBe('invalid value "0" for DEFAULT_FORKS (the environment variable ANSIBLE_FORKS)');
  });
});

describe("settings as the options' defaults", () => {
  it('goes through the option: seconds to ms, every inventory, the json callback to the json view', () => {
    const dir = project('options', '[defaults]\ninventory = a.ini,b.yaml\ntimeout = 7\nforks = 9\nremote_user = deploy\nstdout_callback = json\n[privilege_escalation]\nbecome = yes\nbecome_user = app\n');
    expect(optionDefaultsFrom(loadConfig(dir, {}))).toEqual({
      inventory: [join(dir, 'a.ini'), join(dir, 'b.yaml')],
      connectTimeoutMs: 7000,
      forks: 9,
      remoteUser: 'deploy',
      output: 'json',
      become: true,
    });
  });

  it('leaves the view to cxplay for the default and yaml callbacks, and leaves defaults alone', () => {
    const dir = project('yaml-callback', '[defaults]\nstdout_callback = yaml\n');
    expect(optionDefaultsFrom(loadConfig(dir, {}))).toEqual({});
  });

  it('refuses, at its line, what the option refuses (become_method doas)', () => {
    const dir = project('doas', '[privilege_escalation]\nbecome_method = doas\n');
    const error = errorOf(() => optionDefaultsFrom(loadConfig(dir, {})));
    expect(error.message).toBe('invalid value "doas" for DEFAULT_BECOME_METHOD ([privilege_escalation] become_method)');
    expect(error.at).toEqual({ file: join(dir, 'ansible.cfg'), line: 2 });
  });

  it('[privilege_escalation] become_method su, become_flags and become_exe are read', () => {
    const dir = project('su-ok', '[privilege_escalation]\nbecome_method = su\nbecome_flags = -l\nbecome_exe = /bin/su\n');
    const config = loadConfig(dir, {});
    expect(optionDefaultsFrom(config)).toEqual({ becomeMethod: 'su' });
    expect(settingValue(config, 'DEFAULT_BECOME_FLAGS')).toBe('-l');
    expect(settingValue(config, 'DEFAULT_BECOME_EXE')).toBe('/bin/su');
  });

  it('[sudo_become_plugin] and [su_become_plugin] win over [privilege_escalation], ANSIBLE_SUDO_* over ANSIBLE_BECOME_*, per method', () => {
    const dir = project('become-plugins', '[privilege_escalation]\nbecome_flags = -H -S\n[sudo_become_plugin]\nflags = -H -S -n -E\nuser = admin\npassword = s3cret-pw\n[su_become_plugin]\nexecutable = /bin/su2\n');
    const plugins = becomePluginsFrom(loadConfig(dir, { ANSIBLE_BECOME_USER: 'everyone', ANSIBLE_SU_USER: 'bob', ANSIBLE_SU_FLAGS: '-l' }));
    expect(plugins.sudo).toEqual({ exe: 'sudo', flags: '-H -S -n -E', user: 'everyone', password: 's3cret-pw' });
    expect(plugins.su).toEqual({ exe: '/bin/su2', flags: '-l', user: 'bob', password: undefined });
    // Nothing set: each method's own defaults.
    expect(becomePluginsFrom(loadConfig(root, noConfig))).toEqual({ sudo: { exe: 'sudo', flags: '-H -S -n', user: 'root', password: undefined }, su: { exe: 'su', flags: '', user: 'root', password: undefined } });
    // The dump names where the password came from, never the password.
    const dump = dumpConfig(loadConfig(dir, {}), true);
    expect(dump).toContain(`become_pass(${join(dir, 'ansible.cfg')}) = ********`);
    expect(dump).not.toContain('s3cret-pw');
  });
});
