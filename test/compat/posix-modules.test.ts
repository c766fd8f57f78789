/**
 * The ansible.posix modules cxplay has natively (sysctl, mount,
 * authorized_key), where no ansible-playbook run can be compared with (the
 * differential playbooks are test/compat/modules/{mount,sysctl,authorized_key}.yaml):
 * mainly mount on a path the stand-ins have mounted, which Ansible, reading
 * the kernel's table, never sees. Each playbook in
 * test/compat/posix/ holds its own expectations, written from the module's
 * documentation and source (ansible-collections/ansible.posix): `assert`
 * tasks on the registered results and on the files and stand-in state under
 * `base`. It runs under cxplay (local connection, a fresh `base`), then again
 * with --check --diff on a fresh `base` (the assertions read
 * ansible_check_mode); every assertion must hold.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';

const playbooks = resolve(projectRoot, 'test', 'compat', 'posix');
const work = mkdtempSync(join(tmpdir(), 'cxplay-compat-posix-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const inventory = join(work, 'inventory.ini');
writeFileSync(inventory, 'localhost ansible_connection=local\n');

describe('ansible.posix modules: the results their documentation gives', () => {
  for (const playbook of readdirSync(playbooks).filter((name) => name.endsWith('.yaml'))) {
    it(`${playbook}: every assertion holds, in check mode too`, async () => {
      for (const extra of [[], ['--check', '--diff']]) {
        const base = mkdtempSync(join(work, `${playbook}-`));
        const run = await cxplay(['run', '-i', inventory, join(playbooks, playbook), '-e', `base=${base}`, ...extra, '-o', 'plain'], { cwd: playbooks });
        const label = `${extra.join(' ')}\n${run.stdout}${run.stderr}`;
        expect(run.code, label).toBe(0);
        const recap = parseRecap(run.stdout);
        expect(recap.localhost?.failed, label).toBe(0);
        expect(recap.localhost?.ok, label).toBeGreaterThan(0);
      }
    }, 300_000);
  }
});
