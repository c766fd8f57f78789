/** Digests and password hashes: hash/checksum/md5/sha1 of the UTF-8 text, password_hash as crypt(3) gives it. */
import { createHash, getHashes, randomInt } from 'node:crypto';
import { TemplateError } from '../../errors.js';
import { checkSalt, shaCrypt } from '../sha-crypt.js';
import { type FilterTable, param, text } from './support.js';

const hexDigest = (algorithm: string, value: unknown) => createHash(algorithm).update(text(value), 'utf8').digest('hex');

/** Ansible's names (and passlib's) for the crypt schemes, with the rounds passlib leaves implicit. */
const SCHEMES: Record<string, { algorithm: 'sha256' | 'sha512'; implicitRounds: number }> = {
  sha256: { algorithm: 'sha256', implicitRounds: 535000 },
  sha256_crypt: { algorithm: 'sha256', implicitRounds: 535000 },
  sha512: { algorithm: 'sha512', implicitRounds: 656000 },
  sha512_crypt: { algorithm: 'sha512', implicitRounds: 656000 },
};
const SALT_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./';

/** Whether `name` is a crypt scheme passwordHash takes. */
export function isCryptScheme(name: string): boolean {
  return Object.hasOwn(SCHEMES, name);
}

/** A random crypt salt of `length` characters from crypt's alphabet (Ansible's random_salt). */
export function randomSalt(length: number): string {
  return Array.from({ length }, () => SALT_CHARS[randomInt(SALT_CHARS.length)]).join('');
}

/** crypt(3) of a password with a scheme's name as Ansible (without passlib) takes it; a random salt when none is given. */
export function passwordHash(password: string, hashtype: string, salt: unknown, saltSize?: unknown, rounds?: unknown): string {
  const scheme = SCHEMES[hashtype];
  if (!scheme) throw new TemplateError(`crypt.crypt does not support '${hashtype}' algorithm`, { hint: 'use sha512 or sha256' });
  const size = saltSize === null || saltSize === undefined ? 16 : Number(saltSize);
  const saltText = salt === null || salt === undefined || salt === '' ? randomSalt(size) : text(salt);
  checkSalt(saltText, 16);
  // As Ansible with crypt: the rounds passlib would leave implicit are not written, so crypt uses its default.
  const explicit = rounds === null || rounds === undefined || Number(rounds) === scheme.implicitRounds ? undefined : Number(rounds);
  return shaCrypt(scheme.algorithm, password, saltText, explicit);
}

export const HASH_FILTERS: FilterTable = {
  hash: (value, args, kwargs) => {
    const algorithm = text(param(args, kwargs, 0, 'hashtype', 'sha1'));
    if (!getHashes().includes(algorithm)) throw new TemplateError(`unsupported hash type ${algorithm}`);
    return hexDigest(algorithm, value);
  },
  checksum: (value) => hexDigest('sha1', value),
  sha1: (value) => hexDigest('sha1', value),
  md5: (value) => hexDigest('md5', value),
  password_hash: (value, args, kwargs) =>
    passwordHash(text(value), text(param(args, kwargs, 0, 'hashtype', 'sha512')), param(args, kwargs, 1, 'salt'), param(args, kwargs, 2, 'salt_size'), param(args, kwargs, 3, 'rounds')),
};
