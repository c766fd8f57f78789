/** Argument checks: messages an operator can act on, Ansible's loose scalars normalized. */
import { describe, expect, it } from 'vitest';
import { CxError, ExitCode } from '../../engine/errors.js';
import { findModule, moduleNames } from '../../engine/modules/registry.js';
import { validateArgs, validateArgsStatic } from '../../engine/modules/validate-args.js';

const mod = (name: string) => findModule(name)!;

function errorOf(run: () => unknown): CxError {
  try {
    run();
  } catch (error) {
    if (error instanceof CxError) return error;
    throw error;
  }
  throw new Error('expected a CxError');
}

describe('registry', () => {
  it('finds modules by short, ansible.builtin and ansible.legacy names, and aliases', () => {
    expect(findModule('copy')?.name).toBe('copy');
    expect(findModule('ansible.builtin.copy')?.name).toBe('copy');
    expect(findModule('ansible.legacy.shell')?.name).toBe('shell');
    expect(findModule('ansible.builtin.systemd_service')?.name).toBe('systemd');
    expect(findModule('community.general.copy')).toBeUndefined();
    expect(findModule('nosuchmodule')).toBeUndefined();
  });

  it('lists every module the design promises', () => {
    for (const name of ['command', 'shell', 'file', 'copy', 'template', 'lineinfile', 'stat', 'slurp', 'fetch', 'get_url', 'systemd', 'systemd_service', 'service', 'wait_for', 'set_fact', 'debug', 'assert', 'fail', 'pause', 'setup', 'uri']) {
      expect(moduleNames()).toContain(name);
    }
  });
});

describe('validateArgs', () => {
  const NORMALIZE_CASES: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['copy', { dest: '/x', content: 'a', force: 'no', backup: 'yes' }, { force: false, backup: true }],
    ['copy', { dest: '/x', content: 'a', force: 'True' }, { force: true }],
    ['copy', { dest: '/x', content: 'a', force: 0 }, { force: false }],
    ['wait_for', { port: '8080', timeout: '5' }, { port: 8080, timeout: 5, delay: 0, state: 'started' }],
    ['file', { path: '/x', mode: '0644' }, { mode: '0644' }],
    ['file', { path: '/x', mode: 420 }, { mode: 420 }],
    ['lineinfile', { path: '/x', line: 42 }, { line: '42', state: 'present', create: false }],
    ['lineinfile', { path: '/x', line: true }, { line: 'True' }],
    ['stat', { path: '/x', get_checksum: 'off' }, { get_checksum: false, follow: false }],
    ['setup', { gather_subset: 'min,network' }, { gather_subset: ['min', 'network'] }],
    ['uri', { url: 'http://x/', status_code: '200, 404' }, { status_code: [200, 404] }],
    ['uri', { url: 'http://x/', status_code: ['201'] }, { status_code: [201] }],
  ];

  it.each(NORMALIZE_CASES)('%s %j normalizes to include %j', (name, args, expected) => {
    expect(validateArgs(mod(name), args)).toMatchObject(expected);
  });

  it('does not change the arguments it was given', () => {
    const args = { dest: '/x', content: 'a', force: 'no' };
    validateArgs(mod('copy'), args);
    expect(args).toEqual({ dest: '/x', content: 'a', force: 'no' });
  });

  const ERROR_CASES: [string, Record<string, unknown>, RegExp][] = [
    ['copy', { content: 'a' }, /^copy: 'dest' is required$/],
    ['file', { path: '/x', state: 'dir' }, /^file: 'state' must be one of file, directory, link, hard, touch, absent; got 'dir'/],
    ['file', { path: '/x', stat: 'directory' }, /^file: unknown argument 'stat' — did you mean 'state'\?$/],
    ['file', { state: 'directory' }, /^file: 'path' is required$/],
    ['copy', { dest: '/x', content: 'a', force: 'maybe' }, /^copy: 'force' must be a boolean \(yes\/no\); got 'maybe'$/],
    ['wait_for', { port: 'http' }, /^wait_for: 'port' must be an integer; got 'http'$/],
    ['copy', { dest: ['a'], content: 'a' }, /^copy: 'dest' must be a string; got \["a"\]$/],
    ['set_fact', { 'not valid': 1 }, /^set_fact: 'not valid' is not a valid variable name/],
    ['hostname', { name: 'x', use: 'gentoo' }, /^hostname: 'use' must be one of systemd, debian, alpine, sles, openbsd, redhat, openrc, freebsd, solaris, macos, macosx, darwin, generic; got 'gentoo'/],
  ];

  it.each(ERROR_CASES)('%s %j is refused with %s', (name, args, message) => {
    const error = errorOf(() => validateArgs(mod(name), args));
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(ExitCode.parseError);
  });

  it("gives an argument's alias under the argument's name; given with the argument, the alias wins, with Ansible's warning", () => {
    expect(validateArgs(mod('stat'), { path: '/x', checksum: 'sha256', 'mime-type': 'no' })).toMatchObject({ checksum_algorithm: 'sha256', get_mime: false });
    expect(validateArgs(mod('stat'), { path: '/x', checksum: 'sha256' })).not.toHaveProperty('checksum');
    expect(validateArgs(mod('systemd'), { 'daemon-reload': 'yes' })).toMatchObject({ daemon_reload: true });
    const warnings: string[] = [];
    expect(validateArgs(mod('stat'), { checksum_algorithm: 'sha1', checksum: 'md5', path: '/x', dest: '/y', name: '/z' }, (message) => warnings.push(message))).toMatchObject({ checksum_algorithm: 'md5', path: '/z' });
    expect(warnings).toEqual(['Both option checksum_algorithm and its alias checksum are set.', 'Both option path and its alias dest are set.', 'Both option path and its alias name are set.']);
    expect(() => validateArgsStatic(mod('stat'), { path: '/x', checksum: 'md5', checksum_algorithm: 'sha1' })).not.toThrow();
  });

  it("names a bad value given through an alias by its argument's name, as Ansible does", () => {
    expect(() => validateArgs(mod('stat'), { path: '/x', checksum: 'crc' })).toThrow(/^stat: 'checksum_algorithm' must be one of/);
    expect(() => validateArgsStatic(mod('stat'), { path: '/x', get_attributes: true, attr: 'maybe' })).toThrow(/^stat: 'get_attributes' must be a boolean/);
    expect(() => validateArgsStatic(mod('apt'), { 'update-cache': 'maybe' })).toThrow(/^apt: 'update_cache' must be a boolean/);
    expect(() => validateArgsStatic(mod('apt'), { pkg: { a: 1 } })).toThrow(/^apt: 'package' must be a list/);
  });

  it("takes file's, apt's and the text editors' aliases as Ansible does: the alias it lists last wins, with its warning", () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    expect(validateArgs(mod('file'), { path: '/a', name: '/b', state: 'touch' }, warn)).toMatchObject({ path: '/b' });
    expect(validateArgs(mod('file'), { name: '/h', dest: '/i' }, warn)).toMatchObject({ path: '/h' });
    expect(validateArgs(mod('file'), { dest: '/f' }, warn)).not.toHaveProperty('dest');
    expect(validateArgs(mod('apt'), { package: 'a', pkg: 'b', name: 'c', 'allow-downgrades': 'yes' }, warn)).toMatchObject({ package: ['c'], allow_downgrade: true });
    expect(validateArgs(mod('lineinfile'), { destfile: '/d', regex: 'x', value: 'y' })).toMatchObject({ path: '/d', regexp: 'x', line: 'y' });
    expect(validateArgs(mod('blockinfile'), { path: '/p', name: '/n', block: 'b', content: 'c' })).toMatchObject({ path: '/n', block: 'c' });
    expect(warnings).toEqual([
      'Both option path and its alias name are set.',
      'Both option path and its alias name are set.',
      'Both option package and its alias pkg are set.',
      'Both option package and its alias name are set.',
    ]);
  });

  it("takes cron's, dnf's, yum's, find's and known_hosts' aliases as Ansible does: each wins over its argument, with its warning", () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const cron = validateArgs(mod('cron'), { name: 'n', job: '/a', value: '/b', day: '1', dom: '2', weekday: '3', dow: '4' }, warn);
    expect(cron).toMatchObject({ job: '/b', day: '2', weekday: '4' });
    expect(Object.keys(cron)).not.toContain('value');
    expect(validateArgs(mod('cron'), { name: 'n', dom: '5' })).toMatchObject({ day: '5', weekday: '*' });
    expect(validateArgs(mod('find'), { paths: '/a', name: '/b', path: '/c', patterns: 'x', pattern: 'y', excludes: 'p', exclude: 'q' }, warn)).toMatchObject({ paths: ['/c'], patterns: ['y'], excludes: ['q'] });
    expect(validateArgs(mod('find'), { name: '/b' })).toMatchObject({ paths: ['/b'] });
    expect(validateArgs(mod('dnf'), { name: 'a', pkg: 'b', update_cache: false, 'expire-cache': true }, warn)).toMatchObject({ name: ['b'], update_cache: true });
    expect(validateArgs(mod('yum'), { pkg: 'c' })).toMatchObject({ name: ['c'] });
    // known_hosts returns its params: host stays beside name.
    expect(validateArgs(mod('known_hosts'), { name: 'a', host: 'b' }, warn)).toMatchObject({ name: 'b', host: 'b' });
    expect(validateArgs(mod('known_hosts'), { name: 'a' })).not.toHaveProperty('host');
    expect(warnings).toEqual([
      'Both option job and its alias value are set.',
      'Both option day and its alias dom are set.',
      'Both option weekday and its alias dow are set.',
      'Both option paths and its alias name are set.',
      'Both option paths and its alias path are set.',
      'Both option patterns and its alias pattern are set.',
      'Both option excludes and its alias exclude are set.',
      'Both option name and its alias pkg are set.',
      'Both option update_cache and its alias expire-cache are set.',
      'Both option name and its alias host are set.',
    ]);
    expect(() => validateArgsStatic(mod('cron'), { name: 'n', dow: ['1'] })).toThrow(/^cron: 'weekday' must be a string/);
  });

  it('takes attr, the alias of attributes, on every module with the file arguments: attr wins, with the warning', () => {
    const withFileArguments = moduleNames()
      .map((name) => mod(name))
      .filter((module, index, all) => all.indexOf(module) === index && Object.hasOwn(module.argsSchema.properties as object, 'attributes'));
    expect(withFileArguments.map((module) => module.name).sort()).toEqual(['assemble', 'blockinfile', 'copy', 'file', 'get_url', 'lineinfile', 'replace', 'template', 'unarchive', 'uri']);
    for (const module of withFileArguments) {
      const warnings: string[] = [];
      expect(() => validateArgsStatic(module, { attributes: '+d', attr: '+A' }, true), module.name).not.toThrow();
      const given: Record<string, unknown> = { attributes: '+d', attr: '+A', path: '/p', dest: '/d', src: '/s', url: 'http://127.0.0.1/', regexp: 'x', line: 'l' };
      const properties = module.argsSchema.properties as Record<string, unknown>;
      const known = Object.fromEntries(Object.entries(given).filter(([key]) => key === 'attr' || Object.hasOwn(properties, key)));
      const resolved = validateArgs(module, known, (message) => warnings.push(message));
      expect(resolved, module.name).toMatchObject({ attributes: '+A' });
      expect(resolved, module.name).not.toHaveProperty('attr');
      expect(warnings, module.name).toEqual(['Both option attributes and its alias attr are set.']);
    }
  });

  it('lists every problem at once', () => {
    const error = errorOf(() => validateArgs(mod('copy'), { content: 'a', mdoe: '0644', force: 'maybe' }));
    expect(error.message).toContain("'dest' is required");
    expect(error.message).toContain("unknown argument 'mdoe' — did you mean 'mode'?");
    expect(error.message).toContain("'force' must be a boolean");
    expect(error.hint).toMatch(/^copy takes: .*dest/);
  });

  it('refuses prototype keys even where any argument name is allowed', () => {
    expect(() => validateArgs(mod('set_fact'), JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>)).toThrow(/'__proto__' cannot be used/);
    expect(() => validateArgs(mod('set_fact'), { constructor: 1 })).toThrow(/'constructor' cannot be used/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateArgsStatic', () => {
  it("accepts user's name as a template, and asks for name or user when neither is given", () => {
    expect(() => validateArgsStatic(mod('user'), { name: 'cx{{ item }}', state: 'absent' })).not.toThrow();
    expect(() => validateArgsStatic(mod('user'), { state: 'absent' })).toThrow("one of 'name', 'user' is required");
  });

  it('accepts a template for any type and for required arguments', () => {
    expect(() => validateArgsStatic(mod('wait_for'), { port: '{{ api_port }}', timeout: '{{ t }}' })).not.toThrow();
    expect(() => validateArgsStatic(mod('copy'), { dest: '{{ d }}', content: 'x', force: '{{ f }}' })).not.toThrow();
    expect(() => validateArgsStatic(mod('file'), { path: '{{ p }}', state: '{{ s }}' })).not.toThrow();
  });

  it('still checks the values that are not templates, and unknown or missing names', () => {
    expect(() => validateArgsStatic(mod('file'), { path: '{{ p }}', state: 'dir' })).toThrow(/'state' must be one of .*did you mean 'directory'/);
    expect(() => validateArgsStatic(mod('copy'), { dest: '{{ d }}', conent: 'x' })).toThrow(/unknown argument 'conent' — did you mean 'content'\?/);
    expect(() => validateArgsStatic(mod('copy'), { content: '{{ c }}' })).toThrow(/^copy: 'dest' is required$/);
    expect(() => validateArgsStatic(mod('file'), { mode: '0644' })).toThrow(/^file: 'path' is required$/);
  });

  it("accepts authorized_key's keys as text, from a URL and file://", () => {
    expect(() => validateArgsStatic(mod('ansible.posix.authorized_key'), { user: 'alice', key: 'https://github.com/alice.keys' })).not.toThrow();
    expect(() => validateArgsStatic(mod('authorized_key'), { user: 'alice', key: 'ssh-ed25519 AAAA alice' })).not.toThrow();
    expect(() => validateArgsStatic(mod('authorized_key'), { user: 'alice', key: 'file:///home/alice/.ssh/id.pub' })).not.toThrow();
  });

  it("accepts every documented argument of unarchive, its SELinux context and chattr attributes too", () => {
    const every = { src: 'a.tgz', dest: '/opt', remote_src: false, creates: '/opt/a', list_files: true, exclude: ['x'], keep_newer: true, extra_opts: ['-v'], io_buffer_size: 4096, validate_certs: false, decrypt: true, mode: '0644', owner: 'root', group: 'root', unsafe_writes: false, attributes: '+A', seuser: 'system_u', serole: 'object_r', setype: 'usr_t', selevel: 's0' };
    expect(() => validateArgsStatic(mod('unarchive'), every)).not.toThrow();
    expect(() => validateArgsStatic(mod('unarchive'), { src: 'a.zip', dest: '/opt', copy: false, include: ['a'] })).not.toThrow();
  });

  it('does not add defaults to the arguments it checks', () => {
    const args = { path: '/x' };
    validateArgsStatic(mod('stat'), args);
    expect(args).toEqual({ path: '/x' });
  });
});
