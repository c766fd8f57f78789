/**
 * The operator's OpenSSH client configuration (~/.ssh/config, or the file
 * of `-F` in ansible_ssh_common_args), read as ssh reads it for one host
 * name: `Host` patterns with `*`, `?` and `!negation`, the first value of
 * each option winning (IdentityFile adding up), `%h`-style tokens and `~`
 * expanded. Parsing and pattern matching are the `ssh-config` package's (a
 * maintained parser of exactly this format); what the values mean for a
 * connection is decided in spec.ts. Each file is parsed once per run.
 * `Include` lines are followed as ssh follows them (in place, relative
 * paths under ~/.ssh, `*`/`?` in file names, 16 levels at most); `Match`
 * blocks are the package's reading of them, and `Match exec` is refused.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
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
  const config = SSHConfig.parse(withIncludes(readFileSync(file, 'utf8'), 0));
  refuseMatchExec(config);
  parsed.set(file, { stamp, config });
  return config;
}

/**
 * `Match exec` runs a command to decide whether a block applies; the parser
 * would run it while computing a host's options. cxplay runs no command from
 * a config file: the whole file is refused, by name, rather than read otherwise.
 */
function refuseMatchExec(config: SSHConfig): void {
  for (const line of config) {
    if ('criteria' in line && Object.keys(line.criteria).some((criterion) => criterion.toLowerCase() === 'exec')) {
      throw new Error('it has a "Match exec" block, and cxplay runs no command from an ssh config: remove it, or give cxplay another file with -F in ansible_ssh_common_args');
    }
  }
}

/** Max depth of nested Include lines, as ssh's READCONF_MAX_DEPTH. */
const MAX_INCLUDE_DEPTH = 16;

/** The text with each `Include FILE...` line replaced by those files' text (missing ones are skipped, as ssh skips them). */
function withIncludes(text: string, depth: number): string {
  return text.replace(/^[ \t]*include[ \t=]+(.+)$/gim, (_line, list: string) => {
    if (depth >= MAX_INCLUDE_DEPTH) throw new Error(`ssh config: Include nested more than ${MAX_INCLUDE_DEPTH} deep`);
    return list
      .trim()
      .split(/\s+/)
      .flatMap((pattern) => includedFiles(unquote(pattern)))
      .map((path) => withIncludes(readFileSync(path, 'utf8'), depth + 1))
      .join('\n');
  });
}

/** The files an Include names: `~` expanded, relative to ~/.ssh, `*` and `?` matched in the file name, in name order. */
function includedFiles(pattern: string): string[] {
  const path = pattern.startsWith('~/') ? join(homedir(), pattern.slice(2)) : isAbsolute(pattern) ? pattern : join(homedir(), '.ssh', pattern);
  const dir = dirname(path);
  const name = basename(path);
  if (!/[*?]/.test(name)) return existsSync(path) ? [path] : [];
  const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.filter((entry) => matcher.test(entry)).sort().map((entry) => join(dir, entry));
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
