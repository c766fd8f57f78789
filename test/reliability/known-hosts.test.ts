/**
 * Host key checking against known_hosts, case by case: a listed key passes,
 * an unknown one is refused unless accepting new keys was asked for (then it
 * is appended), a changed one is always refused, and a key marked @revoked is
 * refused even when it is also listed as known. Hashed names and
 * [host]:port entries are understood; @cert-authority lines never vouch for a
 * plain host key. Patterns follow OpenSSH (checked against `ssh-keygen -F`,
 * which reads the file with OpenSSH's own code): `*` and `?`, no regard to
 * case, and a matching `!pattern` takes the whole line out. The hosts of a
 * run share one read of each file, and a key accepted there counts for the
 * checks that follow.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHostKey, fingerprint, KnownHostsFiles } from '../../engine/connection/known-hosts.js';
import { scratch } from './support.js';

const work = scratch('known-hosts');
afterAll(() => work.remove());

/** A fresh ed25519 public key: its known_hosts text and the wire-format blob ssh2 hands to the verifier. */
function newKey(name: string): { text: string; blob: Buffer } {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', work.path(name)]);
  const [type, body] = readFileSync(work.path(`${name}.pub`), 'utf8').trim().split(/\s+/);
  return { text: `${type} ${body}`, blob: Buffer.from(body!, 'base64') };
}

const good = newKey('good');
const other = newKey('other');
const ADDRESS = '127.0.9.1';

function check(lines: string[], key: Buffer, acceptNew = false, port = 22) {
  const file = work.write(`known-${randomBytes(4).toString('hex')}`, lines.map((line) => `${line}\n`).join(''), 0o600);
  return { verdict: checkHostKey(file, ADDRESS, port, key, acceptNew, 'node1'), file };
}

describe('known_hosts checking', () => {
  it('accepts a listed key, plain, hashed or with its port', () => {
    expect(check([`${ADDRESS} ${good.text}`], good.blob).verdict.ok).toBe(true);
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(ADDRESS).digest('base64')}`;
    expect(check([`${hashed} ${good.text}`], good.blob).verdict.ok).toBe(true);
    expect(check([`[${ADDRESS}]:2222 ${good.text}`], good.blob, false, 2222).verdict.ok).toBe(true);
    expect(check([`${ADDRESS} ${good.text}`], good.blob, false, 2222).verdict).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('refuses an unknown key unless asked to accept new keys, then remembers it', () => {
    expect(check([], good.blob).verdict).toMatchObject({ ok: false, reason: 'unknown' });
    const { verdict, file } = check([], good.blob, true);
    expect(verdict).toEqual({ ok: true, added: true });
    expect(readFileSync(file, 'utf8')).toBe(`${ADDRESS} ${good.text}\n`);
  });

  it('always refuses a changed key', () => {
    expect(check([`${ADDRESS} ${other.text}`], good.blob, true).verdict).toMatchObject({ ok: false, reason: 'changed' });
  });

  it('refuses a revoked key even when it is also listed as known, and even accepting new keys', () => {
    const revoked = check([`${ADDRESS} ${good.text}`, `@revoked * ${good.text}`], good.blob, true);
    expect(revoked.verdict).toMatchObject({ ok: false, reason: 'revoked' });
    expect(readFileSync(revoked.file, 'utf8')).toBe(`${ADDRESS} ${good.text}\n@revoked * ${good.text}\n`);
    expect(check([`@revoked ${ADDRESS} ${good.text}`], good.blob, true).verdict).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('refuses a host that only a @cert-authority line covers, saying certificates are not checked, even accepting new keys', () => {
    const { verdict, file } = check([`@cert-authority 127.0.9.* ${good.text}`], good.blob, true);
    expect(verdict).toMatchObject({ ok: false, reason: 'certificate' });
    expect(verdict.ok || verdict.message).toContain(`${file} vouches for node1 (${ADDRESS}) through a @cert-authority line only, and cxplay does not check host certificates`);
    expect(readFileSync(file, 'utf8')).toBe(`@cert-authority 127.0.9.* ${good.text}\n`);
    // The host's own key listed as well: that one is checked.
    expect(check([`@cert-authority * ${other.text}`, `${ADDRESS} ${good.text}`], good.blob).verdict.ok).toBe(true);
  });

  it('skips a line with a marker it does not know, as OpenSSH does', () => {
    expect(check([`@trusted ${ADDRESS} ${good.text}`], good.blob).verdict).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('does not let a wildcard line vouch for a host it excludes with !pattern, and says why', () => {
    const { verdict, file } = check([`127.0.9.*,!${ADDRESS} ${good.text}`], good.blob);
    expect(verdict).toMatchObject({ ok: false, reason: 'unknown' });
    expect(verdict.ok || verdict.message).toBe(
      `the host key of node1 (${ADDRESS}, ssh-ed25519 ${fingerprint(good.blob)}) is not in ${file} (${file} excludes it with a negated pattern in: 127.0.9.*,!${ADDRESS}). Check it and add it (ssh-keyscan), or run with --accept-new-host-keys`,
    );
    // Nor can an excluded line report the key as changed.
    expect(check([`*,!127.0.9.? ${other.text}`], good.blob).verdict).toMatchObject({ ok: false, reason: 'unknown' });
    // Nor revoke it.
    expect(check([`${ADDRESS} ${good.text}`, `@revoked *,!${ADDRESS} ${good.text}`], good.blob).verdict.ok).toBe(true);
  });

  const patternCases: [string, string, number][] = [
    ['*', ADDRESS, 22],
    ['127.0.9.*', ADDRESS, 22],
    ['127.0.9.?', ADDRESS, 22],
    ['127.0.9.??', ADDRESS, 22],
    ['127.0.*.1', ADDRESS, 22],
    ['127.0.9.1,127.0.9.2', '127.0.9.2', 22],
    ['127.0.9.10', ADDRESS, 22],
    ['*,!127.0.9.1', ADDRESS, 22],
    ['!127.0.9.1,*', ADDRESS, 22],
    ['*,!127.0.9.1', '127.0.9.2', 22],
    ['*,!127.0.9.?', ADDRESS, 22],
    ['!127.0.9.2', ADDRESS, 22],
    ['!127.0.9.1', ADDRESS, 22],
    ['Node1.Example.COM', 'node1.example.com', 22],
    ['node1.example.com', 'NODE1.example.com', 22],
    ['*.example.com,!db?.example.com', 'db1.example.com', 22],
    ['*.example.com,!db?.example.com', 'web1.example.com', 22],
    ['[127.0.9.1]:2222', ADDRESS, 2222],
    ['[127.0.9.*]:2222', ADDRESS, 2222],
    ['[127.0.9.*]:22??', ADDRESS, 2222],
    ['127.0.9.1', ADDRESS, 2222],
    ['[127.0.9.1]:2222', ADDRESS, 22],
    ['*,![127.0.9.1]:2222', ADDRESS, 2222],
  ];

  it.each(patternCases)('reads the pattern %s for %s port %d as OpenSSH does', (patterns, address, port) => {
    const file = work.write(`known-${randomBytes(4).toString('hex')}`, `${patterns} ${good.text}\n`, 0o600);
    const name = port === 22 ? address : `[${address}]:${port}`;
    const openssh = spawnSync('ssh-keygen', ['-F', name, '-f', file], { encoding: 'utf8' });
    const vouched = checkHostKey(file, address, port, good.blob, false, 'node1').ok;
    expect(vouched).toBe(openssh.status === 0 && openssh.stdout.includes(good.text));
  });

  it('matches a hashed name, also for [host]:port and whatever the case, but never a hashed line as a pattern list', () => {
    const hashed = (name: string) => {
      const salt = randomBytes(20);
      return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
    };
    expect(check([`${hashed(`[${ADDRESS}]:2222`)} ${good.text}`], good.blob, false, 2222).verdict.ok).toBe(true);
    expect(check([`${hashed(`[${ADDRESS}]:2222`)} ${good.text}`], good.blob).verdict.ok).toBe(false);
    expect(checkHostKey(work.write('known-case', `${hashed('node1.example.com')} ${good.text}\n`, 0o600), 'Node1.Example.com', 22, good.blob, false, 'node1').ok).toBe(true);
    expect(check([`${hashed(ADDRESS)},${ADDRESS} ${good.text}`], good.blob).verdict.ok).toBe(false);
  });

  it('reads a file once for a run, and a key accepted in it counts for the checks that follow', () => {
    const files = new KnownHostsFiles();
    const file = work.write('known-shared', `${ADDRESS} ${good.text}\n`, 0o600);
    expect(checkHostKey(file, ADDRESS, 22, good.blob, false, 'node1', files)).toEqual({ ok: true, added: false });
    writeFileSync(file, '');
    expect(checkHostKey(file, ADDRESS, 22, good.blob, false, 'node1', files)).toEqual({ ok: true, added: false });
    expect(checkHostKey(file, '127.0.9.2', 22, other.blob, true, 'node2', files)).toEqual({ ok: true, added: true });
    expect(readFileSync(file, 'utf8')).toBe(`127.0.9.2 ${other.text}\n`);
    expect(checkHostKey(file, '127.0.9.2', 22, other.blob, false, 'node2', files)).toEqual({ ok: true, added: false });
    expect(checkHostKey(file, '127.0.9.2', 22, good.blob, true, 'node2', files)).toMatchObject({ ok: false, reason: 'changed' });
  });
});
