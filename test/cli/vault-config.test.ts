/**
 * Vault passwords named by the configuration, as ansible-playbook 2.14 takes
 * them (ansible/cli/__init__.py): ansible.cfg's vault_identity_list (ids
 * before --vault-id's) and vault_password_file (a path from the config
 * file's directory, after --vault-password-file's), and their environment
 * variables ANSIBLE_VAULT_IDENTITY_LIST and ANSIBLE_VAULT_PASSWORD_FILE. The
 * vars files are encrypted by cxplay's vault here (read by both engines);
 * ansible-playbook's run is recorded while this file is unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cliPath, runCommand } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

const dir = mkdtempSync(join(tmpdir(), 'cxplay-vault-config-'));
const project = join(dir, 'project');
const env = (extra: Record<string, string> = {}) => ({ NO_COLOR: '1', ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp'), ANSIBLE_RETRY_FILES_ENABLED: '0', ...extra });
const ours = (args: string[], extra: Record<string, string> = {}) => runCommand(process.execPath, [cliPath, ...args], { cwd: project, env: env(extra) });
/** ansible-playbook, recorded as vault-config/CASE while this file is unchanged. */
const theirs = (name: string, args: string[], extra: Record<string, string> = {}) =>
  recordedCommand({ name: `vault-config/${recordingName(name)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-playbook', args, cwd: project, env: env(extra) });

beforeAll(async () => {
  mkdirSync(join(project, 'secrets'), { recursive: true });
  writeFileSync(join(project, 'secrets', 'default.pw'), 'the default password\n', { mode: 0o600 });
  writeFileSync(join(project, 'secrets', 'dev.pw'), 'the dev password\n', { mode: 0o600 });
  writeFileSync(join(dir, 'outside.pw'), 'the default password\n', { mode: 0o600 });
  writeFileSync(join(project, 'hosts.ini'), 'web1 ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n');
  writeFileSync(join(project, 'default.yml'), 'from_default: opened with the default id\n');
  writeFileSync(join(project, 'dev.yml'), 'from_dev: opened with dev\n');
  writeFileSync(join(project, 'site.yml'), '- hosts: all\n  gather_facts: false\n  vars_files: [default.yml, dev.yml]\n  tasks:\n    - debug: {msg: "{{ from_default }} / {{ from_dev }}"}\n');
  for (const [file, id] of [['default.yml', 'default@secrets/default.pw'], ['dev.yml', 'dev@secrets/dev.pw']] as const) {
    const encrypted = await ours(['vault', 'encrypt', '--vault-id', id, file]);
    expect(encrypted.code, encrypted.stderr).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configure(lines: readonly string[]): void {
  writeFileSync(join(project, 'ansible.cfg'), ['[defaults]', 'inventory = hosts.ini', ...lines, ''].join('\n'));
}

describe.skipIf(!hasAnsible)('vault passwords from the configuration', () => {
  it.each([
    ['ansible.cfg names both', ['vault_password_file = secrets/default.pw', 'vault_identity_list = dev@secrets/dev.pw'], {}],
    ['the environment names both', [], { ANSIBLE_VAULT_PASSWORD_FILE: join(dir, 'outside.pw'), ANSIBLE_VAULT_IDENTITY_LIST: 'dev@secrets/dev.pw' }],
    ['only the file: dev.yml cannot be opened', ['vault_password_file = secrets/default.pw'], {}],
  ])('%s: the same outcome as ansible-playbook', async (name, lines, extra) => {
    configure(lines);
    const [mine, reference] = await Promise.all([ours(['run', 'site.yml', '-o', 'plain'], extra), theirs(name, ['site.yml'], { ...extra, CFG: lines.join(';') })]);
    const label = `${mine.stdout}${mine.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
    const opened = (out: string) => /"msg": "(.*)"/.exec(out)?.[1];
    expect(mine.code, label).toBe(reference.code);
    if (reference.code !== 0) return expect(`${mine.stdout}${mine.stderr}`, label).toContain('dev.yml');
    expect(opened(reference.stdout), label).toBe('opened with the default id / opened with dev');
    // Decrypted values are secrets to cxplay: opened, and shown masked.
    expect(opened(mine.stdout), label).toBe('******** / ********');
  });

  it('reaches cxplay vault too: view with the configured passwords only', async () => {
    configure(['vault_password_file = secrets/default.pw', 'vault_identity_list = dev@secrets/dev.pw']);
    const viewed = await ours(['vault', 'view', 'default.yml', 'dev.yml']);
    expect(viewed.code, viewed.stderr).toBe(0);
    expect(viewed.stdout).toContain('from_default: opened with the default id');
    expect(viewed.stdout).toContain('from_dev: opened with dev');
  });
});
