/**
 * The package modules over SSH on lab hosts, against the stand-in package
 * managers of test/standins (first on PATH; each host keeps its own package
 * database in its own /tmp): apt, package and package_facts under
 * ansible-playbook and under cxplay give the same recap and leave each host
 * with the same packages; a second cxplay run changes nothing; check mode
 * changes nothing. ansible-playbook's side is recorded in
 * test/references/package-modules-lab while its inputs are unchanged
 * (test/support/lab-reference.ts).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { sharedStandins } from '../support/standins.js';
import { scratch, type Scratch } from '../reliability/support.js';

const HOSTS = ['node1', 'node2'];
const standins = sharedStandins();
const STANDINS = standins.dir;
const STATE = '/tmp/standin';
let work: Scratch;

beforeAll(() => {
  work = scratch('package-lab');
  work.write('playbook.yaml', [
    {
      name: 'Packages',
      hosts: 'all',
      gather_facts: false,
      environment: { PATH: `${STANDINS}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: STATE, APT_CONFIG: `${STATE}/apt.conf` },
      tasks: [
        { name: 'Stand-in world', command: `${STANDINS}/standin-init ${STATE}`, args: { creates: `${STATE}/status` }, check_mode: false },
        { name: 'This host\'s tool', apt: { name: '{{ tool }}', state: 'present' } },
        { name: 'Upgrade less', apt: { name: 'less', state: 'latest' } },
        { name: 'No nano', package: { name: 'nano', state: 'absent', purge: true } },
        // Not `auto`: with rpm on this machine too, Ansible's auto picks apt or rpm at random (it orders the managers by a set).
        { name: 'Facts', package_facts: { manager: 'apt' } },
        { name: 'What is installed', copy: { content: "{{ packages | dict2items | map(attribute='value') | map('first') | map(attribute='version') | list | to_json }}\n", dest: '/tmp/versions.json' } },
      ],
    },
  ]);
});
afterAll(() => {
  work?.remove();
  standins.remove();
});

const LAB: LabOptions = { names: HOSTS, hostVars: { node1: { tool: 'htop' }, node2: { tool: 'cowsay' } }, vars: { ansible_python_interpreter: '/usr/bin/python3' } };

async function installed(lab: Lab): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const host of HOSTS) out[host] = (await lab.exec(host, `CXPLAY_STANDIN_STATE=${STATE} ${STANDINS}/dpkg-query -W; cat /tmp/versions.json 2>/dev/null`)).stdout;
  return out;
}

/**
 * ansible-playbook's --check run, then its real run, and the packages each
 * host is left with, recorded while the stand-ins and this file (which
 * writes the playbook) are unchanged. The stand-ins' temp copy is written
 * <STANDINS>.
 */
function ansibleRuns(): Promise<{ check: CommandResult; converge: CommandResult; installed: Record<string, string> }> {
  const inputs = [resolve(projectRoot, 'test', 'standins'), resolve(projectRoot, 'test', 'support', 'standins.ts'), fileURLToPath(import.meta.url)];
  return labReference({ name: 'package-modules-lab/playbook', inputs, work: work.dir, lab: LAB }, async (lab) => {
    const check = await ansiblePlaybook(['-i', lab.inventoryPath, 'playbook.yaml', '--check'], { cwd: work.dir, work: work.dir });
    const converge = await ansiblePlaybook(['-i', lab.inventoryPath, 'playbook.yaml'], { cwd: work.dir, work: work.dir });
    return JSON.parse(JSON.stringify({ check, converge, installed: await installed(lab) }).split(STANDINS).join('<STANDINS>')) as Awaited<ReturnType<typeof ansibleRuns>>;
  });
}

describe.skipIf(!hasAnsible)('apt, package and package_facts on lab hosts', () => {
  it('install, upgrade and remove per host as ansible-playbook does; idempotent; check mode changes nothing', async () => {
    // Both engines run in check mode first (which makes the stand-in world), then for real.
    const { check: referenceCheck, converge: reference, installed: theirs } = await ansibleRuns();
    expect(referenceCheck.code, referenceCheck.stdout + referenceCheck.stderr).toBe(0);
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    const cxLab = await Lab.start(LAB);
    try {

      const checked = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'plain', '--check'], { cwd: work.dir });
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      expect(parseRecap(checked.stdout)).toEqual(parseRecap(referenceCheck.stdout));
      const untouched = await installed(cxLab);
      for (const host of HOSTS) expect(untouched[host]).toBe('less\t590-1\nlibfoo1\t1.0-1\nnano\t7.2-1\nnginx\t1.22.1-9\n');

      const first = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'plain'], { cwd: work.dir });
      expect(first.code, first.stdout + first.stderr).toBe(0);
      expect(parseRecap(first.stdout)).toEqual(parseRecap(reference.stdout));
      const after = await installed(cxLab);
      expect(after).toEqual(theirs);
      expect(after.node1).toContain('htop\t3.2.2-2\n');
      expect(after.node1).not.toContain('cowsay');
      expect(after.node2).toContain('cowsay\t3.03-8\n');
      expect(after.node2).toContain('less\t590-2\n');
      expect(after.node2).not.toContain('nano');

      const again = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'plain'], { cwd: work.dir });
      expect(again.code, again.stdout + again.stderr).toBe(0);
      for (const host of HOSTS) expect(parseRecap(again.stdout)[host]?.changed).toBe(0);
    } finally {
      await cxLab.stop();
    }
  }, 600_000);
});
