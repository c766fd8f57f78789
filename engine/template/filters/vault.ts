/**
 * Ansible's vault filters: `vault` encrypts text with a password into
 * ansible-vault's envelope (format 1.2 labelled `filter_default` unless the
 * vault id is `default`; `salt` makes it repeatable), `unvault` decrypts one
 * (text that is not vault-encrypted comes back as it is).
 */
import { TemplateError } from '../../errors.js';
import { decryptPayload, encryptPayload } from '../../vault/aes256.js';
import { formatEnvelope, isVaultText, parseEnvelope } from '../../vault/envelope.js';
import { pythonTypeName } from '../python.js';
import { type FilterTable, param } from './support.js';

function utf8(value: unknown, what: string): Buffer {
  if (typeof value !== 'string') throw new TemplateError(`${what}, instead we got: <class '${pythonTypeName(value)}'>`);
  return Buffer.from(value, 'utf8');
}

function vault(data: unknown, args: unknown[], kwargs: Record<string, unknown>): string {
  const secret = utf8(param(args, kwargs, 0, 'secret'), 'Secret passed is required to be a string');
  const plaintext = utf8(data, 'Can only vault strings');
  const salt = param<unknown>(args, kwargs, 1, 'salt', null);
  if (salt !== null && (typeof salt !== 'string' || salt === '')) throw new TemplateError('Unable to encrypt: Empty or invalid salt passed to encrypt()');
  const payload = encryptPayload(plaintext, secret, salt === null ? undefined : Buffer.from(salt, 'utf8'));
  return formatEnvelope(payload, String(param(args, kwargs, 2, 'vaultid', 'filter_default')));
}

function unvault(data: unknown, args: unknown[], kwargs: Record<string, unknown>): string {
  const secret = utf8(param(args, kwargs, 0, 'secret'), 'Secret passed is required to be as string');
  const text = utf8(data, 'Vault should be in the form of a string').toString('utf8');
  if (!isVaultText(text)) return text;
  let plaintext: Buffer | undefined;
  try {
    plaintext = decryptPayload(parseEnvelope(text, { file: 'the unvault filter' }).payload, secret);
  } catch (error) {
    throw new TemplateError(`Unable to decrypt: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!plaintext) throw new TemplateError('Unable to decrypt: Decryption failed (no vault secrets were found that could decrypt)');
  return plaintext.toString('utf8');
}

export const VAULT_FILTERS: FilterTable = { vault, unvault };
