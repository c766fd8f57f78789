/**
 * PrivateKeys: a key file is read and parsed once however often it is asked
 * for, its signatures are the ones ssh2 would make (each verifies with the
 * key), and a file that holds no usable key says why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedKey } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateKeys } from '../../engine/connection/private-keys.js';

let dir: string;

function keygen(name: string, ...args: string[]): string {
  const file = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-N', '', '-f', file, ...args]);
  return file;
}

function loaded(keys: PrivateKeys, file: string): ParsedKey {
  const key = keys.load(file);
  if (key instanceof Error) throw key;
  return key;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-keys-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('private keys', () => {
  it('reads and parses a file once', () => {
    const file = keygen('once', '-t', 'ed25519');
    const keys = new PrivateKeys();
    const first = keys.load(file);
    unlinkSync(file);
    expect(keys.load(file)).toBe(first);
    expect(new PrivateKeys().load(file)).toBeInstanceOf(Error);
  });

  it.each([
    ['ed25519', ['-t', 'ed25519'], undefined],
    ['ecdsa', ['-t', 'ecdsa', '-b', '384'], undefined],
    ['rsa with sha-512', ['-t', 'rsa', '-b', '2048'], 'sha512'],
    ['rsa with its default digest', ['-t', 'rsa', '-b', '2048'], undefined],
  ])('signs with an %s key as ssh2 does', (name, args, digest) => {
    const key = loaded(new PrivateKeys(), keygen(name.replace(/ /g, '-'), ...args));
    const data = Buffer.from('session id and request');
    const signature = key.sign(data, digest);
    expect(signature).toBeInstanceOf(Buffer);
    expect(key.verify(data, signature, digest)).toBe(true);
    expect(key.verify(Buffer.from('other data'), signature, digest)).toBe(false);
    if (name === 'ed25519') expect(signature).toEqual(Object.getPrototypeOf(key).sign(data));
  });

  it('says why a file holds no usable key', () => {
    const keys = new PrivateKeys();
    expect(String(keys.load(join(dir, 'missing')))).toContain(`cannot read the private key ${join(dir, 'missing')}`);
    writeFileSync(join(dir, 'garbage'), 'not a key\n');
    expect(String(keys.load(join(dir, 'garbage')))).toContain(`cannot use the private key ${join(dir, 'garbage')}`);
    const encrypted = join(dir, 'encrypted');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret phrase', '-f', encrypted]);
    expect(String(keys.load(encrypted))).toContain(`the private key ${encrypted} is encrypted and no passphrase was given for it`);
    expect(new PrivateKeys().load(encrypted, 'secret phrase')).not.toBeInstanceOf(Error);
    expect(String(new PrivateKeys().load(encrypted, 'wrong'))).toContain('the passphrase given for it is wrong');
    expect(String(keys.load(`${encrypted}.pub`))).toContain('holds a public key only');
  });
});
