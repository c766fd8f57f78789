/**
 * SIMULATOR: what the preflight role needs on simulated nodes. Lab hosts share the
 * machine's CPU, memory and disk and its loopback network, so the lab lowers the sizing
 * rows, measures the machine's disk ("/"), and swaps the port and IP probes for stand-ins
 * that send no traffic and read what a test blocked or took in the cluster state
 * (<cluster>/preflight/blocked: "ADDRESS PORT/PROTO" lines; <cluster>/preflight/in-use).
 * The MetalLB IP of the lab (a documentation address) is outside the loopback subnet, so
 * the checked IP is the lab subnet's .250.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RkeSim } from './sim.js';

const STAND_INS = ['cxsim-port-probe', 'cxsim-ip-probe', 'ufw', 'firewall-cmd'];

/** Lab setup lines: the stand-in probes, ufw (inactive) and firewall-cmd (not running) on a host. */
export function preflightHostSetup(sim: RkeSim): string {
  const sh = sim.shDir;
  return [
    ...STAND_INS.map((name) => `cp '${join(sh, name)}' /usr/local/bin/${name}`),
    `chmod 755 ${STAND_INS.map((name) => `/usr/local/bin/${name}`).join(' ')}`,
  ].join('\n');
}

/** A sizing row every lab host meets. */
const SMALL = { vcpus: 1, memory_gib: 1, disk_gib: 1 };

export const PREFLIGHT_LAB_VARS: Readonly<Record<string, unknown>> = {
  preflight_requirements: { 'control-plane': SMALL, 'cx-core': SMALL, superset: SMALL },
  preflight_disk_path: '/',
  preflight_port_probe: '/usr/local/bin/cxsim-port-probe "$@"',
  preflight_ip_in_use_probe: '/usr/local/bin/cxsim-ip-probe "$@"',
  preflight_subnet: "{{ ansible_host | regex_replace('\\.[0-9]+$', '.0/24') }}",
  preflight_metallb_ip: "{{ ansible_host | regex_replace('\\.[0-9]+$', '.250') }}",
};

/** Make the stand-in probe report ADDRESS PORT/PROTO as filtered. */
export function blockPort(sim: RkeSim, address: string, portProto: string): void {
  mkdirSync(join(sim.clusterDir, 'preflight'), { recursive: true });
  appendFileSync(join(sim.clusterDir, 'preflight', 'blocked'), `${address} ${portProto}\n`);
}

/** Make the stand-in IP probe see ADDRESS answering (in use). */
export function takeAddress(sim: RkeSim, address: string): void {
  mkdirSync(join(sim.clusterDir, 'preflight'), { recursive: true });
  appendFileSync(join(sim.clusterDir, 'preflight', 'in-use'), `${address}\n`);
}
