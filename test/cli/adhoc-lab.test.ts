/**
 * `cxplay adhoc` and `ansible` 2.14 on the same lab hosts over SSH: the
 * same blocks per host (in whatever order the hosts finish), the same exit
 * code, with become to another user and with -o. ansible's runs are
 * recorded in test/references/adhoc-lab while this file is unchanged.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, runCommand, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { recordingName } from '../support/recorded-command.js';

let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start({ hosts: 2 });
});
afterAll(async () => {
  await lab?.stop();
});

/** Each host's block, the blocks sorted; a JSON result stands as `=>` (its times and Python facts differ between the engines). */
function blocks(output: string): string[] {
  return output.split(/\n(?=\S+ \| )/).map((block) => block.trimEnd().replace(/ => [{][^]*$/, ' =>')).sort();
}

/** The environment both commands run with on LAB: no colour, Ansible's temp files and control sockets in the lab's directory. */
const environment = (target: Lab) => ({ ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(target.dir, 'ansible-local'), ANSIBLE_SSH_CONTROL_PATH_DIR: join(target.dir, 'cp'), ANSIBLE_REMOTE_TMP: '/tmp/.ansible-remote', ANSIBLE_PIPELINING: '1', NO_COLOR: '1' });

/** `ansible ARGS` on a lab of its own, recorded while this file is unchanged. */
function ansible(args: readonly string[]): Promise<CommandResult> {
  return labReference({ name: `adhoc-lab/${recordingName(...args)}`, inputs: [fileURLToPath(import.meta.url)], work: lab.dir, lab: { hosts: 2 }, settings: { args } }, async (target) => {
    const { code, stdout, stderr } = await runCommand('ansible', ['-i', target.inventoryPath, ...args], { cwd: target.dir, env: environment(target) });
    return { code, stdout, stderr };
  });
}

describe.skipIf(!hasAnsible)('cxplay adhoc on lab hosts as ansible', () => {
  it.each([
    ['a command on every host', ['all', '-a', 'hostname']],
    ['become to another user', ['all', '-m', 'shell', '-a', 'id -un; echo "$HOME"', '-b', '--become-user', 'nobody']],
    ['one line per host, a failure on one', ['all', '-m', 'shell', '-a', 'test "$(hostname)" = node1', '-o']],
  ])('%s', async (_name, args) => {
    const [ours, theirs] = await Promise.all([cxplay(['adhoc', '-i', lab.inventoryPath, ...args], { cwd: lab.dir, env: environment(lab) }), ansible(args)]);
    expect(ours.code, ours.stderr).toBe(theirs.code);
    expect(blocks(ours.stdout)).toEqual(blocks(theirs.stdout));
    expect(blocks(ours.stdout)).toHaveLength(2);
  });
});
