/**
 * setup (Gathering Facts): one POSIX sh exec collects a documented subset of
 * Ansible's facts, falling back to /proc, /sys and /etc/os-release when
 * tools (ip, hostname, df) are missing.
 */
import { parseReport, REPORT_FUNCTIONS, scriptFailure } from './lib/report.js';
import type { ModuleDef } from './module.js';

const FACTS_SCRIPT = `${REPORT_FUNCTIONS}
cx_report hostname "$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)"
cx_report fqdn "$(hostname -f 2>/dev/null || hostname 2>/dev/null || cat /proc/sys/kernel/hostname)"
cx_report kernel "$(uname -r)"
cx_report architecture "$(uname -m)"
cx_report vcpus "$(getconf _NPROCESSORS_ONLN 2>/dev/null || grep -c ^processor /proc/cpuinfo)"
cx_report memtotal_kb "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
cx_report user_id "$(id -un)"
if [ -r /etc/os-release ]; then cx_report64 os_release "$(cat /etc/os-release)"; fi
cx_report service_mgr "$(cat /proc/1/comm 2>/dev/null)"
if command -v ip >/dev/null 2>&1; then
  cx_report64 route "$(ip -4 route show default 2>/dev/null | head -n1)"
  cx_report64 addresses "$(ip -4 -o addr show 2>/dev/null)"
else
  cx_report64 addresses "$(hostname -I 2>/dev/null)"
fi
cx_report64 mounts "$(df -P -k 2>/dev/null | tail -n +2)"
cx_report64 mount_types "$(cat /proc/mounts 2>/dev/null)"
cx_report done 1
`;

export const setupModule: ModuleDef = {
  name: 'setup',
  argsSchema: {
    type: 'object',
    properties: { gather_subset: { type: 'array', items: { type: 'string' } }, filter: { type: 'array', items: { type: 'string' } }, gather_timeout: { type: 'integer' } },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const result = await ctx.exec(FACTS_SCRIPT);
    const report = parseReport(result.stdout);
    if (report.done !== '1') return scriptFailure(result.rc, result.stderr);
    return { changed: false, ansible_facts: factsFrom(report) };
  },
};

function factsFrom(report: Record<string, string>): Record<string, unknown> {
  const os = parseOsRelease(report.os_release ?? '');
  const addresses = parseAddresses(report.addresses ?? '');
  const defaultIpv4 = parseDefaultRoute(report.route ?? '', addresses);
  const hostname = (report.hostname ?? '').split('.')[0]!;
  const memtotal = Math.floor(Number(report.memtotal_kb ?? 0) / 1024);
  const pid1 = (report.service_mgr ?? '').trim();
  return {
    ansible_hostname: hostname,
    ansible_nodename: report.hostname,
    ansible_fqdn: report.fqdn,
    ansible_kernel: report.kernel,
    ansible_architecture: report.architecture,
    ansible_machine: report.architecture,
    ansible_processor_vcpus: Number(report.vcpus ?? 0),
    ansible_processor_nproc: Number(report.vcpus ?? 0),
    ansible_memtotal_mb: memtotal,
    ansible_user_id: report.user_id,
    ansible_distribution: distributionName(os),
    ansible_distribution_version: os.VERSION_ID ?? '',
    ansible_distribution_release: os.VERSION_CODENAME ?? '',
    ansible_distribution_major_version: (os.VERSION_ID ?? '').split('.')[0] ?? '',
    ansible_os_family: osFamily(os),
    ansible_system: 'Linux',
    ansible_service_mgr: pid1 === 'systemd' ? 'systemd' : pid1 || 'unknown',
    ansible_default_ipv4: defaultIpv4,
    ansible_all_ipv4_addresses: addresses.map((entry) => entry.address).filter((address) => !address.startsWith('127.')),
    ansible_mounts: parseMounts(report.mounts ?? '', report.mount_types ?? ''),
  };
}

function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) out[match[1]!] = match[2]!.replace(/^["']|["']$/g, '');
  }
  return out;
}

function distributionName(os: Record<string, string>): string {
  const id = (os.ID ?? 'unknown').toLowerCase();
  const names: Record<string, string> = { debian: 'Debian', ubuntu: 'Ubuntu', rhel: 'RedHat', centos: 'CentOS', rocky: 'Rocky', almalinux: 'AlmaLinux', fedora: 'Fedora', sles: 'SLES', opensuse: 'openSUSE', 'opensuse-leap': 'openSUSE Leap' };
  return names[id] ?? (os.NAME ?? id);
}

function osFamily(os: Record<string, string>): string {
  const ids = `${os.ID ?? ''} ${os.ID_LIKE ?? ''}`.toLowerCase();
  if (/debian|ubuntu/.test(ids)) return 'Debian';
  if (/rhel|fedora|centos|rocky|alma/.test(ids)) return 'RedHat';
  if (/suse/.test(ids)) return 'Suse';
  return os.ID ?? 'unknown';
}

interface Address {
  readonly interface: string;
  readonly address: string;
  readonly prefix: number;
}

function parseAddresses(text: string): Address[] {
  const out: Address[] = [];
  for (const match of text.matchAll(/^\d+:\s+(\S+)\s+inet\s+(\d+\.\d+\.\d+\.\d+)\/(\d+)/gm)) {
    out.push({ interface: match[1]!, address: match[2]!, prefix: Number(match[3]) });
  }
  if (out.length === 0) for (const address of text.split(/\s+/).filter((word) => /^\d+\.\d+\.\d+\.\d+$/.test(word))) out.push({ interface: 'unknown', address, prefix: 32 });
  return out;
}

function parseDefaultRoute(route: string, addresses: Address[]): Record<string, unknown> {
  const gateway = /via (\S+)/.exec(route)?.[1];
  const device = /dev (\S+)/.exec(route)?.[1];
  const entry = addresses.find((candidate) => candidate.interface === device) ?? addresses.find((candidate) => !candidate.address.startsWith('127.'));
  if (!entry) return {};
  const mask = entry.prefix === 0 ? 0 : (0xffffffff << (32 - entry.prefix)) >>> 0;
  const toDotted = (value: number) => [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
  const numeric = entry.address.split('.').reduce((total, part) => ((total << 8) | Number(part)) >>> 0, 0);
  return { address: entry.address, interface: entry.interface, netmask: toDotted(mask), network: toDotted((numeric & mask) >>> 0), prefix: String(entry.prefix), gateway: gateway ?? null };
}

function parseMounts(df: string, procMounts: string): Record<string, unknown>[] {
  const types = new Map<string, string>();
  for (const line of procMounts.split('\n')) {
    const [device, mount, fstype] = line.split(/\s+/);
    if (mount) types.set(mount, fstype ?? '');
    void device;
  }
  return df
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 6)
    .map(([device, total, used, available, , mount]) => ({
      mount,
      device,
      fstype: types.get(mount!) ?? '',
      size_total: Number(total) * 1024,
      size_available: Number(available) * 1024,
      size_used: Number(used) * 1024,
    }));
}
