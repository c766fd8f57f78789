/** Ansible's distribution facts from /etc/os-release (and the release files it prefers for some families), under Ansible's names. */
import { firstLine, type FactSources } from './sections.js';

export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) out[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

const DISTRIBUTION_NAMES: Readonly<Record<string, string>> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  rhel: 'RedHat',
  centos: 'CentOS',
  rocky: 'Rocky',
  almalinux: 'AlmaLinux',
  fedora: 'Fedora',
  ol: 'OracleLinux',
  amzn: 'Amazon',
  sles: 'SLES',
  'sles_sap': 'SLES_SAP',
  'opensuse-leap': 'openSUSE Leap',
  'opensuse-tumbleweed': 'openSUSE Tumbleweed',
  alpine: 'Alpine',
  arch: 'Archlinux',
};

const FAMILIES: readonly [RegExp, string][] = [
  [/\b(debian|ubuntu|linuxmint|raspbian)\b/, 'Debian'],
  [/\b(rhel|fedora|centos|rocky|almalinux|ol|amzn)\b/, 'RedHat'],
  [/\b(suse|sles|opensuse)/, 'Suse'],
  [/\barch\b/, 'Archlinux'],
  [/\balpine\b/, 'Alpine'],
];

/**
 * Which release file Ansible's distribution collector settles on, by family
 * (the first of its list the host has): `distribution_file_path` and
 * `_variety`.
 */
const RELEASE_FILES: readonly [string, string, string][] = [
  ['OracleLinux', '/etc/oracle-release', 'OracleLinux'],
  ['CentOS', '/etc/centos-release', 'CentOS'],
  ['RedHat', '/etc/redhat-release', 'RedHat'],
  ['Amazon', '/etc/os-release', 'Amazon'],
  ['Alpine', '/etc/alpine-release', 'Alpine'],
  ['Archlinux', '/etc/arch-release', 'Archlinux'],
  ['Suse', '/etc/os-release', 'SUSE'],
  ['Debian', '/etc/os-release', 'Debian'],
];

/** Debian's point release lives in /etc/debian_version (12.11), os-release says only 12. */
export function distributionFacts(sources: FactSources): Record<string, unknown> {
  const os = parseOsRelease(sources.files.get('/etc/os-release') ?? sources.files.get('/usr/lib/os-release') ?? '');
  const debianVersion = firstLine(sources, '/etc/debian_version') ?? '';
  const id = (os.ID ?? '').toLowerCase();
  const ids = `${id} ${os.ID_LIKE ?? ''}`.toLowerCase();
  const version = id === 'debian' && /^\d+(\.\d+)*$/.test(debianVersion) ? debianVersion : (os.VERSION_ID ?? '');
  const [major = '', minor = ''] = version.split('.');
  const distribution = Object.prototype.hasOwnProperty.call(DISTRIBUTION_NAMES, id) ? DISTRIBUTION_NAMES[id]! : (os.NAME ?? 'NA');
  const family = FAMILIES.find(([pattern]) => pattern.test(ids))?.[1] ?? (os.NAME ?? 'NA');
  const file = RELEASE_FILES.find(([name, path]) => (name === distribution || name === family) && (sources.paths.has(path) || sources.files.has(path)));
  return {
    distribution,
    distribution_version: version || 'NA',
    distribution_major_version: major || 'NA',
    distribution_minor_version: minor,
    distribution_release: os.VERSION_CODENAME ?? 'NA',
    os_family: family,
    ...(file ? { distribution_file_parsed: true, distribution_file_path: file[1], distribution_file_variety: file[2] } : {}),
  };
}

/**
 * What Debian's lsb_release (a short sh script over os-release) prints for
 * -a, without running it: ID with a capital (NAME when they differ only in
 * case), PRETTY_NAME, VERSION_ID, VERSION_CODENAME, `n/a` when missing.
 */
export function debianLsbRelease(sources: FactSources): string {
  const os = parseOsRelease(sources.files.get('/etc/os-release') ?? sources.files.get('/usr/lib/os-release') ?? '');
  const rawId = os.ID ?? '';
  const id = os.NAME !== undefined && rawId.toLowerCase() === os.NAME.toLowerCase() ? os.NAME : rawId.charAt(0).toUpperCase() + rawId.slice(1);
  return [['Distributor ID', id], ['Description', os.PRETTY_NAME], ['Release', os.VERSION_ID], ['Codename', os.VERSION_CODENAME]].map(([label, value]) => `${label}:\t${value || 'n/a'}`).join('\n');
}
