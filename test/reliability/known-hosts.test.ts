/**
 * Host key checking against known_hosts, case by case: a listed key passes,
 * an unknown one is refused unless accepting new keys was asked for (then it
 * is appended), a changed one is always refused, and a key marked @revoked is
 * refused even when it is also listed as known. Hashed names and
 * [host]:port entries are understood; @cert-authority lines never vouch for a
 * plain host key. The hosts of a run share one read of each file, and a key
 * accepted there counts for the checks that follow.
 */
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHostKey, KnownHostsFiles } from '../../engine/connection/known-hosts.js';
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

  it('does not take a @cert-authority line as a host key', () => {
    expect(check([`@cert-authority ${ADDRESS} ${good.text}`], good.blob).verdict).toMatchObject({ ok: false, reason: 'unknown' });
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
