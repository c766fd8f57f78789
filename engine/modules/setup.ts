/**
 * setup (Gathering Facts): one POSIX sh exec collects a documented subset of
 * Ansible's facts under Ansible's names. Every tool is optional: without
 * `hostname`, `ip` or `getconf` the script falls back to /proc, /sys and
 * /etc/os-release, and mount sizes come from `stat -f` (no df needed).
 * `filter` keeps only the facts whose names match its shell-style patterns.
 */
import { networkFacts } from './lib/network-facts.js';
import { readReport, REPORT_FUNCTIONS, scriptFailure, type Report } from './lib/report.js';
import { distributionFacts, parseEnvironment, parseMounts, parseOsRelease } from './lib/system-facts.js';
import type { ModuleDef } from './module.js';

const FACTS_SCRIPT = `${REPORT_FUNCTIONS}
cx_has() { command -v "$1" >/dev/null 2>&1; }
cx_read() { [ -r "$1" ] && cat "$1" 2>/dev/null; }
if cx_has hostname; then cx_report64 hostname "$(hostname)"; cx_report64 fqdn "$(hostname -f 2>/dev/null || hostname)"
else cx_report64 hostname "$(cx_read /proc/sys/kernel/hostname)"; fi
cx_report64 kernel "$(uname -r)"
cx_report64 kernel_version "$(uname -v)"
cx_report64 architecture "$(uname -m)"
cx_report vcpus "$(getconf _NPROCESSORS_ONLN 2>/dev/null || grep -c '^processor' /proc/cpuinfo)"
cx_report nproc "$(nproc 2>/dev/null || grep -c '^processor' /proc/cpuinfo)"
cx_report64 meminfo "$(grep -E '^(MemTotal|MemFree|SwapTotal|SwapFree):' /proc/meminfo)"
cx_report64 user "$(id -un)|$(id -u)|$(id -g)|$HOME|$SHELL"
cx_report64 os_release "$(cx_read /etc/os-release || cx_read /usr/lib/os-release)"
cx_report64 debian_version "$(cx_read /etc/debian_version)"
if [ -d /run/systemd/system ]; then cx_report service_mgr systemd; else cx_report64 service_mgr "$(cx_read /proc/1/comm)"; fi
cx_report64 machine_id "$(cx_read /etc/machine-id)"
cx_report64 uptime "$(cx_read /proc/uptime)"
for cx_m in apt-get dnf yum zypper apk pacman; do if cx_has "$cx_m"; then cx_report pkg_mgr "$cx_m"; break; fi; done
if cx_has ip; then
  cx_report64 ip_addresses "$(ip -4 -o addr show 2>/dev/null)"
  cx_report64 ip_route "$(ip -4 route show default 2>/dev/null)"
else
  cx_report64 fib_trie "$(cx_read /proc/net/fib_trie)"
  cx_report64 proc_route "$(cx_read /proc/net/route)"
fi
cx_report64 links "$(for cx_l in /sys/class/net/*; do [ -e "$cx_l" ] && printf '%s %s %s\\n' "\${cx_l##*/}" "$(cx_read "$cx_l/address")" "$(cx_read "$cx_l/mtu")"; done)"
cx_report64 mounts "$(while read -r cx_dev cx_mnt cx_type cx_opts cx_rest; do
  case "$cx_dev" in /*|*:/*) ;; *) continue;; esac
  [ "$cx_type" = none ] && continue
  printf '%s|%s|%s|%s|%s\\n' "$cx_dev" "$cx_mnt" "$cx_type" "$cx_opts" "$(stat -f -c '%S %b %f %a %c %d' -- "$(printf '%b' "$cx_mnt")" 2>/dev/null)"
done < /proc/mounts)"
cx_report64 env "$(env)"
cx_report done 1
`;

/** What the facts script reports: the raw sources of the facts, parsed here. */
const FACTS_REPORT = { done: 'flag', vcpus: 'number', nproc: 'number', architecture: 'text', debian_version: 'text', env: 'text', fib_trie: 'text', fqdn: 'text', hostname: 'text', ip_addresses: 'text', ip_route: 'text', kernel: 'text', kernel_version: 'text', links: 'text', machine_id: 'text', meminfo: 'text', mounts: 'text', os_release: 'text', pkg_mgr: 'text', proc_route: 'text', service_mgr: 'text', uptime: 'text', user: 'text' } as const;

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
    const result = await ctx.exec(FACTS_SCRIPT);
    const report = readReport(result.stdout, FACTS_REPORT);
    if (report.done !== true) return scriptFailure(result.rc, result.stderr);
    const facts = factsFrom(report);
    const filters = (ctx.args.filter as string[] | undefined) ?? [];
    return { changed: false, ansible_facts: filters.length === 0 ? facts : filtered(facts, filters) };
  },
};

function factsFrom(report: Report<typeof FACTS_REPORT>): Record<string, unknown> {
  const hostname = (report.hostname ?? '').trim();
  const fqdn = (report.fqdn ?? hostname).trim();
  const memory = meminfoMegabytes(report.meminfo ?? '');
  const [userId, uid, gid, home, shell] = (report.user ?? '').split('|');
  const pid1 = (report.service_mgr ?? '').trim();
  return {
    ansible_hostname: hostname.split('.')[0],
    ansible_nodename: hostname,
    ansible_fqdn: fqdn,
    ansible_domain: fqdn.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : '',
    ansible_kernel: report.kernel,
    ansible_kernel_version: report.kernel_version,
    ansible_architecture: report.architecture,
    ansible_machine: report.architecture,
    ansible_system: 'Linux',
    ansible_processor_vcpus: report.vcpus ?? 0,
    ansible_processor_nproc: report.nproc ?? report.vcpus ?? 0,
    ansible_memtotal_mb: memory.MemTotal,
    ansible_memfree_mb: memory.MemFree,
    ansible_swaptotal_mb: memory.SwapTotal,
    ansible_swapfree_mb: memory.SwapFree,
    ansible_user_id: userId,
    ansible_user_uid: Number(uid),
    ansible_user_gid: Number(gid),
    ansible_user_dir: home,
    ansible_user_shell: shell,
    ...distributionFacts(parseOsRelease(report.os_release ?? ''), report.debian_version ?? ''),
    ansible_service_mgr: pid1 === 'systemd' ? 'systemd' : pid1 || 'unknown',
    ansible_pkg_mgr: report.pkg_mgr === 'apt-get' ? 'apt' : (report.pkg_mgr ?? 'unknown'),
    ansible_machine_id: (report.machine_id ?? '').trim(),
    ansible_uptime_seconds: Math.floor(Number((report.uptime ?? '0').split(' ')[0])),
    ...networkFacts({ ipAddresses: report.ip_addresses, ipRoute: report.ip_route, fibTrie: report.fib_trie, procRoute: report.proc_route, links: report.links }),
    ansible_mounts: parseMounts(report.mounts ?? ''),
    ansible_env: parseEnvironment(report.env ?? ''),
  };
}

/** /proc/meminfo values in kB to whole MiB, as Ansible reports them. */
function meminfoMegabytes(text: string): Record<string, number> {
  const out: Record<string, number> = { MemTotal: 0, MemFree: 0, SwapTotal: 0, SwapFree: 0 };
  for (const match of text.matchAll(/^(\w+):\s+(\d+)/gm)) out[match[1]!] = Math.floor(Number(match[2]) / 1024);
  return out;
}

/** Ansible's filter: fnmatch patterns on the fact names (`ansible_*_mb`, `ansible_distribution*`). */
function filtered(facts: Record<string, unknown>, patterns: readonly string[]): Record<string, unknown> {
  const matchers = patterns.map((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return Object.fromEntries(Object.entries(facts).filter(([name]) => matchers.some((matcher) => matcher.test(name))));
}
