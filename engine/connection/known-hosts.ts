/**
 * Host key checking against an OpenSSH known_hosts file, read as sshd(8)
 * "SSH_KNOWN_HOSTS FILE FORMAT" and OpenSSH's hostfile.c/match.c read it:
 * a line's host field is either one hashed name (|1|salt|hash) or a
 * comma-separated list of patterns with `*` and `?`, compared without regard
 * to case; a `!pattern` that matches makes the whole line not apply, whatever
 * else matches. A host on a port other than 22 is looked up as `[host]:port`.
 * An unknown key is refused unless accepting new keys was asked for (then it
 * is remembered); a key that differs from a listed one, or is marked
 * @revoked, is always refused. A host that only a @cert-authority line
 * covers is refused too: cxplay does not check host certificates.
 */
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type HostKeyVerdict =
  | { readonly ok: true; readonly added: boolean }
  | { readonly ok: false; readonly reason: 'unknown' | 'changed' | 'revoked' | 'certificate'; readonly message: string };

export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** known_hosts files read once per run, as the hosts of a run mostly share one; a key accepted as new joins the file and its entries. */
export class KnownHostsFiles {
  private readonly files = new Map<string, Entry[]>();

  entries(file: string): readonly Entry[] {
    let entries = this.files.get(file);
    if (!entries) {
      entries = readEntries(file);
      this.files.set(file, entries);
    }
    return entries;
  }

  append(file: string, name: string, keyType: string, encoded: string): void {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${name} ${keyType} ${encoded}\n`, { mode: 0o600 });
    this.files.get(file)?.push(entry(undefined, name, keyType, encoded));
  }
}

export function checkHostKey(
  file: string,
  address: string,
  port: number,
  key: Buffer,
  acceptNew: boolean,
  host: string,
  files: KnownHostsFiles = new KnownHostsFiles(),
): HostKeyVerdict {
  const name = port === 22 ? address : `[${address}]:${port}`;
  const keyType = key.readUInt32BE(0) > 0 ? key.subarray(4, 4 + key.readUInt32BE(0)).toString() : '';
  const encoded = key.toString('base64');
  const all = files.entries(file).filter((entry) => entry.matches(name));
  if (all.some((entry) => entry.marker === 'revoked' && entry.type === keyType && entry.key === encoded)) {
    return {
      ok: false,
      reason: 'revoked',
      message: `the host key of ${host} (${name}, ${keyType} ${fingerprint(key)}) is marked @revoked in ${file}. Nothing was sent.`,
    };
  }
  const entries = all.filter((entry) => entry.marker === undefined);
  if (entries.some((entry) => entry.type === keyType && entry.key === encoded)) return { ok: true, added: false };
  if (entries.some((entry) => entry.type === keyType)) {
    return {
      ok: false,
      reason: 'changed',
      message: `the host key of ${host} (${name}) has CHANGED: ${fingerprint(key)} does not match ${file}. Someone could be intercepting the connection (man-in-the-middle), or the host was reinstalled. Nothing was sent. If the change is expected, remove the old key: ssh-keygen -R ${name} -f ${file}`,
    };
  }
  if (entries.length === 0 && all.some((entry) => entry.marker === 'cert-authority')) {
    return {
      ok: false,
      reason: 'certificate',
      message: `${file} vouches for ${host} (${name}) through a @cert-authority line only, and cxplay does not check host certificates. Nothing was sent. Add the host's own key to it (ssh-keyscan), after checking it`,
    };
  }
  if (!acceptNew) {
    return {
      ok: false,
      reason: 'unknown',
      message: `the host key of ${host} (${name}, ${keyType} ${fingerprint(key)}) is not in ${file}${excludedBy(files.entries(file), name, file)}. Check it and add it (ssh-keyscan), or run with --accept-new-host-keys`,
    };
  }
  files.append(file, name, keyType, encoded);
  return { ok: true, added: true };
}

type Marker = 'revoked' | 'cert-authority';

interface Entry {
  readonly marker: Marker | undefined;
  readonly type: string;
  readonly key: string;
  /** The line's patterns as written (for messages). */
  readonly names: string;
  matches(name: string): boolean;
  /** True when a `!pattern` of the line matches `name` (the line then does not apply). */
  excludes(name: string): boolean;
}

const MARKERS: Readonly<Record<string, Marker>> = { '@revoked': 'revoked', '@cert-authority': 'cert-authority' };

function readEntries(file: string): Entry[] {
  if (!existsSync(file)) return [];
  const entries: Entry[] = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: Marker | undefined;
    if (fields[0]!.startsWith('@')) {
      marker = MARKERS[fields.shift()!];
      if (!marker) continue; // OpenSSH skips a line with a marker it does not know
    }
    const [names, type, key] = fields;
    if (!names || !type || !key) continue;
    entries.push(entry(marker, names, type, key));
  }
  return entries;
}

function entry(marker: Marker | undefined, names: string, type: string, key: string): Entry {
  if (names.startsWith('|')) {
    // A hashed line holds exactly one hashed name.
    return { marker, type, key, names, matches: (name) => hashedNameMatches(names, name), excludes: () => false };
  }
  const patterns = names.toLowerCase().split(',');
  const positive = patterns.filter((pattern) => !pattern.startsWith('!')).map(wildcardMatcher);
  const negated = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => wildcardMatcher(pattern.slice(1)));
  const excludes = (name: string) => negated.some((matches) => matches(name.toLowerCase()));
  return {
    marker,
    type,
    key,
    names,
    excludes,
    matches: (name) => !excludes(name) && positive.some((matches) => matches(name.toLowerCase())),
  };
}

/** `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, names lower-cased as ssh hashes them. */
function hashedNameMatches(hashed: string, name: string): boolean {
  const [, version, salt, hash, extra] = hashed.split('|');
  if (version !== '1' || !salt || !hash || extra !== undefined) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name.toLowerCase()).digest('base64') === hash;
}

/** OpenSSH's match_pattern: `*` any run of characters, `?` any one, everything else literally. */
function wildcardMatcher(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return (name) => pattern === name;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const regex = new RegExp(`^${source}$`, 's');
  return (name) => regex.test(name);
}

/** A hint naming the lines that would list the host but exclude it with `!pattern`. */
function excludedBy(entries: readonly Entry[], name: string, file: string): string {
  const lines = entries.filter((entry) => entry.marker === undefined && entry.excludes(name));
  if (lines.length === 0) return '';
  return ` (${file} excludes it with a negated pattern in: ${lines.map((entry) => entry.names).join(', ')})`;
}
