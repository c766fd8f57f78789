/**
 * dnf, yum and package over SSH on lab hosts, against the stand-in dnf and
 * rpm of test/standins (first on PATH; each host keeps its own RPM world in
 * its own /tmp): cxplay installs, upgrades and removes per host in one exec
 * a task, check mode changes nothing, a second run changes nothing, and a
 * registered result has Ansible's keys. Not compared with ansible-playbook:
 * Ansible's dnf module needs python3-dnf and a real rpm database, which the
 * stand-ins (commands, not libraries) cannot give it (see README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay, parseRecap } from '../support/cli.js';
import { sharedStandins } from '../support/standins.js';
import { scratch, type Scratch } from '../reliability/support.js';

const HOSTS = ['node1', 'node2'];
const standins = sharedStandins();
const STATE = '/tmp/standin-rpm';
let work: Scratch;

beforeAll(() => {
  work = scratch('dnf-lab');
  work.write('playbook.yaml', [
    {
      name: 'RPM packages',
      hosts: 'all',
      gather_facts: false,
      environment: { PATH: `${standins.dir}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: STATE },
      tasks: [
        { name: 'Stand-in world', file: { path: STATE, state: 'directory' }, check_mode: false },
        { name: "This host's tool", dnf: { name: '{{ tool }}', state: 'present' }, register: 'tool_result' },
        { name: 'Upgrade less', yum: { name: 'less', state: 'latest', use_backend: 'dnf' } },
        { name: 'No nano', package: { name: 'nano', state: 'absent', use: 'dnf' } },
        { name: 'What the install said', copy: { content: '{{ tool_result.results | to_json }} {{ tool_result.msg | to_json }}\n', dest: '/tmp/tool-result' } },
      ],
    },
  ]);
});
afterAll(() => {
  work?.remove();
  standins.remove();
});

async function installed(lab: Lab): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const host of HOSTS) out[host] = (await lab.exec(host, `CXPLAY_STANDIN_STATE=${STATE} ${standins.dir}/rpm -qa | sort; cat /tmp/tool-result 2>/dev/null`)).stdout;
  return out;
}

describe('dnf, yum and package on lab hosts', () => {
  it('install, upgrade and remove per host; check mode changes nothing; a second run changes nothing', async () => {
    const lab = await Lab.start({ names: HOSTS, hostVars: { node1: { tool: 'htop' }, node2: { tool: 'cowsay' } } });
    try {
      const checked = await cxplay(['run', 'playbook.yaml', '-i', lab.inventoryPath, '-o', 'plain', '--check'], { cwd: work.dir });
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      // The state dir is made for real; the three package tasks and the copy would change.
      for (const host of HOSTS) expect(parseRecap(checked.stdout)[host]).toMatchObject({ changed: 5, failed: 0 });
      const untouched = await installed(lab);
      for (const host of HOSTS) expect(untouched[host]).toBe('bash-5.2.15-3.fc38.x86_64\nless-590-1.fc38.x86_64\nlibfoo-1.0-1.fc38.x86_64\nnano-7.2-1.fc38.x86_64\nnginx-1.22.1-9.fc38.x86_64\n');

      const first = await cxplay(['run', 'playbook.yaml', '-i', lab.inventoryPath, '-o', 'plain'], { cwd: work.dir });
      expect(first.code, first.stdout + first.stderr).toBe(0);
      for (const host of HOSTS) expect(parseRecap(first.stdout)[host]).toMatchObject({ changed: 4, ok: 5, failed: 0 });
      const after = await installed(lab);
      expect(after.node1).toBe('bash-5.2.15-3.fc38.x86_64\nhtop-3.2.2-1.fc38.x86_64\nless-590-2.fc38.x86_64\nlibfoo-1.0-1.fc38.x86_64\nnginx-1.22.1-9.fc38.x86_64\n["Installed: htop-3.2.2-1.fc38.x86_64"] ""\n');
      expect(after.node2).toBe('bash-5.2.15-3.fc38.x86_64\ncowsay-3.7.0-1.fc38.noarch\nless-590-2.fc38.x86_64\nlibfoo-1.0-1.fc38.x86_64\nnginx-1.22.1-9.fc38.x86_64\n["Installed: cowsay-3.7.0-1.fc38.noarch"] ""\n');

      const again = await cxplay(['run', 'playbook.yaml', '-i', lab.inventoryPath, '-o', 'plain'], { cwd: work.dir });
      expect(again.code, again.stdout + again.stderr).toBe(0);
      // Only the copy of the (now "Nothing to do") install result changes.
      for (const host of HOSTS) expect(parseRecap(again.stdout)[host]).toMatchObject({ changed: 1, failed: 0 });
      expect((await installed(lab)).node1).toContain('[] "Nothing to do"\n');
    } finally {
      await lab.stop();
    }
  }, 600_000);
});
