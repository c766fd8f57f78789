/**
 * A module no one has, on a host that is down: `ansible` connects before it
 * looks for the module, so the host is UNREACHABLE (exit 4); on a host it
 * reaches it is FAILED with "The module X was not found in configured module
 * paths" (exit 2). ansible-playbook refuses such a task when it loads the
 * playbook (exit 4), whatever the hosts. The unreachable host is a loopback
 * listener of this test that closes every connection. ansible's side is
 * recorded in test/references/adhoc-missing-module.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordedPlaybook, recordingName } from '../support/recorded-command.js';

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-adhoc-missing-'));
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ port } = server.address() as { port: number });
  writeFileSync(join(dir, 'inventory.ini'), `[ok]\nlh ansible_connection=local\n[bad]\ndead ansible_host=127.0.0.1 ansible_port=${port} ansible_user=nobody\n`);
  writeFileSync(join(dir, 'play.yaml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - no_such_module: x=1\n');
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ENV = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', NO_COLOR: '1' };
/** The listener's port differs per run. */
const normalise = (json: string) => json.replace(new RegExp(`\\b${port}\\b`, 'g'), '<PORT>');

/** Each host's status word in `HOST | STATUS! => {` lines and the message of a FAILED one. */
function statuses(stdout: string): string[] {
  return [...stdout.matchAll(/^(\S+) \| (\w+)!? (?:=>|\|)/gm)].map(([, host, status]) => `${host} ${status}`).sort();
}

describe.skipIf(!hasAnsible)('an unknown module on an unreachable host', () => {
  for (const [name, args] of [
    ['ad hoc, the host down', ['dead', '-m', 'no_such_module']],
    ['ad hoc, with name=value arguments, one host down and one up', ['all', '-m', 'no_such_module', '-a', 'x=1']],
  ] as const) {
    it(name, async () => {
      const env = { ...ENV, ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
      const full = ['-i', 'inventory.ini', '-T', '5', ...args];
      const [ours, ansible] = await Promise.all([
        cxplay(['adhoc', ...full], { cwd: dir, env }),
        recordedCommand({ name: `adhoc-missing-module/${recordingName(name)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible', args: full, cwd: dir, env, normalise }),
      ]);
      expect(ours.code, ours.stdout + ours.stderr).toBe(ansible.code);
      expect(statuses(ours.stdout)).toEqual(statuses(ansible.stdout));
      expect(statuses(ansible.stdout)).toContain('dead UNREACHABLE');
      if (ansible.stdout.includes('lh | FAILED')) expect(ours.stdout).toContain('"msg": "The module no_such_module was not found in configured module paths"');
    });
  }

  // Ansible's failure is raised by the task, not returned by a module: its result has no `changed` key.
  for (const [name, args] of [
    ['the failure is msg alone, as a block', []],
    ['the failure is msg alone, on one line', ['-o']],
    ['the failure is msg alone, in the --tree file', ['-t', 'tree']],
  ] as [string, string[]][]) {
    it(name, async () => {
      const env = { ...ENV, ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
      const full = ['-i', 'inventory.ini', 'lh', '-m', 'no_such_module', ...args];
      const tree = () => (args.includes('-t') ? readFileSync(join(dir, 'tree', 'lh'), 'utf8') : null);
      const ansible = await recordedCommand({ name: `adhoc-missing-module/${recordingName(name)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible', args: full, cwd: dir, env, collect: tree });
      rmSync(join(dir, 'tree'), { recursive: true, force: true });
      const ours = await cxplay(['adhoc', ...full], { cwd: dir, env });
      expect(ansible.stdout + (ansible.left ?? '')).not.toContain('changed');
      expect(ours.code).toBe(ansible.code);
      expect(ours.stdout).toBe(ansible.stdout);
      expect(tree()).toBe(ansible.left);
    });
  }

  it('in a playbook: refused as it loads, by both (exit 4), no host contacted', async () => {
    const [ours, ansible] = await Promise.all([
      cxplay(['run', '-i', 'inventory.ini', 'play.yaml', '-o', 'plain'], { cwd: dir }),
      recordedPlaybook({ name: 'adhoc-missing-module/playbook', inputs: [fileURLToPath(import.meta.url)], work: dir, args: ['-i', 'inventory.ini', 'play.yaml'], normalise }),
    ]);
    expect(ansible.code).toBe(4);
    expect(ansible.stderr).toContain("couldn't resolve module/action 'no_such_module'");
    expect(ours.code).toBe(ansible.code);
    expect(ours.stderr).toContain("unknown module 'no_such_module'");
    expect(ours.stdout).not.toContain('UNREACHABLE');
  });
});
