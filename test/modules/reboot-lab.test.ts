/**
 * wait_for_connection and reboot over SSH on lab hosts, side by side with
 * ansible-playbook: reboot runs the stand-in `shutdown` of test/standins
 * (found through search_paths, or named by reboot_command), which gives the
 * host a new boot id (read by boot_time_command) and drops the SSH session
 * that ran it, as a real reboot does; both engines must reconnect, see the
 * new boot id, run test_command, and give the same recap, results (but the
 * measured `elapsed`) and the same stand-in log. Check mode reboots nothing.
 * This machine is never rebooted: no real shutdown is run. ansible-playbook's
 * run is recorded in test/references/reboot-lab while this file and the
 * stand-ins are unchanged.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { sharedStandins } from '../support/standins.js';
import { scratch, type Scratch } from '../reliability/support.js';

const standins = sharedStandins();
const STATE = '/tmp/standin-shutdown';
const BOOT_ID = `cat ${STATE}/boot_id`;
let work: Scratch;

beforeAll(() => {
  work = scratch('reboot-lab');
  work.write('playbook.yaml', [
    {
      name: 'Reboot',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'First boot', shell: `mkdir -p ${STATE} && echo first-boot > ${STATE}/boot_id`, check_mode: false },
        { name: 'Reachable', wait_for_connection: { timeout: 60, connect_timeout: 5, sleep: 1 }, register: 'waited' },
        { name: 'Reboot with shutdown from the search paths', reboot: { search_paths: [standins.dir], boot_time_command: BOOT_ID, reboot_timeout: 120, msg: 'Rebooting for the test' }, register: 'rebooted' },
        { name: 'Reboot with a command and a test', reboot: { reboot_command: `${standins.dir}/shutdown -r now`, boot_time_command: BOOT_ID, test_command: `test -s ${STATE}/shutdown.log`, post_reboot_delay: 1, connect_timeout: 10 }, register: 'commanded' },
        { name: 'A reboot command not found', reboot: { search_paths: ['/nonexistent'], boot_time_command: BOOT_ID }, register: 'missing', ignore_errors: true },
        { name: 'A boot time that cannot be read', reboot: { search_paths: [standins.dir], boot_time_command: 'cat /nonexistent/boot_id' }, register: 'no_boot_time', ignore_errors: true },
        {
          name: 'Results',
          check_mode: false,
          copy: { dest: `${STATE}/results.json`, content: "{{ {'waited': waited, 'rebooted': rebooted, 'commanded': commanded, 'missing': missing, 'no_boot_time': no_boot_time} | to_json }}" },
        },
      ],
    },
  ]);
});
afterAll(() => {
  work?.remove();
  standins.remove();
});

const LAB_OPTIONS = { names: ['boot1'], vars: { ansible_python_interpreter: '/usr/bin/python3' } };
const startLab = () => Lab.start(LAB_OPTIONS);

/** The registered results: `elapsed` (measured) as its type; `failed: false` dropped (cxplay leaves it out). */
async function results(lab: Lab): Promise<Record<string, Record<string, unknown>>> {
  const text = (await lab.exec('boot1', `cat ${STATE}/results.json`)).stdout;
  return JSON.parse(text, (key, value: unknown) => (key === 'elapsed' ? typeof value : key === 'failed' && value !== true ? undefined : value)) as Record<string, Record<string, unknown>>;
}

/**
 * What differs by design: Ansible runs the boot time command on a terminal
 * (stderr arrives in stdout, lines end in \r\n: the README's `raw` note),
 * and a reboot command not found is an error there, with no `changed` key
 * (cxplay's results always have it). Those are checked on their own.
 */
async function comparable(lab: Lab): Promise<Record<string, Record<string, unknown>>> {
  const all = await results(lab);
  const { msg: _msg, ...noBootTime } = all.no_boot_time!;
  const { changed: _changed, ...missing } = all.missing!;
  return { ...all, no_boot_time: noBootTime, missing };
}

/** The stand-in log on LAB: the arguments each `shutdown` got. */
const log = (lab: Lab) => lab.exec('boot1', `cat ${STATE}/shutdown.log`).then((out) => out.stdout);

interface AnsibleOutcome {
  readonly result: CommandResult;
  readonly comparable: Record<string, Record<string, unknown>>;
  readonly log: string;
}

/** ansible-playbook's run on a lab of its own and what it left there, recorded while this file and the stand-ins are unchanged. */
function ansibleRun(): Promise<AnsibleOutcome> {
  const request = { name: 'reboot-lab/playbook', inputs: [fileURLToPath(import.meta.url), join(projectRoot, 'test', 'standins')], work: work.dir, lab: LAB_OPTIONS };
  return labReference(request, async (target) => {
    const result = await ansiblePlaybook(['-i', target.inventoryPath, 'playbook.yaml'], { cwd: work.dir, work: work.dir });
    return { result, comparable: await comparable(target), log: await log(target) };
  });
}

describe.skipIf(!hasAnsible)('wait_for_connection and reboot on a lab host', () => {
  it('reboot through the stand-in: reconnects after the drop, sees the new boot id, as ansible-playbook', async () => {
    const cxLab = await startLab();
    try {
      const { result: reference, comparable: theirs, log: theirLog } = await ansibleRun();
      const ours = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '--known-hosts', cxLab.knownHostsPath, '-o', 'plain'], { cwd: work.dir });
      const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
      expect(reference.code, label).toBe(0);
      expect(ours.code, label).toBe(0);
      expect(parseRecap(ours.stdout), label).toEqual(parseRecap(reference.stdout));
      expect(await comparable(cxLab), label).toEqual(theirs);
      const ourResults = await results(cxLab);
      expect(ourResults.no_boot_time!.msg).toBe('reboot: failed to get host boot time info, rc: 1, stdout: , stderr: cat: /nonexistent/boot_id: No such file or directory\n');
      expect(ourResults.missing!.changed).toBe(false);
      expect(await log(cxLab)).toBe('-r 0 Rebooting for the test\n-r now\n');
      expect(await log(cxLab)).toBe(theirLog);
      expect(ourResults).toMatchObject({ rebooted: { changed: true, rebooted: true }, commanded: { changed: true, rebooted: true } });
    } finally {
      await cxLab.stop();
    }
  }, 600_000);

  it('check mode reboots nothing and says it would', async () => {
    const lab = await startLab();
    try {
      const checked = await cxplay(['run', 'playbook.yaml', '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, '-o', 'plain', '--check'], { cwd: work.dir });
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      expect((await lab.exec('boot1', `test -e ${STATE}/shutdown.log`)).code).not.toBe(0);
      expect(await results(lab)).toMatchObject({ waited: { skipped: true }, rebooted: { changed: true, rebooted: true, elapsed: 'number' } });
    } finally {
      await lab.stop();
    }
  }, 300_000);
});
