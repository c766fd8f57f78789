/**
 * The operator's OpenSSH client configuration (~/.ssh/config, or the file
 * of `-F` in ansible_ssh_common_args), read as ssh reads it for one host
 * name: `Host` patterns with `*`, `?` and `!negation`, the first value of
 * each option winning (IdentityFile adding up), `%h`-style tokens and `~`
 * expanded. Parsing and pattern matching are the `ssh-config` package's (a
 * maintained parser of exactly this format); what the values mean for a
 * connection is decided in spec.ts. Each file is parsed once per run.
 * Include and Match lines are not followed (README: "SSH options").
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import SSHConfig from 'ssh-config';

/** The options cxplay reads, by their lower-cased names. */
export interface SshConfigHost {
  readonly hostname?: string | undefined;
  readonly user?: string | undefined;
  readonly port?: string | undefined;
  readonly identityFiles: readonly string[];
  readonly identitiesOnly?: boolean | undefined;
  readonly proxyJump?: string | undefined;
  readonly proxyCommand?: string | undefined;
  readonly serverAliveInterval?: string | undefined;
  readonly serverAliveCountMax?: string | undefined;
  readonly userKnownHostsFile?: string | undefined;
  readonly strictHostKeyChecking?: string | undefined;
}

const parsed = new Map<string, { readonly stamp: string; readonly config: SSHConfig | undefined }>();

export function defaultSshConfigFile(): string {
  return join(homedir(), '.ssh', 'config');
}

/** The options of `file` that apply to `host` (the name given to ssh: ansible_host, else the inventory name). */
export function sshConfigFor(host: string, file: string = defaultSshConfigFile()): SshConfigHost {
  const config = configOf(file);
  if (!config) return { identityFiles: [] };
  const raw: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(config.compute(host))) raw[name.toLowerCase()] = value;
  const one = (name: string): string | undefined => {
    const value = raw[name];
    return Array.isArray(value) ? value.join(' ') : value;
  };
  const hostname = one('hostname') === undefined ? undefined : expandTokens(one('hostname')!, host, undefined);
  const tokens = (text: string) => expandTokens(text, hostname ?? host, one('user'));
  const identityFiles = ([] as string[]).concat(raw.identityfile ?? []).map((path) => expandPath(tokens(unquote(path))));
  const knownHosts = one('userknownhostsfile');
  return {
    hostname,
    user: one('user'),
    port: one('port'),
    identityFiles,
    identitiesOnly: one('identitiesonly') === undefined ? undefined : one('identitiesonly')!.toLowerCase() === 'yes',
    proxyJump: one('proxyjump'),
    proxyCommand: one('proxycommand'),
    serverAliveInterval: one('serveraliveinterval'),
    serverAliveCountMax: one('serveralivecountmax'),
    userKnownHostsFile: knownHosts === undefined ? undefined : expandPath(tokens(unquote(knownHosts.split(/\s+/)[0]!))),
    strictHostKeyChecking: one('stricthostkeychecking')?.toLowerCase(),
  };
}

function configOf(file: string): SSHConfig | undefined {
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
  const known = parsed.get(file);
  if (known?.stamp === stamp) return known.config;
  const config = SSHConfig.parse(readFileSync(file, 'utf8'));
  parsed.set(file, { stamp, config });
  return config;
}

/** ssh's tokens in HostName, IdentityFile and UserKnownHostsFile: %h, %d (home), %u (local user), %r (remote user), %%. */
function expandTokens(text: string, host: string, remoteUser: string | undefined): string {
  return text.replace(/%([%hdur])/g, (_token, letter: string) => {
    if (letter === '%') return '%';
    if (letter === 'h') return host;
    if (letter === 'd') return homedir();
    if (letter === 'u') return userInfo().username;
    return remoteUser ?? userInfo().username;
  });
}

/** `~/x` under the home directory; a relative path, as ssh leaves it, from the current directory. */
function expandPath(path: string): string {
  return path.startsWith('~/') ? join(homedir(), path.slice(2)) : resolve(path);
}

function unquote(text: string): string {
  return /^".*"$/.test(text) ? text.slice(1, -1) : text;
}
