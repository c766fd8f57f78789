/**
 * Every loader decrypts through the run's keyring on the SourceCache: an
 * inline !vault in a YAML inventory, a whole encrypted vars file (vars_files,
 * group_vars), `-e @file`; what they decrypt is announced as secret; without a
 * password, an encrypted file is refused at its first line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExtraVars } from '../../engine/cli/extra-vars.js';
import { CxError } from '../../engine/errors.js';
import { hostVarsFromInventory, loadInventory } from '../../engine/load/inventory.js';
import { SourceCache } from '../../engine/load/source-cache.js';
import { loadVarsFile } from '../../engine/load/vars-file.js';
import { SecretRegistry } from '../../engine/run/secrets.js';
import { formatVaultValue } from '../../engine/cli/vault-actions.js';
import { VaultKeyring } from '../../engine/vault/keyring.js';

const dir = mkdtempSync(join(tmpdir(), 'cxplay-vault-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyring = () => new VaultKeyring([{ id: 'default', password: Buffer.from('loader-password') }]);
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('vault data in what the loaders read', () => {
  it('decrypts an inline !vault host variable of a YAML inventory', () => {
    const value = formatVaultValue(keyring().encrypt(Buffer.from('inventory-secret-1')), 'db_password').replace(/\n/g, '\n      ');
    const path = write('inventory.yaml', `all:\n  hosts:\n    web1:\n      ${value}\n`);
    const inventory = loadInventory(path, { playbookDir: dir, sources: new SourceCache(keyring()) });
    expect(hostVarsFromInventory(inventory, 'web1').db_password).toBe('inventory-secret-1');
  });

  it('decrypts whole encrypted vars files and -e @file, and every value in them becomes a secret', () => {
    const path = write('secrets.yaml', keyring().encrypt(Buffer.from('api_key: vars-file-secret-2\nnested:\n  - list-secret-3\nport: 8443\nraw: !unsafe unsafe-secret-4\n')));
    const sources = new SourceCache(keyring());
    const secrets = new SecretRegistry();
    sources.vault.onReveal((value) => secrets.addDecrypted(value));
    expect(JSON.parse(JSON.stringify(loadVarsFile(path, sources)))).toEqual({ api_key: 'vars-file-secret-2', nested: ['list-secret-3'], port: 8443, raw: 'unsafe-secret-4' });
    expect(parseExtraVars([`@${path}`], dir, sources)).toMatchObject({ api_key: 'vars-file-secret-2' });
    expect(secrets.maskText('vars-file-secret-2 list-secret-3 unsafe-secret-4 loader-password')).toBe('******** ******** ******** ********');
  });

  it('refuses an encrypted vars file when no password was given, at its first line', () => {
    const path = write('locked.yaml', keyring().encrypt(Buffer.from('a: 1\n')));
    let error: unknown;
    try {
      loadVarsFile(path, new SourceCache());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CxError);
    expect((error as CxError).describe()).toMatch(new RegExp(`^${path}:1: Attempting to decrypt but no vault secrets found\\n.*--vault-password-file`));
  });
});
