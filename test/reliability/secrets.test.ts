/**
 * no_log values never show: not in plain output (at -vvv too), JSON output,
 * the retry file, diffs, error messages, loop labels, check+diff mode, nor in
 * the arguments of any process on the target or the controller while the
 * run goes (secrets travel in scripts on stdin: copy and template content,
 * environment, a command's stdin). Once a no_log result has revealed a
 * value, any later output holding it shows it masked.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplayRun, labInventory, scratch, watchProcessArguments, type Scratch } from './support.js';

const SECRET = 'S3cr3t-Value-x9Q';
const SSH_PASSWORD = 'Lab-Passw0rd-7Kz';
let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('secrets');
  work.write('inventory.yaml', labInventory(lab, { node1: { ansible_password: SSH_PASSWORD } }));
  work.write('templates/secret.hbs', 'token={{ db_password }}\n');
  const hidden = { no_log: true };
  work.write('playbook.yaml', [
    {
      name: 'Secrets',
      hosts: 'all',
      gather_facts: false,
      vars: { db_password: SECRET },
      tasks: [
        { name: 'Secret file', copy: { content: 'password={{ db_password }}\n', dest: '/opt/secret.conf', mode: '0600' }, ...hidden },
        { name: 'Secret on stdin and in the environment', shell: { cmd: 'cat > /opt/from-stdin; sleep 2', stdin: '{{ db_password }}', stdin_add_newline: false }, environment: { PW: '{{ db_password }}' }, ...hidden },
        { name: 'Secret in a warning of a no_log task', command: { cmd: '/bin/true', executable: '{{ db_password }}' }, ...hidden },
        { name: 'Secret template', template: { src: 'secret.hbs', dest: '/opt/secret.tpl', mode: '0600' }, ...hidden },
        { name: 'Reveal it to a no_log result', debug: { msg: '{{ db_password }}' }, ...hidden },
        { name: 'Secret in a loop', debug: { msg: '{{ item }}' }, loop: ['{{ db_password }}', 'plain-item'], ...hidden },
        { name: 'Secret in a failing no_log task', fail: { msg: 'cannot use {{ db_password }}' }, ignore_errors: true, ...hidden },
        { name: 'Secret in a warning without no_log', command: { cmd: '/bin/true', executable: '{{ db_password }}' } },
        { name: 'Connection password shown by a task without no_log', debug: { msg: 'ssh {{ ansible_password }}' } },
        { name: 'Secret shown by a task without no_log', debug: { msg: 'leak {{ db_password }}' } },
        { name: 'Secret in a diff without no_log', copy: { content: 'again {{ db_password }}\n', dest: '/opt/again' } },
        { name: 'Secret in a failure without no_log', fail: { msg: 'refusing {{ db_password }}' } },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

const modes: [string, string[]][] = [
  ['plain at -vvv with --diff', ['-vvv', '--diff']],
  ['JSON', ['-o', 'json', '--diff']],
  ['check and diff at -vvv', ['--check', '--diff', '-vvv']],
];

describe('no_log values', () => {
  it('control: the watchers do see a secret passed as a process argument', async () => {
    const stopWatching = await watchProcessArguments(lab, ['node1'], [SECRET]);
    await Promise.all([
      lab.exec('node1', `sh -c 'sleep 2' ${SECRET}`),
      promisify(execFile)(process.execPath, ['-e', 'setTimeout(() => {}, 2000)', SECRET]),
    ]);
    const hits = await stopWatching();
    expect(hits.some((hit) => hit.startsWith('sh -c sleep 2'))).toBe(true);
    expect(hits.some((hit) => hit.includes('setTimeout'))).toBe(true);
  });

  it.each(modes)('never show in %s output, the retry file, or process arguments', async (_mode, flags) => {
    await lab.exec('node1', 'rm -f /opt/secret.conf /opt/secret.tpl /opt/from-stdin /opt/again');
    const retryFile = work.path(`run-${flags.join('')}.retry`);
    const stopWatching = await watchProcessArguments(lab, ['node1'], [SECRET]);
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '--retry-file', retryFile, ...flags], { cwd: work.dir });
    const hits = await stopWatching();

    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(2);
    expect(output).not.toContain(SECRET);
    expect(output).toContain("the output has been hidden due to the fact that 'no_log: true' was specified for this result");
    expect(output).toContain('leak ********');
    expect(output).toContain('refusing ********');
    expect(output).toContain('again ********');
    expect(output).not.toContain(SSH_PASSWORD);
    expect(output).toContain('ssh ********');
    if (!flags.includes('--check')) expect(output).toContain("Not using '********'");
    expect(output).not.toContain('plain-item');
    expect(readFileSync(retryFile, 'utf8')).toBe('node1\n');
    expect(hits).toEqual([]);
    if (!flags.includes('--check')) {
      expect((await lab.exec('node1', 'cat /opt/secret.conf /opt/secret.tpl /opt/from-stdin')).stdout).toBe(`password=${SECRET}\ntoken=${SECRET}\n${SECRET}`);
    }
  }, 60_000);
});
