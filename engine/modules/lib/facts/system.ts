/** Ansible's smaller Linux collectors from what the facts script read: dns, lsb, selinux, apparmor, cmdline, loadavg, fips, ssh host keys, service_mgr, pkg_mgr. */
import { firstLine, type FactSources } from './sections.js';

/** /etc/resolv.conf as Ansible's dns collector reads it. */
export function dnsFacts(resolvConf: string): Record<string, unknown> {
  const dns: Record<string, unknown> = {};
  for (const line of resolvConf.split('\n')) {
    if (/^[#;]/.test(line) || line.trim() === '') continue;
    const [keyword, ...values] = line.trim().split(/\s+/);
    if (keyword === 'nameserver') dns.nameservers = [...((dns.nameservers as string[] | undefined) ?? []), ...values];
    else if (keyword === 'domain' && values.length > 0) dns.domain = values[0];
    else if (keyword === 'search') dns.search = values;
    else if (keyword === 'sortlist') dns.sortlist = values;
    else if (keyword === 'options') dns.options = Object.fromEntries(values.map((option) => (option.includes(':') ? [option.slice(0, option.indexOf(':')), option.slice(option.indexOf(':') + 1) || true] : [option, true])));
  }
  return dns;
}

const LSB_KEYS: readonly [string, string][] = [['LSB Version:', 'release'], ['Distributor ID:', 'id'], ['Description:', 'description'], ['Release:', 'release'], ['Codename:', 'codename']];
const LSB_FILE_KEYS: readonly [string, string][] = [['DISTRIB_ID', 'id'], ['DISTRIB_RELEASE', 'release'], ['DISTRIB_DESCRIPTION', 'description'], ['DISTRIB_CODENAME', 'codename']];

/** lsb_release -a when the host has it, else /etc/lsb-release; quotes stripped, major_release added. */
export function lsbFacts(lsbRelease: string, lsbFile: string | undefined): Record<string, string> {
  const lsb: Record<string, string> = {};
  for (const line of lsbRelease.split('\n')) {
    if (!line.includes(':')) continue;
    const key = LSB_KEYS.find(([label]) => line.includes(label));
    if (key) lsb[key[1]] = line.slice(line.indexOf(':') + 1).trim();
  }
  if (Object.keys(lsb).length === 0) {
    for (const line of (lsbFile ?? '').split('\n')) {
      const key = LSB_FILE_KEYS.find(([name]) => line.includes(name));
      if (key && line.includes('=')) lsb[key[1]] = line.slice(line.indexOf('=') + 1).trim();
    }
  }
  if (lsb.release !== undefined) lsb.major_release = lsb.release.split('.')[0]!;
  for (const [key, value] of Object.entries(lsb)) if (value) lsb[key] = value.replace(/^['"\\]+|['"\\]+$/g, '');
  return lsb;
}

/** Without Python's selinux library: the kernel's selinuxfs and /etc/selinux/config say the same. */
export function selinuxFacts(sources: FactSources): Record<string, unknown> {
  const enforce = firstLine(sources, '/sys/fs/selinux/enforce');
  if (enforce === undefined) return { status: 'disabled' };
  const config = sources.files.get('/etc/selinux/config') ?? '';
  return {
    status: 'enabled',
    policyvers: Number(firstLine(sources, '/sys/fs/selinux/policyvers') ?? 'NaN') || 'unknown',
    config_mode: /^SELINUX=(\w+)/m.exec(config)?.[1] ?? 'unknown',
    mode: enforce === '1' ? 'enforcing' : 'permissive',
    type: /^SELINUXTYPE=(\S+)/m.exec(config)?.[1] ?? 'unknown',
  };
}

/** /proc/cmdline split as Python's shlex (non-POSIX: quotes kept); proc_cmdline keeps repeated keys as lists. */
export function cmdlineFacts(cmdline: string | undefined): Record<string, unknown> {
  if (!cmdline) return {};
  const pieces = cmdline.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
  const flat: Record<string, unknown> = {};
  const repeated: Record<string, unknown> = {};
  for (const piece of pieces) {
    const equals = piece.indexOf('=');
    const key = equals < 0 ? piece : piece.slice(0, equals);
    if (['__proto__', 'constructor', 'prototype'].includes(key)) continue;
    const value = equals < 0 ? true : piece.slice(equals + 1);
    flat[key] = value;
    const previous = repeated[key];
    repeated[key] = equals < 0 || previous === undefined || previous === true ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return { cmdline: flat, proc_cmdline: repeated };
}

export function loadavgFacts(loadavg: string | undefined): Record<string, unknown> {
  const [one, five, fifteen] = (loadavg ?? '').split(/\s+/).map(Number);
  return one === undefined || Number.isNaN(one) ? {} : { loadavg: { '1m': one, '5m': five, '15m': fifteen } };
}

const SSH_KEY_TYPES = ['dsa', 'rsa', 'ecdsa', 'ed25519'];

/** The host's public keys in /etc/ssh: `ssh_host_key_<type>_public` and its `_keytype`. */
export function sshKeyFacts(sources: FactSources): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const type of SSH_KEY_TYPES) {
    const [keytype, key] = (firstLine(sources, `/etc/ssh/ssh_host_${type}_key.pub`) ?? '').split(/\s+/);
    if (!keytype || !key) continue;
    facts[`ssh_host_key_${type}_public`] = key;
    facts[`ssh_host_key_${type}_public_keytype`] = keytype;
  }
  return facts;
}

const PID1_NAMES: Readonly<Record<string, string>> = { procd: 'openwrt_init', 'runit-init': 'runit', svscan: 'svc', 'openrc-init': 'openrc' };
const SYSTEMD_CANARIES = ['/run/systemd/system/', '/dev/.run/systemd/', '/dev/.systemd/'];

/** Ansible's service_mgr: PID 1's name unless it is `init` or a shell, else what the file system shows. */
export function serviceManager(sources: FactSources): string {
  const initLink = (sources.sections.get('init_link') ?? '').trim();
  const pid1 = (firstLine(sources, '/proc/1/comm') ?? initLink).split('/').pop()!.trim();
  if (pid1 && pid1 !== 'init' && !pid1.endsWith('sh')) return Object.prototype.hasOwnProperty.call(PID1_NAMES, pid1) ? PID1_NAMES[pid1]! : pid1;
  const has = (path: string) => sources.paths.has(path);
  const tools = new Set((sources.sections.get('tools') ?? '').split('\n'));
  if (tools.has('systemctl') && SYSTEMD_CANARIES.some(has)) return 'systemd';
  if (tools.has('initctl') && has('/etc/init/')) return 'upstart';
  if (has('/sbin/openrc')) return 'openrc';
  if (tools.has('systemctl') && initLink.split('/').pop() === 'systemd') return 'systemd';
  if (has('/etc/init.d/')) return 'sysvinit';
  return 'service';
}

/** Ansible's list: the last one present wins ("preferred last"). */
export const PACKAGE_MANAGERS: readonly [string, string][] = [
  ['/usr/bin/rpm-ostree', 'atomic_container'], ['/usr/bin/yum', 'yum'], ['/usr/bin/dnf', 'dnf'], ['/usr/bin/apt-get', 'apt'], ['/usr/bin/zypper', 'zypper'],
  ['/usr/sbin/urpmi', 'urpmi'], ['/usr/bin/pacman', 'pacman'], ['/bin/opkg', 'opkg'], ['/sbin/apk', 'apk'], ['/usr/bin/emerge', 'portage'],
  ['/usr/bin/xbps-install', 'xbps'], ['/usr/bin/swupd', 'swupd'], ['/usr/sbin/sorcery', 'sorcery'],
];

export function packageManager(sources: FactSources, distribution: Readonly<Record<string, unknown>>): string {
  const has = (path: string) => sources.paths.has(path);
  let name = PACKAGE_MANAGERS.filter(([path]) => has(path)).pop()?.[1] ?? 'unknown';
  const major = Number(distribution.distribution_major_version);
  if (distribution.os_family === 'RedHat') {
    if (has('/run/ostree-booted')) return 'atomic_container';
    const dnfFrom = distribution.distribution === 'Fedora' ? 23 : distribution.distribution === 'Amazon' ? 2022 : 8;
    if (Number.isNaN(major) || major >= dnfFrom) name = has('/usr/bin/dnf') || Number.isNaN(major) ? 'dnf' : name;
    else if (has('/usr/bin/yum')) name = 'yum';
  } else if (distribution.os_family === 'Debian') name = 'apt';
  else if (distribution.os_family === 'Altlinux' && name === 'apt') name = 'apt_rpm';
  if (name === 'apt' && has('/usr/bin/rpm') && !has('/usr/bin/dpkg')) name = 'apt_rpm';
  return name;
}

/** capsh --print's Current line as Ansible reads it; 'N/A' without capsh or when it failed. */
export function capsFacts(sources: FactSources): Record<string, unknown> {
  const ran = sources.ordered.find((section) => section.name.startsWith('capsh_rc '));
  if (ran?.name !== 'capsh_rc 0') return { system_capabilities_enforced: 'N/A', system_capabilities: 'N/A' };
  let enforced = 'NA';
  let caps: string[] = [];
  for (const line of (sources.sections.get('capsh') ?? '').split('\n')) {
    if (!line.startsWith('Current:')) continue;
    enforced = line.split(':')[1]!.trim() === '=ep' ? 'False' : 'True';
    caps = enforced === 'True' ? (line.split('=')[1] ?? '').split(',').map((cap) => cap.trim()) : [];
  }
  return { system_capabilities_enforced: enforced, system_capabilities: caps };
}

/** Ansible's is_chroot: debian_chroot set, else / is not PID 1's root, else (that unreadable) /'s inode is not its file system's root inode. */
export function isChroot(sources: FactSources): boolean {
  if ((sources.sections.get('debian_chroot') ?? '').trim() !== '') return true;
  const same = sources.sections.get('root_same')?.trim();
  if (same !== undefined) return same !== 'yes';
  const type = sources.sections.get('root_fs') ?? '';
  const rootInode = type.includes('btrfs') ? '256' : type.includes('xfs') ? '128' : '2';
  return (sources.sections.get('root_inode') ?? '').trim().split(/\s+/)[0] !== rootInode;
}
