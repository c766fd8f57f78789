/**
 * The text around an ansible-vault payload: a header line
 * `$ANSIBLE_VAULT;1.1;AES256` (1.2 adds a vault id: `;1.2;AES256;prod`),
 * then the hex payload in lines of 80 characters. The vault id is a label
 * for choosing a password, not part of what is signed.
 */
import { CxError, type SourcePosition } from '../errors.js';

export const VAULT_HEADER = '$ANSIBLE_VAULT';
const LINE_WIDTH = 80;

export interface Envelope {
  readonly version: string;
  readonly cipher: string;
  /** The 1.2 header's vault id; undefined in a 1.1 envelope. */
  readonly vaultId: string | undefined;
  /** The hex payload, line breaks removed. */
  readonly payload: string;
}

/** Whether text (or bytes) is vault-encrypted, as Ansible tells: it starts with the header. */
export function isVaultText(data: string | Uint8Array): boolean {
  const start = typeof data === 'string' ? data.slice(0, VAULT_HEADER.length) : Buffer.from(data.subarray(0, VAULT_HEADER.length)).toString('latin1');
  return start === VAULT_HEADER;
}

export function parseEnvelope(text: string, at: SourcePosition): Envelope {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0]!.trim().split(';').map((part) => part.trim());
  if (header[0] !== VAULT_HEADER || header.length < 3) {
    throw new CxError('vault envelope format error: the first line must read $ANSIBLE_VAULT;1.1;AES256', { at, hint: 'the file or value was damaged; encrypt it again with cxplay vault or ansible-vault' });
  }
  const payload = lines.slice(1).map((line) => line.trim()).join('');
  return { version: header[1]!, cipher: header[2]!, vaultId: header[3] || undefined, payload };
}

/** Version 1.2 when a vault id other than `default` is given, as ansible-vault writes it; 1.1 otherwise. */
export function formatEnvelope(payload: string, vaultId: string | undefined): string {
  const labelled = vaultId !== undefined && vaultId !== '' && vaultId !== 'default';
  const header = labelled ? `${VAULT_HEADER};1.2;AES256;${vaultId}` : `${VAULT_HEADER};1.1;AES256`;
  const lines = [header];
  for (let start = 0; start < payload.length; start += LINE_WIDTH) lines.push(payload.slice(start, start + LINE_WIDTH));
  return `${lines.join('\n')}\n`;
}
