/**
 * Ansible's Linux device facts (`devices`, `device_links`) from what the
 * facts script read of /sys/block, /dev/disk/by-*, lspci and sg_inq. Values
 * keep Ansible's types: a sysfs file's text as a string (null when missing
 * or empty), `virtual` a number, sizes as "256.00 GB".
 */
import { posix } from 'node:path';
import type { FactSources } from './sections.js';

/** The sysfs files the device facts read, as globs for the script's one grep. */
export const DEVICE_FILES = [
  ...['vendor', 'model', 'sas_address', 'sas_device_handle', 'serial'].map((file) => `/sys/block/*/device/${file}`),
  ...['removable', 'size', 'queue/discard_granularity', 'queue/rotational', 'queue/scheduler', 'queue/logical_block_size', 'queue/hw_sector_size'].map((file) => `/sys/block/*/${file}`),
  '/sys/block/*/*/start', '/sys/block/*/*/size',
  '/sys/block/*/holders/*/dm/name', '/sys/block/*/*/holders/*/dm/name',
];

type Links = Record<'ids' | 'uuids' | 'labels' | 'masters', Record<string, string[]>>;

export function deviceFacts(sources: FactSources): Record<string, unknown> {
  const listing = directoryListings(sources.sections.get('block_ls') ?? '');
  const blocks = listing.get('/sys/block');
  if (blocks === undefined) return {};
  const links = deviceLinks(listing);
  const content = (path: string) => fileContent(sources, path);
  const holdersOf = (dir: string) => holderNames(sources, listing, dir);
  const wwns = new Map([...(listing.get('/dev/disk/by-id') ?? [])].flatMap(([name, target]) => (name.startsWith('wwn-') && target !== undefined ? [[posix.basename(target), name.slice(4)] as const] : [])));
  const uuidOf = partitionUuids(listing);
  const devices: Record<string, unknown> = {};
  for (const [block, target] of blocks) {
    const dir = `/sys/block/${block}`;
    const entries = [...(listing.get(dir)?.keys() ?? [])];
    const linksOf = (name: string) => Object.fromEntries(Object.entries(links).map(([type, values]) => [type, values[name] ?? []]));
    const device: Record<string, unknown> = {
      // As Ansible: a /sys/block entry that is a link (every kernel since 2.6.25) counts as virtual.
      virtual: target !== undefined || !entries.some((entry) => entry.includes('device')) ? 1 : 0,
      links: linksOf(block),
    };
    for (const key of ['vendor', 'model', 'sas_address', 'sas_device_handle']) device[key] = content(`${dir}/device/${key}`);
    const serial = sources.sections.has(`sg_inq ${block}`) ? /(?:Unit serial|Serial) number:\s+(\w+)/.exec(sources.sections.get(`sg_inq ${block}`)!)?.[1] : content(`${dir}/device/serial`);
    if (serial) device.serial = serial;
    device.removable = content(`${dir}/removable`);
    device.support_discard = content(`${dir}/queue/discard_granularity`);
    if (wwns.has(block)) device.wwn = wwns.get(block);
    device.partitions = partitions(block, entries, content, linksOf, uuidOf, holdersOf);
    device.rotational = content(`${dir}/queue/rotational`);
    device.scheduler_mode = /^.*?(\[(.*)\])/.exec(content(`${dir}/queue/scheduler`) ?? '')?.[2] ?? '';
    device.sectors = content(`${dir}/size`) || 0;
    device.sectorsize = content(`${dir}/queue/logical_block_size`) || (content(`${dir}/queue/hw_sector_size`) ?? 512);
    device.size = bytesToHuman(Number(device.sectors) * 512);
    device.host = pciHost(`/sys/block/${target ?? block}`, sources.sections.get('lspci'));
    device.holders = holdersOf(dir);
    devices[block] = device;
  }
  return { devices, device_links: links };
}

/** The partitions of a disk: its directory's entries that hold its name and a number (Ansible's regex). */
function partitions(
  disk: string, entries: readonly string[], content: (path: string) => string | null,
  linksOf: (name: string) => Record<string, string[]>, uuidOf: (name: string) => string | null, holdersOf: (dir: string) => string[],
): Record<string, unknown> {
  const pattern = new RegExp(`(${disk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}p?\\d+)`);
  const found: Record<string, unknown> = {};
  for (const entry of entries) {
    const name = pattern.exec(entry)?.[1];
    if (name === undefined) continue;
    const dir = `/sys/block/${disk}/${name}`;
    const sectors = content(`${dir}/size`) ?? 0;
    found[name] = {
      links: linksOf(name),
      start: content(`${dir}/start`) ?? 0,
      sectors,
      // A partition has no queue/ of its own: Ansible falls back to 512.
      sectorsize: content(`${dir}/queue/logical_block_size`) ?? content(`${dir}/queue/hw_sector_size`) ?? 512,
      size: bytesToHuman(Number(sectors) * 512),
      uuid: uuidOf(name),
      holders: holdersOf(dir),
    };
  }
  return found;
}

/** Ansible's get_file_content: the file's text trimmed, null when absent or empty. */
function fileContent(sources: FactSources, path: string): string | null {
  return sources.files.get(path)?.trim() || null;
}

type Listings = Map<string, Map<string, string | undefined>>;

/** `ls -l DIR...` output: each directory (without its final /) to its entries, each with what it links to. */
function directoryListings(text: string): Listings {
  const listings: Listings = new Map();
  let current: Map<string, string | undefined> | undefined;
  for (const line of text.split('\n')) {
    const header = /^(\/.*?)\/?:$/.exec(line);
    if (header) listings.set(header[1]!, (current = new Map()));
    const entry = /^(\S)\S*\s+\d+\s+\S+\s+\S+\s+(?:\d+,\s*)?\d+\s+\S+\s+\S+\s+\S+\s(.*)$/.exec(line);
    if (!entry || !current) continue;
    const arrow = entry[1] === 'l' ? entry[2]!.indexOf(' -> ') : -1;
    if (arrow < 0) current.set(entry[2]!, undefined);
    else current.set(entry[2]!.slice(0, arrow), entry[2]!.slice(arrow + 4));
  }
  return listings;
}

/** device_links: for each kind of /dev/disk link, device name to its link names; masters from the slaves of each device. */
function deviceLinks(listing: Listings): Links {
  const grouped = (pairs: Iterable<readonly [string, string]>) => {
    const byDevice: Record<string, string[]> = {};
    for (const [device, name] of pairs) (byDevice[device] ??= []).includes(name) || byDevice[device]!.push(name);
    return Object.fromEntries(Object.entries(byDevice).map(([device, names]) => [device, names.sort()]));
  };
  const byKind = (kind: string) => grouped([...(listing.get(`/dev/disk/by-${kind}`) ?? [])].flatMap(([name, target]) => (target === undefined ? [] : [[posix.basename(target), name] as const])));
  const slaves = [...listing].flatMap(([dir, entries]) => {
    const master = /^\/sys\/block\/([^/]+)\/slaves$/.exec(dir)?.[1];
    return master === undefined ? [] : [...entries.keys()].map((slave) => [slave, master] as const);
  });
  return { ids: byKind('id'), uuids: byKind('uuid'), labels: byKind('label'), masters: grouped(slaves) };
}

/** A partition's UUID: the by-uuid link that resolves to /dev/NAME. */
function partitionUuids(listing: Listings): (name: string) => string | null {
  const byPath = new Map([...(listing.get('/dev/disk/by-uuid') ?? [])].flatMap(([uuid, target]) => (target === undefined ? [] : [[posix.resolve('/dev/disk/by-uuid', target), uuid] as const])));
  return (name) => byPath.get(`/dev/${name}`) ?? null;
}

/** The holders of a device or partition directory: the dm-N ones, by their mapper name when it has one. */
function holderNames(sources: FactSources, listing: Listings, dir: string): string[] {
  const holders = [...(listing.get(`${dir}/holders`)?.keys() ?? [])].filter((name) => name.startsWith('dm-'));
  return holders.map((name) => fileContent(sources, `${dir}/holders/${name}/dm/name`) ?? name);
}

/** The lspci name of the PCI function a device's sysfs path goes through ("" without lspci). */
function pciHost(sysPath: string, lspci: string | undefined): string {
  const pciId = /^.+\/([a-f0-9]{4}:[a-f0-9]{2}:[01|][a-f0-9]\.[0-7])\//.exec(sysPath)?.[1];
  if (pciId === undefined || !lspci) return '';
  return lspci.split('\n').find((line) => line.startsWith(`${pciId} `) || line.startsWith(`${pciId}\t`))?.replace(/^\S+\s/, '') ?? '';
}

const UNITS = ['Y', 'Z', 'E', 'P', 'T', 'G', 'M', 'K'];

/** Ansible's bytes_to_human: "0.00 Bytes", "1.50 KB", "256.00 GB", rounded as Python's '%.2f' (half to even). */
export function bytesToHuman(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'nan Bytes';
  const whole = BigInt(Math.floor(bytes));
  for (const [index, unit] of UNITS.entries()) {
    const shift = BigInt(10 * (UNITS.length - index));
    if (whole >= 1n << shift) return `${twoDecimals(whole, shift)} ${unit}B`;
  }
  return `${twoDecimals(whole, 0n)} Bytes`;
}

/** value / 2^shift with two decimals, an exact tie rounded to even. */
function twoDecimals(value: bigint, shift: bigint): string {
  const scaled = value * 100n;
  let hundredths = scaled >> shift;
  const twiceRest = (scaled - (hundredths << shift)) * 2n;
  const unit = 1n << shift;
  if (twiceRest > unit || (twiceRest === unit && hundredths % 2n === 1n)) hundredths += 1n;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
