/**
 * setup (Gathering Facts): one POSIX sh exec (engine/modules/sh/setup.sh)
 * reads the sources of Ansible's Linux facts, no Python needed on the host
 * (its Python, when it has one, answers for the python facts); the
 * lib/facts/ modules turn them into Ansible's facts, names, types and values.
 * gather_subset picks Ansible's collectors (and so what the script reads),
 * filter keeps the facts whose names match, fact_path is where local facts
 * live. gather_timeout is accepted and, as in Ansible 2.14 on Linux, changes
 * nothing: its hardware collector reads the limit from its own module's
 * globals, where it is never set, so each mount's statvfs gets 10 seconds.
 */
import { randomBytes } from 'node:crypto';
import { quote, quoteWords } from '../connection/quote.js';
import { dateTimeFacts } from './lib/facts/date-time.js';
import { debianLsbRelease, distributionFacts } from './lib/facts/distribution.js';
import { DEVICE_FILES } from './lib/facts/devices.js';
import { DMI_DIR, DMI_FILES, hardwareFacts, timedOutMounts } from './lib/facts/hardware.js';
import { localFacts } from './lib/facts/local.js';
import { NET_DIR, NET_FILES, NET_PATHS, networkFacts } from './lib/facts/network.js';
import { parseEnvironment, platformFacts, userFacts } from './lib/facts/platform.js';
import { discoveredInterpreter, pythonFacts, pythonVersionFacts } from './lib/facts/python.js';
import { readSources, type FactSources } from './lib/facts/sections.js';
import { filteredFacts, listArgument, selectedCollectors } from './lib/facts/subsets.js';
import { capsFacts, cmdlineFacts, dnsFacts, isChroot, loadavgFacts, lsbFacts, PACKAGE_MANAGERS, packageManager, selinuxFacts, serviceManager, sshKeyFacts } from './lib/facts/system.js';
import { VIRTUAL_FILES, VIRTUAL_PATHS, virtualFacts } from './lib/facts/virtual.js';
import type { ModuleDef } from './module.js';
import { interpreterOf } from './python/python-module.js';
import { INTERPRETER_CANDIDATES } from './python/script.js';
import { shellCode } from './lib/shell-code.js';
import SETUP_SH from './sh/setup.sh';

const DEFAULT_FACT_PATH = '/etc/ansible/facts.d';
const SSH_KEYS = ['dsa', 'rsa', 'ecdsa', 'ed25519'].map((type) => `/etc/ssh/ssh_host_${type}_key.pub`);

/** What each collector reads: small files (one grep for all), paths whose presence matters, sh functions of setup.sh. */
const SOURCES: Readonly<Record<string, { files?: readonly string[]; paths?: readonly string[]; run?: readonly string[] }>> = {
  platform: { files: ['/proc/sys/kernel/arch', '/proc/sys/kernel/hostname', '/proc/sys/kernel/osrelease', '/proc/sys/kernel/version', '/var/lib/dbus/machine-id', '/etc/machine-id'], run: ['cx_platform'] },
  distribution: { files: ['/etc/os-release', '/usr/lib/os-release', '/etc/debian_version'], paths: ['/etc/oracle-release', '/etc/centos-release', '/etc/redhat-release', '/etc/alpine-release', '/etc/arch-release', '/etc/os-release'] },
  lsb: { files: ['/etc/lsb-release', '/etc/os-release', '/usr/lib/os-release'], run: ['cx_lsb'] },
  selinux: { files: ['/sys/fs/selinux/enforce', '/sys/fs/selinux/policyvers', '/etc/selinux/config'] },
  apparmor: { paths: ['/sys/kernel/security/apparmor'] },
  fips: { files: ['/proc/sys/crypto/fips_enabled'] },
  caps: { run: ['cx_caps'] },
  chroot: { run: ['cx_chroot'] },
  cmdline: { files: ['/proc/cmdline'] },
  loadavg: { files: ['/proc/loadavg'] },
  ssh_pub_keys: { files: SSH_KEYS },
  service_mgr: { files: ['/proc/1/comm'], paths: ['/run/systemd/system/', '/dev/.run/systemd/', '/dev/.systemd/', '/etc/init/', '/sbin/openrc', '/etc/init.d/'] },
  pkg_mgr: { paths: [...PACKAGE_MANAGERS.map(([path]) => path), '/usr/bin/rpm', '/usr/bin/dpkg', '/run/ostree-booted'] },
  date_time: { run: ['cx_date'] },
  env: { run: ['cx_env'] },
  user: { files: ['/proc/self/status'], run: ['cx_user'] },
  dns: { files: ['/etc/resolv.conf'] },
  hardware: { files: ['/proc/cpuinfo', '/proc/self/status', '/proc/meminfo', '/proc/uptime', ...Object.values(DMI_FILES).map((file) => `${DMI_DIR}/${file}`), ...DEVICE_FILES], run: ['cx_hardware', 'cx_devices', 'cx_lvm'] },
  virtual: { files: VIRTUAL_FILES, paths: VIRTUAL_PATHS },
  network: { files: NET_FILES.map((file) => `${NET_DIR}/*/${file}`), paths: NET_PATHS.map((suffix) => `${NET_DIR}/*${suffix}`), run: ['cx_network'] },
  fibre_channel_wwn: { files: ['/sys/class/fc_host/*/port_name'] },
  iscsi: { files: ['/etc/iscsi/initiatorname.iscsi'] },
  nvme: { files: ['/etc/nvme/hostnqn'] },
};

export const setupModule: ModuleDef = {
  name: 'setup',
  argsSchema: {
    type: 'object',
    properties: {
      gather_subset: { type: 'array', items: { type: 'string' } },
      filter: { type: 'array', items: { type: 'string' } },
      gather_timeout: { type: 'integer' },
      fact_path: { type: 'string' },
    },
    additionalProperties: false,
  },
  checkMode: 'full',
  gathersFacts: true,
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const subsets = ctx.args.gather_subset === undefined ? ['all'] : listArgument(ctx.args.gather_subset);
    const collectors = selectedCollectors(subsets);
    if (typeof collectors === 'string') return { changed: false, failed: true, msg: collectors };
    const factPath = typeof ctx.args.fact_path === 'string' ? ctx.args.fact_path : DEFAULT_FACT_PATH;
    const mark = `@@cxfacts-${randomBytes(8).toString('hex')}`;
    const result = await ctx.exec(factsScript(collectors, mark, factPath, interpreterOf(ctx)));
    const sources = readSources(result.stdout, mark);
    if (!sources.sections.has('done')) return { changed: false, failed: true, rc: result.rc, msg: result.stderr.trim() || `the facts script exited with ${result.rc}` };
    const facts = collectedFacts(collectors, sources, factPath, (message) => ctx.warn(message));
    const named: Record<string, unknown> = Object.fromEntries(Object.entries(facts).map(([name, value]) => [`ansible_${name}`, value]));
    named.gather_subset = subsets;
    named.module_setup = true;
    for (const message of timedOutMounts(sources)) ctx.warn(message);
    // As Ansible's action: the interpreter it discovered is a fact of the host from then on (no filter applies).
    const discovered = discoveredInterpreter(sources);
    return { changed: false, ansible_facts: { ...filteredFacts(named, listArgument(ctx.args.filter)), ...(discovered ? { discovered_interpreter_python: discovered } : {}) } };
  },
};

/** The script for these collectors: one grep for their files, the path checks, their sh functions, in one exec. */
function factsScript(collectors: ReadonlySet<string>, mark: string, factPath: string, interpreter: readonly string[] | undefined): string {
  const chosen = [...collectors].map((name) => SOURCES[name] ?? {});
  const files = [...new Set(chosen.flatMap((source) => source.files ?? []))];
  const paths = [...new Set(chosen.flatMap((source) => source.paths ?? []))];
  const run = [...new Set(chosen.flatMap((source) => source.run ?? []))];
  const steps = [
    `cx_mark=${quote(mark)}`,
    'exec 3>&1',
    ...(files.length > 0 ? [`cx_files ${files.join(' ')}`] : []),
    `cx_paths ${paths.join(' ')}`,
    ...run,
    ...pythonStep(collectors.has('platform') || collectors.has('python'), interpreter),
    ...(collectors.has('local') ? [`cx_local ${quote(factPath)}`] : []),
    'cx_sec done',
  ];
  return `${shellCode(SETUP_SH)}${steps.join('\n')}\n`;
}

/** The Python step: the facts from the interpreter when a collector wants them; discovery whenever none is configured. */
function pythonStep(wanted: boolean, interpreter: readonly string[] | undefined): string[] {
  if (!wanted && interpreter !== undefined) return [];
  return [`cx_python ${wanted ? 1 : 0} ${interpreter ? `given ${quoteWords(interpreter)}` : `find ${quoteWords(INTERPRETER_CANDIDATES)}`}`];
}

/** The facts of each chosen collector, without Ansible's `ansible_` prefix. */
function collectedFacts(collectors: ReadonlySet<string>, sources: FactSources, factPath: string, warn: (message: string) => void): Record<string, unknown> {
  const has = (name: string) => collectors.has(name);
  const section = (name: string) => sources.sections.get(name) ?? '';
  const platform = has('platform') ? platformFacts(sources) : {};
  const distribution = has('distribution') ? distributionFacts(sources) : {};
  return {
    ...platform,
    ...distribution,
    ...(has('lsb') ? { lsb: lsbFacts(sources.sections.has('lsb_os_release') ? debianLsbRelease(sources) : section('lsb_release'), sources.files.get('/etc/lsb-release')) } : {}),
    ...(has('platform') ? pythonVersionFacts(sources) : {}),
    ...(has('selinux') ? { selinux: selinuxFacts(sources), selinux_python_present: true } : {}),
    ...(has('apparmor') ? { apparmor: { status: sources.paths.has('/sys/kernel/security/apparmor') ? 'enabled' : 'disabled' } } : {}),
    ...(has('chroot') ? { is_chroot: isChroot(sources) } : {}),
    ...(has('fips') ? { fips: (sources.files.get('/proc/sys/crypto/fips_enabled') ?? '').trim() === '1' } : {}),
    ...(has('python') ? pythonFacts(sources) : {}),
    ...(has('caps') ? capsFacts(sources) : {}),
    ...(has('pkg_mgr') ? { pkg_mgr: packageManager(sources, distribution) } : {}),
    ...(has('service_mgr') ? { service_mgr: serviceManager(sources) } : {}),
    ...(has('cmdline') ? cmdlineFacts(sources.files.get('/proc/cmdline')) : {}),
    ...(has('date_time') ? { date_time: dateTimeFacts(section('date'), section('date_jan'), section('date_jul')) } : {}),
    ...(has('env') ? { env: parseEnvironment(section('env')) } : {}),
    ...(has('loadavg') ? loadavgFacts(sources.files.get('/proc/loadavg')) : {}),
    ...(has('ssh_pub_keys') ? sshKeyFacts(sources) : {}),
    ...(has('user') ? userFacts(sources) : {}),
    ...(has('virtual') ? virtualFacts(sources) : {}),
    ...(has('hardware') ? hardwareFacts(sources, String(platform.architecture ?? '')) : {}),
    ...(has('dns') ? { dns: dnsFacts(sources.files.get('/etc/resolv.conf') ?? '') } : {}),
    ...(has('fibre_channel_wwn') ? { fibre_channel_wwn: fibreChannelNames(sources) } : {}),
    ...(has('network') ? networkFacts(sources) : {}),
    ...(has('iscsi') ? { iscsi_iqn: /^InitiatorName=(.*)$/m.exec(sources.files.get('/etc/iscsi/initiatorname.iscsi') ?? '')?.[1]?.trim() ?? '' } : {}),
    ...(has('nvme') ? { hostnqn: (sources.files.get('/etc/nvme/hostnqn') ?? '').split('\n')[0]!.trim() } : {}),
    ...(has('local') ? { local: localFacts(sources, factPath, warn) } : {}),
  };
}

/** The WWNs of /sys/class/fc_host/<host>/port_name, without 0x. */
function fibreChannelNames(sources: FactSources): string[] {
  return [...sources.files].filter(([path]) => path.startsWith('/sys/class/fc_host/')).map(([, value]) => value.trim().replace(/^0x/, ''));
}

/**
 * gather_facts (the play's Gathering Facts task, and Ansible's module of
 * that name): setup, with `_ansible_facts_gathered` in its facts as Ansible's
 * action adds it (ansible_facts shows it; it is no top-level variable).
 */
export const gatherFactsModule: ModuleDef = {
  ...setupModule,
  name: 'gather_facts',
  argsSchema: { ...setupModule.argsSchema, properties: { ...(setupModule.argsSchema.properties as object), parallel: { type: 'boolean' } } },
  async run(ctx) {
    const { parallel: _parallel, ...args } = ctx.args;
    const result = await setupModule.run({ ...ctx, args });
    if (result.failed === true || typeof result.ansible_facts !== 'object') return result;
    return { ...result, ansible_facts: { ...(result.ansible_facts as Record<string, unknown>), _ansible_facts_gathered: true } };
  },
};
