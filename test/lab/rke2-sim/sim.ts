/**
 * SIMULATOR: one simulated RKE2 cluster for a lab. `RkeSim.start()` makes the
 * shared cluster state directory (outside the hosts' private tmpfs mounts, so
 * all hosts of the lab see it) and starts the mirror; `hostSetup` is the lab's
 * setup hook that turns a lab host into a "node OS" with the stand-in systemctl
 * and journalctl; `inventoryVars` points the roles' download URLs at the mirror.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAB_ROOT } from '../lab.js';
import { Mirror } from './mirror.js';

/** test/lab/rke2-sim in the source tree (also when running from dist/). */
export function simSourceDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (package.json) above the simulator');
    dir = parent;
  }
  return resolve(dir, 'test', 'lab', 'rke2-sim');
}

function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/**
 * Seconds each simulated step takes (sh/lib.sh, cxsim_delay): `start` of an rke2 service
 * (systemctl start blocks), `node_ready` from start to Ready, `rollout` from a pod's
 * scheduling to ready, `webhook` from MetalLB's controller ready to its webhook answering.
 */
export interface SimTiming {
  readonly start?: number;
  readonly node_ready?: number;
  readonly rollout?: number;
  readonly webhook?: number;
}

/** Short, so tests stay fast, but never zero: every wait of the roles is exercised. */
const DEFAULT_TIMING: Required<SimTiming> = { start: 0, node_ready: 1, rollout: 1, webhook: 1 };

/** What the install script and the roles can tell apart: RHEL family (yum, RPMs) or not. */
export type OsFamily = 'debian' | 'rhel';

/**
 * A RHEL-family host, inside its own mount namespace only: /etc, /usr/bin and
 * /usr/lib/systemd/system become overlays whose changes live in the host's tmpfs (this
 * machine's directories stay untouched), with Rocky Linux's os-release and redhat-release,
 * NetworkManager's /etc/NetworkManager/conf.d, and stand-in `yum` and `rpm` (what
 * install.sh looks at). /etc/rancher and /etc/systemd/system get their tmpfs again (the
 * overlay on /etc hides the lab's).
 */
function rhelSetup(sh: string): string[] {
  const overlays = ['/etc', '/usr/bin', '/usr/lib/systemd/system'].map((dir, index) => {
    const base = `/var/lib/cxsim/overlay/${index}`;
    return `mkdir -p ${base}/upper ${base}/work && mount -t overlay overlay -o lowerdir=${dir},upperdir=${base}/upper,workdir=${base}/work ${dir}`;
  });
  return [
    ...overlays,
    'for dir in /etc/rancher /etc/systemd/system; do mount -t tmpfs -o mode=0755,size=256m tmpfs "$dir"; done',
    'rm -f /etc/os-release',
    `printf '%s\\n' 'NAME="Rocky Linux"' 'VERSION_ID="9.4"' 'ID="rocky"' 'ID_LIKE="rhel centos fedora"' 'PRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"' > /etc/os-release`,
    "echo 'Rocky Linux release 9.4 (Blue Onyx)' > /etc/redhat-release",
    'mkdir -p /etc/NetworkManager/conf.d /var/lib/cxsim/units',
    "printf '%s\\n' '[Unit]' 'Description=Network Manager (cxsim stand-in)' '[Service]' 'ExecStart=/bin/true' > /etc/systemd/system/NetworkManager.service",
    'echo active > /var/lib/cxsim/units/NetworkManager.service.active && : > /var/lib/cxsim/units/NetworkManager.service.enabled',
    `cp ${shQuote(join(sh, 'yum'))} ${shQuote(join(sh, 'rpm'))} /usr/local/bin/ && chmod 755 /usr/local/bin/yum /usr/local/bin/rpm`,
  ];
}

export class RkeSim {
  private constructor(
    readonly dir: string,
    readonly mirror: Mirror,
  ) {}

  static async start(timing: SimTiming = {}): Promise<RkeSim> {
    mkdirSync(LAB_ROOT, { recursive: true });
    const dir = mkdtempSync(join(LAB_ROOT, 'rke2-sim-'));
    mkdirSync(join(dir, 'cluster'), { mode: 0o700 });
    const sourceDir = simSourceDir();
    // The hosts copy the stand-ins from here: the project itself may live under a path
    // their private mounts hide (a checkout in /tmp is behind each host's own /tmp).
    cpSync(join(sourceDir, 'sh'), join(dir, 'sh'), { recursive: true });
    const lines = Object.entries({ ...DEFAULT_TIMING, ...timing }).map(([step, seconds]) => `${step}=${seconds}\n`);
    writeFileSync(join(dir, 'cluster', 'timing'), lines.join(''));
    try {
      const mirror = await Mirror.start(sourceDir, dir);
      writeFileSync(join(dir, 'cluster', 'oci-mirror'), `${mirror.baseUrl}\n`);
      return new RkeSim(dir, mirror);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The stand-in scripts, staged where every lab host can read them. */
  get shDir(): string {
    return join(this.dir, 'sh');
  }

  get clusterDir(): string {
    return join(this.dir, 'cluster');
  }

  /** Every argv of every stand-in run on any host (tests grep it for secrets). */
  argvLog(): string {
    const path = join(this.clusterDir, 'argv.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  /**
   * Lab setup hook: the stand-in "OS" tools of a simulated node, and where the cluster state
   * is. `family` rhel makes the host look like Rocky Linux 9 with NetworkManager (see `rhelSetup`).
   */
  hostSetup(host: { name: string; address: string }, family: OsFamily = 'debian'): string {
    const sh = this.shDir;
    return [
      'mkdir -p /var/lib/cxsim /usr/local/lib/cxsim /usr/local/bin',
      `printf '%s\\n' ${shQuote(`CXSIM_CLUSTER=${shQuote(this.clusterDir)}`)} ${shQuote(`CXSIM_NODE_IP=${shQuote(host.address)}`)} > /var/lib/cxsim/env`,
      `cp ${shQuote(join(sh, 'lib.sh'))} /usr/local/lib/cxsim/lib.sh`,
      `cp ${shQuote(join(sh, 'systemctl'))} ${shQuote(join(sh, 'journalctl'))} /usr/local/bin/`,
      'chmod 755 /usr/local/bin/systemctl /usr/local/bin/journalctl',
      ...(family === 'rhel' ? rhelSetup(sh) : []),
    ].join('\n');
  }

  /** The roles' download variables, pointed at the mirror. */
  inventoryVars(): Record<string, string> {
    const urls = this.mirror.urls;
    return {
      rke2_install_script_url: urls.rke2InstallScript,
      metallb_manifest_url: urls.metallbManifest,
      helm_install_script_url: urls.helmInstallScript,
    };
  }

  async stop(): Promise<void> {
    await this.mirror.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
