/**
 * A host's connection settings from its inventory variables, with Ansible's
 * names, so one inventory serves ansible-playbook and cxplay alike (the ssh
 * options cxplay honours are read from ansible_ssh_common_args /
 * ansible_ssh_extra_args: ssh-args.ts).
 */
import { homedir, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { UnreachableError, type ConnectionSpec } from './connection.js';
import { parseSshArgs, SshArgsError, type SshArgs } from './ssh-args.js';

export interface ConnectionDefaults {
  readonly knownHostsFile: string;
  readonly acceptNewHostKeys: boolean;
  readonly connectTimeoutMs?: number | undefined;
}

/** Throws UnreachableError (nothing is sent to the host) when its ssh arguments ask for something cxplay does not do. */
export function connectionSpecFromVars(host: string, vars: Readonly<Record<string, unknown>>, defaults: ConnectionDefaults): ConnectionSpec {
  const options = sshArgsOf(host, vars);
  const explicitType = vars.ansible_connection === undefined ? undefined : String(vars.ansible_connection);
  const implicitLocal = explicitType === undefined && host === 'localhost' && vars.ansible_host === undefined;
  const strict = options.strictHostKeyChecking ?? '';
  const envChecking = (process.env.ANSIBLE_HOST_KEY_CHECKING ?? '').toLowerCase();
  const acceptNew = defaults.acceptNewHostKeys || strict === 'no' || strict === 'accept-new' || ['false', '0', 'no'].includes(envChecking);
  const timeoutSeconds = vars.ansible_timeout === undefined ? undefined : Number(vars.ansible_timeout);
  const spec: ConnectionSpec = {
    host,
    type: explicitType === 'local' || implicitLocal ? 'local' : 'ssh',
    address: String(vars.ansible_host ?? host),
    port: Number(vars.ansible_port ?? 22),
    user: String(vars.ansible_user ?? userInfo().username),
    privateKeyFile: expandHome(vars.ansible_ssh_private_key_file ?? vars.ansible_private_key_file),
    password: (vars.ansible_password ?? vars.ansible_ssh_pass) as string | undefined,
    knownHostsFile: expandHome(options.userKnownHostsFile) ?? defaults.knownHostsFile,
    acceptNewHostKeys: acceptNew,
    connectTimeoutMs: timeoutSeconds !== undefined && Number.isFinite(timeoutSeconds) ? timeoutSeconds * 1000 : (defaults.connectTimeoutMs ?? 10_000),
    keepaliveIntervalMs: options.serverAliveIntervalSeconds !== undefined ? options.serverAliveIntervalSeconds * 1000 : 5_000,
    keepaliveCountMax: options.serverAliveCountMax ?? 3,
  };
  return options.proxyJump ? { ...spec, jump: jumpChain(host, options.proxyJump, spec) } : spec;
}

function sshArgsOf(host: string, vars: Readonly<Record<string, unknown>>): SshArgs {
  const texts = ['ansible_ssh_common_args', 'ansible_ssh_extra_args'].map((name) => String(vars[name] ?? ''));
  try {
    // One list, as ssh gets them: the common arguments first, so theirs win.
    return parseSshArgs(texts.join(' '));
  } catch (error) {
    if (!(error instanceof SshArgsError)) throw error;
    throw new UnreachableError(host, `ansible_ssh_common_args / ansible_ssh_extra_args: ${error.message}. Nothing was sent.`);
  }
}

/**
 * The jump hosts of `-J a,b` (first hop first) as the spec of the last one,
 * each reached through the one before. A jump host is authenticated with the
 * target's key or agent (never its password) and its key is checked against
 * the target's known_hosts; its user is the local user unless given, as ssh does.
 */
function jumpChain(host: string, chain: string, target: ConnectionSpec): ConnectionSpec {
  let previous: ConnectionSpec | undefined;
  for (const hop of chain.split(',')) {
    const { user, address, port } = parseHop(host, hop.trim());
    previous = {
      ...target,
      host: `jump host ${hop.trim()}`,
      address,
      port,
      user: user ?? userInfo().username,
      password: undefined,
      jump: previous,
    };
  }
  return previous!;
}

/** `[user@]host[:port]`, `[user@][address]:port` or `ssh://[user@]host[:port]`. */
function parseHop(host: string, hop: string): { user: string | undefined; address: string; port: number } {
  const match = /^(?:ssh:\/\/)?(?:([^@]+)@)?(?:\[([^\]]+)\]|([^:@\[\]]+))(?::(\d+))?$/.exec(hop);
  const port = Number(match?.[4] ?? 22);
  if (!match || port < 1 || port > 65535) {
    throw new UnreachableError(host, `ProxyJump: ${JSON.stringify(hop)} is not [user@]host[:port]. Nothing was sent.`);
  }
  return { user: match[1], address: (match[2] ?? match[3])!, port };
}

function expandHome(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  return text.startsWith('~/') ? resolve(homedir(), text.slice(2)) : resolve(text);
}
