/**
 * A host's connection settings from its inventory variables, with Ansible's
 * names, so one inventory serves ansible-playbook and cxplay alike
 * (UserKnownHostsFile and StrictHostKeyChecking are read from
 * ansible_ssh_common_args / ansible_ssh_extra_args).
 */
import { homedir, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { badPort, portNumber } from '../load/connection-vars.js';
import type { ConnectionSpec } from './connection.js';

export interface ConnectionDefaults {
  readonly knownHostsFile: string;
  readonly acceptNewHostKeys: boolean;
  readonly connectTimeoutMs?: number | undefined;
}

export function connectionSpecFromVars(host: string, vars: Readonly<Record<string, unknown>>, defaults: ConnectionDefaults): ConnectionSpec {
  const sshArgs = `${String(vars.ansible_ssh_common_args ?? '')} ${String(vars.ansible_ssh_extra_args ?? '')}`;
  const options = sshOptions(sshArgs);
  const explicitType = vars.ansible_connection === undefined ? undefined : String(vars.ansible_connection);
  const implicitLocal = explicitType === undefined && host === 'localhost' && vars.ansible_host === undefined;
  const strict = (options.stricthostkeychecking ?? '').toLowerCase();
  const envChecking = (process.env.ANSIBLE_HOST_KEY_CHECKING ?? '').toLowerCase();
  const acceptNew = defaults.acceptNewHostKeys || strict === 'no' || strict === 'accept-new' || ['false', '0', 'no'].includes(envChecking);
  const timeoutSeconds = vars.ansible_timeout === undefined ? undefined : Number(vars.ansible_timeout);
  return {
    host,
    type: explicitType === 'local' || implicitLocal ? 'local' : 'ssh',
    address: String(vars.ansible_host ?? host),
    port: portNumber(vars.ansible_port ?? 22) ?? failWith(badPort(vars.ansible_port)),
    user: String(vars.ansible_user ?? userInfo().username),
    privateKeyFile: expandHome(vars.ansible_ssh_private_key_file ?? vars.ansible_private_key_file),
    password: (vars.ansible_password ?? vars.ansible_ssh_pass) as string | undefined,
    knownHostsFile: expandHome(options.userknownhostsfile) ?? defaults.knownHostsFile,
    acceptNewHostKeys: acceptNew,
    connectTimeoutMs: timeoutSeconds !== undefined && Number.isFinite(timeoutSeconds) ? timeoutSeconds * 1000 : (defaults.connectTimeoutMs ?? 10_000),
    keepaliveIntervalMs: 5_000,
    keepaliveCountMax: 3,
  };
}

function failWith(error: Error): never {
  throw error;
}

/** `-o Key=Value` and `-oKey=Value` pairs, keys lower-cased. */
function sshOptions(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/-o\s*["']?([A-Za-z]+)[= ]([^\s"']+)["']?/g)) out[match[1]!.toLowerCase()] = match[2]!;
  return out;
}

function expandHome(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  return text.startsWith('~/') ? resolve(homedir(), text.slice(2)) : resolve(text);
}
