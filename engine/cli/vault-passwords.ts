/**
 * The vault options every command that reads vault data takes
 * (`--vault-password-file`, `--ask-vault-pass`, `--vault-id`), and the
 * passwords they name, as ansible-playbook 2.14 reads them: a file holds the
 * password (surrounding whitespace stripped), an executable file prints it on
 * stdout (a `*-client` script is given `--vault-id LABEL`), `prompt` asks at
 * the terminal. `--vault-id` passwords come first, then the files, then the
 * prompt of `--ask-vault-pass`.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { CxError, ExitCode } from '../errors.js';
import type { VaultSecret } from '../vault/keyring.js';
import { commanderOptions, OPTIONS, type CliOptions } from './options.js';
import { promptHidden } from './password-prompt.js';
import { settingValue, type AnsibleConfig } from '../config/config.js';

export const DEFAULT_VAULT_ID = 'default';

export type VaultOptions = Pick<CliOptions, 'vaultPasswordFile' | 'askVaultPass' | 'vaultId'>;

/** The vault options of the run options' table, for the `vault` commands. */
export function withVaultOptions(command: Command): Command {
  for (const key of ['vaultPasswordFile', 'askVaultPass', 'vaultId'] as const) for (const option of commanderOptions(OPTIONS[key])) command.addOption(option);
  return command;
}

export interface PasswordSource {
  readonly id: string;
  /** A file path, or `prompt`. */
  readonly source: string;
}

/**
 * The password sources the options and the configuration name, in the order
 * they are tried, as Ansible's CLI builds them: ansible.cfg's
 * vault_identity_list, --vault-id, --vault-password-file, ansible.cfg's
 * vault_password_file (ANSIBLE_VAULT_*), then --ask-vault-pass's prompt.
 */
export function passwordSources(options: VaultOptions, config: AnsibleConfig): PasswordSource[] {
  const configuredIds = settingValue(config, 'DEFAULT_VAULT_IDENTITY_LIST') as readonly string[];
  const configuredFile = settingValue(config, 'DEFAULT_VAULT_PASSWORD_FILE') as string | null;
  const sources = [...configuredIds, ...options.vaultId].map(parseVaultId);
  const files = [...options.vaultPasswordFile, ...(configuredFile ? [configuredFile] : [])];
  sources.push(...files.map((file) => ({ id: DEFAULT_VAULT_ID, source: file })));
  if (options.askVaultPass) sources.push({ id: DEFAULT_VAULT_ID, source: 'prompt' });
  return sources;
}

/** `LABEL@SOURCE`, or `SOURCE` alone for the default vault id. */
export function parseVaultId(text: string): PasswordSource {
  const at = text.indexOf('@');
  const [id, source] = at < 0 ? [DEFAULT_VAULT_ID, text] : [text.slice(0, at), text.slice(at + 1)];
  if (id.includes(';')) throw new CxError(`'${id}' is not a valid vault id. The character ';' is not allowed in vault ids`, { exitCode: ExitCode.badOptions });
  if (id === '' || source === '') throw new CxError(`--vault-id '${text}' needs a label and a source`, { exitCode: ExitCode.badOptions, hint: 'write --vault-id LABEL@FILE, LABEL@prompt or FILE' });
  return { id, source };
}

/**
 * Read each source's password. `create`: the passwords are new ones to
 * encrypt with, and a prompted one is asked twice, as ansible-vault does.
 */
export async function readPasswords(sources: readonly PasswordSource[], cwd: string, { create = false } = {}): Promise<VaultSecret[]> {
  const secrets: VaultSecret[] = [];
  for (const { id, source } of sources) {
    const password = source === 'prompt' ? await promptPassword(id, create) : passwordFromFile(resolve(cwd, source), id);
    secrets.push({ id, password });
  }
  return secrets;
}

async function promptPassword(id: string, create: boolean): Promise<Buffer> {
  const instead = 'give the password with --vault-password-file FILE (or an executable that prints it) instead';
  // ansible-vault's wording for the default id and for a named one.
  const prompts =
    id === DEFAULT_VAULT_ID
      ? { ask: 'Vault password: ', create: 'New Vault password: ', confirm: 'Confirm New Vault password: ' }
      : { ask: `Vault password (${id}): `, create: `New vault password (${id}): `, confirm: `Confirm new vault password (${id}): ` };
  const typed = await promptHidden(create ? prompts.create : prompts.ask, instead);
  if (create && (await promptHidden(prompts.confirm, instead)) !== typed) {
    throw new CxError('Passwords do not match', { exitCode: ExitCode.error, hint: 'type the same password twice' });
  }
  return nonEmpty(Buffer.from(typed, 'utf8'), 'Invalid vault password was provided from the prompt');
}

function passwordFromFile(path: string, id: string): Buffer {
  let executable: boolean;
  try {
    executable = statSync(path).isFile() && isExecutable(path);
  } catch {
    throw new CxError(`The vault password file ${path} was not found`, { exitCode: ExitCode.error, hint: 'check the path given to --vault-password-file or --vault-id' });
  }
  if (!executable) return nonEmpty(trimmed(readFileSync(path)), `Invalid vault password was provided from file (${path})`);
  // A client script is told which vault id is wanted; stderr stays the terminal's, so a script may prompt there.
  const args = basename(path, extname(path)).endsWith('-client') ? ['--vault-id', id] : [];
  let stdout: Buffer;
  try {
    stdout = execFileSync(path, args, { stdio: ['inherit', 'pipe', 'inherit'] });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    throw new CxError(`Vault password script ${path} returned non-zero (${status ?? 'not started'})`, { exitCode: ExitCode.error, hint: 'run the script by hand to see why; it must print the password on stdout' });
  }
  return nonEmpty(Buffer.from(stdout.toString('latin1').replace(/^[\r\n]+|[\r\n]+$/g, ''), 'latin1'), `Invalid vault password was provided from script (${path})`);
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Python's bytes.strip(): ASCII whitespace at both ends. */
export function trimmed(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, ''), 'latin1');
}

function nonEmpty(password: Buffer, message: string): Buffer {
  if (password.length === 0) throw new CxError(message, { exitCode: ExitCode.error, hint: 'the password must not be empty' });
  return password;
}
