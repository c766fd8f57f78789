/**
 * ping, measured against Ansible 2.14's (the same tasks under
 * ansible-playbook on localhost, when it is installed): `ping: pong`,
 * `ping: <data>` for any data (quotes, `$(…)`, newlines arrive literally),
 * check mode the same, and `data: crash` fails as Ansible's does when its
 * module raises.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findModule } from '../../engine/modules/registry.js';
import { hasAnsible } from '../support/ansible.js';
import { recordedCommand } from '../support/recorded-command.js';
import { runModule, tempDir } from './context.js';

const ping = findModule('ansible.builtin.ping')!;
const work = tempDir();
afterAll(() => work.cleanup());

const cases: [string, Record<string, unknown>, boolean][] = [
  ['no data', {}, false],
  ['data with quotes, $(…) and a newline', { data: `it's "$(touch ${work.path}/pinged)"\nline 2` }, false],
  ['check mode', { data: 'checked' }, true],
  ['data=crash', { data: 'crash' }, false],
];

const CRASH = { changed: false, failed: true, msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error', rc: 1, module_stdout: '', module_stderr: 'Exception: boom\n' };

describe('ping', () => {
  it.each(cases.slice(0, 3))('%s: answers with the data in one exec', async (_title, args, check) => {
    const { result, execs } = await runModule(ping, { args, check });
    expect(result).toEqual({ changed: false, ping: (args.data as string | undefined) ?? 'pong' });
    expect(execs).toBe(1);
  });

  it('data=crash fails the task as an exception in the module does', async () => {
    expect((await runModule(ping, { args: { data: 'crash' } })).result).toEqual(CRASH);
  });

  // ansible-playbook takes long to start on a busy machine: one run for every case.
  it.skipIf(!hasAnsible)('gives the results ansible-playbook gives', { timeout: 300_000 }, async () => {
    const tasks = cases.map(([, args, check], index) => ({ ping: args, check_mode: check, register: `r${index}`, ignore_errors: true }));
    const collect = { copy: { dest: join(work.path, 'results.json'), content: `{{ [${cases.map((_, index) => `r${index}`).join(', ')}] | to_json }}` } };
    const playbook = join(work.path, 'ping.yaml');
    writeFileSync(playbook, stringify([{ hosts: 'localhost', gather_facts: false, tasks: [...tasks, collect] }]));
    // Ansible's run and the results it wrote, recorded while this file (which writes the playbook) is unchanged.
    const run = await recordedCommand({
      name: 'ping/results',
      inputs: [fileURLToPath(import.meta.url)],
      work: work.path,
      command: 'ansible-playbook',
      args: ['-c', 'local', playbook],
      env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCALHOST_WARNING: '0' },
      collect: () => JSON.parse(readFileSync(join(work.path, 'results.json'), 'utf8')) as Record<string, unknown>[],
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const reference = run.left;
    for (const [index, [title, args, check]] of cases.entries()) {
      const { result } = await runModule(ping, { args, check });
      // A registered result also has `failed` (false too) and, after a crash, the traceback.
      const { module_stderr: theirStderr, exception: _exception, failed, ...rest } = reference[index]!;
      const theirs = failed === true ? { ...rest, failed } : rest;
      const { module_stderr: ourStderr, ...ours } = result;
      expect(ours, title).toEqual(theirs);
      if (ourStderr !== undefined) expect(String(theirStderr), title).toMatch(/Exception: boom\n$/);
    }
  });
});
