/**
 * Ansible's implicit localhost, side by side with ansible-playbook 2.14: with
 * an inventory that does not list it, a play for `localhost`, `127.0.0.1` or
 * `::1` runs on the controller with ansible_connection local and the
 * controller's Python as ansible_python_interpreter, and is in no group; a
 * name that is not a localhost name still matches nothing. A `localhost` the
 * inventory lists without ansible_connection is a host like any other: ssh.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { recordedCommand, recordedPlaybook } from '../support/recorded-command.js';

const PLAY = (pattern: string) =>
  `- hosts: '${pattern}'\n  gather_facts: false\n  tasks:\n` +
  "    - debug: {msg: \"seen {{ inventory_hostname }} {{ ansible_connection }} {{ ansible_python_interpreter }} {{ group_names }} {{ groups['all'] }}\"}\n" +
  '    - command: echo ran\n';

describe.skipIf(!hasAnsible)('the implicit localhost as ansible-playbook 2.14', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxplay-implicit-localhost-'));
    writeFileSync(join(dir, 'web.ini'), '[web]\nw1 ansible_host=127.0.0.9\n');
    writeFileSync(join(dir, 'play.yml'), ['localhost', '127.0.0.1', '::1', 'localhost2'].map(PLAY).join(''));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('localhost, 127.0.0.1 and ::1 run locally; another name matches nothing', async () => {
    const [ours, theirs] = await Promise.all([cxplay(['run', '-i', 'web.ini', '-o', 'plain', 'play.yml'], { cwd: dir }), recordedPlaybook({ name: 'implicit-localhost/play.yml', inputs: [fileURLToPath(import.meta.url)], work: dir, args: ['-i', 'web.ini', 'play.yml'] })]);
    expect(ours.code, ours.stderr).toBe(theirs.code);
    const seen = (output: string) => output.match(/seen [^"]*/g);
    expect(seen(ours.stdout)).toEqual(seen(theirs.stdout));
    expect(seen(ours.stdout)).toHaveLength(3);
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(theirs.stdout));
    const warning = 'Could not match supplied host pattern, ignoring: localhost2';
    expect(theirs.stderr + theirs.stdout).toContain(warning);
    expect(ours.stderr).toContain(warning);
  });

  it('a localhost the inventory lists, without ansible_connection, connects with ssh (unreachable here), as ansible', async () => {
    // A listener of this test that closes every connection: the ssh handshake fails at once.
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      writeFileSync(join(dir, 'listed.ini'), `[web]\nlocalhost ansible_port=${port}\n`);
      const args = ['-i', 'listed.ini', 'localhost', '-m', 'ping', '-T', '5'];
      const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
      // Recorded while this file is unchanged; the listener's port, which differs per run, written <PORT>.
      const normalise = (json: string) => json.replace(new RegExp(`\\b${port}\\b`, 'g'), '<PORT>');
      const ansible = recordedCommand({ name: 'implicit-localhost/listed', inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible', args, cwd: dir, env, normalise });
      const [ours, theirs] = await Promise.all([cxplay(['adhoc', ...args], { cwd: dir, env }), ansible]);
      expect(theirs.stdout).toMatch(/^localhost \| UNREACHABLE! =>/);
      expect(ours.stdout).toMatch(/^localhost \| UNREACHABLE! =>/);
      expect(ours.code).toBe(theirs.code);
    } finally {
      server.close();
    }
  });

  // With no inventory, `ansible` says the hosts list is empty unless the pattern is a localhost name (or localhost_warning is off).
  for (const [pattern, env] of [
    ['localhost', {}],
    ['127.0.0.1', {}],
    ['all', {}],
    ['all', { ANSIBLE_LOCALHOST_WARNING: 'false' }],
  ] as [string, Record<string, string>][]) {
    it(`no inventory, ad hoc on ${pattern} ${JSON.stringify(env)}: ansible's warnings`, async () => {
      const args = [pattern, '-m', 'ping', '-e', 'ansible_python_interpreter=/usr/bin/python3'];
      const full = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp'), ...env };
      const [ours, theirs] = await Promise.all([
        cxplay(['adhoc', ...args], { cwd: dir, env: full }),
        recordedCommand({ name: `implicit-localhost/no-inventory-${pattern}-${Object.keys(env).join('-')}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible', args, cwd: dir, env: full }),
      ]);
      const warnings = (stderr: string) => stderr.replace(/\n(?!\[WARNING\]|$)/g, ' ');
      expect(ours.code).toBe(theirs.code);
      expect(warnings(ours.stderr)).toBe(warnings(theirs.stderr));
    });
  }
});
