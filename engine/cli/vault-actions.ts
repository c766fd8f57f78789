/**
 * What `cxplay vault` does, as ansible-vault 2.14 does it: the same file
 * format, output, messages on stderr (only when stdout is a terminal) and
 * refusals. Files written are 0600 when new; plaintext is only ever written
 * where the operator asked (decrypt) or to edit's private temp file.
 */
import { loadConfig } from '../config/config.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CxError, ExitCode } from '../errors.js';
import { isVaultText } from '../vault/envelope.js';
import { VaultKeyring, type VaultSecret } from '../vault/keyring.js';
import { editInTempFile } from './vault-editor.js';
import { promptHidden } from './password-prompt.js';
import { DEFAULT_VAULT_ID, parseVaultId, passwordSources, readPasswords, type PasswordSource, type VaultOptions } from './vault-passwords.js';

export interface VaultCommandOptions extends VaultOptions {
  readonly encryptVaultId?: string;
  readonly output?: string;
  readonly prompt?: boolean;
  readonly showInput?: boolean;
  readonly name?: string[];
  readonly stdinName?: string;
  readonly newVaultPasswordFile?: string;
  readonly newVaultId?: string;
}

const STDIO = '-';
/** ansible-vault's indent of an encrypt_string value under its `!vault |` line. */
const VALUE_INDENT = ' '.repeat(10);

export async function fileAction(kind: 'create' | 'edit' | 'encrypt' | 'decrypt' | 'view', names: readonly string[], options: VaultCommandOptions): Promise<number> {
  const cwd = process.cwd();
  if (kind === 'encrypt' || kind === 'create') {
    const secret = await encryptSecret(options, cwd);
    if (kind === 'create') return createFile(resolve(cwd, names[0]!), secret);
    return encryptFiles(names, secret, options.output);
  }
  const keyring = new VaultKeyring(await readSecrets(options, cwd));
  if (kind === 'decrypt') return decryptFiles(names, keyring, options.output);
  for (const name of names) {
    const file = resolve(cwd, name);
    if (kind === 'view') process.stdout.write(keyring.decrypt(readEncrypted(file), { file }));
    else editFile(file, keyring);
  }
  return ExitCode.ok;
}

function encryptFiles(names: readonly string[], secret: VaultSecret, output: string | undefined): number {
  const keyring = new VaultKeyring([secret]);
  const inputs = names.length > 0 ? names : [STDIO];
  if (output !== undefined && inputs.length > 1) throw new CxError('At most one input file may be used with the --output option', { exitCode: ExitCode.badOptions });
  for (const name of inputs) {
    const plaintext = readInput(name);
    if (isVaultText(plaintext)) throw new CxError('input is already encrypted', { at: { file: name }, exitCode: ExitCode.error });
    writeOutput(output ?? name, keyring.encrypt(plaintext, secret.id));
  }
  done('Encryption successful');
  return ExitCode.ok;
}

function decryptFiles(names: readonly string[], keyring: VaultKeyring, output: string | undefined): number {
  const inputs = names.length > 0 ? names : [STDIO];
  if (output !== undefined && inputs.length > 1) throw new CxError('At most one input file may be used with the --output option', { exitCode: ExitCode.badOptions });
  for (const name of inputs) {
    const text = readInput(name).toString('latin1');
    if (!isVaultText(text)) throw new CxError(`input is not vault encrypted data. ${name} is not a vault encrypted file`, { at: { file: name }, exitCode: ExitCode.error });
    writeOutput(output ?? name, keyring.decrypt(text, { file: name }));
  }
  done('Decryption successful');
  return ExitCode.ok;
}

function createFile(file: string, secret: VaultSecret): number {
  if (existsSync(file)) throw new CxError(`${file} exists, please use 'edit' instead`, { exitCode: ExitCode.error });
  const plaintext = editInTempFile(file, Buffer.alloc(0));
  writeOutput(file, new VaultKeyring([secret]).encrypt(plaintext, secret.id));
  return ExitCode.ok;
}

/** Re-encrypted with the password (and vault id) that opened it, and only when the text changed. */
function editFile(file: string, keyring: VaultKeyring): void {
  const { plaintext, secret } = keyring.open(readEncrypted(file), { file });
  const edited = editInTempFile(file, plaintext);
  // The very password that opened it: several passwords may share the default id.
  if (!edited.equals(plaintext)) writeOutput(file, new VaultKeyring([secret]).encrypt(edited, secret.id));
}

export async function rekeyAction(names: readonly string[], options: VaultCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const keyring = new VaultKeyring(await readSecrets(options, cwd));
  const newSource: PasswordSource = options.newVaultId
    ? parseVaultId(options.newVaultId)
    : { id: options.encryptVaultId ?? DEFAULT_VAULT_ID, source: options.newVaultPasswordFile ?? 'prompt' };
  const [secret] = await readPasswords([newSource], cwd, { create: true });
  const rekeyed = new VaultKeyring([secret!]);
  for (const name of names) {
    const file = resolve(cwd, name);
    writeOutput(file, rekeyed.encrypt(keyring.decrypt(readEncrypted(file), { file }), secret!.id));
  }
  process.stderr.write('Rekey successful\n');
  return ExitCode.ok;
}

export async function encryptStringAction(strings: readonly string[], options: VaultCommandOptions): Promise<number> {
  const secret = await encryptSecret(options, process.cwd());
  const keyring = new VaultKeyring([secret]);
  const values = await stringsToEncrypt(strings, options);
  const blocks = values.map(({ text, name }, index) => {
    if (values.length > 1) process.stderr.write(name ? `# The encrypted version of variable ("${name}", the string #${index + 1}).\n` : `# The encrypted version of the string #${index + 1}.\n`);
    return formatVaultValue(keyring.encrypt(Buffer.from(text, 'utf8'), secret.id), name);
  });
  writeOutput(options.output ?? STDIO, Buffer.from(blocks.join('\n'), 'utf8'));
  done('Encryption successful');
  return ExitCode.ok;
}

/** A YAML value to paste: `name: !vault |` and the envelope indented under it. */
export function formatVaultValue(envelope: string, name: string | undefined): string {
  const lines = envelope.split('\n').filter(Boolean).map((line) => `${VALUE_INDENT}${line}`);
  return [`${name ? `${name}: ` : ''}!vault |`, ...lines].join('\n');
}

interface NamedString {
  readonly text: string;
  readonly name: string | undefined;
}

/** From --prompt, then stdin (`-` or nothing else given), then the arguments, named by -n in order. */
async function stringsToEncrypt(strings: readonly string[], options: VaultCommandOptions): Promise<NamedString[]> {
  const values: NamedString[] = [];
  const args = strings.filter((text) => text !== STDIO);
  if (options.prompt) {
    const text = options.showInput ? await promptVisible('String to encrypt: ') : await promptHidden('String to encrypt (hidden): ', 'pass the string as an argument or on stdin instead');
    if (text === '') throw new CxError('The plaintext provided from the prompt was empty, not encrypting', { exitCode: ExitCode.badOptions });
    values.push({ text, name: options.name?.[0] });
  }
  if (strings.includes(STDIO) || (args.length === 0 && !options.prompt)) {
    const text = readInput(STDIO).toString('utf8');
    if (text === '') throw new CxError('stdin was empty, not encrypting', { exitCode: ExitCode.badOptions });
    values.push({ text, name: options.stdinName });
  }
  const names = options.prompt ? [] : (options.name ?? []);
  for (const [index, text] of args.entries()) {
    if (text === '') throw new CxError('The plaintext provided from the command line args was empty, not encrypting', { exitCode: ExitCode.badOptions });
    values.push({ text, name: names[index] });
  }
  return values;
}

async function promptVisible(prompt: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await lines.question(prompt);
  } finally {
    lines.close();
  }
}

/** The password to encrypt with: the only one given, the one --encrypt-vault-id names, or a new one asked twice. */
async function encryptSecret(options: VaultCommandOptions, cwd: string): Promise<VaultSecret> {
  const sources = passwordSources(options, loadConfig(cwd, process.env));
  const secrets = await readPasswords(sources.length > 0 ? sources : [{ id: DEFAULT_VAULT_ID, source: 'prompt' }], cwd, { create: true });
  if (options.encryptVaultId !== undefined) {
    const chosen = secrets.find((secret) => secret.id === options.encryptVaultId);
    if (!chosen) throw new CxError(`Did not find a match for --encrypt-vault-id=${options.encryptVaultId} in the known vault-ids ${secrets.map((secret) => secret.id).join(', ')}`, { exitCode: ExitCode.badOptions });
    return chosen;
  }
  if (secrets.length > 1) {
    throw new CxError(`The vault-ids ${secrets.map((secret) => secret.id).join(',')} are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id`, { exitCode: ExitCode.badOptions });
  }
  return secrets[0]!;
}

/** The passwords to decrypt with; none given: asked at the terminal, as ansible-vault does. */
async function readSecrets(options: VaultOptions, cwd: string): Promise<VaultSecret[]> {
  const sources = passwordSources(options, loadConfig(cwd, process.env));
  return readPasswords(sources.length > 0 ? sources : [{ id: DEFAULT_VAULT_ID, source: 'prompt' }], cwd);
}

function readEncrypted(file: string): string {
  const text = readInput(file).toString('latin1');
  if (!isVaultText(text)) throw new CxError(`input is not vault encrypted data. ${file} is not a vault encrypted file`, { at: { file }, exitCode: ExitCode.error });
  return text;
}

function readInput(name: string): Buffer {
  if (name === STDIO && process.stdin.isTTY) process.stderr.write('Reading input from stdin (end it with ctrl-d)\n');
  try {
    return readFileSync(name === STDIO ? 0 : name);
  } catch (error) {
    throw new CxError(`cannot read ${name}: ${(error as Error).message}`, { at: { file: name }, exitCode: ExitCode.error });
  }
}

/** To stdout for `-`; a new file is made 0600 (an existing one keeps its mode). */
function writeOutput(name: string, data: string | Buffer): void {
  if (name === STDIO) process.stdout.write(data);
  else writeFileSync(name, data, { mode: 0o600 });
}

/** ansible-vault's closing note, written only when a person is watching. */
function done(message: string): void {
  if (process.stdout.isTTY) process.stderr.write(`${message}\n`);
}
