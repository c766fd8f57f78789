/**
 * Host key checking against an OpenSSH known_hosts file: plain and hashed
 * (|1|salt|hash) names, `[host]:port` for non-22 ports. An unknown key is
 * refused unless accepting new keys was asked for (then it is remembered);
 * a key that differs from a listed one, or is marked @revoked, is always
 * refused. @cert-authority lines are skipped (certificates are not supported).
 */
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type HostKeyVerdict =
  | { readonly ok: true; readonly added: boolean }
  | { readonly ok: false; readonly reason: 'unknown' | 'changed' | 'revoked'; readonly message: string };

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
    this.files.get(file)?.push(entry(false, name, keyType, encoded));
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
  if (all.some((entry) => entry.revoked && entry.type === keyType && entry.key === encoded)) {
    return {
      ok: false,
      reason: 'revoked',
      message: `the host key of ${host} (${name}, ${keyType} ${fingerprint(key)}) is marked @revoked in ${file}. Nothing was sent.`,
    };
  }
  const entries = all.filter((entry) => !entry.revoked);
  if (entries.some((entry) => entry.type === keyType && entry.key === encoded)) return { ok: true, added: false };
  if (entries.some((entry) => entry.type === keyType)) {
    return {
      ok: false,
      reason: 'changed',
      message: `the host key of ${host} (${name}) has CHANGED: ${fingerprint(key)} does not match ${file}. Someone could be intercepting the connection (man-in-the-middle), or the host was reinstalled. Nothing was sent. If the change is expected, remove the old key: ssh-keygen -R ${name} -f ${file}`,
    };
  }
  if (!acceptNew) {
    return {
      ok: false,
      reason: 'unknown',
      message: `the host key of ${host} (${name}, ${keyType} ${fingerprint(key)}) is not in ${file}. Check it and add it (ssh-keyscan), or run with --accept-new-host-keys`,
    };
  }
  files.append(file, name, keyType, encoded);
  return { ok: true, added: true };
}

interface Entry {
  readonly revoked: boolean;
  readonly type: string;
  readonly key: string;
  matches(name: string): boolean;
}

function readEntries(file: string): Entry[] {
  if (!existsSync(file)) return [];
  const entries: Entry[] = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const revoked = fields[0] === '@revoked';
    if (revoked) fields.shift();
    else if (fields[0]!.startsWith('@')) continue; // @cert-authority: certificates are not supported
    const [names, type, key] = fields;
    if (!names || !type || !key) continue;
    entries.push(entry(revoked, names, type, key));
  }
  return entries;
}

function entry(revoked: boolean, names: string, type: string, key: string): Entry {
  const patterns = names.split(',');
  return { revoked, type, key, matches: (name) => patterns.some((pattern) => nameMatches(pattern, name)) };
}

function nameMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  if (pattern.includes('*') || pattern.includes('?')) {
    return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(name);
  }
  return pattern === name;
}
