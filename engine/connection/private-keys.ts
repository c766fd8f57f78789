/**
 * Private key files read and parsed once per run, however many hosts use
 * them (ssh2 would parse the file again on every connect). The parsed key
 * signs with a key object made once: ssh2's own `sign` hands OpenSSL the
 * PEM text, which it parses again for every signature.
 */
import { readFileSync } from 'node:fs';
import { createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
// ssh2 is CommonJS and `utils` is not among the names Node finds to import.
import ssh2, { type ParsedKey } from 'ssh2';

/**
 * The digest ssh2 signs with when it names none (it names one only for RSA
 * keys); key types not listed keep ssh2's own `sign`.
 */
const DEFAULT_DIGEST: Readonly<Record<string, string | null>> = {
  'ssh-ed25519': null,
  'ecdsa-sha2-nistp256': 'sha256',
  'ecdsa-sha2-nistp384': 'sha384',
  'ecdsa-sha2-nistp521': 'sha512',
};

/** A key file that is encrypted and has no passphrase (given, or right). */
export class EncryptedKeyError extends Error {
  constructor(readonly file: string, wrongPassphrase: boolean) {
    super(
      wrongPassphrase
        ? `cannot use the private key ${file}: the passphrase given for it is wrong`
        : `the private key ${file} is encrypted and no passphrase was given for it: run from a terminal (cxplay asks for it before the first host) or load it into an ssh agent (ssh-add ${file})`,
    );
    this.name = 'EncryptedKeyError';
  }
}

export class PrivateKeys {
  private readonly keys = new Map<string, ParsedKey | Error>();

  /** The parsed key of `file` (decrypted with `passphrase`), or an Error that says why there is none (unreadable, not a key, encrypted). */
  load(file: string, passphrase?: string): ParsedKey | Error {
    let key = this.keys.get(file);
    if (!key) {
      key = parseKeyFile(file, passphrase);
      this.keys.set(file, key);
    }
    return key;
  }
}

/** Whether the file holds an encrypted private key (one that needs a passphrase); false when it cannot be read. */
export function isEncryptedKeyFile(file: string): boolean {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return false;
  }
  const parsed = ssh2.utils.parseKey(data);
  return parsed instanceof Error && /passphrase|encrypted/i.test(parsed.message);
}

/** Whether `passphrase` decrypts the key file. */
export function passphraseOpens(file: string, passphrase: string): boolean {
  return !(parseKeyFile(file, passphrase) instanceof Error);
}

function parseKeyFile(file: string, passphrase: string | undefined): ParsedKey | Error {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return new Error(`cannot read the private key ${file}`);
  }
  const parsed = passphrase === undefined ? ssh2.utils.parseKey(data) : ssh2.utils.parseKey(data, passphrase);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error && /passphrase|encrypted|bad decrypt/i.test(key.message)) return new EncryptedKeyError(file, passphrase !== undefined);
  if (key instanceof Error || !key) return new Error(`cannot use the private key ${file}: ${key ? key.message : 'no key in it'}`);
  if (!key.isPrivateKey()) return new Error(`cannot use the private key ${file}: it holds a public key only`);
  return withKeyObjectSigner(key);
}

/** The same key (ssh2 recognizes it through the prototype), signing with a key object parsed once. */
function withKeyObjectSigner(key: ParsedKey): ParsedKey {
  const keyObject: KeyObject = createPrivateKey(key.getPrivatePEM());
  const fallbackDigest = DEFAULT_DIGEST[key.type];
  const sign = (data: Buffer | string, digest?: string): Buffer | Error => {
    if (!digest && fallbackDigest === undefined) return key.sign(data, digest);
    try {
      return cryptoSign(digest || fallbackDigest!, typeof data === 'string' ? Buffer.from(data) : data, keyObject);
    } catch (error) {
      // ssh2 expects an Error returned, not thrown.
      return error as Error;
    }
  };
  return Object.create(key, { sign: { value: sign } }) as ParsedKey;
}
