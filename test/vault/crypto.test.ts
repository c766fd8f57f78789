/**
 * The vault format, byte for byte as ansible-vault 2.14 writes and reads it:
 * known answers made by Ansible's own code, round trips in 1.1 and 1.2, and
 * refusals of a wrong password, a changed HMAC or ciphertext, and a missing
 * password, each naming where the value is.
 */
import { describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import { parseYaml } from '../../engine/load/yaml.js';
import { decryptPayload, encryptPayload } from '../../engine/vault/aes256.js';
import { formatEnvelope, isVaultText, parseEnvelope } from '../../engine/vault/envelope.js';
import { VaultKeyring } from '../../engine/vault/keyring.js';

/** VaultAES256.encrypt(b'known plaintext\nline two\n', 'known-answer-pw', salt=bytes(range(32))) with vault id prod. */
const KNOWN_12 = `$ANSIBLE_VAULT;1.2;AES256;prod
30303031303230333034303530363037303830393061306230633064306530663130313131323133
3134313531363137313831393161316231633164316531660a616266373434346665383131613162
37316437376635303535663938373638306534323434656232633065333931616164306331326138
3334383332373433310a636134373839353934346437333561356339363732346438616564363935
31653463316565626362656566636434653664343938346231636636616564393235
`;
/** `ansible-vault encrypt_string --vault-password-file <pw-one-123> inline-secret-77 --name inl`. */
const ANSIBLE_ENCRYPT_STRING = `inl: !vault |
          $ANSIBLE_VAULT;1.1;AES256
          66323137333665363064303861376334616232623032653432303735643165666330353465333534
          3734356465643633396164656663373865616339363765390a396665383761376335316534346666
          37616336613565386333643839663233663135383831353435656466623137666636323537626636
          6363613963393363300a646334633666306632336338653830303563656432316338656164653364
          31613462623530396439663563663566626132393164303037616366373136626534
`;
const at = { file: 'vars.yaml', line: 3 };
const keyring = (...passwords: [string, string][]) => new VaultKeyring(passwords.map(([id, password]) => ({ id, password: Buffer.from(password) })));

function errorOf(work: () => unknown): CxError {
  try {
    work();
  } catch (error) {
    if (error instanceof CxError) return error;
    throw error;
  }
  throw new Error('expected a CxError');
}

/** The same envelope with the first hex digit of its HMAC or of its ciphertext changed. */
function tampered(envelope: string, part: 'hmac' | 'ciphertext'): string {
  const parsed = parseEnvelope(envelope, at);
  const [salt, hmac, ciphertext] = Buffer.from(parsed.payload, 'hex').toString('ascii').split('\n') as [string, string, string];
  const flip = (hex: string) => `${hex[0] === 'a' ? 'b' : 'a'}${hex.slice(1)}`;
  const inner = [salt, part === 'hmac' ? flip(hmac) : hmac, part === 'ciphertext' ? flip(ciphertext) : ciphertext].join('\n');
  return formatEnvelope(Buffer.from(inner, 'ascii').toString('hex'), parsed.vaultId);
}

describe('vault format', () => {
  it("writes exactly what Ansible's AES256 writes for the same password and salt", () => {
    const payload = encryptPayload(Buffer.from('known plaintext\nline two\n'), Buffer.from('known-answer-pw'), Buffer.from(Array.from({ length: 32 }, (_, index) => index)));
    expect(formatEnvelope(payload, 'prod')).toBe(KNOWN_12);
  });

  it('reads a 1.2 envelope (vault id) and a 1.1 encrypt_string value made by ansible-vault', () => {
    expect(keyring(['prod', 'known-answer-pw']).decrypt(KNOWN_12, at).toString()).toBe('known plaintext\nline two\n');
    const vault = keyring(['default', 'pw-one-123']);
    const revealed: unknown[] = [];
    vault.onReveal((value) => revealed.push(value));
    expect(parseYaml(ANSIBLE_ENCRYPT_STRING, 'vars.yaml', vault)).toEqual({ inl: 'inline-secret-77' });
    expect(revealed).toContain('inline-secret-77');
  });

  it('round-trips as 1.1 without a vault id and as 1.2 with one, in lines of 80', () => {
    const vault = keyring(['default', 'first-pw'], ['prod', 'second-pw']);
    const plain = vault.encrypt(Buffer.from('a: 1\n'));
    const labelled = vault.encrypt(Buffer.from('b: 2\n'), 'prod');
    expect(plain.split('\n')[0]).toBe('$ANSIBLE_VAULT;1.1;AES256');
    expect(labelled.split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
    for (const text of [plain, labelled]) {
      expect(isVaultText(text)).toBe(true);
      expect(text.split('\n').slice(1, -2).every((line) => line.length === 80)).toBe(true);
    }
    expect(vault.decrypt(plain, at).toString()).toBe('a: 1\n');
    expect(vault.decrypt(labelled, at).toString()).toBe('b: 2\n');
    // Another password's id in the envelope: every password is tried, as Ansible does.
    expect(keyring(['other', 'second-pw']).decrypt(labelled, at).toString()).toBe('b: 2\n');
    // A fresh salt each time: the same plaintext never encrypts the same twice.
    expect(vault.encrypt(Buffer.from('a: 1\n'))).not.toBe(plain);
  });

  it('refuses a wrong password with Ansible\'s message and the position of the value', () => {
    const error = errorOf(() => keyring(['default', 'wrong'], ['dev', 'also-wrong']).decrypt(KNOWN_12, at));
    expect(error.message).toBe('Decryption failed (no vault secrets were found that could decrypt)');
    expect(error.describe()).toMatch(/^vars\.yaml:3: /);
    expect(error.hint).toMatch(/--vault-id prod@FILE/);
    expect(error.exitCode).toBe(1);
  });

  it.each(['hmac', 'ciphertext'] as const)('refuses a payload whose %s was changed', (part) => {
    const changed = tampered(KNOWN_12, part);
    expect(decryptPayload(parseEnvelope(changed, at).payload, Buffer.from('known-answer-pw'))).toBeUndefined();
    expect(errorOf(() => keyring(['prod', 'known-answer-pw']).decrypt(changed, at)).message).toMatch(/^Decryption failed/);
  });

  it('says which options give a password when none was given', () => {
    const error = errorOf(() => parseYaml('a: 1\ntoken: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3031\n', 'vars.yaml'));
    expect(error.message).toBe('Attempting to decrypt but no vault secrets found');
    expect(error.at).toMatchObject({ file: 'vars.yaml', line: 2 });
    expect(error.hint).toMatch(/--vault-password-file FILE, --vault-id LABEL@FILE or --ask-vault-pass/);
  });

  it('refuses a damaged envelope clearly instead of failing deep inside', () => {
    expect(errorOf(() => keyring(['default', 'pw']).decrypt('$ANSIBLE_VAULT;1.1;AES256\nzz-not-hex\n', at)).message).toMatch(/^vault format error: the payload is not hexadecimal/);
    expect(errorOf(() => keyring(['default', 'pw']).decrypt('$ANSIBLE_VAULT\n00\n', at)).message).toMatch(/^vault envelope format error/);
  });
});
