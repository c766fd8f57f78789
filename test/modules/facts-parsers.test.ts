/** The fact parsers of engine/modules/lib/facts/: host output in, Ansible's facts out (values as ansible-core 2.14's collectors give them). */
import { describe, expect, it } from 'vitest';
import { dateTimeFacts } from '../../engine/modules/lib/facts/date-time.js';
import { bytesToHuman, deviceFacts } from '../../engine/modules/lib/facts/devices.js';
import { debianLsbRelease, distributionFacts } from '../../engine/modules/lib/facts/distribution.js';
import { cpuFacts, memoryFacts, mountFacts } from '../../engine/modules/lib/facts/hardware.js';
import { localFacts, parseIni } from '../../engine/modules/lib/facts/local.js';
import { lvmFacts } from '../../engine/modules/lib/facts/lvm.js';
import { networkFacts } from '../../engine/modules/lib/facts/network.js';
import { platformFacts, userFacts } from '../../engine/modules/lib/facts/platform.js';
import { pythonFacts, pythonVersionFacts } from '../../engine/modules/lib/facts/python.js';
import { readSources, type FactSources } from '../../engine/modules/lib/facts/sections.js';
import { filteredFacts, fnmatch, listArgument, selectedCollectors } from '../../engine/modules/lib/facts/subsets.js';
import { capsFacts, cmdlineFacts, dnsFacts, isChroot, lsbFacts, packageManager, selinuxFacts, serviceManager } from '../../engine/modules/lib/facts/system.js';
import { virtualFacts } from '../../engine/modules/lib/facts/virtual.js';
import { factsLayerValues } from '../../engine/vars/facts-layer.js';

const MARK = '@@cxfacts-test';

/** Script output with these sections; `files` maps paths to their text, `paths` lists the paths that exist. */
function sources(sections: Record<string, string>, files: Record<string, string> = {}, paths: string[] = []): FactSources {
  const fileLines = Object.entries(files).flatMap(([path, text]) => text.split('\n').map((line) => `${path}:${line}`));
  const all: [string, string][] = [['files', fileLines.join('\n')], ['paths', paths.join('\n')], ...Object.entries(sections)];
  return readSources(all.map(([name, text]) => `\n${MARK} ${name}\n${text}`).join(''), MARK);
}

describe('sections', () => {
  it('splits the output at the marker only, keeps text that merely looks like one, and groups grep lines by file', () => {
    const read = readSources(`\n${MARK} env\nA=1\n@@cxfacts-other x\n\n${MARK} files\n/etc/a:x:y\n/etc/a:\n/etc/b:z\n${MARK} done\n`, MARK);
    expect(read.sections.get('env')).toBe('A=1\n@@cxfacts-other x\n');
    expect(read.files.get('/etc/a')).toBe('x:y\n');
    expect(read.files.get('/etc/b')).toBe('z');
    expect(read.sections.has('done')).toBe(true);
  });
});

describe('platform and user', () => {
  it('takes the fqdn as Python getfqdn does: the first reverse name with a dot, else the first', () => {
    const facts = platformFacts(sources({ fqdn_name: '10.0.0.5      web1 web1.example.com' }, { '/proc/sys/kernel/hostname': 'web1', '/proc/sys/kernel/arch': 'x86_64', '/etc/machine-id': 'abc' }));
    expect(facts).toMatchObject({ fqdn: 'web1.example.com', hostname: 'web1', nodename: 'web1', domain: 'example.com', architecture: 'x86_64', userspace_architecture: 'x86_64', userspace_bits: '64', machine_id: 'abc', system: 'Linux' });
    expect(platformFacts(sources({ fqdn_name: '' }, { '/proc/sys/kernel/hostname': 'node1' })).fqdn).toBe('node1');
  });

  it('reads the user from the login name, its passwd entry and the ids of /proc/self/status', () => {
    const facts = userFacts(sources({ login: 'deploy', passwd: 'deploy:x:1000:1001:Deploy User,,,:/home/deploy:/bin/sh' }, { '/proc/self/status': 'Name:\tgrep\nUid:\t1000\t1000\t1000\t1000\nGid:\t1001\t1001\t1001\t1001' }));
    expect(facts).toEqual({ user_id: 'deploy', user_uid: 1000, user_gid: 1001, user_gecos: 'Deploy User,,,', user_dir: '/home/deploy', user_shell: '/bin/sh', real_user_id: 1000, effective_user_id: 1000, real_group_id: 1001, effective_group_id: 1001 });
  });
});

describe('date_time', () => {
  it('gives every field of Ansible from one date call (UTC)', () => {
    expect(dateTimeFacts('1796413522 466046123 UTC +0000', '', '')).toEqual({
      date: '2026-12-04', day: '04', epoch: '1796413522', epoch_int: '1796413522', hour: '19', iso8601: '2026-12-04T19:45:22Z', iso8601_basic: '20261204T194522466046',
      iso8601_basic_short: '20261204T194522', iso8601_micro: '2026-12-04T19:45:22.466046Z', minute: '45', month: '12', second: '22', time: '19:45:22', tz: 'UTC', tz_dst: 'UTC',
      tz_offset: '+0000', weekday: 'Friday', weekday_number: '5', weeknumber: '48', year: '2026',
    });
  });

  it('moves local fields by the offset, keeps iso8601 in UTC, and names the summer zone', () => {
    const facts = dateTimeFacts('1796413522 000001000 CET +0100', 'CET +0100', 'CEST +0200');
    expect(facts).toMatchObject({ hour: '20', time: '20:45:22', iso8601: '2026-12-04T19:45:22Z', iso8601_micro: '2026-12-04T19:45:22.000001Z', tz: 'CET', tz_dst: 'CEST', tz_offset: '+0100' });
    expect(dateTimeFacts('1796413522 000000000 AEDT +1100', 'AEDT +1100', 'AEST +1000').tz_dst).toBe('AEDT');
    expect(dateTimeFacts('1767225600 000000000 UTC +0000', '', '').weeknumber).toBe('00');
  });
});

describe('distribution and lsb', () => {
  const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian';
  it('reads Debian: the point release, the release file Ansible names', () => {
    const facts = distributionFacts(sources({}, { '/etc/os-release': DEBIAN, '/etc/debian_version': '12.11' }, ['/etc/os-release']));
    expect(facts).toEqual({ distribution: 'Debian', distribution_version: '12.11', distribution_major_version: '12', distribution_minor_version: '11', distribution_release: 'bookworm', os_family: 'Debian', distribution_file_parsed: true, distribution_file_path: '/etc/os-release', distribution_file_variety: 'Debian' });
  });

  it('says for lsb what Debian lsb_release -a says, and reads /etc/lsb-release without it', () => {
    const text = debianLsbRelease(sources({}, { '/etc/os-release': DEBIAN }));
    expect(lsbFacts(text, undefined)).toEqual({ codename: 'bookworm', description: 'Debian GNU/Linux 12 (bookworm)', id: 'Debian', major_release: '12', release: '12' });
    expect(lsbFacts('', 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION="Ubuntu 22.04.3 LTS"')).toEqual({ id: 'Ubuntu', release: '22.04', major_release: '22', codename: 'jammy', description: 'Ubuntu 22.04.3 LTS' });
  });
});

describe('hardware', () => {
  it('counts CPUs as Ansible does (sockets, cores of the first, threads from siblings)', () => {
    const cpu = (id: number, core: number) => `processor\t: ${id}\nvendor_id\t: GenuineIntel\nmodel name\t: Xeon\nphysical id\t: 0\nsiblings\t: 4\ncore id\t\t: ${core}\ncpu cores\t: 2\nflags\t\t: fpu vme`;
    const facts = cpuFacts([cpu(0, 0), cpu(1, 1), cpu(2, 0), cpu(3, 1)].join('\n\n'), 'x86_64', 'Cpus_allowed_list:\t0-2');
    expect(facts).toEqual({ processor: ['0', 'GenuineIntel', 'Xeon', '1', 'GenuineIntel', 'Xeon', '2', 'GenuineIntel', 'Xeon', '3', 'GenuineIntel', 'Xeon'], processor_count: 1, processor_cores: 2, processor_threads_per_core: 2, processor_vcpus: 4, processor_nproc: 3 });
  });

  it('counts memory in whole MiB with real, nocache and swap', () => {
    expect(memoryFacts('MemTotal:       24683520 kB\nMemFree:        22669312 kB\nBuffers:           10240 kB\nCached:          1345536 kB\nSwapCached:            0 kB\nSwapTotal:       1048572 kB\nSwapFree:        1048572 kB')).toEqual({
      memtotal_mb: 24105, memfree_mb: 22138, swaptotal_mb: 1023, swapfree_mb: 1023,
      memory_mb: { real: { total: 24105, used: 1967, free: 22138 }, nocache: { free: 23462, used: 643 }, swap: { total: 1023, free: 1023, used: 0, cached: 0 } },
    });
  });

  it('lists the device mounts with statvfs numbers, unescapes names and keeps one entry a mount point', () => {
    const mtab = '/dev/vda / ext4 rw,relatime 0 0\ntmpfs /tmp tmpfs rw 0 0\n/dev/vdb /mnt/my\\040data xfs ro 0 0\nsrv:/export /nfs nfs4 rw 0 0\n/dev/vda / ext4 ro 0 0';
    const statfs = '/|4096|4096|1000|400|300|500|200\n/mnt/my data|512|4096|100|50|50|10|5';
    const mounts = mountFacts(mtab, statfs, '/dev/vda 1234-abcd\n/dev/vdb');
    expect(mounts.map((mount) => mount.mount)).toEqual(['/', '/mnt/my data', '/nfs']);
    expect(mounts[0]).toEqual({ mount: '/', device: '/dev/vda', fstype: 'ext4', options: 'ro', size_total: 4_096_000, size_available: 1_228_800, block_size: 4096, block_total: 1000, block_available: 300, block_used: 700, inode_total: 500, inode_available: 200, inode_used: 300, uuid: '1234-abcd' });
    expect(mounts[1]).toMatchObject({ size_total: 51_200, block_size: 4096, uuid: 'N/A' });
    expect(mounts[2]).toEqual({ mount: '/nfs', device: 'srv:/export', fstype: 'nfs4', options: 'rw', uuid: 'N/A' });
  });
});

describe('network', () => {
  const IP = [
    '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
    '1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever',
    '2: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever preferred_lft forever',
    '2: eth0    inet 192.0.2.9/24 brd 192.0.2.255 scope global secondary eth0\\       valid_lft forever preferred_lft forever',
    '2: eth0    inet6 fd00::2/64 scope global nodad \\       valid_lft forever preferred_lft forever',
    '3: br0    inet 10.1.0.1/16 brd 10.1.255.255 scope global br0\\       valid_lft forever preferred_lft forever',
    '8.8.8.8 via 192.0.2.1 dev eth0 src 192.0.2.2 uid 0 \\    cache ',
    '2404:6800:400a:800::1012 from :: via fd00::1 dev eth0 src fd00::2 metric 1024 pref medium',
  ].join('\n');
  const files = {
    '/sys/class/net/eth0/address': '02:fc:00:00:00:01', '/sys/class/net/eth0/mtu': '1400', '/sys/class/net/eth0/operstate': 'up', '/sys/class/net/eth0/type': '1', '/sys/class/net/eth0/speed': '-1', '/sys/class/net/eth0/flags': '0x1003',
    '/sys/class/net/lo/address': '00:00:00:00:00:00', '/sys/class/net/lo/mtu': '65536', '/sys/class/net/lo/operstate': 'unknown', '/sys/class/net/lo/type': '772', '/sys/class/net/lo/flags': '0x9',
    '/sys/class/net/br0/address': '52:54:00:aa:bb:cc', '/sys/class/net/br0/mtu': '1500', '/sys/class/net/br0/operstate': 'down', '/sys/class/net/br0/type': '1', '/sys/class/net/br0/flags': '0x1103', '/sys/class/net/br0/bridge/bridge_id': '8000.525400aabbcc', '/sys/class/net/br0/bridge/stp_state': '0',
  };
  const links = 'lrwxrwxrwx 1 root root 0 Dec  4 19:00 /sys/class/net/eth0/device -> ../../../virtio2\nlrwxrwxrwx 1 root root 0 Dec  4 19:00 /sys/class/net/br0/brif/eth1 -> ../../eth1/brport';

  it('describes each interface, the default ones and all addresses as Ansible does', () => {
    const facts = networkFacts(sources({ ip: IP, links }, files, ['/sys/class/net/br0', '/sys/class/net/br0/bridge', '/sys/class/net/eth0', '/sys/class/net/eth0/device', '/sys/class/net/lo']));
    expect(facts.interfaces).toEqual(['br0', 'eth0', 'lo']);
    expect(facts.eth0).toEqual({
      device: 'eth0', active: true, macaddress: '02:fc:00:00:00:01', mtu: 1400, type: 'ether', pciid: 'virtio2', speed: -1, promisc: false,
      ipv4: { address: '192.0.2.2', broadcast: '192.0.2.255', netmask: '255.255.255.0', network: '192.0.2.0', prefix: '24' },
      ipv4_secondaries: [{ address: '192.0.2.9', broadcast: '192.0.2.255', netmask: '255.255.255.0', network: '192.0.2.0', prefix: '24' }],
      ipv6: [{ address: 'fd00::2', prefix: '64', scope: 'global' }],
    });
    expect(facts.lo).toEqual({ device: 'lo', active: true, mtu: 65536, type: 'loopback', promisc: false, ipv4: { address: '127.0.0.1', broadcast: '', netmask: '255.0.0.0', network: '127.0.0.0', prefix: '8' }, ipv6: [{ address: '::1', prefix: '128', scope: 'host' }] });
    expect(facts.br0).toMatchObject({ type: 'bridge', interfaces: ['eth1'], id: '8000.525400aabbcc', stp: false, active: false, promisc: true });
    expect(facts.default_ipv4).toEqual({ interface: 'eth0', address: '192.0.2.2', gateway: '192.0.2.1', broadcast: '192.0.2.255', netmask: '255.255.255.0', network: '192.0.2.0', prefix: '24', macaddress: '02:fc:00:00:00:01', mtu: 1400, type: 'ether', alias: 'eth0' });
    expect(facts.default_ipv6).toEqual({ interface: 'eth0', address: 'fd00::2', gateway: 'fd00::1', prefix: '64', scope: 'global', macaddress: '02:fc:00:00:00:01', mtu: 1400, type: 'ether' });
    expect(facts.all_ipv4_addresses).toEqual(['10.1.0.1', '192.0.2.2', '192.0.2.9']);
    expect(facts.all_ipv6_addresses).toEqual(['fd00::2']);
  });

  it('gives no network facts without ip, as Ansible', () => {
    expect(networkFacts(sources({ links: '' }, files, ['/sys/class/net/eth0']))).toEqual({});
  });
});

describe('system collectors', () => {
  it('reads resolv.conf as Ansible does', () => {
    expect(dnsFacts('# c\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nsearch a.example b.example\noptions ndots:2 rotate\ndomain a.example')).toEqual({ nameservers: ['10.0.0.2', '10.0.0.3'], search: ['a.example', 'b.example'], options: { ndots: '2', rotate: true }, domain: 'a.example' });
  });

  it('splits the kernel command line; proc_cmdline keeps repeated keys', () => {
    expect(cmdlineFacts('BOOT_IMAGE=/vmlinuz ro console=tty0 console=ttyS0 quiet')).toEqual({ cmdline: { BOOT_IMAGE: '/vmlinuz', ro: true, console: 'ttyS0', quiet: true }, proc_cmdline: { BOOT_IMAGE: '/vmlinuz', ro: true, console: ['tty0', 'ttyS0'], quiet: true } });
  });

  it('names the service manager from PID 1, else from the file system', () => {
    expect(serviceManager(sources({}, { '/proc/1/comm': 'systemd' }))).toBe('systemd');
    expect(serviceManager(sources({}, { '/proc/1/comm': 'sshd' }))).toBe('sshd');
    expect(serviceManager(sources({}, { '/proc/1/comm': 'runit-init' }))).toBe('runit');
    expect(serviceManager(sources({ tools: 'systemctl\n' }, { '/proc/1/comm': 'bash' }, ['/run/systemd/system/']))).toBe('systemd');
    expect(serviceManager(sources({ tools: 'systemctl\n', init_link: '/lib/systemd/systemd' }, { '/proc/1/comm': 'sh' }))).toBe('systemd');
    expect(serviceManager(sources({ tools: '' }, { '/proc/1/comm': 'init' }, ['/etc/init.d/']))).toBe('sysvinit');
    expect(serviceManager(sources({ tools: '' }, { '/proc/1/comm': 'init' }))).toBe('service');
  });

  it('picks the package manager as Ansible does per family', () => {
    const debian = { os_family: 'Debian', distribution: 'Debian', distribution_major_version: '12' };
    expect(packageManager(sources({}, {}, ['/usr/bin/apt-get', '/usr/bin/dpkg']), debian)).toBe('apt');
    expect(packageManager(sources({}, {}, ['/usr/bin/yum', '/usr/bin/dnf']), { os_family: 'RedHat', distribution: 'Rocky', distribution_major_version: '9' })).toBe('dnf');
    expect(packageManager(sources({}, {}, ['/usr/bin/yum', '/usr/bin/dnf']), { os_family: 'RedHat', distribution: 'CentOS', distribution_major_version: '7' })).toBe('yum');
    expect(packageManager(sources({}, {}, ['/sbin/apk']), { os_family: 'Alpine' })).toBe('apk');
  });

  it('reads SELinux from selinuxfs without Python', () => {
    expect(selinuxFacts(sources({}))).toEqual({ status: 'disabled' });
    expect(selinuxFacts(sources({}, { '/sys/fs/selinux/enforce': '1', '/sys/fs/selinux/policyvers': '33', '/etc/selinux/config': 'SELINUX=enforcing\nSELINUXTYPE=targeted' }))).toEqual({ status: 'enabled', policyvers: 33, config_mode: 'enforcing', mode: 'enforcing', type: 'targeted' });
  });
});

describe('virtual', () => {
  it('finds a docker guest from /.dockerenv and adds container', () => {
    const facts = virtualFacts(sources({}, { '/proc/1/cgroup': '0::/' }, ['/.dockerenv']));
    expect(facts).toMatchObject({ virtualization_type: 'docker', virtualization_role: 'guest', virtualization_tech_host: [] });
    expect((facts.virtualization_tech_guest as string[]).sort()).toEqual(['container', 'docker']);
  });

  it('finds a KVM guest from DMI and a KVM host from /dev/kvm; NA when nothing matches', () => {
    expect(virtualFacts(sources({}, { '/sys/devices/virtual/dmi/id/sys_vendor': 'QEMU' }))).toMatchObject({ virtualization_type: 'kvm', virtualization_role: 'guest', virtualization_tech_guest: ['kvm'] });
    expect(virtualFacts(sources({}, {}, ['/dev/kvm']))).toMatchObject({ virtualization_type: 'kvm', virtualization_role: 'host', virtualization_tech_host: ['kvm'] });
    expect(virtualFacts(sources({}))).toEqual({ virtualization_type: 'NA', virtualization_role: 'NA', virtualization_tech_guest: [], virtualization_tech_host: [] });
  });
});

describe('local facts', () => {
  it('reads JSON, INI, executable output and reports failures in place, as Ansible', () => {
    const warnings: string[] = [];
    const read = readSources(
      [`\n${MARK} local_file a.fact\n{"x": [1, 2]}`, `\n${MARK} local_file b.fact\n[general]\nName = web\nport: 80\n`, `\n${MARK} local_run c.fact\n{"ok": true}\n`, `\n${MARK} local_rc 0`, `\n${MARK} local_err\n`,
        `\n${MARK} local_run d.fact\n`, `\n${MARK} local_rc 3`, `\n${MARK} local_err\nboom`, `\n${MARK} local_file e.fact\nnot json nor ini`, `\n${MARK} local_file my.factory.fact\n[]`, `\n${MARK} done\n`].join(''),
      MARK,
    );
    expect(localFacts(read, '/srv/facts', (message) => warnings.push(message))).toEqual({
      a: { x: [1, 2] }, b: { general: { name: 'web', port: '80' } }, c: { ok: true },
      d: 'Failure executing fact script (/srv/facts/d.fact), rc: 3, err: boom', e: 'error loading facts as JSON or ini - please check content: /srv/facts/e.fact',
      // Ansible removes every `.fact` from the name, not only the suffix.
      myory: [],
    });
    expect(warnings).toHaveLength(2);
  });

  it('parses INI as ConfigParser: DEFAULT in every section, continuation lines, interpolation, comments', () => {
    expect(parseIni('[DEFAULT]\nbase = /srv\n[app]\n; comment\nroot = %(base)s/app\nnote = one\n  two\npct = 100%%\n')).toEqual({ app: { base: '/srv', root: '/srv/app', note: 'one\ntwo', pct: '100%' } });
    expect(() => parseIni('[a]\nx=1\n[a]\n')).toThrow();
  });
});

describe('gather_subset and filter', () => {
  it('resolves subsets as Ansible: all, min, negations, ids, required collectors', () => {
    const sorted = (subsets: string[]) => [...(selectedCollectors(subsets) as Set<string>)].sort();
    expect(sorted(['!all', '!min'])).toEqual([]);
    expect(sorted(['!all'])).toEqual(['apparmor', 'caps', 'cmdline', 'date_time', 'distribution', 'dns', 'env', 'fips', 'local', 'lsb', 'pkg_mgr', 'platform', 'python', 'selinux', 'service_mgr', 'ssh_pub_keys', 'user']);
    expect(sorted(['network', '!all', '!min'])).toEqual(['distribution', 'network', 'platform']);
    expect(sorted(['processor', '!all', '!min'])).toEqual(['hardware', 'platform']);
    expect(sorted(['!all', '!min', 'virtual'])).toEqual(['virtual']);
    expect(sorted(['all', '!hardware'])).not.toContain('hardware');
    expect(sorted(['!bogus', '!all', '!min'])).toEqual([]);
    // The minimum comes with any subset not negating it.
    expect(sorted(['hardware'])).toEqual([...sorted(['!all']), 'hardware'].sort());
    expect(sorted(['hardware', '!min'])).toEqual(['hardware', 'platform']);
    expect(selectedCollectors(['bogus'])).toMatch(/^Bad subset 'bogus' given to Ansible\. gather_subset options allowed: all, all_ipv4_addresses, /);
    expect(listArgument('network, !all')).toEqual(['network', '!all']);
  });

  it('filters with fnmatch patterns, trying the ansible_ prefix', () => {
    const facts = { ansible_distribution: 'Debian', ansible_memtotal_mb: 1, ansible_swapfree_mb: 0, ansible_eth0: {}, gather_subset: ['all'] };
    expect(Object.keys(filteredFacts(facts, ['distribution*', 'ansible_*_mb']))).toEqual(['ansible_distribution', 'ansible_memtotal_mb', 'ansible_swapfree_mb']);
    expect(Object.keys(filteredFacts(facts, ['ansible_eth[0-9]']))).toEqual(['ansible_eth0']);
    expect(filteredFacts(facts, [])).toBe(facts);
    expect(fnmatch('a[!b]c').test('axc')).toBe(true);
    expect(fnmatch('a[!b]c').test('abc')).toBe(false);
  });
});

describe('facts as variables', () => {
  it('namespaces facts without the prefix (ansible_local keeps it) and injects them at the top level under the module names', () => {
    const values = factsLayerValues({ ansible_distribution: 'Debian', ansible_local: { a: 1 }, gather_subset: ['all'], module_setup: true, _ansible_facts_gathered: true });
    expect(values).toEqual({
      ansible_facts: { distribution: 'Debian', ansible_local: { a: 1 }, gather_subset: ['all'], module_setup: true, _ansible_facts_gathered: true },
      ansible_distribution: 'Debian', ansible_local: { a: 1 }, gather_subset: ['all'], module_setup: true,
    });
    expect(Object.keys(factsLayerValues({ ansible_distribution: 'Debian' }, false))).toEqual(['ansible_facts']);
  });
});

describe('devices', () => {
  const link = (line: string) => `lrwxrwxrwx 1 root root 0 Dec  4 13:25 ${line}`;
  const file = (name: string) => `-r--r--r-- 1 root root 4096 Dec  4 23:05 ${name}`;
  const dir = (name: string) => `drwxr-xr-x 2 root root 0 Dec  4 13:25 ${name}`;
  /** `ls -l` of several directories: DIR: headers, total lines, entries. */
  const ls = (dirs: Record<string, string[]>) => Object.entries(dirs).map(([path, lines]) => `${path}:\ntotal 0\n${lines.join('\n')}\n`).join('\n');
  const host = sources(
    {
      block_ls: ls({
        '/sys/block/': [link('dm-0 -> ../devices/virtual/block/dm-0'), link('sda -> ../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda')],
        '/sys/block/dm-0/': [dir('dm'), dir('holders'), file('size'), dir('slaves')],
        '/sys/block/sda/': [link('bdi -> ../../../../../virtual/bdi/8:0'), link('device -> ../../../0:0:0:0'), dir('holders'), dir('queue'), dir('sda1'), dir('sda2'), file('size')],
        '/sys/block/sda/sda2/holders/': [link('dm-0 -> ../../../../../../virtual/block/dm-0')],
        '/sys/block/dm-0/slaves/': [link('sda2 -> ../../../pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda2')],
        '/dev/disk/by-id/': [link('ata-DISK_X1 -> ../../sda'), link('dm-name-vg-root -> ../../dm-0'), link('wwn-0x5000c500a1b2c3d4 -> ../../sda')],
        '/dev/disk/by-uuid/': [link('1111-2222 -> ../../sda1'), link('aaaa-bbbb -> ../../dm-0')],
      }),
      lspci: '0000:00:1f.2 SATA controller: Intel Corporation 82801 SATA Controller [AHCI mode]',
    },
    {
      '/sys/block/sda/device/vendor': 'ATA     ',
      '/sys/block/sda/device/model': 'DISK X1',
      '/sys/block/sda/removable': '0',
      '/sys/block/sda/queue/discard_granularity': '0',
      '/sys/block/sda/queue/rotational': '1',
      '/sys/block/sda/queue/scheduler': 'none [mq-deadline] kyber',
      '/sys/block/sda/size': '2359296',
      '/sys/block/sda/queue/logical_block_size': '512',
      '/sys/block/sda/sda1/start': '2048',
      '/sys/block/sda/sda1/size': '1024',
      '/sys/block/sda/sda2/start': '4096',
      '/sys/block/sda/sda2/size': '2097152',
      '/sys/block/sda/sda2/holders/dm-0/dm/name': 'vg-root',
      '/sys/block/dm-0/size': '',
      '/sys/block/dm-0/queue/hw_sector_size': '4096',
    },
  );

  it('reads each /sys/block device as Ansible: strings from sysfs, null when missing, sizes in its units, partitions, links and holders', () => {
    const { devices, device_links: links } = deviceFacts(host) as { devices: Record<string, Record<string, unknown>>; device_links: unknown };
    expect(links).toEqual({ ids: { sda: ['ata-DISK_X1', 'wwn-0x5000c500a1b2c3d4'], 'dm-0': ['dm-name-vg-root'] }, uuids: { sda1: ['1111-2222'], 'dm-0': ['aaaa-bbbb'] }, labels: {}, masters: { sda2: ['dm-0'] } });
    expect(devices.sda).toEqual({
      virtual: 1,
      links: { ids: ['ata-DISK_X1', 'wwn-0x5000c500a1b2c3d4'], uuids: [], labels: [], masters: [] },
      vendor: 'ATA', model: 'DISK X1', sas_address: null, sas_device_handle: null,
      removable: '0', support_discard: '0', wwn: '0x5000c500a1b2c3d4',
      partitions: {
        sda1: { links: { ids: [], uuids: ['1111-2222'], labels: [], masters: [] }, start: '2048', sectors: '1024', sectorsize: 512, size: '512.00 KB', uuid: '1111-2222', holders: [] },
        sda2: { links: { ids: [], uuids: [], labels: [], masters: ['dm-0'] }, start: '4096', sectors: '2097152', sectorsize: 512, size: '1.00 GB', uuid: null, holders: ['vg-root'] },
      },
      rotational: '1', scheduler_mode: 'mq-deadline', sectors: '2359296', sectorsize: '512', size: '1.12 GB',
      host: 'SATA controller: Intel Corporation 82801 SATA Controller [AHCI mode]',
      holders: [],
    });
    // An empty size file is no size (the int 0); no logical_block_size: hw_sector_size.
    expect(devices['dm-0']).toMatchObject({ sectors: 0, sectorsize: '4096', size: '0.00 Bytes', host: '', scheduler_mode: '', removable: null, partitions: {} });
  });

  it('gives no device facts without /sys/block, and the serial from sg_inq when the host has it', () => {
    expect(deviceFacts(sources({}))).toEqual({});
    const withSgInq = sources({ block_ls: ls({ '/sys/block/': [link('sdb -> ../devices/virtual/block/sdb')], '/sys/block/sdb/': [] }), 'sg_inq sdb': ' Unit serial number: ZX81AB\n' }, { '/sys/block/sdb/device/serial': 'from-sysfs' });
    expect((deviceFacts(withSgInq).devices as Record<string, Record<string, unknown>>).sdb!.serial).toBe('ZX81AB');
  });

  it('writes sizes as Ansible bytes_to_human, an exact half rounded to even as Python does', () => {
    expect([0, 512, 1023, 1024, 1536, 1152, 1.125 * 2 ** 30, 1.375 * 2 ** 30, 2 ** 38, 256 * 2 ** 30, 3 * 2 ** 60].map(bytesToHuman)).toEqual([
      '0.00 Bytes', '512.00 Bytes', '1023.00 Bytes', '1.00 KB', '1.50 KB', '1.12 KB', '1.12 GB', '1.38 GB', '256.00 GB', '256.00 GB', '3.00 EB',
    ]);
  });
});

describe('lvm, caps, chroot and python', () => {
  it('gives lvm as N/A without the tools (or not root), else vgs, lvs and pvs with a dm volume by its mapper name', () => {
    expect(lvmFacts(sources({}))).toBe('N/A');
    const lvm = sources({
      'lvm vgs': '  vg0,2,3,0,wz--n-,99.50,10.25\n',
      'lvm lvs': '  root,vg0,-wi-ao----,20.00,,,,,,,,\n  swap,vg0,-wi-ao----,4.00,,,,,,,,\n',
      'lvm pvs': '  /dev/sda2,vg0,lvm2,a--,49.75,5.00\n  /dev/dm-3,vg0,lvm2,a--,49.75,5.25\n',
      'dm_name /dev/dm-3': 'crypt0\n',
    });
    expect(lvmFacts(lvm)).toEqual({
      vgs: { vg0: { size_g: '99.50', free_g: '10.25', num_lvs: '3', num_pvs: '2' } },
      lvs: { root: { size_g: '20.00', vg: 'vg0' }, swap: { size_g: '4.00', vg: 'vg0' } },
      pvs: { '/dev/sda2': { size_g: '49.75', free_g: '5.00', vg: 'vg0' }, '/dev/mapper/crypt0': { size_g: '49.75', free_g: '5.25', vg: 'vg0' } },
    });
  });

  it('reads capsh --print Current line as Ansible (the text after = split at commas); N/A without capsh or when it fails', () => {
    expect(capsFacts(sources({ capsh: 'Current: =ep cap_sys_resource-ep\nBounding set =cap_chown\n', 'capsh_rc 0': '' }))).toEqual({ system_capabilities_enforced: 'True', system_capabilities: ['ep cap_sys_resource-ep'] });
    expect(capsFacts(sources({ capsh: 'Current: = cap_chown,cap_kill+ep\n', 'capsh_rc 0': '' }))).toEqual({ system_capabilities_enforced: 'True', system_capabilities: ['cap_chown', 'cap_kill+ep'] });
    expect(capsFacts(sources({ capsh: 'Current: =ep\n', 'capsh_rc 0': '' }))).toEqual({ system_capabilities_enforced: 'False', system_capabilities: [] });
    expect(capsFacts(sources({ capsh: 'nothing current\n', 'capsh_rc 0': '' }))).toEqual({ system_capabilities_enforced: 'NA', system_capabilities: [] });
    expect(capsFacts(sources({ capsh: '', 'capsh_rc 1': '' }))).toEqual({ system_capabilities_enforced: 'N/A', system_capabilities: 'N/A' });
    expect(capsFacts(sources({}))).toEqual({ system_capabilities_enforced: 'N/A', system_capabilities: 'N/A' });
  });

  it('decides is_chroot from debian_chroot, PID 1 root, else the root inode of the file system type', () => {
    expect(isChroot(sources({ debian_chroot: '\n', root_same: 'yes\n' }))).toBe(false);
    expect(isChroot(sources({ debian_chroot: 'build\n', root_same: 'yes\n' }))).toBe(true);
    expect(isChroot(sources({ debian_chroot: '\n', root_same: 'no\n' }))).toBe(true);
    expect(isChroot(sources({ debian_chroot: '\n', root_inode: '256 /\n', root_fs: 'btrfs\n' }))).toBe(false);
    expect(isChroot(sources({ debian_chroot: '\n', root_inode: '256 /\n', root_fs: 'ext2/ext3\n' }))).toBe(true);
    expect(isChroot(sources({ debian_chroot: '\n', root_inode: '2 /\n', root_fs: 'ext2/ext3\n' }))).toBe(false);
  });

  it('gives the python facts from what the interpreter printed, none when no Python answered', () => {
    const python = sources({ python: 'True cpython 3.11.2 3 11 2 final 0\n/usr/bin/python3\n' });
    expect(pythonFacts(python)).toEqual({ python: { version: { major: 3, minor: 11, micro: 2, releaselevel: 'final', serial: 0 }, version_info: [3, 11, 2, 'final', 0], executable: '/usr/bin/python3', has_sslcontext: true, type: 'cpython' } });
    expect(pythonVersionFacts(python)).toEqual({ python_version: '3.11.2' });
    expect(pythonFacts(sources({}))).toEqual({});
    expect(pythonVersionFacts(sources({ python: 'Traceback (most recent call last)\n' }))).toEqual({});
    expect(pythonFacts(sources({ python: 'False pypy 3.10.13 3 10 13 candidate 1\n/opt/pypy/bin/pypy3\n' }))).toMatchObject({ python: { version_info: [3, 10, 13, 'candidate', 1], has_sslcontext: false, type: 'pypy' } });
  });
});
