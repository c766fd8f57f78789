/** setup: one exec, Ansible's fact names, and the same answers when ip, hostname, getconf and df are missing. */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkFacts } from '../../engine/modules/lib/network-facts.js';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const setup = findModule('setup')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

const factsOf = async (environment?: Record<string, string>, filter?: string[]) => {
  const { result, execs } = await runModule(setup, { args: filter ? { filter } : {}, environment });
  expect(result.failed).toBeUndefined();
  expect(execs).toBe(1);
  return result.ansible_facts as Record<string, unknown>;
};

describe('setup', () => {
  it('gathers the documented facts in one exec', async () => {
    const facts = await factsOf();
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    expect(facts).toMatchObject({
      ansible_hostname: hostname().split('.')[0],
      ansible_nodename: hostname(),
      ansible_kernel: release(),
      ansible_processor_vcpus: cpus().length,
      ansible_memtotal_mb: Math.floor(totalmem() / 1024 / 1024),
      ansible_user_id: 'root',
      ansible_system: 'Linux',
      ansible_distribution_release: /VERSION_CODENAME=(\w+)/.exec(osRelease)?.[1] ?? 'NA',
    });
    expect(facts.ansible_architecture).toMatch(/^(x86_64|aarch64)$/);
    expect(facts.ansible_distribution_major_version).toBe(String(facts.ansible_distribution_version).split('.')[0]);
    for (const address of facts.ansible_all_ipv4_addresses as string[]) expect(address).toMatch(/^(?!127\.)\d+\.\d+\.\d+\.\d+$/);
    const root = (facts.ansible_mounts as Record<string, unknown>[]).find((mount) => mount.mount === '/');
    if (root) expect(root.size_total as number).toBeGreaterThan(root.size_available as number);
    for (const mount of facts.ansible_mounts as Record<string, unknown>[]) expect(String(mount.device)).toMatch(/^\/|:\//);
    expect((facts.ansible_env as Record<string, string>).HOME).toBe('/root');
  });

  it('gives the same answers from /proc and /sys when ip, hostname, getconf, nproc and df are missing', async () => {
    const full = await factsOf();
    const bin = join(d, 'bin');
    mkdirSync(bin);
    const missing = new Set(['ip', 'hostname', 'getconf', 'nproc', 'df']);
    for (const tool of readdirSync('/usr/bin')) if (!missing.has(tool)) symlinkSync(join('/usr/bin', tool), join(bin, tool));
    const reduced = await factsOf({ PATH: bin });
    for (const name of ['ansible_hostname', 'ansible_nodename', 'ansible_processor_vcpus', 'ansible_all_ipv4_addresses', 'ansible_default_ipv4', 'ansible_interfaces', 'ansible_distribution', 'ansible_distribution_version', 'ansible_os_family', 'ansible_kernel']) {
      expect(reduced[name], name).toEqual(full[name]);
    }
    expect((reduced.ansible_mounts as unknown[]).length).toBe((full.ansible_mounts as unknown[]).length);
  });

  it('keeps only the facts a filter names', async () => {
    const facts = await factsOf(undefined, ['ansible_distribution*', 'ansible_memtotal_mb']);
    expect(Object.keys(facts).sort()).toEqual(['ansible_distribution', 'ansible_distribution_major_version', 'ansible_distribution_minor_version', 'ansible_distribution_release', 'ansible_distribution_version', 'ansible_memtotal_mb']);
  });
});

describe('network facts from /proc', () => {
  const FIB_TRIE = ['Main:', '  +-- 0.0.0.0/0 3 0 5', '     |-- 0.0.0.0', '        /0 universe UNICAST', '     +-- 10.1.0.0/16 2 0 2', '        |-- 10.1.2.3', '           /32 host LOCAL',
    '     +-- 127.0.0.0/8 2 0 2', '        |-- 127.0.0.1', '           /32 host LOCAL', '     +-- 192.168.5.0/24 2 0 2', '        |-- 192.168.5.7', '           /32 host LOCAL', '        |-- 192.168.5.255', '           /32 link BROADCAST',
    'Local:', '     |-- 10.1.2.3', '        /32 host LOCAL'].join('\n');
  const ROUTE = ['Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT', 'ens4\t00000000\t0105A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0', 'ens4\t0005A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0', 'ens5\t0000010A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0'].join('\n');

  it('finds addresses, the default route and its interface', () => {
    const facts = networkFacts({ fibTrie: FIB_TRIE, procRoute: ROUTE, links: 'ens4 52:54:00:aa:bb:cc 9000\nens5 52:54:00:dd:ee:ff 1500\nlo 00:00:00:00:00:00 65536' });
    expect(facts.ansible_all_ipv4_addresses).toEqual(['10.1.2.3', '192.168.5.7']);
    expect(facts.ansible_default_ipv4).toEqual({ address: '192.168.5.7', alias: 'ens4', broadcast: '192.168.5.255', gateway: '192.168.5.1', interface: 'ens4', macaddress: '52:54:00:aa:bb:cc', mtu: 9000, netmask: '255.255.255.0', network: '192.168.5.0', prefix: '24', type: 'ether' });
    expect(facts.ansible_interfaces).toEqual(['ens4', 'ens5', 'lo']);
  });

  it('reads the same from ip when the host has it', () => {
    const facts = networkFacts({ ipAddresses: '2: ens4    inet 192.168.5.7/24 brd 192.168.5.255 scope global ens4\\\n3: ens5    inet 10.1.2.3/16 scope global ens5', ipRoute: 'default via 192.168.5.1 dev ens4 proto dhcp', links: 'ens4 52:54:00:aa:bb:cc 9000' });
    expect(facts.ansible_all_ipv4_addresses).toEqual(['192.168.5.7', '10.1.2.3']);
    expect(facts.ansible_default_ipv4).toMatchObject({ address: '192.168.5.7', gateway: '192.168.5.1', interface: 'ens4', network: '192.168.5.0' });
  });
});
