/**
 * A project with vault-encrypted group_vars (a whole file, made by
 * ansible-vault), an inline !vault host variable with a vault id, and an
 * encrypted copy source and template, run on lab hosts under
 * ansible-playbook and under cxplay: the same recap and the same files.
 * cxplay's run at -vvv --diff, its JSON events, the process arguments on the
 * hosts and the controller, and the files it leaves in the temp directory
 * never hold a decrypted value or a vault password. What ansible-vault
 * encrypted (its salt is random: the files it made once are as genuine as new
 * ones) and ansible-playbook's run are recorded in test/references/vault-lab
 * while this file is unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, runCommand, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { scratch, watchProcessArguments, type Scratch } from '../reliability/support.js';

const HOSTS = ['node1', 'node2'];
const DB_PASSWORD = 'Lab-Db-Secret-5521';
const TOKEN = 'Lab-Api-Token-8830';
const FILE_SECRET = 'file-body-secret-7719';
const TEMPLATE_SECRET = 'template-text-secret-4402';
const PASSWORDS = ['lab-default-pass-1', 'lab-prod-pass-2'];
const SECRETS = [DB_PASSWORD, TOKEN, FILE_SECRET, TEMPLATE_SECRET, ...PASSWORDS];
let work: Scratch;

const vaultArgs = ['--vault-password-file', 'pw', '--vault-id', 'prod@prodpw'];
const INPUTS = [fileURLToPath(import.meta.url)];
const ENCRYPTED = ['group_vars/web.yml', 'files/secret.txt', 'templates/app.conf.j2'];

/** The project's vault files as ansible-vault encrypted them (whole files, an encrypt_string value in host_vars), recorded while this file is unchanged. */
function madeByAnsibleVault(): Promise<Record<string, string>> {
  return ansibleReference({ name: 'vault-lab/made-by-ansible-vault', inputs: INPUTS, work: work.dir }, async () => {
    const vault = async (args: readonly string[]) => {
      const result = await runCommand('ansible-vault', args, { cwd: work.dir });
      if (result.code !== 0) throw new Error(`ansible-vault ${args.join(' ')}: ${result.stderr}`);
      return result;
    };
    work.write('group_vars/web.yml', `db_password: ${DB_PASSWORD}\napp_port: 8443\n`);
    work.write('files/secret.txt', `${FILE_SECRET}\n`);
    work.write('templates/app.conf.j2', `# ${TEMPLATE_SECRET}\ndb={{ db_password }}\nport={{ app_port }}\n`);
    for (const file of ENCRYPTED) await vault(['encrypt', file, '--vault-password-file', 'pw']);
    work.write('host_vars/node1.yml', `${(await vault(['encrypt_string', '--vault-id', 'prod@prodpw', '--name', 'api_token', TOKEN])).stdout}\n`);
    return Object.fromEntries([...ENCRYPTED, 'host_vars/node1.yml'].map((name) => [name, readFileSync(work.path(name), 'utf8')]));
  });
}

beforeAll(async () => {
  work = scratch('vault-lab');
  work.write('pw', `${PASSWORDS[0]}\n`);
  work.write('prodpw', `${PASSWORDS[1]}\n`);
  for (const [name, text] of Object.entries(await madeByAnsibleVault())) work.write(name, text);
  work.write('playbook.yaml', [
    {
      name: 'Vault',
      hosts: 'web',
      gather_facts: false,
      tasks: [
        { name: 'Directory', file: { path: '/opt/vault', state: 'directory', mode: '0755' } },
        { name: 'Password file', copy: { content: '{{ db_password }}\n', dest: '/opt/vault/db', mode: '0600' } },
        { name: 'Encrypted source', copy: { src: 'secret.txt', dest: '/opt/vault/copied', mode: '0600' } },
        { name: 'Encrypted template', template: { src: 'app.conf.j2', dest: '/opt/vault/app.conf', mode: '0644' } },
        { name: 'Token', copy: { content: '{{ api_token }}\n', dest: '/opt/vault/token', mode: '0600' }, when: 'api_token is defined' },
        { name: 'Shown', debug: { msg: 'db {{ db_password }}' } },
        { name: 'Read back', command: 'cat /opt/vault/db /opt/vault/copied', register: 'read', changed_when: false },
      ],
    },
  ]);
});

afterAll(() => work?.remove());

const LAB_OPTIONS = { names: HOSTS, groups: { web: HOSTS }, vars: { ansible_python_interpreter: '/usr/bin/python3' } };

async function snapshot(lab: Lab): Promise<Record<string, string>> {
  const listing: Record<string, string> = {};
  for (const host of HOSTS) {
    listing[host] = (await lab.exec(host, 'cd /opt/vault && for f in *; do echo "$f $(stat -c %a "$f") $(sha256sum < "$f" | cut -c1-16)"; done')).stdout;
  }
  return listing;
}

/** ansible-playbook's run on a lab of its own and the files it left there, recorded while this file is unchanged. */
function ansibleRun(): Promise<{ result: CommandResult; files: Record<string, string> }> {
  return labReference({ name: 'vault-lab/playbook', inputs: INPUTS, work: work.dir, lab: LAB_OPTIONS }, async (target) => {
    const result = await ansiblePlaybook(['-i', target.inventoryPath, 'playbook.yaml', ...vaultArgs], { cwd: work.dir, work: work.dir });
    return { result, files: await snapshot(target) };
  });
}

function newTempEntries(before: ReadonlySet<string>): string[] {
  return readdirSync(tmpdir()).filter((name) => !before.has(name)).map((name) => join(tmpdir(), name));
}

describe.skipIf(!hasAnsible)('vault-encrypted group_vars, host_vars, copy and template sources on lab hosts', () => {
  it('runs as ansible-playbook does, and no decrypted value or password shows anywhere', async () => {
    const cxLab = await Lab.start(LAB_OPTIONS);
    try {
      const { result: reference, files: theirFiles } = await ansibleRun();
      expect(reference.code, reference.stdout + reference.stderr).toBe(0);

      const tempBefore = new Set(readdirSync(tmpdir()));
      const stopWatching = await watchProcessArguments(cxLab, HOSTS, SECRETS);
      const plain = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'plain', '-vvv', '--diff', ...vaultArgs], { cwd: work.dir });
      await cxLab.exec('node1', 'rm -rf /opt/vault');
      const json = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'json', '--diff', ...vaultArgs], { cwd: work.dir });
      const hits = await stopWatching();

      expect(plain.code, plain.stdout + plain.stderr).toBe(0);
      expect(parseRecap(plain.stdout)).toEqual(parseRecap(reference.stdout));
      expect(await snapshot(cxLab)).toEqual(theirFiles);
      expect((await cxLab.exec('node1', 'cat /opt/vault/db /opt/vault/copied /opt/vault/token /opt/vault/app.conf')).stdout).toBe(
        `${DB_PASSWORD}\n${FILE_SECRET}\n${TOKEN}\n# ${TEMPLATE_SECRET}\ndb=${DB_PASSWORD}\nport=8443\n`,
      );
      expect(plain.stdout).toContain('db ********');

      expect(json.code, json.stderr).toBe(0);
      const events = json.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string });
      expect(events.some((event) => event.type === 'host_result')).toBe(true);
      for (const secret of SECRETS) {
        expect(plain.stdout + plain.stderr, secret).not.toContain(secret);
        expect(json.stdout + json.stderr, secret).not.toContain(secret);
      }
      expect(hits).toEqual([]);
      const leftBehind = newTempEntries(tempBefore);
      const grep = leftBehind.length === 0 ? { stdout: '' } : await runCommand('grep', ['-rlsF', ...SECRETS.flatMap((secret) => ['-e', secret]), ...leftBehind]);
      expect(grep.stdout).toBe('');
    } finally {
      await cxLab.stop();
    }
  }, 300_000);
});
