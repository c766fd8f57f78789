/**
 * A host's connection settings from its inventory variables, with Ansible's
 * names, so one inventory serves ansible-playbook and cxplay alike (the ssh
 * options cxplay honours are read from ansible_ssh_common_args /
 * ansible_ssh_extra_args: ssh-args.ts).
 */
import { homedir, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { ansibleBoolean } from '../booleans.js';
import { UnreachableError, type ConnectionSpec } from './connection.js';
import { parseSshArgs, SshArgsError, type SshArgs } from './ssh-args.js';
import { badPort, portNumber } from '../load/connection-vars.js';
import type { ConnectionFlags } from '../cli/options.js';

/**
 * The command line's connection settings, typed from its option table
 * (engine/cli/options.ts), and the password `-k` asked for. A host's own
 * variables win over each, as in Ansible.
 */
export type ConnectionDefaults = ConnectionFlags & {
  readonly password?: string | undefined;
  /** Ansible's host_key_checking (ansible.cfg, ANSIBLE_HOST_KEY_CHECKING); false accepts new keys (never changed ones). */
  readonly hostKeyChecking?: boolean | undefined;
};

/**
 * Ansible's variable names for each setting, the winning one first: a legacy
 * `ansible_ssh_*` name wins over the new one wherever each is defined (group
 * or host, even over -e), as measured with ansible-playbook 2.14 (its ssh
 * plugin takes the last defined name of its list, and lists the legacy last).
 */
const NAMES = {
  address: ['ansible_ssh_host', 'ansible_host'],
  port: ['ansible_ssh_port', 'ansible_port'],
  user: ['ansible_ssh_user', 'ansible_user'],
  password: ['ansible_ssh_password', 'ansible_ssh_pass', 'ansible_password'],
  privateKeyFile: ['ansible_ssh_private_key_file', 'ansible_private_key_file'],
  timeout: ['ansible_ssh_timeout', 'ansible_timeout'],
  hostKeyChecking: ['ansible_ssh_host_key_checking', 'ansible_host_key_checking'],
} as const;

/** The names of the connection password (each a secret wherever it would show). */
export const PASSWORD_VARS: readonly string[] = NAMES.password;

/** Every variable connectionSpecFromVars reads. */
export const CONNECTION_VARS: readonly string[] = ['ansible_connection', ...Object.values(NAMES).flat(), 'ansible_ssh_common_args', 'ansible_ssh_extra_args'];

/** Throws UnreachableError (nothing is sent to the host) when its ssh arguments ask for something cxplay does not do. */
export function connectionSpecFromVars(host: string, vars: Readonly<Record<string, unknown>>, defaults: ConnectionDefaults): ConnectionSpec {
  const options = sshArgsOf(host, vars);
  const address = setting(vars, NAMES.address);
  const explicitType = vars.ansible_connection === undefined ? defaults.connectionType : String(vars.ansible_connection);
  const implicitLocal = explicitType === undefined && host === 'localhost' && address === undefined;
  const strict = options.strictHostKeyChecking ?? '';
  const acceptNew = defaults.acceptNewHostKeys || strict === 'no' || strict === 'accept-new' || hostKeyCheckingOff(vars, defaults);
  const timeout = setting(vars, NAMES.timeout);
  const timeoutSeconds = timeout === undefined ? undefined : Number(timeout);
  const spec: ConnectionSpec = {
    host,
    type: explicitType === 'local' || implicitLocal ? 'local' : 'ssh',
    address: String(address ?? host),
    port: portNumber(setting(vars, NAMES.port) ?? 22) ?? failWith(badPort(setting(vars, NAMES.port))),
    user: String(setting(vars, NAMES.user) ?? defaults.remoteUser ?? userInfo().username),
    privateKeyFile: expandHome(setting(vars, NAMES.privateKeyFile)) ?? defaults.privateKeyFile,
    password: (setting(vars, NAMES.password) as string | undefined) ?? defaults.password,
    knownHostsFile: expandHome(options.userKnownHostsFile) ?? defaults.knownHostsFile,
    acceptNewHostKeys: acceptNew,
    connectTimeoutMs: timeoutSeconds !== undefined && Number.isFinite(timeoutSeconds) ? timeoutSeconds * 1000 : (defaults.connectTimeoutMs ?? 10_000),
    keepaliveIntervalMs: options.serverAliveIntervalSeconds !== undefined ? options.serverAliveIntervalSeconds * 1000 : 5_000,
    keepaliveCountMax: options.serverAliveCountMax ?? 3,
  };
  return options.proxyJump ? { ...spec, jump: jumpChain(host, options.proxyJump, spec) } : spec;
}

/** The value of the first of `names` that is set (Ansible skips a null one). */
function setting(vars: Readonly<Record<string, unknown>>, names: readonly string[]): unknown {
  for (const name of names) if (vars[name] !== undefined && vars[name] !== null) return vars[name];
  return undefined;
}

/**
 * Host key checking turned off, as Ansible's host_key_checking: by a
 * variable, else by the configuration (ansible.cfg, the environment). Off,
 * Ansible passes ssh `StrictHostKeyChecking=no`; cxplay then accepts new keys
 * but still refuses changed ones. Only a clear "false" turns it off.
 */
function hostKeyCheckingOff(vars: Readonly<Record<string, unknown>>, defaults: ConnectionDefaults): boolean {
  const value = setting(vars, NAMES.hostKeyChecking) ?? defaults.hostKeyChecking;
  return ansibleBoolean(value) === false;
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

function failWith(error: Error): never {
  throw error;
}

function expandHome(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  return text.startsWith('~/') ? resolve(homedir(), text.slice(2)) : resolve(text);
}
