/**
 * dnf and yum run locally against the stand-in dnf and rpm of
 * test/standins (first on PATH, a fresh RPM world each test). Expectations
 * come from Ansible 2.14's dnf module (its documentation and source: result
 * keys msg / results / rc / failures, "Installed: NEVRA" lines, "Nothing to
 * do", the check-mode message). No differential run: Ansible's dnf needs
 * python3-dnf (not installed; Debian has it) with a real rpm database and
 * repository metadata, which the stand-ins (commands, not libraries) cannot
 * give it. The stand-ins themselves are checked against what dnf(8) and
 * rpm(8) print first, so a module test cannot pass on a stand-in that guessed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { projectRoot } from '../support/cli.js';
import { runModule, tempDir } from './context.js';

const dnf = findModule('dnf')!;
const yum = findModule('yum')!;
const pkg = findModule('package')!;
const STANDINS = join(projectRoot, 'test', 'standins');

let d: string;
let cleanup: () => void;
let environment: Record<string, string>;

beforeEach(() => {
  ({ path: d, cleanup } = tempDir());
  mkdirSync(join(d, 'state'));
  environment = { PATH: `${STANDINS}:/usr/bin:/bin`, CXPLAY_STANDIN_STATE: join(d, 'state') };
});
afterEach(() => cleanup());

/** A stand-in command run directly. */
function standin(command: string, ...args: string[]) {
  const result = spawnSync(join(STANDINS, command), args, { encoding: 'utf8', env: environment });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const installed = () => standin('rpm', '-qa').stdout.split('\n').filter(Boolean).sort();
const dnfCalls = () => readFileSync(join(d, 'state', 'calls'), 'utf8').split('\n').filter((line) => line.startsWith('dnf '));
const BEFORE = ['bash-5.2.15-3.fc38.x86_64', 'less-590-1.fc38.x86_64', 'libfoo-1.0-1.fc38.x86_64', 'nano-7.2-1.fc38.x86_64', 'nginx-1.22.1-9.fc38.x86_64'];
const CLEAN = '--setopt=clean_requirements_on_remove=False';

describe('rpm and dnf stand-ins', () => {
  it('rpm answers queries as rpm(8) does, and refuses what it does not model', () => {
    expect(standin('rpm', '-q', 'less', 'nosuch')).toMatchObject({ code: 1, stdout: 'less-590-1.fc38.x86_64\npackage nosuch is not installed\n' });
    expect(standin('rpm', '-qa', 'ng*', '--qf', '%{NAME} %{EPOCH} %{EPOCHNUM}\\n').stdout).toBe('nginx 1 1\n');
    expect(standin('rpm', '-q', '--whatprovides', 'nano > 0:7.0-1').code).toBe(0);
    expect(standin('rpm', '-q', '--whatprovides', 'nano > 0:7.2-1.fc38')).toMatchObject({ code: 1, stdout: 'no package provides nano > 0:7.2-1.fc38\n' });
    expect(standin('rpm', '-e', 'nano')).toMatchObject({ code: 1, stderr: 'rpm: stand-in: option -e is not modelled\n' });
  });

  it('dnf shows its transaction table, ends --assumeno with "Operation aborted.", and with -y changes the database', () => {
    const asked = standin('dnf', '--assumeno', 'install', 'htop');
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('Installing:\n htop             x86_64         3.2.2-1.fc38           fedora ');
    expect(asked.stderr).toBe('Operation aborted.\n');
    expect(installed()).toEqual(BEFORE);
    const done = standin('dnf', '-y', 'install', 'htop');
    expect(done).toMatchObject({ code: 0 });
    expect(done.stdout).toContain('Installed:\n  htop-3.2.2-1.fc38.x86_64\n\nComplete!\n');
    expect(standin('dnf', '-y', 'install', 'htop').stdout).toBe('Package htop-3.2.2-1.fc38.x86_64 is already installed.\nDependencies resolved.\nNothing to do.\nComplete!\n');
    expect(standin('dnf', '-y', 'install', 'nosuch')).toMatchObject({ code: 1, stdout: 'No match for argument: nosuch\n', stderr: 'Error: Unable to find a match: nosuch\n' });
    expect(standin('dnf', '-y', 'frobnicate')).toMatchObject({ code: 2, stderr: 'dnf: stand-in: command frobnicate is not modelled\n' });
    expect(standin('dnf', '--bogus', 'install', 'x').code).toBe(2);
  });

  it('refuse to run without their state directory', () => {
    const result = spawnSync(join(STANDINS, 'dnf'), ['repolist'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(result.status).toBe(99);
  });
});

describe('dnf', () => {
  it('installs in one exec with Ansible\'s results, and the second time changes nothing ("Nothing to do")', async () => {
    const first = await runModule(dnf, { args: { name: ['htop', 'less'] }, environment });
    expect(first.execs).toBe(1);
    expect(first.result).toEqual({ changed: true, msg: '', results: ['Installed: htop-3.2.2-1.fc38.x86_64'], rc: 0 });
    expect(installed()).toContain('htop-3.2.2-1.fc38.x86_64');
    const again = await runModule(dnf, { args: { name: 'htop', state: 'installed' }, environment });
    expect(again.result).toEqual({ changed: false, msg: 'Nothing to do', results: [], rc: 0 });
    // less was installed: dnf is asked only for htop, once.
    expect(dnfCalls()).toEqual([`dnf ${CLEAN} -y install htop`]);
  });

  it('in check mode resolves with --assumeno, reports what it would do, and installs nothing', async () => {
    const { result } = await runModule(dnf, { args: { name: ['cowsay', 'less'], state: 'latest' }, environment, check: true });
    expect(result).toEqual({
      changed: true,
      msg: 'Check mode: No changes made, but would have if not in check mode',
      results: ['Installed: cowsay-3.7.0-1.fc38.noarch', 'Installed: less-590-2.fc38.x86_64', 'Removed: less-590-1.fc38.x86_64'],
      rc: 0,
    });
    expect(installed()).toEqual(BEFORE);
    expect(dnfCalls()).toEqual([`dnf ${CLEAN} --assumeno install cowsay`, `dnf ${CLEAN} --assumeno upgrade less`]);
  });

  it('fails on a package no repository has, with Ansible\'s failures, installing nothing of the list', async () => {
    const { result } = await runModule(dnf, { args: { name: ['htop', 'nosuch'] }, environment });
    expect(result).toEqual({ changed: false, failed: true, msg: 'Failed to install some of the specified packages', failures: ['No package nosuch available.'], results: [], rc: 1 });
    expect(installed()).toEqual(BEFORE);
  });

  it('takes a name with shell specials as a name: no command runs, the failure names it', async () => {
    const name = "x';id;echo'$(id)`id`";
    const { result } = await runModule(dnf, { args: { name }, environment });
    expect(result).toMatchObject({ failed: true, failures: [`No package ${name} available.`] });
    expect(dnfCalls()).toEqual([`dnf ${CLEAN} -y install ${name}`]);
  });

  it('upgrades with state latest; a versioned older spec is left alone unless allow_downgrade', async () => {
    expect((await runModule(dnf, { args: { name: 'less', state: 'latest' }, environment })).result).toMatchObject({ changed: true, results: ['Installed: less-590-2.fc38.x86_64', 'Removed: less-590-1.fc38.x86_64'] });
    expect((await runModule(dnf, { args: { name: 'less', state: 'latest' }, environment })).result).toMatchObject({ changed: false, msg: 'Nothing to do' });
    expect((await runModule(dnf, { args: { name: 'nano-7.0-1.fc38' }, environment })).result).toMatchObject({ changed: false, msg: 'Nothing to do' });
    expect(installed()).toContain('nano-7.2-1.fc38.x86_64');
    const down = await runModule(dnf, { args: { name: 'nano-7.0-1.fc38', allow_downgrade: true }, environment });
    expect(down.result).toMatchObject({ changed: true, results: ['Installed: nano-7.0-1.fc38.x86_64', 'Removed: nano-7.2-1.fc38.x86_64'] });
  });

  it('upgrades everything with name "*" and state latest, only security fixes with security', async () => {
    const { result } = await runModule(dnf, { args: { name: '*', state: 'latest', security: true }, environment });
    expect(result).toMatchObject({ changed: true, results: ['Installed: nginx-1:1.24.0-1.fc38.x86_64', 'Removed: nginx-1:1.22.1-9.fc38.x86_64'] });
    expect(installed()).toContain('less-590-1.fc38.x86_64');
    expect(dnfCalls()).toEqual([`dnf --security ${CLEAN} -y upgrade`]);
  });

  it('removes what is installed; a glob that matches nothing is a result, not a failure; paths are refused', async () => {
    expect((await runModule(dnf, { args: { name: ['nano', 'htop'], state: 'absent' }, environment })).result).toEqual({ changed: true, msg: '', results: ['Removed: nano-7.2-1.fc38.x86_64'], rc: 0 });
    expect((await runModule(dnf, { args: { name: 'ht*', state: 'removed' }, environment })).result).toEqual({ changed: false, msg: 'Nothing to do', results: ['ht* is not installed'], rc: 0 });
    const paths = await runModule(dnf, { args: { name: '/tmp/x.rpm', state: 'absent' }, environment });
    expect(paths).toMatchObject({ execs: 0, result: { failed: true, msg: 'Cannot remove paths -- please specify package name.' } });
  });

  it('autoremove alone removes the packages installed as dependencies; with state present it is refused', async () => {
    expect((await runModule(dnf, { args: { autoremove: true }, environment })).result).toMatchObject({ changed: true, results: ['Removed: libfoo-1.0-1.fc38.x86_64'] });
    expect(dnfCalls()).toEqual(['dnf --setopt=clean_requirements_on_remove=True -y autoremove']);
    expect((await runModule(dnf, { args: { name: 'htop', autoremove: true, state: 'present' }, environment })).result.msg).toBe('Autoremove should be used alone or with state=absent');
  });

  it('lists installed packages, updates and repos as Ansible\'s list does', async () => {
    const list = await runModule(dnf, { args: { list: 'installed' }, environment });
    expect(list.execs).toBe(1);
    expect((list.result.results as unknown[])[4]).toEqual({ name: 'nginx', arch: 'x86_64', epoch: '1', release: '9.fc38', version: '1.22.1', repo: '@System', envra: '1:nginx-1.22.1-9.fc38.x86_64', nevra: '1:nginx-1.22.1-9.fc38.x86_64', yumstate: 'installed' });
    const updates = (await runModule(dnf, { args: { list: 'updates' }, environment })).result.results as { envra: string; yumstate: string }[];
    expect(updates.map((item) => item.envra)).toEqual(['0:less-590-2.fc38.x86_64', '1:nginx-1.24.0-1.fc38.x86_64']);
    expect(updates[0]!.yumstate).toBe('available');
    expect((await runModule(dnf, { args: { list: 'repos', disablerepo: 'updates' }, environment })).result).toEqual({ changed: false, msg: '', results: [{ repoid: 'fedora', state: 'enabled' }] });
    expect((await runModule(dnf, { args: { list: 'htop', name: 'htop' }, environment })).result.msg).toBe('parameters are mutually exclusive: name|list');
  });

  it('passes repository, exclude and solver options to dnf as its own options', async () => {
    const args = { name: 'cowsay', enablerepo: 'testing', disablerepo: 'updates', exclude: ['nginx'], releasever: '38', install_weak_deps: false, nobest: true, skip_broken: true, disable_gpg_check: true, installroot: '/', cacheonly: true, sslverify: false, allowerasing: true, disable_plugin: 'versionlock', enable_plugin: ['x'], disable_excludes: 'main' };
    const { result } = await runModule(dnf, { args, environment });
    expect(result).toMatchObject({ changed: true, results: ['Installed: cowsay-3.8.0-1.fc38.noarch'] });
    expect(dnfCalls()).toEqual([
      `dnf --nogpgcheck --releasever=38 --exclude=nginx --disableexcludes=main --skip-broken --nobest --allowerasing --setopt=install_weak_deps=False -C --setopt=sslverify=False --disablerepo=updates --enablerepo=testing --disableplugin=versionlock --enableplugin=x ${CLEAN} -y install cowsay`,
    ]);
    expect((await runModule(dnf, { args: { name: 'htop', exclude: 'h*' }, environment })).result).toMatchObject({ failed: true, failures: ['No package htop available.'] });
  });

  it('update_cache alone makes the cache ("Cache updated"); with names it refreshes in the same dnf run', async () => {
    expect((await runModule(dnf, { args: { update_cache: true }, environment })).result).toEqual({ changed: false, msg: 'Cache updated', results: [], rc: 0 });
    await runModule(dnf, { args: { name: 'htop', 'expire-cache': true }, environment });
    expect(dnfCalls()).toEqual([`dnf --refresh ${CLEAN} makecache`, `dnf --refresh ${CLEAN} -y install htop`]);
  });

  it('update_only upgrades what is installed and says which it did not install', async () => {
    const { result } = await runModule(dnf, { args: { name: ['less', 'htop'], state: 'latest', update_only: true }, environment });
    expect(result).toEqual({ changed: true, msg: '', results: ['Packages providing htop not installed due to update_only specified', 'Installed: less-590-2.fc38.x86_64', 'Removed: less-590-1.fc38.x86_64'], rc: 0 });
    expect(installed()).not.toContain('htop-3.2.2-1.fc38.x86_64');
  });

  it('installs a local .rpm (reported as Installed PATH, as Ansible does, even when it was installed already)', async () => {
    const file = join(d, 'cxtool-1.0-1.noarch.rpm');
    writeFileSync(file, 'CXRPM\tcxtool\t0\t1.0\t1\tnoarch\n');
    expect((await runModule(dnf, { args: { name: file }, environment })).result).toEqual({ changed: true, msg: '', results: [`Installed ${file}`, 'Installed: cxtool-1.0-1.noarch'], rc: 0 });
    expect((await runModule(dnf, { args: { name: file }, environment })).result).toEqual({ changed: false, msg: 'Nothing to do', results: [`Installed ${file}`], rc: 0 });
  });

  it('download_only downloads into download_dir ("Downloaded:") and installs nothing', async () => {
    const dir = join(d, 'downloads');
    const { result } = await runModule(dnf, { args: { name: 'htop', download_only: true, download_dir: dir }, environment });
    expect(result).toEqual({ changed: true, msg: '', results: ['Downloaded: htop-3.2.2-1.fc38.x86_64'], rc: 0 });
    expect(existsSync(join(dir, 'htop-3.2.2-1.fc38.x86_64.rpm'))).toBe(true);
    expect(installed()).toEqual(BEFORE);
  });

  it('installs and removes a @group (its packages\' lines are the results); an unknown group fails as Ansible says', async () => {
    expect((await runModule(dnf, { args: { name: '@core-tools' }, environment })).result).toEqual({ changed: true, msg: '', results: ['Installed: cowsay-3.7.0-1.fc38.noarch', 'Installed: htop-3.2.2-1.fc38.x86_64'], rc: 0 });
    expect((await runModule(dnf, { args: { name: '@core-tools' }, environment })).result).toMatchObject({ changed: false, msg: 'Nothing to do' });
    expect((await runModule(dnf, { args: { name: '@nosuch' }, environment })).result).toEqual({ changed: false, failed: true, msg: 'No group nosuch available.', results: [] });
    expect((await runModule(dnf, { args: { name: '@core-tools', state: 'absent' }, environment })).result).toMatchObject({ changed: true, results: ['Removed: cowsay-3.7.0-1.fc38.noarch', 'Removed: htop-3.2.2-1.fc38.x86_64'] });
  });

  it('refuses before anything runs: a space-separated list, a module stream, an unreadable conf_file', async () => {
    expect((await runModule(dnf, { args: { name: 'htop less' }, environment })).result.msg).toMatch(/^It appears that a space separated string of packages was passed/);
    const stream = await runModule(dnf, { args: { name: '@nodejs:18' }, environment });
    expect(stream.execs).toBe(0);
    expect(stream.result.msg).toContain('module streams are not supported');
    expect((await runModule(dnf, { args: { name: 'htop', conf_file: join(d, 'none.conf') }, environment })).result).toMatchObject({ failed: true, msg: 'cannot read configuration file', conf_file: join(d, 'none.conf') });
  });
});

describe('dnf output', () => {
  it("reads real dnf's table: wrapped names, dependencies, obsoletes; not module streams or what --skip-broken skips", async () => {
    // A dnf that prints what DNF 4 printed for such a transaction (lines over 80 columns wrap the name).
    const bin = join(d, 'bin');
    mkdirSync(bin);
    const table = [
      'Last metadata expiration check: 0:01:02 ago on Sat 05 Dec 2026 02:00:00 AM UTC.',
      'Dependencies resolved.',
      '='.repeat(80),
      ' Package                      Arch       Version              Repository    Size',
      '='.repeat(80),
      'Installing:',
      ' python3-a-very-long-package-name-indeed',
      '                              noarch     1.0-1.fc38           fedora        10 k',
      '     replacing  python3-old.noarch 0.9-1.fc37',
      'Installing dependencies:',
      ' libbar                       x86_64     2:2.0-3.fc38         fedora       100 k',
      'Enabling module streams:',
      ' nodejs                                  18',
      'Skipping packages with broken dependencies:',
      ' broken                       x86_64     1.0-1.fc38           fedora        10 k',
      '',
      'Transaction Summary',
      '='.repeat(80),
      'Install  2 Packages',
      'Skip     1 Package',
      '',
    ].join('\n');
    writeFileSync(join(bin, 'dnf'), `#!/bin/sh\ncat <<'EOF'\n${table}\nEOF\necho 'Operation aborted.' >&2\nexit 1\n`, { mode: 0o755 });
    const { result } = await runModule(dnf, { args: { name: 'python3-a-very-long-package-name-indeed' }, environment: { ...environment, PATH: `${bin}:${environment.PATH}` }, check: true });
    expect(result).toEqual({
      changed: true,
      msg: 'Check mode: No changes made, but would have if not in check mode',
      // Ansible's order: its install set, then its remove set, each by name (the package sack's order), not the table's.
      results: ['Installed: libbar-2:2.0-3.fc38.x86_64', 'Installed: python3-a-very-long-package-name-indeed-1.0-1.fc38.noarch', 'Removed: python3-old-0.9-1.fc37.noarch'],
      rc: 0,
    });
  });
});

describe('yum and package', () => {
  it('yum runs the dnf backend it is told to, and says when it cannot tell which', async () => {
    expect((await runModule(yum, { args: { name: 'htop', use_backend: 'dnf' }, environment })).result).toMatchObject({ changed: true, results: ['Installed: htop-3.2.2-1.fc38.x86_64'] });
    expect((await runModule(yum, { args: { name: 'htop', use: 'yum4' }, environment })).result).toMatchObject({ changed: false, msg: 'Nothing to do' });
    expect((await runModule(yum, { args: { name: 'htop', use: 'dnf', use_backend: 'dnf' }, environment })).result.msg).toBe("parameters are mutually exclusive: ('use', 'use_backend')");
    expect((await runModule(yum, { args: { name: 'htop' }, environment, vars: { ansible_facts: { pkg_mgr: 'apt' } } })).result.msg).toMatch(/^Could not detect which major revision of yum is in use/);
  });

  it('package and yum take dnf from the pkg_mgr fact, as Ansible\'s package and yum actions do', async () => {
    const vars = { ansible_facts: { pkg_mgr: 'dnf' } };
    expect((await runModule(pkg, { args: { name: 'htop' }, environment, vars })).result).toMatchObject({ changed: true, results: ['Installed: htop-3.2.2-1.fc38.x86_64'] });
    expect((await runModule(yum, { args: { name: 'htop', state: 'absent' }, environment, vars })).result).toMatchObject({ changed: true, results: ['Removed: htop-3.2.2-1.fc38.x86_64'] });
  });

  it('package with use dnf runs the native dnf with its own arguments', async () => {
    const { result, execs } = await runModule(pkg, { args: { name: 'htop', state: 'present', use: 'dnf', enablerepo: 'testing' }, environment });
    expect(execs).toBe(1);
    expect(result).toMatchObject({ changed: true, results: ['Installed: htop-3.2.2-1.fc38.x86_64'] });
    expect(dnfCalls()).toEqual([`dnf --enablerepo=testing ${CLEAN} -y install htop`]);
  });
});
