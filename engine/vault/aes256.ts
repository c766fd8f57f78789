/**
 * ansible-vault's AES256 cipher (its format, with node:crypto): PBKDF2-SHA256
 * over the password and a 32-byte random salt, 10,000 iterations, gives 80
 * bytes: an AES-256 key, an HMAC-SHA256 key and a 16-byte CTR counter. The
 * plaintext is PKCS#7-padded, encrypted with AES-256-CTR and signed with the
 * HMAC; the payload is hex(hex(salt) \n hex(hmac) \n hex(ciphertext)).
 */
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const ITERATIONS = 10_000;
const KEY_LENGTH = 32;
const BLOCK = 16;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

interface Keys {
  readonly cipherKey: Buffer;
  readonly hmacKey: Buffer;
  readonly counter: Buffer;
}

function deriveKeys(password: Uint8Array, salt: Uint8Array): Keys {
  const material = pbkdf2Sync(password, salt, ITERATIONS, 2 * KEY_LENGTH + BLOCK, 'sha256');
  return { cipherKey: material.subarray(0, KEY_LENGTH), hmacKey: material.subarray(KEY_LENGTH, 2 * KEY_LENGTH), counter: material.subarray(2 * KEY_LENGTH) };
}

export function encryptPayload(plaintext: Uint8Array, password: Uint8Array, salt: Uint8Array = randomBytes(32)): string {
  const keys = deriveKeys(password, salt);
  const cipher = createCipheriv('aes-256-ctr', keys.cipherKey, keys.counter);
  const ciphertext = Buffer.concat([cipher.update(pad(plaintext)), cipher.final()]);
  const hmac = createHmac('sha256', keys.hmacKey).update(ciphertext).digest();
  const inner = [Buffer.from(salt).toString('hex'), hmac.toString('hex'), ciphertext.toString('hex')].join('\n');
  return Buffer.from(inner, 'ascii').toString('hex');
}

/** A payload that is not the hex this cipher writes. */
export class PayloadFormatError extends Error {}

/** The plaintext, or undefined when the HMAC does not match (a wrong password or a changed payload). */
export function decryptPayload(payload: string, password: Uint8Array): Buffer | undefined {
  const { salt, hmac, ciphertext } = splitPayload(payload);
  const keys = deriveKeys(password, salt);
  const expected = createHmac('sha256', keys.hmacKey).update(ciphertext).digest();
  // Constant time, so how much of a forged HMAC matched does not show in how long the refusal takes.
  if (hmac.length !== expected.length || !timingSafeEqual(hmac, expected)) return undefined;
  const decipher = createDecipheriv('aes-256-ctr', keys.cipherKey, keys.counter);
  return unpad(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

function splitPayload(payload: string): { salt: Buffer; hmac: Buffer; ciphertext: Buffer } {
  const parts = unhex(payload).toString('latin1').split('\n');
  if (parts.length !== 3) throw new PayloadFormatError('the payload does not hold a salt, an HMAC and a ciphertext');
  const [salt, hmac, ciphertext] = parts.map(unhex) as [Buffer, Buffer, Buffer];
  return { salt, hmac, ciphertext };
}

function unhex(text: string): Buffer {
  if (!HEX.test(text)) throw new PayloadFormatError('the payload is not hexadecimal');
  return Buffer.from(text, 'hex');
}

function pad(data: Uint8Array): Buffer {
  const size = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(size, size)]);
}

function unpad(data: Buffer): Buffer {
  const size = data[data.length - 1] ?? 0;
  if (size < 1 || size > BLOCK || size > data.length || data.subarray(data.length - size).some((byte) => byte !== size)) {
    throw new PayloadFormatError('the decrypted data has no valid padding');
  }
  return data.subarray(0, data.length - size);
}
