/**
 * The vault passwords of one run (each with its vault id, `default` when none
 * was named) and what they decrypted. Decryption tries the password whose id
 * the envelope names first, then every other, as ansible-playbook does by
 * default. Every decrypted value is announced to the listeners (the run's
 * secret registry), so it is masked wherever it would be shown.
 */
import { CxError, ExitCode, type SourcePosition } from '../errors.js';
import { decryptPayload, encryptPayload, PayloadFormatError } from './aes256.js';
import { formatEnvelope, parseEnvelope } from './envelope.js';

export interface VaultSecret {
  readonly id: string;
  readonly password: Buffer;
}

/** Where the passwords come from, as the error for a missing one says. */
export const PASSWORD_OPTIONS = 'pass --vault-password-file FILE, --vault-id LABEL@FILE or --ask-vault-pass';

type RevealListener = (value: unknown) => void;

export class VaultKeyring {
  private readonly listeners: RevealListener[] = [];
  /** Each value once (a copy source read for every host is the same Buffer, from `opened`). */
  private readonly revealed = new Set<unknown>();
  /**
   * What each vault text opened to: a copy source is read per host, and each
   * decryption costs 10,000 PBKDF2 rounds. Keyed by the text itself, so a file
   * changed during the run is decrypted again.
   */
  private readonly opened = new Map<string, { plaintext: Buffer; secret: VaultSecret }>();

  constructor(readonly secrets: readonly VaultSecret[] = []) {
    // The passwords themselves are masked too, should a task ever print one.
    for (const secret of secrets) this.revealed.add(secret.password.toString('utf8'));
  }

  /** The plaintext bytes of vault text; a CxError at `at` when no password opens it. */
  decrypt(text: string, at: SourcePosition): Buffer {
    return this.open(text, at).plaintext;
  }

  /** The plaintext bytes and the password that opened them (edit and rekey keep its vault id). */
  open(text: string, at: SourcePosition): { plaintext: Buffer; secret: VaultSecret } {
    let found = this.opened.get(text);
    if (!found) {
      found = this.openWithPasswords(text, at);
      this.opened.set(text, found);
    }
    return found;
  }

  private openWithPasswords(text: string, at: SourcePosition): { plaintext: Buffer; secret: VaultSecret } {
    const envelope = parseEnvelope(text, at);
    if (envelope.cipher !== 'AES256') throw new CxError(`${envelope.cipher} cipher could not be found`, { at, exitCode: ExitCode.error, hint: 'ansible-vault writes AES256; encrypt the value again' });
    if (this.secrets.length === 0) {
      throw new CxError('Attempting to decrypt but no vault secrets found', { at, exitCode: ExitCode.error, hint: `this value is vault-encrypted: ${PASSWORD_OPTIONS}` });
    }
    for (const secret of this.candidates(envelope.vaultId)) {
      let plaintext: Buffer | undefined;
      try {
        plaintext = decryptPayload(envelope.payload, secret.password);
      } catch (error) {
        if (!(error instanceof PayloadFormatError)) throw error;
        throw new CxError(`vault format error: ${error.message}`, { at, exitCode: ExitCode.error, hint: 'the encrypted text was damaged; encrypt it again' });
      }
      if (plaintext) return { plaintext, secret };
    }
    throw new CxError('Decryption failed (no vault secrets were found that could decrypt)', {
      at,
      exitCode: ExitCode.error,
      hint: envelope.vaultId ? `it was encrypted with vault id '${envelope.vaultId}': check the password given with --vault-id ${envelope.vaultId}@FILE` : 'check the vault password given',
    });
  }

  /** Decrypt vault text holding UTF-8 text (an inline !vault value); the result is a secret. */
  decryptText(text: string, at: SourcePosition): string {
    const plaintext = this.decrypt(text, at).toString('utf8');
    this.reveal(plaintext);
    return plaintext;
  }

  /** Encrypt with the password of `id` (the only or first password when id is undefined). */
  encrypt(plaintext: Uint8Array, id?: string): string {
    const secret = id === undefined ? this.secrets[0] : this.secrets.find((candidate) => candidate.id === id);
    if (!secret) throw new CxError(id === undefined ? "A vault password is required to use Ansible's Vault" : `Did not find a match for --encrypt-vault-id=${id} in the known vault-ids ${this.secrets.map((known) => known.id).join(', ')}`, { exitCode: ExitCode.badOptions, hint: PASSWORD_OPTIONS });
    return formatEnvelope(encryptPayload(plaintext, secret.password), secret.id);
  }

  /** Record a decrypted value (a string, or the data of a decrypted file) as a secret. */
  reveal(value: unknown): void {
    if (this.revealed.has(value)) return;
    this.revealed.add(value);
    for (const listener of this.listeners) listener(value);
  }

  /** Call `listener` with every value revealed so far and every later one. */
  onReveal(listener: RevealListener): void {
    for (const value of this.revealed) listener(value);
    this.listeners.push(listener);
  }

  private candidates(vaultId: string | undefined): VaultSecret[] {
    const named = this.secrets.filter((secret) => secret.id === vaultId);
    return [...named, ...this.secrets.filter((secret) => secret.id !== vaultId)];
  }
}

