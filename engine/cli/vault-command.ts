/**
 * `cxplay vault ACTION`, ansible-vault's commands and options: create, edit,
 * encrypt, decrypt, view, encrypt_string, rekey. What each does is in
 * vault-actions.ts.
 */
import { Command } from 'commander';
import { encryptStringAction, fileAction, rekeyAction, type VaultCommandOptions } from './vault-actions.js';
import { withVaultOptions } from './vault-passwords.js';

type Start = (work: () => Promise<number>) => void;

export function addVaultCommand(program: Command, start: Start): void {
  const vault = program.command('vault').description('encrypt and decrypt files and values (ansible-vault)').exitOverride();
  const action = (name: string, description: string) => withVaultOptions(vault.command(name).description(description).exitOverride());
  const encryptVaultId = (command: Command) => command.option('--encrypt-vault-id <id>', 'the vault id to encrypt with (needed when several passwords are given)');
  const output = (command: Command) => command.option('--output <file>', 'write the result here (- for stdout) instead of in place');
  const files = (kind: 'create' | 'edit' | 'encrypt' | 'decrypt' | 'view') => (names: string[], options: VaultCommandOptions) => start(() => fileAction(kind, names, options));

  encryptVaultId(action('create', 'create a new encrypted file in $EDITOR')).argument('<file>').action((file: string, options: VaultCommandOptions) => files('create')([file], options));
  encryptVaultId(action('edit', 'edit an encrypted file in $EDITOR')).argument('<files...>').action(files('edit'));
  encryptVaultId(output(action('encrypt', 'encrypt files (stdin when none)'))).argument('[files...]').action(files('encrypt'));
  output(action('decrypt', 'decrypt files (stdin when none)')).argument('[files...]').action(files('decrypt'));
  action('view', 'show the plaintext of encrypted files').argument('<files...>').action(files('view'));
  encryptVaultId(output(action('encrypt_string', 'encrypt strings as !vault values to paste into YAML')))
    .argument('[strings...]', 'strings to encrypt (- or none: read stdin)')
    .option('-p, --prompt', 'ask for the string to encrypt', false)
    .option('--show-input', 'echo the string typed at --prompt', false)
    .option('-n, --name <name>', 'the variable name of each string, in order (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--stdin-name <name>', 'the variable name of the string read from stdin')
    .action((strings: string[], options: VaultCommandOptions) => start(() => encryptStringAction(strings, options)));
  encryptVaultId(action('rekey', 'encrypt files again with a new password'))
    .argument('<files...>')
    .option('--new-vault-password-file <file>', 'file (or executable) with the new password')
    .option('--new-vault-id <id>', 'the new password with its vault id: LABEL@FILE or LABEL@prompt')
    .action((names: string[], options: VaultCommandOptions) => start(() => rekeyAction(names, options)));
}
