/** Helpers of the RKE2 role tests: run cxplay on a simulated cluster lab, look inside its hosts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterLab } from '../lab/rke2-sim/cluster-lab.js';
import { cxplay, type CommandResult } from '../support/cli.js';

/** Every cxplay run of a test, kept so the secret checks can read all of it. */
export const transcript: string[] = [];

export async function cx(args: readonly string[]): Promise<CommandResult> {
  const result = await cxplay(args);
  transcript.push(result.stdout, result.stderr);
  return result;
}

export function site(cluster: ClusterLab, extra: readonly string[] = [], inventory = cluster.lab.inventoryPath): Promise<CommandResult> {
  return cx(['run', 'playbooks/site.yaml', '-i', inventory, ...extra]);
}

export async function kubectl(cluster: ClusterLab, args: string): Promise<string> {
  const result = await cluster.lab.exec(cluster.server, `KUBECONFIG=/etc/rancher/rke2/rke2.yaml /var/lib/rancher/rke2/bin/kubectl ${args}`);
  if (result.code !== 0) throw new Error(`kubectl ${args}: ${result.stderr}`);
  return result.stdout;
}

export interface NodeView {
  readonly name: string;
  readonly ready: boolean;
  readonly unschedulable: boolean;
  readonly taints: readonly { key: string; value?: string; effect: string }[];
}

export async function nodes(cluster: ClusterLab): Promise<NodeView[]> {
  const list = JSON.parse(await kubectl(cluster, 'get nodes -o json')) as {
    items: { metadata: { name: string }; spec: { unschedulable?: boolean; taints?: NodeView['taints'] }; status: { conditions: { type: string; status: string }[] } }[];
  };
  return list.items.map((item) => ({
    name: item.metadata.name,
    ready: item.status.conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True'),
    unschedulable: item.spec.unschedulable === true,
    taints: item.spec.taints ?? [],
  }));
}

/** Mode and content hash of every file and directory a run may touch (the hosts' private tmpfs mounts), per host. */
export async function snapshot(cluster: ClusterLab, hosts: readonly string[]): Promise<Record<string, string>> {
  const listing: Record<string, string> = {};
  for (const host of hosts) {
    const result = await cluster.lab.exec(
      host,
      'find /etc/rancher /var/lib/rancher /usr/local/bin /usr/local/sbin /usr/local/lib /usr/local/share /etc/systemd/system /opt /var/lib/cxsim /root -xdev \\( -type f -o -type d -o -type l \\) 2>/dev/null | sort | while read -r p; do if [ -f "$p" ]; then printf "%s %s %s\\n" "$p" "$(stat -c %a "$p")" "$(sha256sum < "$p" | cut -c1-16)"; else printf "%s %s\\n" "$p" "$(stat -c %a "$p")"; fi; done',
    );
    listing[host] = result.stdout;
  }
  return listing;
}

/** Everything the hosts logged: the simulated journals and the lab's sshd logs. */
export async function hostLogs(cluster: ClusterLab): Promise<string> {
  const parts: string[] = [];
  for (const host of cluster.lab.hosts) {
    parts.push((await cluster.lab.exec(host.name, 'cat /var/lib/cxsim/journal/*.log 2>/dev/null; true')).stdout);
    const sshdLog = join(cluster.lab.dir, 'hosts', host.name, 'sshd.log');
    try {
      parts.push(readFileSync(sshdLog, 'utf8'));
    } catch {
      // no log written
    }
  }
  return parts.join('\n');
}

/**
 * Samples the command line of every process on the machine while a run goes
 * on (lab hosts share the kernel; their processes are visible here). Catches
 * what lives long enough to be seen; the stand-ins' own argv log catches the rest.
 */
export class ArgvWatcher {
  readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.timer = setInterval(() => this.sample(), 20);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        if (cmdline) this.seen.add(cmdline);
      } catch {
        // the process ended meanwhile
      }
    }
  }
}
