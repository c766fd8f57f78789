/**
 * A `copy` or `template` source file as the controller reads it: a
 * vault-encrypted file is decrypted in memory (never written out decrypted),
 * and its content becomes a secret of the run.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isVaultText, VAULT_HEADER } from './envelope.js';
import type { VaultKeyring } from './keyring.js';

export function readSourceFile(path: string, vault: VaultKeyring): Buffer {
  const bytes = readFileSync(path);
  if (!isVaultText(bytes)) return bytes;
  const plaintext = vault.decrypt(bytes.toString('latin1'), { file: path });
  vault.reveal(plaintext);
  return plaintext;
}

/** Whether a file starts with the vault header (read without loading the whole file; a directory is not). */
export function isVaultFile(path: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const head = Buffer.alloc(VAULT_HEADER.length);
    return readSync(descriptor, head, 0, head.length, 0) === head.length && isVaultText(head);
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
