/**
 * apt, package and package_facts run locally against the stand-in package
 * managers of test/standins (first on PATH, a fresh database each test):
 * one exec a task, check mode changes nothing, names reach apt-get as
 * words (never as shell code), a second run changes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { projectRoot } from '../support/cli.js';
import { runModule, sh, tempDir } from './context.js';

const apt = findModule('apt')!;
const pkg = findModule('package')!;
const packageFacts = findModule('package_facts')!;
const STANDINS = join(projectRoot, 'test', 'standins');

let d: string;
let cleanup: () => void;
let environment: Record<string, string>;

beforeEach(async () => {
  ({ path: d, cleanup } = tempDir());
  environment = { PATH: `${STANDINS}:/usr/bin:/bin`, CXPLAY_STANDIN_STATE: join(d, 'state') };
  expect((await sh(`${STANDINS}/standin-init ${join(d, 'state')}`)).rc).toBe(0);
});
afterEach(() => cleanup());

const installed = async () => (await sh(`CXPLAY_STANDIN_STATE=${join(d, 'state')} ${STANDINS}/dpkg-query -W`)).stdout;
const calls = () => readFileSync(join(d, 'state', 'calls'), 'utf8').split('\n').filter((line) => /^apt-(get|mark) /.test(line));

describe('apt', () => {
  it('installs in one exec, marks the package manual, and changes nothing the second time', async () => {
    const first = await runModule(apt, { args: { name: 'htop' }, environment });
    expect(first.execs).toBe(1);
    expect(first.result).toMatchObject({ changed: true, cache_updated: false });
    expect(first.result.stdout_lines).toContain('Setting up htop (3.2.2-2) ...');
    expect(await installed()).toContain('htop\t3.2.2-2\n');
    const again = await runModule(apt, { args: { name: 'htop' }, environment });
    expect(again.result).toMatchObject({ changed: false });
    expect(again.result.stdout).toBeUndefined();
    expect(calls()).toEqual([
      'apt-get -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install htop=3.2.2-2',
      'apt-mark manual htop',
      'apt-mark manual htop',
    ]);
  });

  it('in check mode simulates (--simulate), reports the change and the diff, and installs nothing', async () => {
    const before = await installed();
    const { result } = await runModule(apt, { args: { name: ['cowsay', 'less'], state: 'latest' }, environment, check: true, diff: true });
    expect(result).toMatchObject({ changed: true, diff: { prepared: 'The following NEW packages will be installed:\n  cowsay\nThe following packages will be upgraded:\n  less\n1 upgraded, 1 newly installed, 0 to remove and 1 not upgraded.' } });
    expect(await installed()).toBe(before);
    expect(calls()).toEqual(['apt-get -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --simulate install cowsay=3.03-8 less=590-2']);
  });

  it('takes a name with shell specials as a name: no command runs, the message names it', async () => {
    const name = "x'; touch " + join(d, 'pwned') + "; echo '$(id)";
    const { result } = await runModule(apt, { args: { name }, environment });
    expect(result).toMatchObject({ changed: false, failed: true, msg: `No package matching '${name}' is available` });
    expect(existsSync(join(d, 'pwned'))).toBe(false);
    expect(calls()).toEqual([]);
  });

  it('removes with purge and autoremove in one apt-get call, and refuses exclusive arguments', async () => {
    const { result } = await runModule(apt, { args: { name: 'nano', state: 'absent', purge: true, autoremove: true }, environment });
    expect(result).toMatchObject({ changed: true });
    expect(await installed()).not.toContain('nano');
    expect(calls()).toEqual(['apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --purge --auto-remove remove nano']);
    expect((await runModule(apt, { args: { name: 'nano', upgrade: 'dist' }, environment })).result.msg).toBe('parameters are mutually exclusive: deb|package|upgrade');
  });

  it('passes dpkg_options as written, a glob character included (never expanded against the directory)', async () => {
    await runModule(apt, { args: { name: 'htop', dpkg_options: 'force-confold,*' }, environment });
    expect(calls()[0]).toBe('apt-get -y -o Dpkg::Options::=--force-confold -o Dpkg::Options::=--* install htop=3.2.2-2');
  });
});

describe('apt deb', () => {
  /** A .deb built with dpkg-deb --build (which only writes the file). */
  async function debFile(name: string, depends?: string): Promise<string> {
    const dir = join(d, name);
    const control = `Package: ${name}\nVersion: 1.0\nArchitecture: all\nMaintainer: cx <cx@example.invalid>\nDescription: test\n${depends ? `Depends: ${depends}\n` : ''}`;
    expect((await sh(`mkdir -p ${dir}/DEBIAN && printf '%s' '${control}' > ${dir}/DEBIAN/control && /usr/bin/dpkg-deb --build ${dir} ${dir}.deb >/dev/null`)).rc).toBe(0);
    return `${dir}.deb`;
  }

  it('installs a .deb whose dependencies are installed in one exec, and refuses one whose dependency is not, installing nothing', async () => {
    const met = await runModule(apt, { args: { deb: await debFile('cxmet', 'less (>= 1) | nosuch') }, environment });
    expect(met.execs).toBe(1);
    expect(met.result).toMatchObject({ changed: true });
    expect(await installed()).toContain('cxmet\t1.0\n');
    const unmet = await runModule(apt, { args: { deb: await debFile('cxunmet', 'less, nosuch (>= 2)') }, environment });
    expect(unmet.result).toMatchObject({ failed: true });
    expect(String(unmet.result.msg)).toContain("depends on nosuch (>= 2), which is not installed: cxplay does not install a .deb's dependencies");
    expect(await installed()).not.toContain('cxunmet');
  });

  it('downloads a URL in the same exec, into a temporary directory it removes, and installs it (test/modules/apt-deb-url-differential.test.ts compares with Ansible)', async () => {
    const deb = readFileSync(await debFile('cxfetched', ''));
    const server = createServer((request, response) => (request.url === '/pool/cxfetched.deb' ? response.end(deb) : response.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mkdirSync(join(d, 'tmp'));
    try {
      const fetched = await runModule(apt, { args: { deb: `${base}/pool/cxfetched.deb` }, environment: { ...environment, TMPDIR: join(d, 'tmp') } });
      expect(fetched.execs).toBe(1);
      expect(fetched.result).toMatchObject({ changed: true });
      expect(await installed()).toContain('cxfetched\t1.0\n');
      const missing = await runModule(apt, { args: { deb: `${base}/pool/missing.deb` }, environment: { ...environment, TMPDIR: join(d, 'tmp') } });
      expect(missing.result).toMatchObject({ failed: true, msg: 'Unable to install package: E:read, still have 8 to read but none left' });
      expect(readdirSync(join(d, 'tmp'))).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('apt_repository', () => {
  const aptRepository = findModule('apt_repository')!;
  const updates = () => readFileSync(join(d, 'state', 'calls'), 'utf8').split('\n').filter((line) => line.startsWith('apt-get update'));

  it('writes the source where APT_CONFIG says, updates the cache once after a change, and not in check mode or when nothing changes', async () => {
    const withConfig = { ...environment, APT_CONFIG: join(d, 'state', 'apt.conf') };
    const repo = 'deb http://example.invalid/debian stable main';
    const checked = await runModule(aptRepository, { args: { repo }, environment: withConfig, check: true });
    expect(checked.result).toMatchObject({ changed: true });
    expect(existsSync(join(d, 'state', 'etc', 'sources.list.d', 'example_invalid_debian.list'))).toBe(false);
    const added = await runModule(aptRepository, { args: { repo }, environment: withConfig });
    expect(added.execs).toBe(1);
    expect(added.result).toMatchObject({ changed: true, repo, state: 'present' });
    expect(readFileSync(join(d, 'state', 'etc', 'sources.list.d', 'example_invalid_debian.list'), 'utf8')).toBe(`${repo}\n`);
    const again = await runModule(aptRepository, { args: { repo }, environment: withConfig });
    expect(again.result).toMatchObject({ changed: false });
    expect(updates()).toEqual(['apt-get update -q']);
  });
});

describe('package', () => {
  it("runs apt with apt's own arguments, and refuses an argument apt does not take", async () => {
    const { result, execs } = await runModule(pkg, { args: { name: 'htop', state: 'present', use: 'apt', install_recommends: false }, environment });
    expect(execs).toBe(1);
    expect(result).toMatchObject({ changed: true });
    expect(calls()[0]).toBe('apt-get -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install htop=3.2.2-2 -o APT::Install-Recommends=no');
    const bad = await runModule(pkg, { args: { name: 'htop', state: 'present', use: 'apt', enablerepo: 'x' }, environment });
    expect(bad.result).toMatchObject({ failed: true });
    expect(bad.result.msg).toMatch(/unknown argument 'enablerepo'/);
    expect((await runModule(pkg, { args: { name: 'htop', state: 'present', use: 'zypper' }, environment })).result.msg).toBe('Could not find a module for zypper.');
  });
});

describe('package_facts', () => {
  it('lists the installed packages as Ansible does, in one exec', async () => {
    const { result, execs } = await runModule(packageFacts, { args: {}, environment });
    expect(execs).toBe(1);
    const packages = (result.ansible_facts as { packages: Record<string, unknown[]> }).packages;
    await sh(`printf 'Package: cowsay\\nStatus: install ok installed\\nVersion: 3.03-8\\nArchitecture: all\\nSection: games\\n\\n' >> ${join(d, 'state', 'status')}`);
    const { result: more } = await runModule(packageFacts, { args: {}, environment });
    // By name, as python-apt lists them (dpkg's database is in the order packages came).
    expect(Object.keys((more.ansible_facts as { packages: object }).packages)).toEqual(['cowsay', 'less', 'libfoo1', 'nano', 'nginx']);
    expect(packages.nginx).toEqual([{ name: 'nginx', version: '1.22.1-9', arch: 'amd64', category: 'httpd', origin: '', source: 'apt' }]);
  });
});
