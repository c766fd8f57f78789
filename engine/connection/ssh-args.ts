/**
 * The ssh arguments of ansible_ssh_common_args and ansible_ssh_extra_args,
 * split as Ansible splits them (shlex) and read as ssh reads them: option
 * names without regard to case, the first value given for an option wins.
 * cxplay speaks SSH itself rather than running ssh, so each argument is
 * either honoured, known to change nothing for cxplay, or refused with a
 * message that names it: never ignored while connecting some other way.
 */
import { splitCommandLine } from '../modules/lib/shlex.js';

export interface SshArgs {
  /** `-F FILE`: the ssh client configuration read instead of ~/.ssh/config. */
  readonly configFile?: string | undefined;
  readonly port?: string | undefined;
  readonly user?: string | undefined;
  /** `-i FILE` and `-o IdentityFile=FILE`, in the order given. */
  readonly identityFiles: readonly string[];
  readonly identitiesOnly?: boolean | undefined;
  readonly userKnownHostsFile?: string | undefined;
  readonly strictHostKeyChecking?: string | undefined;
  /** `[user@]host[:port]`, comma-separated for a chain (the first hop first). */
  readonly proxyJump?: string | undefined;
  readonly serverAliveIntervalSeconds?: number | undefined;
  readonly serverAliveCountMax?: number | undefined;
}

export class SshArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SshArgsError';
  }
}

/** `-o` options cxplay applies (lower-cased names). */
const HONOURED = ['userknownhostsfile', 'stricthostkeychecking', 'proxyjump', 'serveraliveinterval', 'serveralivecountmax', 'port', 'user', 'identityfile', 'identitiesonly'];

/**
 * `-o` options that change nothing for cxplay: it keeps one connection per
 * host for the run (Control*), never prompts (BatchMode), and Ansible's own
 * `-o ConnectTimeout` from ansible_timeout comes first, so ssh never applies
 * this one either.
 */
const NO_EFFECT = ['controlmaster', 'controlpersist', 'controlpath', 'batchmode', 'loglevel', 'compression', 'tcpkeepalive', 'checkhostip', 'connecttimeout'];

/** Flags without a value that change nothing for cxplay (compression, verbosity, no tty, no forwarding, stdin). */
const NO_EFFECT_FLAGS = 'CqvTnxa';
/** Flags of ssh(1) that take a value (`-p 22` or `-p22`). */
const FLAGS_WITH_VALUE = 'BbcDEeFIiJLlmOopQRSWw';

/** What to use instead of an option cxplay refuses, where there is something. */
const INSTEAD: Readonly<Record<string, string>> = {
  proxycommand: 'cxplay does not run proxy commands; for `ssh -W %h:%p jumphost` use -o ProxyJump=[user@]jumphost[:port] (or -J)',
  hostname: 'set ansible_host instead',
};
/** Flags that stand for an -o option. */
const FLAG_OPTION: Readonly<Record<string, string>> = { l: 'User', p: 'Port', i: 'IdentityFile' };

export function parseSshArgs(text: string): SshArgs {
  const options = new Map<string, string>();
  const identityFiles: string[] = [];
  let configFile: string | undefined;
  const words = splitSshWords(text);
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (!word.startsWith('-') || word.length < 2) throw new SshArgsError(`unexpected ${JSON.stringify(word)}: only ssh options (-o Name=value, -J host, ...) go there`);
    const { flag, value, consumedNext } = readFlag(word, words[index + 1]);
    if (consumedNext) index += 1;
    const option = flag === 'o' ? value! : flag === 'J' ? `ProxyJump=${value}` : FLAG_OPTION[flag] ? `${FLAG_OPTION[flag]}=${value}` : undefined;
    if (option !== undefined) addOption(options, option, identityFiles);
    else if (flag === 'F') configFile ??= value;
    else if (!NO_EFFECT_FLAGS.includes(flag)) throw refused(`-${flag}`, undefined);
  }
  const knownHosts = options.get('userknownhostsfile');
  if (knownHosts && /\s/.test(knownHosts)) throw new SshArgsError(`UserKnownHostsFile lists several files (${knownHosts}): cxplay checks one; give one`);
  const identitiesOnly = options.get('identitiesonly')?.toLowerCase();
  return {
    configFile,
    port: options.get('port'),
    user: options.get('user'),
    identityFiles,
    identitiesOnly: identitiesOnly === undefined ? undefined : identitiesOnly === 'yes',
    userKnownHostsFile: knownHosts,
    strictHostKeyChecking: options.get('stricthostkeychecking')?.toLowerCase(),
    proxyJump: options.get('proxyjump')?.toLowerCase() === 'none' ? undefined : options.get('proxyjump'),
    serverAliveIntervalSeconds: numberOption(options, 'serveraliveinterval'),
    serverAliveCountMax: numberOption(options, 'serveralivecountmax'),
  };
}

function splitSshWords(text: string): string[] {
  try {
    return splitCommandLine(text);
  } catch {
    throw new SshArgsError(`a quote is not closed in ${JSON.stringify(text)}`);
  }
}

/** One flag word: `-o`, `-oName=value`, or a run of value-less flags (`-Cq`) of which each must be one that changes nothing. */
function readFlag(word: string, next: string | undefined): { flag: string; value?: string; consumedNext: boolean } {
  const flag = word[1]!;
  if (FLAGS_WITH_VALUE.includes(flag)) {
    if (word.length > 2) return { flag, value: word.slice(2), consumedNext: false };
    if (next === undefined) throw new SshArgsError(`-${flag} needs a value`);
    return { flag, value: next, consumedNext: true };
  }
  const refusedFlag = [...word.slice(1)].find((each) => !NO_EFFECT_FLAGS.includes(each));
  return { flag: refusedFlag ?? flag, consumedNext: false };
}

/** `Name=value` or `Name value`, as in ssh_config; the first value of a name wins (every IdentityFile counts). */
function addOption(options: Map<string, string>, text: string, identityFiles: string[]): void {
  const match = /^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*?)\s*$/s.exec(text);
  if (!match || match[2] === '') throw new SshArgsError(`-o ${JSON.stringify(text)} is not Name=value`);
  const name = match[1]!.toLowerCase();
  if (name === 'proxycommand' && match[2]!.toLowerCase() === 'none') return;
  if (!HONOURED.includes(name) && !NO_EFFECT.includes(name)) throw refused(`-o ${match[1]}`, INSTEAD[name]);
  if (name === 'identityfile') identityFiles.push(match[2]!);
  else if (!options.has(name)) options.set(name, match[2]!);
}

function numberOption(options: ReadonlyMap<string, string>, name: string): number | undefined {
  const text = options.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new SshArgsError(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  return value;
}

function refused(what: string, instead: string | undefined): SshArgsError {
  return new SshArgsError(`cxplay does not honour the ssh option ${what}: ${instead ?? 'remove it, or run this host with ansible-playbook'} (README: "SSH options")`);
}
