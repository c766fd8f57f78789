/** Distribution, mount and environment facts from what the fact script read, under Ansible's names. */

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

/** Debian's point release lives in /etc/debian_version (12.11), os-release says only 12. */
export function distributionFacts(os: Record<string, string>, debianVersion: string): Record<string, string> {
  const id = (os.ID ?? '').toLowerCase();
  const ids = `${id} ${os.ID_LIKE ?? ''}`.toLowerCase();
  const version = id === 'debian' && /^\d+(\.\d+)*$/.test(debianVersion.trim()) ? debianVersion.trim() : (os.VERSION_ID ?? '');
  const [major = '', minor = ''] = version.split('.');
  return {
    ansible_distribution: Object.prototype.hasOwnProperty.call(DISTRIBUTION_NAMES, id) ? DISTRIBUTION_NAMES[id]! : (os.NAME ?? 'NA'),
    ansible_distribution_version: version || 'NA',
    ansible_distribution_major_version: major || 'NA',
    ansible_distribution_minor_version: minor,
    ansible_distribution_release: os.VERSION_CODENAME ?? 'NA',
    ansible_os_family: FAMILIES.find(([pattern]) => pattern.test(ids))?.[1] ?? (os.NAME ?? 'NA'),
  };
}

/**
 * Lines `device|mount|fstype|options|<stat -f: block size, blocks, free, available, inodes, free inodes>`
 * for the mounts Ansible lists (device paths and network shares). /proc/mounts writes a space as \040.
 */
export function parseMounts(text: string): Record<string, unknown>[] {
  const mounts: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    const [device, mount, fstype, options, sizes] = line.split('|');
    if (!mount) continue;
    const [blockSize, blocks, , available, inodes, freeInodes] = (sizes ?? '').trim().split(/\s+/).map(Number);
    const known = blockSize !== undefined && Number.isFinite(blockSize) && blocks !== undefined && Number.isFinite(blocks);
    mounts.push({
      mount: unescapeMount(mount),
      device: unescapeMount(device ?? ''),
      fstype,
      options,
      size_total: known ? blockSize! * blocks! : 0,
      size_available: known ? blockSize! * (available ?? 0) : 0,
      block_size: known ? blockSize : 0,
      block_total: known ? blocks : 0,
      block_available: known ? available : 0,
      block_used: known ? blocks! - (available ?? 0) : 0,
      inode_total: known ? inodes : 0,
      inode_available: known ? freeInodes : 0,
      inode_used: known ? (inodes ?? 0) - (freeInodes ?? 0) : 0,
      uuid: 'N/A',
    });
  }
  return mounts;
}

function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_whole, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** `env` output: NAME=value lines; a line that starts no new NAME= continues the previous value. */
export function parseEnvironment(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) {
      const forbidden = ['__proto__', 'constructor', 'prototype'].includes(match[1]!);
      last = forbidden ? undefined : match[1]!;
      if (last !== undefined) env[last] = match[2]!;
    } else if (last !== undefined && line !== '') {
      env[last] += `\n${line}`;
    }
  }
  return env;
}
