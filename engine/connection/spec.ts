/**
 * A host's connection settings from its inventory variables, with Ansible's
 * names, so one inventory serves ansible-playbook and cxplay alike; then, as
 * ansible-playbook's ssh command line and OpenSSH settle them, the ssh
 * options of ansible_ssh_common_args / ansible_ssh_extra_args (ssh-args.ts),
 * then the operator's ~/.ssh/config (ssh-config.ts), then ssh's defaults
 * (port 22, the local user, ~/.ssh/id_rsa, id_ecdsa, id_ed25519 when no
 * key is named anywhere). A variable or a command-line flag wins over both
 * ssh sources, because Ansible passes them to ssh as `-o` options first.
 */
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ansibleBoolean } from '../booleans.js';
import { UnreachableError, type ConnectionSpec } from './connection.js';
import { parseSshArgs, SshArgsError, type SshArgs } from './ssh-args.js';
import { sshConfigFor, type SshConfigHost } from './ssh-config.js';
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
  /** Passphrases of encrypted private keys, by file, asked before the run (cli/key-passphrases.ts). */
  readonly keyPassphrases?: ReadonlyMap<string, string> | undefined;
};

/** The keys ssh tries when none is named (OpenSSH's list, less the kinds ssh2 cannot use). */
export function defaultKeyFiles(): string[] {
  return ['id_rsa', 'id_ecdsa', 'id_ed25519'].map((name) => join(homedir(), '.ssh', name));
}

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

/** Throws UnreachableError (nothing is sent to the host) when its ssh arguments or ssh config ask for something cxplay does not do. */
export function connectionSpecFromVars(host: string, vars: Readonly<Record<string, unknown>>, defaults: ConnectionDefaults): ConnectionSpec {
  const options = sshArgsOf(host, vars, defaults);
  const address = setting(vars, NAMES.address);
  const explicitType = vars.ansible_connection === undefined ? defaults.connectionType : String(vars.ansible_connection);
  const given = String(address ?? host);
  // Only the implicit localhost is local by default (its variables say so); one the inventory lists connects with ssh, as in Ansible.
  const config = explicitType === 'local' ? { identityFiles: [] } : configFor(host, given, options.configFile);
  const strict = options.strictHostKeyChecking ?? config.strictHostKeyChecking ?? '';
  const acceptNew = defaults.acceptNewHostKeys || ['no', 'off', 'accept-new'].includes(strict) || hostKeyCheckingOff(vars, defaults);
  const timeout = setting(vars, NAMES.timeout);
  const timeoutSeconds = timeout === undefined ? undefined : Number(timeout);
  const port = setting(vars, NAMES.port) ?? options.port ?? config.port ?? 22;
  const privateKeyFile = expandHome(setting(vars, NAMES.privateKeyFile)) ?? defaults.privateKeyFile;
  const spec: ConnectionSpec = {
    host,
    type: explicitType === 'local' ? 'local' : 'ssh',
    address: config.hostname ?? given,
    port: portNumber(port) ?? failWith(badPort(port)),
    user: String(setting(vars, NAMES.user) ?? defaults.remoteUser ?? options.user ?? config.user ?? userInfo().username),
    privateKeyFile,
    ...identities(privateKeyFile, [...options.identityFiles.map((file) => expandHome(file)!), ...config.identityFiles], options.identitiesOnly ?? config.identitiesOnly),
    keyPassphrases: defaults.keyPassphrases,
    password: (setting(vars, NAMES.password) as string | undefined) ?? defaults.password,
    knownHostsFile: expandHome(options.userKnownHostsFile) ?? config.userKnownHostsFile ?? defaults.knownHostsFile,
    acceptNewHostKeys: acceptNew,
    connectTimeoutMs: timeoutSeconds !== undefined && Number.isFinite(timeoutSeconds) ? timeoutSeconds * 1000 : (defaults.connectTimeoutMs ?? 10_000),
    keepaliveIntervalMs: (wholeNumber(host, 'ServerAliveInterval', options.serverAliveIntervalSeconds ?? config.serverAliveInterval) ?? 5) * 1000,
    keepaliveCountMax: wholeNumber(host, 'ServerAliveCountMax', options.serverAliveCountMax ?? config.serverAliveCountMax) ?? 3,
  };
  const proxyJump = options.proxyJump ?? (config.proxyJump?.toLowerCase() === 'none' ? undefined : config.proxyJump);
  if (!proxyJump) refuseProxyCommand(host, config);
  return proxyJump ? { ...spec, jump: jumpChain(host, proxyJump, spec, options.configFile) } : spec;
}

/**
 * The key files to offer after the named one: those of the ssh arguments
 * and ssh config (ssh skips a missing one), else ssh's default keys when no
 * key is named anywhere; IdentitiesOnly leaves the agent out.
 */
function identities(named: string | undefined, listed: readonly string[], only: boolean | undefined): Pick<ConnectionSpec, 'identityFiles' | 'identitiesOnly' | 'defaultKeys'> {
  const defaultKeys = named === undefined && listed.length === 0;
  return { identityFiles: defaultKeys ? defaultKeyFiles() : listed.filter((file) => file !== named), identitiesOnly: only ?? false, defaultKeys };
}

/** ssh_config's ProxyCommand runs a command; cxplay does not, and says so rather than connecting straight. */
function refuseProxyCommand(host: string, config: SshConfigHost): void {
  if (!config.proxyCommand || config.proxyCommand.toLowerCase() === 'none') return;
  throw new UnreachableError(host, `the ssh config sets ProxyCommand ${JSON.stringify(config.proxyCommand)}: cxplay does not run proxy commands; for \`ssh -W %h:%p jumphost\` write ProxyJump jumphost (README: "SSH options"). Nothing was sent.`);
}

/** The ssh config's options for `name`; a config cxplay cannot read makes the host unreachable, saying why. */
function configFor(host: string, name: string, file: string | undefined): SshConfigHost {
  try {
    return sshConfigFor(name, expandHome(file));
  } catch (error) {
    throw new UnreachableError(host, `cannot read the ssh config${file ? ` ${file}` : ''}: ${(error as Error).message}. Nothing was sent.`);
  }
}

function wholeNumber(host: string, name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UnreachableError(host, `${name} must be a whole number, got ${JSON.stringify(value)}. Nothing was sent.`);
  return number;
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

/**
 * The ssh arguments: each of ansible_ssh_common_args and ansible_ssh_extra_args,
 * else its command-line flag (--ssh-common-args, --ssh-extra-args): a host's
 * variable replaces the flag, as in ansible-playbook 2.14.
 */
function sshArgsOf(host: string, vars: Readonly<Record<string, unknown>>, defaults: ConnectionDefaults): SshArgs {
  const given = [
    sshArgsText(vars.ansible_ssh_common_args, 'ansible_ssh_common_args', defaults.sshCommonArgs, '--ssh-common-args'),
    sshArgsText(vars.ansible_ssh_extra_args, 'ansible_ssh_extra_args', defaults.sshExtraArgs, '--ssh-extra-args'),
  ];
  try {
    // One list, as ssh gets them: the common arguments first, so theirs win.
    return parseSshArgs(given.map(({ text }) => text).join(' '));
  } catch (error) {
    if (!(error instanceof SshArgsError)) throw error;
    const names = given.filter(({ text }) => text !== '').map(({ name }) => name);
    throw new UnreachableError(host, `${names.join(' / ')}: ${error.message}. Nothing was sent.`);
  }
}

function sshArgsText(variable: unknown, variableName: string, flag: string | undefined, flagName: string): { text: string; name: string } {
  if (variable !== undefined && variable !== null) return { text: String(variable), name: variableName };
  return { text: flag ?? '', name: flagName };
}

/**
 * The jump hosts of `-J a,b` (first hop first) as the spec of the last one,
 * each reached through the one before. Each hop's name goes through the ssh
 * config as ssh does (HostName, User, Port, IdentityFile of a `Host bastion`
 * block); it is authenticated with the target's key or agent as well (never
 * its password) and its key is checked against the target's known_hosts;
 * its user is the local user unless given, as ssh does.
 */
function jumpChain(host: string, chain: string, target: ConnectionSpec, configFile: string | undefined): ConnectionSpec {
  let previous: ConnectionSpec | undefined;
  for (const hop of chain.split(',')) {
    const parsed = parseHop(host, hop.trim());
    const config = configFor(host, parsed.address, configFile);
    if (config.proxyJump && config.proxyJump.toLowerCase() !== 'none') {
      throw new UnreachableError(host, `the jump host ${hop.trim()} has a ProxyJump of its own in the ssh config: write the whole chain in one ProxyJump (a,b). Nothing was sent.`);
    }
    refuseProxyCommand(host, config);
    const port = parsed.port ?? config.port ?? 22;
    previous = {
      ...target,
      host: `jump host ${hop.trim()}`,
      address: config.hostname ?? parsed.address,
      port: portNumber(port) ?? failWith(badPort(port)),
      user: parsed.user ?? config.user ?? userInfo().username,
      identityFiles: [...config.identityFiles, ...(target.identityFiles ?? [])],
      password: undefined,
      jump: previous,
    };
  }
  return previous!;
}

/** `[user@]host[:port]`, `[user@][address]:port` or `ssh://[user@]host[:port]`. */
function parseHop(host: string, hop: string): { user: string | undefined; address: string; port: number | undefined } {
  const match = /^(?:ssh:\/\/)?(?:([^@]+)@)?(?:\[([^\]]+)\]|([^:@\[\]]+))(?::(\d+))?$/.exec(hop);
  const port = match?.[4] === undefined ? undefined : Number(match[4]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
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
