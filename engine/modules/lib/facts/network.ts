/**
 * Ansible's Linux network facts from what the facts script read: each
 * interface of /sys/class/net (its files and device links), and one `ip`
 * batch: `addr show` for the addresses (primary first, then secondary, as
 * Ansible asks per device) and `route get` to Ansible's probe addresses for
 * default_ipv4/default_ipv6. Without `ip` there are none, as with Ansible.
 */
import type { FactSources } from './sections.js';

export const NET_DIR = '/sys/class/net';
/** The files of each interface the facts read (globs under NET_DIR/<name>/). */
export const NET_FILES = ['address', 'mtu', 'operstate', 'type', 'speed', 'flags', 'bridge/bridge_id', 'bridge/stp_state', 'bonding/slaves', 'bonding/mode', 'bonding/miimon', 'bonding/lacp_rate', 'bonding/primary', 'bonding/all_slaves_active', 'bonding_slave/perm_hwaddr'];
/** The directories whose presence says what an interface is. */
export const NET_PATHS = ['', '/bridge', '/bonding', '/bonding_slave', '/device'];

const TYPES: Readonly<Record<string, string>> = { '1': 'ether', '32': 'infiniband', '512': 'ppp', '772': 'loopback', '65534': 'tunnel' };
const PROBE_V4 = '8.8.8.8';
const PROBE_V6 = '2404:6800:400a:800::1012';

type Interface = Record<string, unknown>;
interface AddressLine {
  readonly device: string;
  readonly words: string[];
}

export function networkFacts(sources: FactSources): Record<string, unknown> {
  const ip = sources.sections.get('ip');
  if (ip === undefined) return {};
  const lines = ip.split('\n');
  const defaultIpv4 = defaultRoute(lines.find((line) => line.startsWith(`${PROBE_V4} `)) ?? '', PROBE_V4);
  const defaultIpv6 = defaultRoute(lines.find((line) => line.startsWith(`${PROBE_V6} `)) ?? '', PROBE_V6);
  const links = linkTargets(sources.sections.get('links') ?? '');
  const addresses = addressLines(ip);
  const interfaces: Record<string, Interface> = {};
  const all = { ipv4: [] as string[], ipv6: [] as string[] };
  const devices = [...sources.paths].filter((path) => path.startsWith(`${NET_DIR}/`) && path.split('/').length === 5).map((path) => path.slice(NET_DIR.length + 1));
  for (const device of devices) {
    interfaces[device] = deviceFacts(device, sources, links);
    const mac = sources.files.get(`${NET_DIR}/${device}/address`) ?? 'unknown';
    const own = addresses.filter((line) => line.device === device);
    const context = { device, interfaces, defaultIpv4, defaultIpv6, mac, all };
    for (const line of own.filter((entry) => !entry.words.includes('secondary'))) addAddress(line.words, false, context);
    for (const line of own.filter((entry) => entry.words.includes('secondary') && entry.words[0] === 'inet')) addAddress(line.words, true, context);
  }
  const facts: Record<string, unknown> = {};
  const names: string[] = [];
  for (const [name, value] of Object.entries(interfaces)) {
    const key = name.replaceAll(':', '_');
    names.push(key);
    facts[key] = value;
  }
  return { interfaces: names, ...facts, default_ipv4: defaultIpv4, default_ipv6: defaultIpv6, all_ipv4_addresses: all.ipv4, all_ipv6_addresses: all.ipv6 };
}

/** `ip route get PROBE`: the interface, source address and gateway of its line, when it answers for PROBE. */
function defaultRoute(text: string, probe: string): Interface {
  const words = text.trim().split(/\s+/);
  const route: Interface = {};
  if (words[0] !== probe) return route;
  for (let index = 0; index < words.length - 1; index += 1) {
    if (words[index] === 'dev') route.interface = words[index + 1];
    else if (words[index] === 'src') route.address = words[index + 1];
    else if (words[index] === 'via' && words[index + 1] !== probe) route.gateway = words[index + 1];
  }
  return route;
}

/** `ls -ld` lines `... /sys/class/net/eth0/device -> ../../../virtio2`: link path to target. */
function linkTargets(text: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of text.matchAll(/ (\/sys\/class\/net\/\S+) -> (\S+)$/gm)) targets.set(match[1]!, match[2]!);
  return targets;
}

/** `ip -o addr show`: `2: eth0    inet 192.0.2.2/24 brd ... scope global eth0\   valid_lft ...`; a vlan's `eth0.5@eth0` is eth0.5. */
function addressLines(text: string): AddressLine[] {
  const lines: AddressLine[] = [];
  for (const line of text.split('\n')) {
    const match = /^\d+:\s+(\S+?)(?:@\S+)?\s+(inet6?\s.*?)\s*(?:\\|$)/.exec(line);
    if (match) lines.push({ device: match[1]!, words: match[2]!.trim().split(/\s+/) });
  }
  return lines;
}

/** What /sys says of one interface. */
function deviceFacts(device: string, sources: FactSources, links: ReadonlyMap<string, string>): Interface {
  const dir = `${NET_DIR}/${device}`;
  const read = (file: string) => sources.files.get(`${dir}/${file}`);
  const facts: Interface = { device };
  const mac = read('address');
  if (mac && mac !== '00:00:00:00:00:00') facts.macaddress = mac;
  if (read('mtu') !== undefined) facts.mtu = Number.parseInt(read('mtu')!, 10);
  if (read('operstate') !== undefined) facts.active = read('operstate') !== 'down';
  const module = links.get(`${dir}/device/driver/module`);
  if (module) facts.module = module.split('/').pop();
  if (read('type') !== undefined) facts.type = TYPES[read('type')!] ?? 'unknown';
  if (sources.paths.has(`${dir}/bridge`)) {
    facts.type = 'bridge';
    facts.interfaces = [...links.keys()].filter((path) => path.startsWith(`${dir}/brif/`)).map((path) => path.split('/').pop());
    if (read('bridge/bridge_id') !== undefined) facts.id = read('bridge/bridge_id');
    if (read('bridge/stp_state') !== undefined) facts.stp = read('bridge/stp_state') === '1';
  }
  if (sources.paths.has(`${dir}/bonding`)) {
    facts.type = 'bonding';
    facts.slaves = (read('bonding/slaves') ?? '').split(/\s+/).filter((name) => name !== '');
    for (const key of ['mode', 'miimon', 'lacp_rate']) facts[key] = (read(`bonding/${key}`) ?? '').split(/\s+/)[0];
    const primary = read('bonding/primary');
    if (primary) {
      facts.primary = primary;
      if (read('bonding/all_slaves_active') !== undefined) facts.all_slaves_active = read('bonding/all_slaves_active') === '1';
    }
  }
  if (sources.paths.has(`${dir}/bonding_slave`)) facts.perm_macaddress = read('bonding_slave/perm_hwaddr') ?? '';
  const pci = links.get(`${dir}/device`);
  if (pci) facts.pciid = pci.split('/').pop();
  const speed = Number.parseInt(read('speed') ?? '', 10);
  if (!Number.isNaN(speed)) facts.speed = speed;
  if (read('flags') !== undefined) facts.promisc = (Number.parseInt(read('flags')!, 16) & 0x100) > 0;
  return facts;
}

interface AddressContext {
  readonly device: string;
  readonly interfaces: Record<string, Interface>;
  readonly defaultIpv4: Interface;
  readonly defaultIpv6: Interface;
  readonly mac: string;
  readonly all: { ipv4: string[]; ipv6: string[] };
}

/** One address line as Ansible's parse_ip_output reads it (its words after the device). */
function addAddress(words: readonly string[], secondary: boolean, context: AddressContext): void {
  const { device, interfaces } = context;
  const deviceFacts = interfaces[device]!;
  if (words[0] === 'inet6') {
    const peer = words[2] === 'peer';
    const [address = '', prefix = ''] = peer ? [words[1], words[3]?.split('/')[1]] : words[1]!.split('/');
    const scope = (peer ? words[5] : words[3]) ?? '';
    deviceFacts.ipv6 = [...((deviceFacts.ipv6 as unknown[] | undefined) ?? []), { address, prefix, scope }];
    if (context.defaultIpv6.address === address) Object.assign(context.defaultIpv6, { prefix, scope, macaddress: context.mac, mtu: deviceFacts.mtu, type: deviceFacts.type ?? 'unknown' });
    if (address !== '::1') context.all.ipv6.push(address);
    return;
  }
  const [address = '', prefix = '32'] = words[1]!.split('/');
  const broadcast = words.length > 3 && words[2] === 'brd' ? words[3]! : '';
  const mask = Number(prefix) === 0 ? 0 : (0xffffffff << (32 - Number(prefix))) >>> 0;
  const entry = { address, broadcast, netmask: dotted(mask), network: dotted((toNumber(address) & mask) >>> 0), prefix };
  const label = words[words.length - 1]!;
  if (label !== device) interfaces[label] = {};
  const target = interfaces[label]!;
  if (!secondary && target.ipv4 === undefined) target.ipv4 = entry;
  else target.ipv4_secondaries = [...((target.ipv4_secondaries as unknown[] | undefined) ?? []), entry];
  if (secondary) {
    deviceFacts.ipv4_secondaries ??= [];
    if (label !== device) (deviceFacts.ipv4_secondaries as unknown[]).push(entry);
  }
  if (context.defaultIpv4.address === address) {
    const { address: _address, ...rest } = entry;
    Object.assign(context.defaultIpv4, rest, { macaddress: context.mac, mtu: deviceFacts.mtu, type: deviceFacts.type ?? 'unknown', alias: label });
  }
  if (!address.startsWith('127.')) context.all.ipv4.push(address);
}

function toNumber(address: string): number {
  return address.split('.').reduce((total, part) => ((total << 8) | Number(part)) >>> 0, 0);
}

function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}
