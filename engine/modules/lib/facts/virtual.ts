/**
 * Ansible's Linux virtualization facts, its checks in its order (the first
 * that matches names virtualization_type and _role; every match adds to
 * tech_guest / tech_host), from files the facts script read. Not done: the
 * RHEV check (a scan of every process's name), dmidecode and lscpu.
 */
import { DMI_DIR } from './hardware.js';
import { firstLine, type FactSources } from './sections.js';

/** Files and paths the checks read. */
export const VIRTUAL_FILES = ['/proc/cpuinfo', '/proc/1/cgroup', '/proc/1/environ', '/run/systemd/container', '/proc/xen/capabilities', '/proc/self/status', '/proc/modules', ...['product_name', 'sys_vendor', 'product_family', 'bios_vendor'].map((file) => `${DMI_DIR}/${file}`)];
export const VIRTUAL_PATHS = ['/proc/vz', '/proc/lve', '/proc/bc', '/.dockerenv', '/.dockerinit', '/proc/xen', '/rhev/', '/dev/kvm'];

const KVM_VENDORS = ['QEMU', 'Amazon EC2', 'DigitalOcean', 'Google', 'Scaleway', 'Nutanix'];
const CONTAINER_TECH = ['docker', 'lxc', 'podman', 'openvz', 'containerd'];

class Findings {
  type: string | undefined;
  role: string | undefined;
  found = false;
  readonly guest = new Set<string>();
  readonly host = new Set<string>();

  /** A guest technology; the first one found also names type and role. */
  guestOf(tech: string, type = tech, role: string | undefined = 'guest'): void {
    this.guest.add(tech);
    this.first(type, role);
  }

  hostOf(tech: string, type = tech): void {
    this.host.add(tech);
    this.first(type, 'host');
  }

  first(type: string, role: string | undefined): void {
    if (this.found) return;
    this.type = type;
    if (role !== undefined) this.role = role;
    this.found = true;
  }
}

export function virtualFacts(sources: FactSources): Record<string, unknown> {
  const has = (path: string) => sources.paths.has(path);
  const file = (path: string) => sources.files.get(path) ?? '';
  const seen = new Findings();
  for (const line of file('/proc/1/cgroup').split('\n')) {
    if (/\/docker(\/|-[0-9a-f]+\.scope)/.test(line)) seen.guestOf('docker');
    if (/\/lxc\/|\/machine\.slice\/machine-lxc/.test(line)) seen.guestOf('lxc');
    if (/\/system\.slice\/containerd\.service/.test(line)) seen.guestOf('containerd');
  }
  for (const entry of file('/proc/1/environ').split(/[\0\n]/)) {
    if (entry.includes('container=lxc')) seen.guestOf('lxc');
    if (entry.includes('container=podman')) seen.guestOf('podman');
    if (/^container=./.test(entry)) seen.guestOf('container');
  }
  if (has('/proc/vz') && !has('/proc/lve')) openvz(seen, has('/proc/bc'));
  const systemdContainer = firstLine(sources, '/run/systemd/container');
  if (systemdContainer) seen.guestOf(systemdContainer);
  if (has('/.dockerenv') || has('/.dockerinit')) seen.guestOf('docker');
  if ([...seen.guest].some((tech) => CONTAINER_TECH.includes(tech)) || systemdContainer) seen.guest.add('container');
  if (has('/proc/xen')) {
    if (file('/proc/xen/capabilities').includes('control_d')) seen.hostOf('xen');
    else seen.guestOf('xen');
  }
  dmiChecks(seen, sources);
  vserverCheck(seen, file('/proc/self/status'));
  cpuinfoChecks(seen, file('/proc/cpuinfo'));
  moduleChecks(seen, file('/proc/modules'));
  if (has('/dev/kvm')) seen.hostOf('kvm');
  return {
    virtualization_type: seen.type ?? 'NA',
    virtualization_role: seen.found ? seen.role : 'NA',
    virtualization_tech_guest: [...seen.guest],
    virtualization_tech_host: [...seen.host],
  };
}

/** openvz sets the type even when something was found before (as Ansible does). */
function openvz(seen: Findings, isHost: boolean): void {
  seen.type = 'openvz';
  if (isHost) seen.host.add('openvz');
  else seen.guest.add('openvz');
  if (!seen.found) seen.role = isHost ? 'host' : 'guest';
  seen.found = true;
}

/** The DMI names of known hypervisors; these say guest only when nothing before did. */
function dmiChecks(seen: Findings, sources: FactSources): void {
  const dmi = (file: string) => firstLine(sources, `${DMI_DIR}/${file}`);
  const product = dmi('product_name');
  const vendor = dmi('sys_vendor');
  const bios = dmi('bios_vendor');
  const guest = (tech: string) => seen.guestOf(tech, tech, 'guest');
  if (['KVM', 'KVM Server', 'Bochs', 'AHV'].includes(product ?? '')) guest('kvm');
  if (vendor === 'oVirt') guest('oVirt');
  if (vendor === 'Red Hat' && dmi('product_family') === 'RHV') guest('RHV');
  else if (vendor === 'Red Hat' && product === 'RHEV Hypervisor') guest('RHEV');
  if (['VMware Virtual Platform', 'VMware7,1'].includes(product ?? '')) guest('VMware');
  if (['OpenStack Compute', 'OpenStack Nova'].includes(product ?? '')) guest('openstack');
  if (bios === 'Xen') guest('xen');
  if (bios === 'innotek GmbH') guest('virtualbox');
  if (['Amazon EC2', 'DigitalOcean', 'Hetzner'].includes(bios ?? '')) guest('kvm');
  if (KVM_VENDORS.includes(vendor ?? '')) guest('kvm');
  if (vendor === 'KubeVirt') guest('KubeVirt');
  if (vendor === 'Microsoft Corporation') guest('VirtualPC');
  if (vendor === 'Parallels Software International Inc.') guest('parallels');
  if (vendor === 'OpenStack Foundation') guest('openstack');
}

function vserverCheck(seen: Findings, status: string): void {
  const match = /^VxID:\s+(\d+)/m.exec(status);
  if (!match) return;
  if (match[1] === '0') seen.hostOf('linux_vserver');
  else seen.guestOf('linux_vserver');
}

const CPUINFO_GUESTS: readonly [RegExp, string][] = [
  [/^model name.*QEMU Virtual CPU/, 'kvm'],
  [/^vendor_id.*User Mode Linux/, 'uml'],
  [/^model name.*UML/, 'uml'],
  [/^machine.*CHRP IBM pSeries .emulated by qemu./, 'kvm'],
  [/^vendor_id.*PowerVM Lx86/, 'powervm_lx86'],
  [/^vendor_id.*IBM\/S390/, 'ibm_systemz'],
];

function cpuinfoChecks(seen: Findings, cpuinfo: string): void {
  for (const line of cpuinfo.split('\n')) {
    const tech = CPUINFO_GUESTS.find(([pattern]) => pattern.test(line))?.[1];
    if (tech) seen.guestOf(tech);
  }
}

function moduleChecks(seen: Findings, modules: string): void {
  const names = new Set(modules.split('\n').map((line) => line.split(' ')[0]));
  if (names.has('kvm')) {
    seen.host.add('kvm');
    if (!seen.found) {
      seen.type = 'kvm';
      seen.role = 'host';
    }
    seen.found = true;
  }
  if (names.has('vboxdrv')) seen.hostOf('virtualbox');
  if (names.has('virtio')) {
    seen.host.add('kvm');
    seen.first('kvm', 'guest');
  }
}
