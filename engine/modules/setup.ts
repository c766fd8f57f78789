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
import { shellCode } from './lib/shell-code.js';
import SETUP_SH from './sh/setup.sh';

/** The facts script: cx_facts (engine/modules/sh/setup.sh). */
const FACTS_SCRIPT = `${REPORT_FUNCTIONS}${shellCode(SETUP_SH)}cx_facts`;

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
