/**
 * IPv4 facts from what the fact script read: `ip -4 -o addr` and
 * `ip -4 route show default` when the host has `ip`, else /proc/net/fib_trie
 * and /proc/net/route; MAC and MTU from /sys/class/net.
 */

export interface Address {
  readonly interface: string;
  readonly address: string;
  readonly prefix: number;
}

export interface LinkInfo {
  readonly macaddress: string;
  readonly mtu: number;
}

export interface NetworkSources {
  readonly ipAddresses?: string | undefined;
  readonly ipRoute?: string | undefined;
  readonly fibTrie?: string | undefined;
  readonly procRoute?: string | undefined;
  /** Lines `<interface> <mac> <mtu>` from /sys/class/net. */
  readonly links?: string | undefined;
}

export interface NetworkFacts {
  readonly ansible_all_ipv4_addresses: string[];
  readonly ansible_default_ipv4: Record<string, unknown>;
  readonly ansible_interfaces: string[];
}

export function networkFacts(sources: NetworkSources): NetworkFacts {
  const links = parseLinks(sources.links ?? '');
  const routes = parseProcRoute(sources.procRoute ?? '');
  const addresses = sources.ipAddresses !== undefined ? parseIpAddresses(sources.ipAddresses) : parseFibTrie(sources.fibTrie ?? '', routes);
  const defaultRoute = sources.ipRoute !== undefined ? parseIpDefaultRoute(sources.ipRoute) : procDefaultRoute(routes);
  return {
    ansible_all_ipv4_addresses: addresses.map((entry) => entry.address).filter((address) => !address.startsWith('127.')),
    ansible_default_ipv4: defaultIpv4(addresses, defaultRoute, links),
    ansible_interfaces: [...links.keys()].sort(),
  };
}

function parseLinks(text: string): Map<string, LinkInfo> {
  const links = new Map<string, LinkInfo>();
  for (const line of text.split('\n')) {
    const [name, macaddress, mtu] = line.trim().split(/\s+/);
    if (name) links.set(name, { macaddress: macaddress ?? '', mtu: Number(mtu ?? 0) });
  }
  return links;
}

/** `4: eth0    inet 192.0.2.2/24 brd ...` */
function parseIpAddresses(text: string): Address[] {
  return [...text.matchAll(/^\d+:\s+(\S+)\s+inet\s+(\d+\.\d+\.\d+\.\d+)\/(\d+)/gm)].map((match) => ({ interface: match[1]!, address: match[2]!, prefix: Number(match[3]) }));
}

function parseIpDefaultRoute(text: string): { gateway: string | undefined; interface: string | undefined } {
  return { gateway: /\bvia (\S+)/.exec(text)?.[1], interface: /\bdev (\S+)/.exec(text)?.[1] };
}

interface Route {
  readonly interface: string;
  readonly destination: number;
  readonly gateway: number;
  readonly mask: number;
}

/** /proc/net/route: addresses are little-endian hex. */
function parseProcRoute(text: string): Route[] {
  const routes: Route[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8) continue;
    const hex = (value: string) => Number.parseInt(value.match(/../g)!.reverse().join(''), 16) >>> 0;
    routes.push({ interface: fields[0]!, destination: hex(fields[1]!), gateway: hex(fields[2]!), mask: hex(fields[7]!) });
  }
  return routes;
}

function procDefaultRoute(routes: readonly Route[]): { gateway: string | undefined; interface: string | undefined } {
  const route = routes.find((candidate) => candidate.destination === 0 && candidate.mask === 0);
  return { gateway: route ? dotted(route.gateway) : undefined, interface: route?.interface };
}

/** Local addresses are the `|-- A.B.C.D` lines followed by `/32 host LOCAL`; the routes say on which interface. */
function parseFibTrie(text: string, routes: readonly Route[]): Address[] {
  const lines = text.split('\n');
  const seen = new Set<string>();
  const out: Address[] = [];
  for (const [index, line] of lines.entries()) {
    const address = /\|--\s+(\d+\.\d+\.\d+\.\d+)/.exec(line)?.[1];
    if (!address || seen.has(address) || !/\/32 host LOCAL/.test(lines[index + 1] ?? '')) continue;
    seen.add(address);
    const numeric = toNumber(address);
    const route = routes.find((candidate) => candidate.mask !== 0 && ((numeric & candidate.mask) >>> 0) === candidate.destination);
    out.push({ interface: route?.interface ?? (address.startsWith('127.') ? 'lo' : 'unknown'), address, prefix: route ? prefixOf(route.mask) : 32 });
  }
  return out;
}

function defaultIpv4(addresses: readonly Address[], route: { gateway: string | undefined; interface: string | undefined }, links: Map<string, LinkInfo>): Record<string, unknown> {
  const entry = addresses.find((candidate) => candidate.interface === route.interface) ?? addresses.find((candidate) => !candidate.address.startsWith('127.'));
  if (!entry || route.interface === undefined) return {};
  const mask = entry.prefix === 0 ? 0 : (0xffffffff << (32 - entry.prefix)) >>> 0;
  const numeric = toNumber(entry.address);
  const link = links.get(entry.interface);
  return {
    address: entry.address,
    alias: entry.interface,
    broadcast: dotted((numeric | ~mask) >>> 0),
    gateway: route.gateway ?? null,
    interface: entry.interface,
    macaddress: link?.macaddress ?? 'unknown',
    mtu: link?.mtu ?? 0,
    netmask: dotted(mask),
    network: dotted((numeric & mask) >>> 0),
    prefix: String(entry.prefix),
    type: link?.macaddress && link.macaddress !== '00:00:00:00:00:00' ? 'ether' : 'unknown',
  };
}

function toNumber(address: string): number {
  return address.split('.').reduce((total, part) => ((total << 8) | Number(part)) >>> 0, 0);
}

function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function prefixOf(mask: number): number {
  let bits = 0;
  for (let value = mask; value !== 0; value = (value << 1) >>> 0) bits += 1;
  return bits;
}
