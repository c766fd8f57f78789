/** Ansible's Linux hardware facts from what the facts script read: /proc/cpuinfo, /proc/meminfo, DMI, block devices, uptime, LVM, mounts with statvfs numbers. */
import { deviceFacts } from './devices.js';
import { lvmFacts } from './lvm.js';
import { firstLine, type FactSources } from './sections.js';

export function hardwareFacts(sources: FactSources, architecture: string): Record<string, unknown> {
  const uptime = Number((firstLine(sources, '/proc/uptime') ?? '').split(' ')[0]);
  return {
    ...cpuFacts(sources.files.get('/proc/cpuinfo') ?? '', architecture, sources.files.get('/proc/self/status') ?? ''),
    ...memoryFacts(sources.files.get('/proc/meminfo') ?? ''),
    ...dmiFacts(sources),
    ...deviceFacts(sources),
    ...(Number.isNaN(uptime) ? {} : { uptime_seconds: Math.floor(uptime) }),
    lvm: lvmFacts(sources),
    mounts: mountFacts(sources.sections.get('mtab') ?? '', sources.sections.get('statfs') ?? '', sources.sections.get('lsblk') ?? ''),
  };
}

/**
 * /proc/cpuinfo counted as Ansible counts it: `processor` lists each CPU's
 * number, vendor and model; sockets by physical id, cores of the first
 * socket, threads per core from its siblings.
 */
export function cpuFacts(cpuinfo: string, architecture: string, status: string): Record<string, unknown> {
  const processor: string[] = [];
  let counted = 0;
  let vendorIds = 0;
  let modelNames = 0;
  let processorLines = 0;
  let physicalId = '0';
  let coreId = '0';
  const sockets = new Map<string, number>();
  const cores = new Map<string, number>();
  let declaredCores: number | undefined;
  for (const line of cpuinfo.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (['model name', 'Processor', 'vendor_id', 'cpu', 'Vendor', 'processor'].includes(key)) {
      processor.push(value);
      counted += 1;
      if (key === 'vendor_id') vendorIds += 1;
      if (key === 'model name') modelNames += 1;
      if (key === 'processor') processorLines += 1;
    } else if (key === 'physical id') {
      physicalId = value;
      if (!sockets.has(physicalId)) sockets.set(physicalId, 1);
    } else if (key === 'core id') {
      coreId = value;
      // Ansible checks the sockets here, not the cores (kept: same numbers).
      if (!sockets.has(coreId)) cores.set(coreId, 1);
    } else if (key === 'cpu cores') sockets.set(physicalId, Number.parseInt(value, 10));
    else if (key === 'siblings') cores.set(coreId, Number.parseInt(value, 10));
    else if (key === '# processors') declaredCores = Number.parseInt(value, 10);
    else if (key === 'ncpus active') counted = Number.parseInt(value, 10);
  }
  if (vendorIds > 0 && vendorIds === modelNames) counted = vendorIds;
  if (/^(armv|aarch|ppc)/.test(architecture)) counted = processorLines;
  const count = sockets.size > 0 ? sockets.size : counted;
  const firstSocket = [...sockets.values()][0];
  const coresPerSocket = firstSocket ? firstSocket : (declaredCores ?? 1);
  const firstCore = [...cores.values()][0];
  const threads = firstCore !== undefined ? Math.floor(firstCore / coresPerSocket) : Math.floor(1 / coresPerSocket);
  const online = cpusAllowed(/^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1]);
  return {
    processor,
    processor_count: count,
    processor_cores: coresPerSocket,
    processor_threads_per_core: threads,
    processor_vcpus: threads * count * coresPerSocket,
    processor_nproc: online ?? processorLines,
  };
}

/** The CPUs we may run on (Python's sched_getaffinity): /proc/self/status's list `0-3,8`. */
function cpusAllowed(list: string | undefined): number | undefined {
  if (!list) return undefined;
  return list.split(',').reduce((total, range) => {
    const [first = 0, last = first] = range.split('-').map(Number);
    return total + last - first + 1;
  }, 0);
}

const MEMORY_KEYS = ['MemTotal', 'SwapTotal', 'MemFree', 'SwapFree', 'Buffers', 'Cached', 'SwapCached'];

/** /proc/meminfo in whole MiB: the four `*_mb` facts and memory_mb's real/nocache/swap. */
export function memoryFacts(meminfo: string): Record<string, unknown> {
  const mb: Record<string, number> = {};
  for (const match of meminfo.matchAll(/^(\w+):\s+(\d+)/gm)) if (MEMORY_KEYS.includes(match[1]!)) mb[match[1]!] = Math.floor(Number(match[2]) / 1024);
  if (mb.MemTotal === undefined) return {};
  const nocacheFree = mb.Cached !== undefined && mb.MemFree !== undefined && mb.Buffers !== undefined ? mb.Cached + mb.MemFree + mb.Buffers : null;
  const minus = (a: number | undefined | null, b: number | undefined | null) => (a == null || b == null ? null : a - b);
  return {
    memtotal_mb: mb.MemTotal,
    memfree_mb: mb.MemFree,
    swaptotal_mb: mb.SwapTotal,
    swapfree_mb: mb.SwapFree,
    memory_mb: {
      real: { total: mb.MemTotal, used: minus(mb.MemTotal, mb.MemFree), free: mb.MemFree ?? null },
      nocache: { free: nocacheFree, used: minus(mb.MemTotal, nocacheFree) },
      swap: { total: mb.SwapTotal ?? null, free: mb.SwapFree ?? null, used: minus(mb.SwapTotal, mb.SwapFree), cached: mb.SwapCached ?? null },
    },
  };
}

export const DMI_DIR = '/sys/devices/virtual/dmi/id';
export const DMI_FILES: Readonly<Record<string, string>> = {
  bios_date: 'bios_date', bios_vendor: 'bios_vendor', bios_version: 'bios_version',
  board_asset_tag: 'board_asset_tag', board_name: 'board_name', board_serial: 'board_serial', board_vendor: 'board_vendor', board_version: 'board_version',
  chassis_asset_tag: 'chassis_asset_tag', chassis_serial: 'chassis_serial', chassis_vendor: 'chassis_vendor', chassis_version: 'chassis_version',
  form_factor: 'chassis_type', product_name: 'product_name', product_serial: 'product_serial', product_uuid: 'product_uuid', product_version: 'product_version', system_vendor: 'sys_vendor',
};

const FORM_FACTORS = ['Unknown', 'Other', 'Unknown', 'Desktop', 'Low Profile Desktop', 'Pizza Box', 'Mini Tower', 'Tower', 'Portable', 'Laptop', 'Notebook', 'Hand Held', 'Docking Station', 'All In One', 'Sub Notebook', 'Space-saving', 'Lunch Box', 'Main Server Chassis', 'Expansion Chassis', 'Sub Chassis', 'Bus Expansion Chassis', 'Peripheral Chassis', 'RAID Chassis', 'Rack Mount Chassis', 'Sealed-case PC', 'Multi-system', 'CompactPCI', 'AdvancedTCA', 'Blade', 'Blade Enclosure', 'Tablet', 'Convertible', 'Detachable', 'IoT Gateway', 'Embedded PC', 'Mini PC', 'Stick PC'];

/** The DMI files of /sys ('NA' for one the host lacks or the user may not read). Without /sys DMI, Ansible asks dmidecode; here all are 'NA'. */
function dmiFacts(sources: FactSources): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const [fact, file] of Object.entries(DMI_FILES)) {
    const value = firstLine(sources, `${DMI_DIR}/${file}`);
    facts[fact] = value === undefined ? 'NA' : fact === 'form_factor' ? (FORM_FACTORS[Number(value)] ?? 'unknown form factor') : value;
  }
  return facts;
}

const TIMEOUT_MARK = 'timeout|';

/** Ansible's warnings for the mounts whose statvfs outlived the 10 seconds a mount gets. */
export function timedOutMounts(sources: FactSources): string[] {
  return timedOutMountPoints(sources.sections.get('statfs') ?? '').map((mount) => `Timeout exceeded when getting mount info for ${mount}`);
}

function timedOutMountPoints(statfs: string): string[] {
  return statfs.split('\n').filter((line) => line.startsWith(TIMEOUT_MARK)).map((line) => line.slice(TIMEOUT_MARK.length));
}

/**
 * Ansible's mounts: the mtab entries of devices (a path or a network share),
 * each with statvfs numbers (stat -f lines `MOUNT|frsize|bsize|blocks|free|avail|files|ffree`)
 * and the UUID lsblk knows for its device; one whose statvfs timed out
 * (`timeout|MOUNT`) has Ansible's note instead. A mount point seen twice keeps its first place, the last entry.
 */
export function mountFacts(mtab: string, statfs: string, lsblk: string): Record<string, unknown>[] {
  const sizes = new Map<string, Record<string, number>>();
  const timedOut = new Set(timedOutMountPoints(statfs));
  for (const line of statfs.split('\n')) {
    const fields = line.split('|');
    if (fields.length < 8) continue;
    const [frsize, bsize, blocks, , available, files, freeFiles] = fields.slice(-7).map(Number) as [number, number, number, number, number, number, number];
    sizes.set(fields.slice(0, -7).join('|'), {
      size_total: frsize * blocks, size_available: frsize * available,
      block_size: bsize, block_total: blocks, block_available: available, block_used: blocks - available,
      inode_total: files, inode_available: freeFiles, inode_used: files - freeFiles,
    });
  }
  const uuids = new Map<string, string>();
  for (const line of lsblk.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 2 && !uuids.has(fields[0]!)) uuids.set(fields[0]!, fields[fields.length - 1]!);
  }
  const mounts = new Map<string, Record<string, unknown>>();
  for (const line of mtab.split('\n')) {
    const fields = line.trim().split(/\s+/).map(unescapeOctal);
    if (fields.length < 4) continue;
    const [device, mount, fstype, options] = fields as [string, string, string, string];
    if ((!/^[/\\]/.test(device) && !device.includes(':/')) || fstype === 'none') continue;
    const extra = timedOut.has(mount) ? { note: 'Could not get extra information due to timeout' } : { ...(sizes.get(mount) ?? {}), uuid: uuids.get(device) ?? 'N/A' };
    mounts.set(mount, { mount, device, fstype, options, ...extra });
  }
  return [...mounts.values()];
}

/** mtab writes a space as \040. */
function unescapeOctal(text: string): string {
  return text.replace(/\\[0-7]{3}/g, (escape) => String.fromCharCode(Number.parseInt(escape.slice(1), 8)));
}
