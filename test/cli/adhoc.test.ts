/**
 * `cxplay adhoc` side by side with `ansible` 2.14 on the same inventory:
 * command/shell output blocks (`HOST | CHANGED | rc=0 >>`), -o one-liners,
 * JSON results (`HOST | SUCCESS => {...}`), a failure, an unreachable host
 * (a loopback listener of this test that closes every connection), a pattern
 * that matches nothing, --list-hosts; the same text and the same exit code.
 * ansible's side is recorded in test/references/adhoc while this file is
 * unchanged (test/support/ansible-reference.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

/** [name, arguments after the inventory, what is compared: the whole output, its first line, or the whole output with job ids and times masked]. */
const CASES: [string, string[], 'all' | 'first line' | 'masked'][] = [
  ['command, the default module', ['lh', '-a', 'echo hi'], 'all'],
  ['shell that fails, with stderr', ['lh', '-m', 'shell', '-a', 'echo out; echo err >&2; exit 3'], 'all'],
  ['command -o', ['lh', '-a', 'echo hi', '-o'], 'all'],
  ['shell -o with stderr', ['lh', '-m', 'shell', '-a', 'printf "a\\nb"; echo e >&2', '-o'], 'all'],
  ['debug with key=value arguments', ['lh', '-m', 'debug', '-a', 'msg=yo'], 'all'],
  ['debug -o', ['lh', '-m', 'debug', '-a', 'msg=yo', '-o'], 'all'],
  ['a module with a JSON result', ['lh', '-m', 'ping'], 'first line'],
  ['a failed module', ['lh', '-m', 'fail', '-a', 'msg=boom'], 'first line'],
  ['an unreachable host', ['dead', '-m', 'ping'], 'first line'],
  ['an unreachable host and a failed one', ['all', '-m', 'fail', '-a', 'msg=boom'], 'first line'],
  ['a pattern that matches nothing', ['nothere', '-m', 'ping'], 'all'],
  ['--list-hosts', ['all', '--list-hosts'], 'all'],
  ['-e in the arguments', ['lh', '-m', 'debug', '-a', 'msg={{ greeting }}', '-e', 'greeting=hello'], 'all'],
  // The interpreter is given: Ansible's result would otherwise carry the discovered one (see README: Ad-hoc commands).
  ['-B with -P 0: a background job not waited for', ['lh', '-B', '10', '-P', '0', '-a', 'sleep 1', '-e', 'ansible_python_interpreter=/usr/bin/python3'], 'masked'],
  ['-B with -P 1: a background job polled to its end', ['lh', '-B', '10', '-P', '1', '-a', 'sleep 1'], 'masked'],
  ['-B -P 1 -o', ['lh', '-B', '10', '-P', '1', '-a', 'sleep 1', '-o'], 'masked'],
  // ansible fails each host with it (exit 2); the message is checked below.
  ['an unknown module', ['lh', '-m', 'no_such_module'], 'first line'],
  ['an unknown module with name=value arguments', ['lh', '-m', 'no_such_module', '-a', 'x=1', '-o'], 'first line'],
  // Free-form words to a module that takes none: refused before the run by both (exit 4).
  ['an unknown module with free-form words', ['lh', '-m', 'no_such_module', '-a', 'free form'], 'first line'],
  // A bad argument fails each host with the module's message (exit 2), as ansible: not a load error as in a playbook.
  ['file with a state it does not know', ['lh', '-m', 'file', '-a', 'path=/nonexistent/x state=bogus'], 'first line'],
  ['file with an unknown argument', ['lh', '-m', 'file', '-a', 'path=/nonexistent/x bogus=1', '-o'], 'first line'],
  ['file without its required path', ['lh', '-m', 'file', '-a', 'state=touch'], 'first line'],
  ['copy with an unknown argument', ['lh', '-m', 'copy', '-a', 'content=x dest=/nonexistent/y bogus=1'], 'first line'],
  // ansible connects before the module checks its arguments: a host that is down is UNREACHABLE (exit 4), the other FAILED.
  ['a bad argument on an unreachable host and a reachable one', ['all', '-m', 'file', '-a', 'path=/nonexistent/x state=bogus'], 'first line'],
  ['copy without src or content on an unreachable host', ['dead', '-m', 'copy', '-a', 'dest=/nonexistent/y'], 'first line'],
  ['--playbook-dir: playbook_dir, its group_vars/ and files/', ['lh', '--playbook-dir', 'elsewhere', '-m', 'debug', '-a', 'msg={{playbook_dir|basename}}:{{from_elsewhere}}:{{lookup("file","note.txt")}}'], 'all'],
];

/** A job's id, start, end and delta differ from run to run. */
function masked(output: string): string {
  return output
    .replace(/j\d+\.\d+/g, 'JOB')
    .replace(/"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+"/g, '"TIME"')
    .replace(/"\d+:\d\d:\d\d\.\d+"/g, '"DELTA"');
}

describe.skipIf(!hasAnsible)('cxplay adhoc prints what ansible prints', () => {
  let dir: string;
  let server: Server;
  let port: number;

  /**
   * `ansible ARGS` in the test's directory, recorded as adhoc/NAME while this
   * file (which writes the inventory and the files beside it) is unchanged;
   * `collect` reads what it left. The unreachable host's port, which differs
   * per run, is written <PORT>.
   */
  function ansible<T = null>(name: string, args: readonly string[], env: NodeJS.ProcessEnv, collect?: () => T) {
    const normalise = (json: string) => json.replace(new RegExp(`\\b${port}\\b`, 'g'), '<PORT>');
    return recordedCommand({ name: `adhoc/${recordingName(name)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible', args, cwd: dir, env, collect, normalise });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxplay-adhoc-'));
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ port } = server.address() as { port: number });
    writeFileSync(join(dir, 'inventory.ini'), `[ok]\nlh ansible_connection=local\n[bad]\ndead ansible_host=127.0.0.1 ansible_port=${port} ansible_user=nobody\n`);
    mkdirSync(join(dir, 'elsewhere', 'group_vars'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere', 'files'));
    writeFileSync(join(dir, 'elsewhere', 'group_vars', 'all.yml'), 'from_elsewhere: group_vars beside the playbook dir\n');
    writeFileSync(join(dir, 'elsewhere', 'files', 'note.txt'), 'a file of the playbook dir\n');
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)('%s', async (_name, args, compared) => {
    const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp'), ANSIBLE_DEPRECATION_WARNINGS: '0', NO_COLOR: '1' };
    const [ours, theirs] = await Promise.all([
      cxplay(['adhoc', '-i', 'inventory.ini', '-T', '5', ...args], { cwd: dir, env }),
      ansible(`case ${_name}`, ['-i', 'inventory.ini', '-T', '5', ...args], env),
    ]);
    expect(ours.code, ours.stderr).toBe(theirs.code);
    const shown = (output: string) => (compared === 'all' ? output : compared === 'masked' ? masked(output) : output.split('\n').filter((line) => / \| /.test(line)).map((line) => line.replace(/=>.*/, '=>')).sort().join('\n'));
    expect(shown(ours.stdout)).toBe(shown(theirs.stdout));
    const warnings = (output: string) => output.split('\n').filter((line) => line.startsWith('[WARNING]'));
    expect(warnings(ours.stderr)).toEqual(warnings(theirs.stderr));
  });

  it.each([
    // The interpreter is given: Ansible's result would otherwise carry the discovered one.
    ['ping: one line; an unreachable host has its file too', ['all', '-m', 'ping', '-e', 'ansible_python_interpreter=/usr/bin/python3']],
    ['debug: indented, as its result is always verbose', ['lh', '-m', 'debug', '-a', 'msg=yo']],
    ['a failure', ['lh', '-m', 'fail', '-a', 'msg=boom']],
    ['-vvv: indented', ['lh', '-m', 'debug', '-a', 'msg=yo', '-vvv']],
  ])('-t DIR writes one JSON file per host as ansible does: %s', async (name, args) => {
    const tree = (engine: string) => join(dir, `tree-${engine}-${name.replace(/\W+/g, '-')}`);
    const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
    const files = (engine: string): Record<string, string> => Object.fromEntries(readdirSync(tree(engine)).sort().map((host) => [host, readFileSync(join(tree(engine), host), 'utf8')]));
    const [ours, theirs] = await Promise.all([
      cxplay(['adhoc', '-i', 'inventory.ini', '-T', '5', '-t', tree('cxplay'), ...args], { cwd: dir, env }),
      ansible(`tree ${name}`, ['-i', 'inventory.ini', '-T', '5', '-t', tree('ansible'), ...args], env, () => files('ansible')),
    ]);
    expect(ours.code, ours.stderr).toBe(theirs.code);
    const [mine, reference] = [files('cxplay'), theirs.left];
    expect(Object.keys(mine)).toEqual(Object.keys(reference));
    // The words of a connection failure are ssh's in Ansible: the unreachable host's file is compared by its keys.
    if (reference.dead) expect(Object.keys(JSON.parse(mine.dead!) as object)).toEqual(Object.keys(JSON.parse(reference.dead) as object));
    expect(mine.lh).toBe(reference.lh);
  });

  it("an unknown module fails each host with ansible's message", async () => {
    const args = ['-i', 'inventory.ini', 'lh', '-m', 'no_such_module', '-o'];
    const [ours, theirs] = await Promise.all([cxplay(['adhoc', ...args], { cwd: dir }), ansible('unknown module message', args, {})]);
    const message = '"msg": "The module no_such_module was not found in configured module paths"';
    expect(theirs.stdout).toContain(message);
    expect(ours.stdout).toContain(message);
  });

  it.each([
    ['path=/nonexistent/x state=bogus', "file: 'state' must be one of file, directory, link, hard, touch, absent; got 'bogus'", 'value of state must be one of: absent, directory, file, hard, link, touch, got: bogus'],
    ['path=/nonexistent/x bogus=1', "file: unknown argument 'bogus'", 'Unsupported parameters for (file) module: bogus.'],
    ['state=touch', "file: 'path' is required", 'missing required arguments: path'],
  ])('-m file -a %j: each host fails with the message (ansible says it in its words)', async (moduleArgs, mine, reference) => {
    const args = ['-i', 'inventory.ini', 'lh', '-m', 'file', '-a', moduleArgs];
    const [ours, theirs] = await Promise.all([cxplay(['adhoc', ...args], { cwd: dir }), ansible(`file message ${moduleArgs}`, args, {})]);
    expect([theirs.code, theirs.stdout]).toEqual([2, expect.stringContaining(reference)]);
    expect([ours.code, ours.stderr]).toEqual([2, '']);
    expect(ours.stdout).toMatch(/^lh \| FAILED! => \{/);
    expect((JSON.parse(ours.stdout.slice(ours.stdout.indexOf('{'))) as { msg: string }).msg).toContain(mine);
  });

  it('command without -a is an error of the command line, with the same words and exit code', async () => {
    const [ours, theirs] = await Promise.all([cxplay(['adhoc', '-i', 'inventory.ini', 'lh'], { cwd: dir }), ansible('command without -a', ['-i', 'inventory.ini', 'lh'], {})]);
    expect(theirs.stderr).toContain('ERROR! No argument passed to command module');
    expect(ours.stderr).toContain('ERROR! No argument passed to command module');
    expect(ours.code).toBe(theirs.code);
  });
});
