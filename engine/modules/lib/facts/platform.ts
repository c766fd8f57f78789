/** Ansible's platform and user facts from what the facts script read: uname, the fqdn lookup, the passwd entry, the environment. */
import { firstLine, type FactSources } from './sections.js';

export function platformFacts(sources: FactSources): Record<string, unknown> {
  const machine = firstLine(sources, '/proc/sys/kernel/arch') ?? (sources.sections.get('machine') ?? '').trim();
  const nodename = firstLine(sources, '/proc/sys/kernel/hostname') ?? '';
  const fqdn = fqdnOf(sources.sections.get('fqdn_name') ?? '') ?? nodename;
  // Python's platform.architecture() of its own binary; here the machine's word size.
  const bits = /64|s390x/.test(machine) ? '64' : '32';
  const machineId = firstLine(sources, '/var/lib/dbus/machine-id') || firstLine(sources, '/etc/machine-id');
  return {
    system: 'Linux',
    kernel: firstLine(sources, '/proc/sys/kernel/osrelease') ?? '',
    kernel_version: firstLine(sources, '/proc/sys/kernel/version') ?? '',
    machine,
    architecture: machine,
    ...(machine === 'x86_64' ? { userspace_architecture: bits === '64' ? 'x86_64' : 'i386' } : {}),
    userspace_bits: bits,
    fqdn,
    hostname: nodename.split('.')[0],
    nodename,
    domain: fqdn.split('.').slice(1).join('.'),
    ...(machineId ? { machine_id: machineId } : {}),
  };
}

/** As Python's socket.getfqdn: of the names the address maps back to, the first with a dot, else the first. */
function fqdnOf(hostsLine: string): string | undefined {
  const names = hostsLine.split('\n')[0]?.trim().split(/\s+/).slice(1) ?? [];
  if (names.length === 0) return undefined;
  return names.find((name) => name.includes('.')) ?? names[0];
}

/** The user facts: the login name as Python's getpass finds it (LOGNAME, USER, LNAME, USERNAME), the rest from its passwd entry. */
export function userFacts(sources: FactSources): Record<string, unknown> {
  const [name = '', , uid = '', gid = '', gecos = '', dir = '', shell = ''] = (sources.sections.get('passwd') ?? '').split('\n')[0]!.split(':');
  const status = sources.files.get('/proc/self/status') ?? '';
  const [realUid = uid, effectiveUid = uid] = /^Uid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/) ?? [];
  const [realGid = gid] = /^Gid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/) ?? [];
  const login = (sources.sections.get('login') ?? '').trim() || name;
  return {
    user_id: login,
    user_uid: Number(uid),
    user_gid: Number(gid),
    user_gecos: gecos,
    user_dir: dir,
    user_shell: shell,
    real_user_id: Number(realUid),
    effective_user_id: Number(effectiveUid),
    // Ansible reports the real group id as the effective one too.
    real_group_id: Number(realGid),
    effective_group_id: Number(realGid),
  };
}

/** `env` output: NAME=value lines; a line that starts no new NAME= continues the previous value. */
export function parseEnvironment(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) {
      const forbidden = ['__proto__', 'constructor', 'prototype'].includes(match[1]!);
      last = forbidden ? undefined : match[1]!;
      if (last !== undefined) env[last] = match[2]!;
    } else if (last !== undefined && line !== '') {
      env[last] += `\n${line}`;
    }
  }
  return env;
}
