/**
 * apt's `policy_rc_d` (ansible-core 2.14's documentation: "Force the exit
 * code of /usr/sbin/policy-rc.d ... If /usr/sbin/policy-rc.d already exists,
 * it is backed up and restored after the package installation") on a lab
 * host whose /usr/sbin is an overlay on its own tmpfs (so nothing on this
 * machine is written), with the stand-in package managers, side by side
 * with ansible-playbook (its run recorded, test/support/lab-reference.ts).
 * An apt-get and a dpkg first on PATH note what /usr/sbin/policy-rc.d holds
 * each time they run, then run the stand-ins: both engines must give the same
 * notes, recap, packages and policy-rc.d afterwards, in check mode too.
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

const standins = sharedStandins();
const STANDINS = standins.dir;
const STATE = '/tmp/standin';
const NOTES = '/tmp/policy-notes';
let work: Scratch;

/** An apt-get or dpkg that notes policy-rc.d (or its absence), then runs the stand-in of that name. */
function noting(name: string): string {
  return `cat >/root/noting/${name} <<'EOF'
#!/bin/sh
{ printf '%s %s: ' ${name} "$*"; if [ -e /usr/sbin/policy-rc.d ]; then tr '\\n' ' ' </usr/sbin/policy-rc.d; stat -c %a /usr/sbin/policy-rc.d; else echo none; fi; } >>${NOTES}
exec ${STANDINS}/${name} "$@"
EOF
chmod 755 /root/noting/${name}`;
}

const LAB: LabOptions = {
  names: ['policy1'],
  vars: { ansible_python_interpreter: '/usr/bin/python3' },
  // /usr/sbin as an overlay on the host's tmpfs /root: policy-rc.d is written there only.
  setup: () =>
    [
      'mkdir -p /root/overlay/upper /root/overlay/work /root/noting',
      'mount -t overlay overlay -o lowerdir=/usr/sbin,upperdir=/root/overlay/upper,workdir=/root/overlay/work /usr/sbin',
      // The host starts without one, whatever this machine has (a whiteout in the overlay).
      'rm -f /usr/sbin/policy-rc.d',
      noting('apt-get'),
      noting('dpkg'),
    ].join('\n'),
};

beforeAll(() => {
  work = scratch('apt-policy-rc-d');
  const environment = { PATH: `/root/noting:${STANDINS}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: STATE, APT_CONFIG: `${STATE}/apt.conf` };
  work.write('playbook.yaml', [
    {
      name: 'policy_rc_d',
      hosts: 'all',
      gather_facts: false,
      environment,
      tasks: [
        { name: 'Stand-in world', command: `${STANDINS}/standin-init ${STATE}`, args: { creates: `${STATE}/status` }, check_mode: false },
        { name: 'Install without starting services', apt: { name: 'htop', state: 'present', policy_rc_d: 101 }, register: 'installed' },
        { name: 'None left after it', shell: `ls /usr/sbin/policy-rc.d >>${NOTES} 2>&1 || true`, check_mode: false },
        { name: 'A policy-rc.d of the host', copy: { dest: '/usr/sbin/policy-rc.d', content: '#!/bin/sh\n# the host own\nexit 0\n', mode: '0700' }, check_mode: false },
        { name: 'Upgrade with the host policy-rc.d put aside', apt: { name: 'less', state: 'latest', policy_rc_d: 101 }, register: 'upgraded' },
        { name: 'Remove', apt: { name: 'nano', state: 'absent', policy_rc_d: 104 }, register: 'removed' },
        { name: 'Unset: policy-rc.d left alone', apt: { name: 'nginx', state: 'absent' }, register: 'unset' },
        { name: 'What the host has', command: 'cat /usr/sbin/policy-rc.d', register: 'kept', changed_when: false, check_mode: false },
        { name: 'Anything left in the temp directory', shell: 'ls -d /tmp/ansible* 2>/dev/null || true', register: 'left', changed_when: false, check_mode: false },
      ],
    },
  ]);
});
afterAll(() => {
  work?.remove();
  standins.remove();
});

/** The playbook's run on `lab` (with --check when asked), then the notes, the packages and what policy-rc.d holds. */
async function runOn(lab: Lab, engine: 'ansible' | 'cxplay', extra: readonly string[]) {
  const args = ['-i', lab.inventoryPath, 'playbook.yaml', ...extra];
  const result: CommandResult = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work.dir, work: work.dir }) : await cxplay(['run', ...args, '-o', 'plain'], { cwd: work.dir });
  const state = (await lab.exec('policy1', `cat ${NOTES}; echo ---; CXPLAY_STANDIN_STATE=${STATE} ${STANDINS}/dpkg-query -W; echo ---; cat /usr/sbin/policy-rc.d 2>&1; ls -d /tmp/ansible* 2>&1`)).stdout;
  return { code: result.code, recap: parseRecap(result.stdout), state: state.split(STANDINS).join('<STANDINS>'), output: `${result.stdout}${result.stderr}` };
}

async function bothRuns(lab: Lab, engine: 'ansible' | 'cxplay') {
  const checked = await runOn(lab, engine, ['--check']);
  const converged = await runOn(lab, engine, []);
  return { checked, converged };
}

describe.skipIf(!hasAnsible)('apt policy_rc_d on a lab host', () => {
  it('writes /usr/sbin/policy-rc.d around each apt-get and dpkg call, and puts back what was there, as ansible-playbook does', async () => {
    const inputs = [resolve(projectRoot, 'test', 'standins'), resolve(projectRoot, 'test', 'support', 'standins.ts'), fileURLToPath(import.meta.url)];
    const reference = await labReference({ name: 'apt-policy-rc-d/playbook', inputs, work: work.dir, lab: LAB }, (lab) => bothRuns(lab, 'ansible'));
    const lab = await Lab.start(LAB);
    try {
      const ours = await bothRuns(lab, 'cxplay');
      for (const mode of ['checked', 'converged'] as const) {
        const label = `${mode}\n${ours[mode].output}\n--- ansible ---\n${reference[mode].output}`;
        expect(reference[mode].code, label).toBe(0);
        expect(ours[mode].code, label).toBe(0);
        expect(ours[mode].recap, label).toEqual(reference[mode].recap);
        expect(ours[mode].state, label).toEqual(reference[mode].state);
      }
      expect(reference.checked.state).toContain("ls: cannot access '/usr/sbin/policy-rc.d'");
      expect(reference.converged.state).toContain('#!/bin/sh exit 101 755');
      expect(reference.converged.state).toContain('# the host own');
    } finally {
      await lab.stop();
    }
  }, 600_000);
});
