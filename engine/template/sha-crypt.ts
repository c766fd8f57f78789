/**
 * SHA-crypt ($5$ SHA-256, $6$ SHA-512), Ulrich Drepper's "Unix crypt using
 * SHA-256 and SHA-512" specification, on node:crypto: what glibc's crypt(3)
 * (and so Ansible's password_hash without passlib) returns for a password,
 * a salt and a number of rounds.
 */
import { createHash } from 'node:crypto';
import { TemplateError } from '../errors.js';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DEFAULT_ROUNDS = 5000;

interface Variant {
  readonly id: '5' | '6';
  readonly hash: 'sha256' | 'sha512';
  /** The byte triples of the final digest, in the order the specification encodes them; -1 is a zero byte. */
  readonly triples: readonly (readonly [number, number, number])[];
  readonly tail: readonly number[];
}

const SHA256: Variant = {
  id: '5',
  hash: 'sha256',
  triples: [[0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14], [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29]],
  tail: [-1, 31, 30],
};

const SHA512: Variant = {
  id: '6',
  hash: 'sha512',
  // (0,21,42) (22,43,1) (44,2,23), then the same three shifted by 3, 6, ... 18.
  triples: Array.from({ length: 21 }, (_, index) => {
    const shift = 3 * Math.floor(index / 3);
    const [a, b, c] = [[0, 21, 42], [22, 43, 1], [44, 2, 23]][index % 3]!;
    return [a! + shift, b! + shift, c! + shift] as const;
  }),
  tail: [-1, -1, 63],
};

const digest = (hash: string, ...parts: Buffer[]): Buffer => {
  const h = createHash(hash);
  for (const part of parts) h.update(part);
  return h.digest();
};

/** `length` bytes of `block` repeated. */
const stretch = (block: Buffer, length: number): Buffer => Buffer.concat(Array.from({ length: Math.ceil(length / block.length) }, () => block)).subarray(0, length);

function encode24(b2: number, b1: number, b0: number, count: number): string {
  let word = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let index = 0; index < count; index += 1) {
    out += ITOA64[word & 0x3f];
    word >>= 6;
  }
  return out;
}

export function shaCrypt(algorithm: 'sha256' | 'sha512', password: string, saltText: string, rounds?: number): string {
  const variant = algorithm === 'sha256' ? SHA256 : SHA512;
  const explicitRounds = rounds !== undefined;
  const count = Math.min(Math.max(rounds ?? DEFAULT_ROUNDS, 1000), 999_999_999);
  const key = Buffer.from(password, 'utf8');
  const salt = Buffer.from(saltText.slice(0, 16), 'utf8');
  const alternate = digest(variant.hash, key, salt, key);
  const size = alternate.length;

  const first = createHash(variant.hash).update(key).update(salt).update(stretch(alternate, key.length));
  for (let bits = key.length; bits > 0; bits >>= 1) first.update(bits & 1 ? alternate : key);
  let result = first.digest();

  const keyBytes = stretch(digest(variant.hash, ...Array.from({ length: key.length }, () => key)), key.length);
  const saltBytes = stretch(digest(variant.hash, ...Array.from({ length: 16 + result[0]! }, () => salt)), salt.length);
  for (let round = 0; round < count; round += 1) {
    const step = createHash(variant.hash);
    step.update(round % 2 ? keyBytes : result);
    if (round % 3) step.update(saltBytes);
    if (round % 7) step.update(keyBytes);
    step.update(round % 2 ? result : keyBytes);
    result = step.digest();
  }

  let encoded = variant.triples.map(([a, b, c]) => encode24(result[a]!, result[b]!, result[c]!, 4)).join('');
  const [t2, t1, t0] = variant.tail.map((index) => (index < 0 ? 0 : result[index]!));
  encoded += encode24(t2!, t1!, t0!, size === 32 ? 3 : 2);
  return `$${variant.id}$${explicitRounds ? `rounds=${count}$` : ''}${salt.toString('utf8')}$${encoded}`;
}

/** A salt as crypt(3) accepts it: only ./0-9A-Za-z. */
export function checkSalt(salt: string, maxSize: number): void {
  if (/[^./0-9A-Za-z]/.test(salt)) throw new TemplateError('invalid characters in salt');
  if (salt.length > maxSize) throw new TemplateError('invalid salt size');
}
