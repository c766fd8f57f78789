/**
 * Vault data made by each tool is read by the other: files and
 * encrypt_string values from ansible-vault (1.1 and 1.2) are read by `cxplay
 * vault` and by a cxplay run; what `cxplay vault` writes (encrypt,
 * encrypt_string, create, edit, rekey) is read by ansible-vault and
 * ansible-playbook. Password files, scripts and the refusals an operator
 * meets (wrong password, none given, no terminal to ask on) as Ansible has them.
 *
 * What ansible-vault encrypts is recorded in test/references/ansible-vault
 * while this file is unchanged: its salt is random, so the files it made once
 * are as genuine as new ones. The other direction runs ansible-vault and
 * ansible-playbook live: cxplay's output is new on every run (its salt too),
 * and only Ansible reading that very output proves it readable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, runCommand } from '../support/cli.js';
import { scratch, type Scratch } from '../reliability/support.js';

const DB_PASSWORD = 'Db-Pass-from-vault-41';
const TOKEN = 'Api-Token-from-vault-93';
let work: Scratch;

beforeAll(() => {
  work = scratch('vault');
  work.write('pw', 'default-password-1\n');
  work.write('prodpw', '  prod-password-2  \n');
  work.write('pw.sh', '#!/bin/sh\necho default-password-1\n', 0o755);
  // A client script prints the password of the vault id it is given.
  work.write('pass-client.sh', '#!/bin/sh\n[ "$1" = --vault-id ] && [ "$2" = prod ] && echo prod-password-2 && exit 0\nexit 2\n', 0o755);
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' } } } });
  work.write('playbook.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      vars_files: ['secrets.yaml'],
      tasks: [{ copy: { content: '{{ db_password }} {{ api_token }}\n', dest: '{{ out }}', mode: '0600' } }],
    },
  ]);
});

afterAll(() => work?.remove());

const ansibleVault = (args: readonly string[], input?: string) => runCommand('ansible-vault', args, { cwd: work.dir, input });
const cxVault = (args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) => cxplay(['vault', ...args], { cwd: work.dir, ...options });

/** secrets.yaml as a whole encrypted file holding db_password, plus api_token as an inline !vault value. */
function writeSecrets<T>(inlineToken: string, encryptFile: (path: string) => Promise<T>): Promise<T> {
  work.write('secrets.yaml', `db_password: ${DB_PASSWORD}\n${inlineToken}\n`);
  return encryptFile('secrets.yaml');
}

const MADE_BY_ANSIBLE_VAULT = ['plain11.yaml', 'plain12.yaml', 'secrets.yaml'];

interface MadeByAnsibleVault {
  /** The exit code of each ansible-vault run. */
  readonly codes: number[];
  /** encrypt_string's output for api_token. */
  readonly token: string;
  /** The files it encrypted, by name. */
  readonly files: Record<string, string>;
}

/** ansible-vault's encryptions (files with the default id and a vault id, an encrypt_string value inside an encrypted file), recorded while this file is unchanged. */
function madeByAnsibleVault(): Promise<MadeByAnsibleVault> {
  return ansibleReference({ name: 'ansible-vault/made-by-ansible-vault', inputs: [fileURLToPath(import.meta.url)], work: work.dir }, async () => {
    work.write('plain11.yaml', 'a: one\n');
    work.write('plain12.yaml', 'b: two\n');
    const codes = [(await ansibleVault(['encrypt', 'plain11.yaml', '--vault-password-file', 'pw'])).code, (await ansibleVault(['encrypt', 'plain12.yaml', '--vault-id', 'prod@prodpw'])).code];
    const token = await ansibleVault(['encrypt_string', '--vault-id', 'prod@prodpw', '--name', 'api_token', TOKEN]);
    codes.push(token.code, (await writeSecrets(token.stdout, (path) => ansibleVault(['encrypt', path, '--vault-password-file', 'pw']))).code);
    return { codes, token: token.stdout, files: Object.fromEntries(MADE_BY_ANSIBLE_VAULT.map((name) => [name, readFileSync(work.path(name), 'utf8')])) };
  });
}

describe.skipIf(!hasAnsible)('cxplay vault and ansible-vault read each other', () => {
  it('cxplay reads files and encrypt_string values ansible-vault made (1.1 and 1.2 with a vault id)', async () => {
    const made = await madeByAnsibleVault();
    expect(made.codes).toEqual([0, 0, 0, 0]);
    for (const name of MADE_BY_ANSIBLE_VAULT) work.write(name, made.files[name]!);
    expect(readFileSync(work.path('plain11.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256\n/);
    expect(readFileSync(work.path('plain12.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.2;AES256;prod\n/);
    expect((await cxVault(['view', 'plain11.yaml', '--vault-password-file', 'pw.sh'])).stdout).toBe('a: one\n');
    expect((await cxVault(['view', 'plain12.yaml', '--vault-id', 'prod@pass-client.sh'])).stdout).toBe('b: two\n');
    expect((await cxVault(['decrypt', 'plain12.yaml', '--output', '-', '--vault-id', 'dev@pw', '--vault-id', 'prod@prodpw'])).stdout).toBe('b: two\n');

    expect(made.token).toMatch(/^api_token: !vault \|\n {10}\$ANSIBLE_VAULT;1\.2;AES256;prod\n/);
    expect(readFileSync(work.path('secrets.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256\n/);
    const run = await cxplay(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-o', 'plain', '-e', `out=${work.path('from-ansible-vault')}`, '--vault-password-file', 'pw', '--vault-id', 'prod@prodpw'], { cwd: work.dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(work.path('from-ansible-vault'), 'utf8')).toBe(`${DB_PASSWORD} ${TOKEN}\n`);
  });

  it('ansible-vault and ansible-playbook read what cxplay vault writes', async () => {
    work.write('ours.yaml', 'c: three\n');
    expect((await cxVault(['encrypt', 'ours.yaml', '--vault-password-file', 'pw'])).code).toBe(0);
    expect(readFileSync(work.path('ours.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256\n/);
    expect((await ansibleVault(['view', 'ours.yaml', '--vault-password-file', 'pw'])).stdout).toBe('c: three\n');

    const encrypted = await cxVault(['encrypt', '--vault-id', 'prod@prodpw', '--output', 'ours12.yaml'], { input: 'd: four\n' });
    expect(encrypted.code, encrypted.stderr).toBe(0);
    expect((await ansibleVault(['view', 'ours12.yaml', '--vault-id', 'prod@prodpw'])).stdout).toBe('d: four\n');

    const rekeyed = await cxVault(['rekey', 'ours12.yaml', '--vault-id', 'prod@prodpw', '--new-vault-password-file', 'pw']);
    expect(rekeyed.code, rekeyed.stderr).toBe(0);
    expect((await ansibleVault(['view', 'ours12.yaml', '--vault-password-file', 'pw'])).stdout).toBe('d: four\n');
    expect((await ansibleVault(['view', 'ours12.yaml', '--vault-id', 'prod@prodpw'])).code).not.toBe(0);

    const token = await cxVault(['encrypt_string', '--vault-id', 'prod@prodpw', '-n', 'api_token', TOKEN]);
    expect(token.stdout).toMatch(/^api_token: !vault \|\n {10}\$ANSIBLE_VAULT;1\.2;AES256;prod\n/);
    await writeSecrets(token.stdout, (path) => cxVault(['encrypt', path, '--vault-password-file', 'pw']));
    const run = await ansiblePlaybook(['-i', 'inventory.yaml', 'playbook.yaml', '-e', `out=${work.path('from-cxplay-vault')}`, '--vault-password-file', 'pw', '--vault-id', 'prod@prodpw'], { cwd: work.dir, work: work.dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(work.path('from-cxplay-vault'), 'utf8')).toBe(`${DB_PASSWORD} ${TOKEN}\n`);
  });

  it('create and edit: $EDITOR gets a 0600 file that is gone afterwards, and edit keeps the vault id', async () => {
    const log = work.path('editor.log');
    work.write('editor.sh', `#!/bin/sh\necho "$1 $(stat -c %a "$1") $(cat "$1" | tr '\\n' ' ')" >> ${log}\necho "edited: yes" >> "$1"\n`, 0o755);
    const env = { EDITOR: work.path('editor.sh') };
    expect((await cxVault(['create', 'created.yaml', '--vault-id', 'prod@prodpw'], { env })).code).toBe(0);
    expect((await cxVault(['edit', 'created.yaml', '--vault-id', 'prod@prodpw'], { env })).code).toBe(0);
    expect(readFileSync(work.path('created.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.2;AES256;prod\n/);
    expect((await ansibleVault(['view', 'created.yaml', '--vault-id', 'prod@prodpw'])).stdout).toBe('edited: yes\nedited: yes\n');
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' '));
    expect(calls.map(([, mode]) => mode)).toEqual(['600', '600']);
    expect(calls[1]!.slice(2).join(' ').trim()).toBe('edited: yes');
    for (const [path] of calls) expect(existsSync(path!)).toBe(false);
    expect((await cxVault(['create', 'created.yaml', '--vault-password-file', 'pw'], { env })).stderr).toMatch(/exists, please use 'edit' instead/);

    // Two passwords under the default id: the one that opened the file encrypts it again.
    expect((await cxVault(['create', 'shared-id.yaml', '--vault-password-file', 'pw'], { env })).code).toBe(0);
    expect((await cxVault(['edit', 'shared-id.yaml', '--vault-password-file', 'prodpw', '--vault-password-file', 'pw'], { env })).code).toBe(0);
    expect((await ansibleVault(['view', 'shared-id.yaml', '--vault-password-file', 'pw'])).stdout).toBe('edited: yes\nedited: yes\n');
  });

  it('refuses as an operator needs: wrong password (file:line, before any task), none given (which option), no terminal to ask on', async () => {
    work.write('inline.yaml', [{ hosts: 'all', gather_facts: false, vars: { x: 1 }, tasks: [{ debug: { msg: '{{ x }}' } }] }]);
    const value = (await cxVault(['encrypt_string', '--vault-password-file', 'pw', '-n', 'secret_x', 'short-but-secret'])).stdout;
    work.write('inline.yaml', `- hosts: all\n  gather_facts: false\n  vars:\n    ${value.replace(/\n/g, '\n    ')}\n  tasks:\n    - debug: msg="{{ secret_x }}"\n`);
    const run = (args: readonly string[]) => cxplay(['run', 'inline.yaml', '-i', 'inventory.yaml', '-o', 'plain', ...args], { cwd: work.dir });

    const wrong = await run(['--vault-password-file', 'prodpw']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${work.path('inline.yaml')}:4:`);
    expect(wrong.stderr).toContain('Decryption failed (no vault secrets were found that could decrypt)');
    const none = await run([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Attempting to decrypt but no vault secrets found');
    expect(none.stderr).toContain('--vault-password-file FILE, --vault-id LABEL@FILE or --ask-vault-pass');
    const noTerminal = await run(['--ask-vault-pass']);
    expect(noTerminal.code).toBe(5);
    expect(noTerminal.stderr).toMatch(/cannot ask for a password: stdin is not a terminal\n\s+give the password with --vault-password-file/);
    // An encrypted copy source no password opens is found before the first task.
    work.write('files/locked.txt', 'locked\n');
    await cxVault(['encrypt', 'files/locked.txt', '--vault-id', 'prod@prodpw']);
    work.write('source.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ debug: { msg: 'first' } }, { copy: { src: 'locked.txt', dest: work.path('unlocked.txt') } }] }]);
    const locked = await cxplay(['run', 'source.yaml', '-i', 'inventory.yaml', '-o', 'plain', '--vault-password-file', 'pw'], { cwd: work.dir });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(`${work.path('files/locked.txt')}: Decryption failed (no vault secrets were found that could decrypt)`);
    expect(locked.stdout).not.toContain('TASK [');

    const ok = await run(['--vault-id', 'pw.sh']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).not.toContain('short-but-secret');
    expect(ok.stdout).toContain('"msg": "********"');
  });
});
