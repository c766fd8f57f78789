/**
 * Ansible's gather_subset and filter, as its fact collector resolves them on
 * Linux: subset names are collector names or the fact ids they answer for,
 * `all`, `min` and `!`-negations; a collector brings the collectors it
 * requires; filter keeps facts whose names match fnmatch patterns (a pattern
 * without `ansible_` also tries with it).
 */
/** Each collector Ansible runs on Linux, with the fact ids that select it too and the collectors it requires. */
const COLLECTORS: Readonly<Record<string, { readonly ids?: readonly string[]; readonly requires?: readonly string[] }>> = {
  platform: { ids: ['system', 'kernel', 'kernel_version', 'machine', 'python_version', 'architecture', 'machine_id'] },
  distribution: { ids: ['distribution_version', 'distribution_release', 'distribution_major_version', 'os_family'] },
  lsb: {},
  selinux: {},
  apparmor: {},
  chroot: { ids: ['is_chroot'] },
  fips: {},
  python: {},
  caps: { ids: ['system_capabilities', 'system_capabilities_enforced'] },
  pkg_mgr: { requires: ['distribution'] },
  service_mgr: { requires: ['platform', 'distribution'] },
  cmdline: {},
  date_time: {},
  env: {},
  loadavg: {},
  ssh_pub_keys: { ids: ['ssh_host_pub_keys', 'ssh_host_key_dsa_public', 'ssh_host_key_rsa_public', 'ssh_host_key_ecdsa_public', 'ssh_host_key_ed25519_public'] },
  user: { ids: ['user_id', 'user_uid', 'user_gid', 'user_gecos', 'user_dir', 'user_shell', 'real_user_id', 'effective_user_id', 'effective_group_ids'] },
  virtual: { ids: ['virtualization_type', 'virtualization_role', 'virtualization_tech_guest', 'virtualization_tech_host'] },
  hardware: { ids: ['processor', 'processor_cores', 'processor_count', 'mounts', 'devices'], requires: ['platform'] },
  dns: {},
  fibre_channel_wwn: {},
  network: { ids: ['interfaces', 'default_ipv4', 'default_ipv6', 'all_ipv4_addresses', 'all_ipv6_addresses'], requires: ['distribution', 'platform'] },
  iscsi: {},
  nvme: {},
  local: {},
  facter: { ids: ['facter'] },
  ohai: {},
};

const MINIMAL = ['apparmor', 'caps', 'cmdline', 'date_time', 'distribution', 'dns', 'env', 'fips', 'local', 'lsb', 'pkg_mgr', 'platform', 'python', 'selinux', 'service_mgr', 'ssh_pub_keys', 'user'];

/** Subset name (collector or fact id) to its collector. */
const COLLECTOR_OF: ReadonlyMap<string, string> = new Map(Object.entries(COLLECTORS).flatMap(([name, collector]) => [[name, name] as const, ...(collector.ids ?? []).map((id) => [id, name] as const)]));

/** gather_subset and filter accept a list or a comma-separated string. */
export function listArgument(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** The collectors a gather_subset selects (with those they require), or Ansible's message for an unknown name. */
export function selectedCollectors(subsets: readonly string[]): Set<string> | string {
  const valid = new Set(COLLECTOR_OF.keys());
  const added = new Set<string>();
  const explicit = new Set<string>();
  const excluded = new Set<string>();
  // As Ansible: the minimum comes first, whatever is asked (only `!min` leaves it out).
  for (const subset of ['min', ...(subsets.length === 0 ? ['all'] : subsets)]) {
    if (subset === 'min') MINIMAL.forEach((name) => added.add(name));
    else if (subset === 'all') valid.forEach((name) => added.add(name));
    else if (subset === '!min') MINIMAL.forEach((name) => excluded.add(name));
    else if (subset === '!all') valid.forEach((name) => MINIMAL.includes(name) || excluded.add(name));
    else if (subset.startsWith('!')) excludeWithAliases(subset.slice(1), excluded);
    else if (!valid.has(subset)) return `Bad subset '${subset}' given to Ansible. gather_subset options allowed: all, ${[...valid].sort().join(', ')}`;
    else {
      explicit.add(subset);
      added.add(subset);
    }
  }
  if (added.size === 0) valid.forEach((name) => added.add(name));
  for (const name of excluded) if (!explicit.has(name)) added.delete(name);
  const collectors = new Set([...added].map((name) => COLLECTOR_OF.get(name)!));
  for (const name of [...collectors]) for (const required of COLLECTORS[name]?.requires ?? []) collectors.add(required);
  return collectors;
}

/** `!hardware` also drops `processor`, `mounts`...: the ids of a collector go with it. */
function excludeWithAliases(name: string, excluded: Set<string>): void {
  excluded.add(name);
  for (const id of COLLECTORS[name]?.ids ?? []) excluded.add(id);
}

/** Ansible's filter: the facts whose names match one of the fnmatch patterns (an empty list keeps all). */
export function filteredFacts(facts: Record<string, unknown>, patterns: readonly string[]): Record<string, unknown> {
  if (patterns.length === 0 || patterns.includes('*')) return facts;
  const matchers = patterns.flatMap((pattern) => (/^(ansible_|facter|ohai)/.test(pattern) ? [fnmatch(pattern)] : [fnmatch(pattern), fnmatch(`ansible_${pattern}`)]));
  return Object.fromEntries(Object.entries(facts).filter(([name]) => matchers.some((matcher) => matcher.test(name))));
}

/** Python's fnmatch: `*`, `?`, `[seq]` and `[!seq]`, case-sensitive, the whole name. */
export function fnmatch(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const close = pattern.indexOf(']', index + (pattern[index + 1] === '!' ? 3 : 2));
      if (close < 0) source += '\\[';
      else {
        const body = pattern.slice(index + 1, close);
        source += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
        index = close;
      }
    } else source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}
