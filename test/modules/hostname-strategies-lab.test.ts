/**
 * hostname's strategies that write system files (redhat, openrc, freebsd,
 * alpine, sles, openbsd) or run Solaris's commands (solaris), from the module's documentation
 * (each `use`), under ansible-playbook and under cxplay on a lab host whose
 * /etc and /usr/sbin are overlays on its own tmpfs (so /etc/sysconfig,
 * /etc/conf.d and /etc/rc.conf.d can be written and /usr/sbin/svccfg is the
 * stand-in's, and nothing of this machine changes), and without `use` on a
 * host whose os-release says Gentoo, then CentOS (this machine runs no systemd). The hostname and
 * svccfg programs are the stand-ins of test/standins (Solaris's in
 * solaris/). Both engines run in check mode, then for real; the recaps,
 * the registered results and what the files and stand-ins hold after each
 * run must be the same. ansible-playbook's side is recorded in
 * test/references/hostname-strategies-lab (test/support/lab-reference.ts).
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
const STATE = '/tmp/state';
let work: Scratch;

/** Each strategy's task twice (a change, then none), from the files and names the host starts with. */
function strategyTasks(use: string, name: string, keywords: object = {}): object[] {
  return [
    { name: `${use}: set the name`, hostname: { name, use }, register: `${use}_first`, ...keywords },
    { name: `${use}: the same again`, hostname: { name, use }, register: `${use}_again`, ...keywords },
  ];
}

const STRATEGIES = ['redhat', 'openrc', 'freebsd', 'solaris', 'alpine', 'sles', 'openbsd'];
const RESULTS = STRATEGIES.flatMap((use) => [`${use}_first`, `${use}_again`]);
/** Solaris's hostname stand-in first on PATH, for the solaris tasks only. */
const SOLARIS = { environment: { PATH: `${STANDINS}/solaris:${STANDINS}:/usr/bin:/bin:/usr/sbin:/sbin` } };

beforeAll(() => {
  work = scratch('hostname-lab');
  work.write('playbook.yaml', [
    {
      name: 'hostname strategies',
      hosts: 'all',
      gather_facts: false,
      environment: { PATH: `${STANDINS}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: STATE },
      tasks: [
        { name: 'Stand-in state', check_mode: false, file: { path: STATE, state: 'directory' } },
        { name: 'Directories of the files', check_mode: false, file: { path: '{{ item }}', state: 'directory' }, loop: ['/etc/sysconfig', '/etc/conf.d', '/etc/rc.conf.d'] },
        // A HOSTNAME line with white space around its parts, and a last line without its newline.
        { name: 'Red Hat network file', check_mode: false, copy: { dest: '/etc/sysconfig/network', content: 'NETWORKING=yes\n  HOSTNAME = old.example.com\nGATEWAY=192.0.2.1' } },
        { name: 'OpenRC file', check_mode: false, copy: { dest: '/etc/conf.d/hostname', content: '\n# Hostname fallback if DHCP does not provide one\n  hostname="old"  \n\n' } },
        { name: 'No FreeBSD file yet', check_mode: false, file: { path: '/etc/rc.conf.d/hostname', state: 'absent' } },
        { name: 'Current and SMF names', check_mode: false, copy: { dest: `${STATE}/{{ item }}`, content: 'old\n' }, loop: ['hostname.transient', 'svc.nodename'] },
        ...strategyTasks('redhat', 'web01.example.com'),
        ...strategyTasks('openrc', 'web01'),
        ...strategyTasks('freebsd', 'web01'),
        ...strategyTasks('solaris', 'web02', SOLARIS),
        { name: 'The names in the files of alpine, sles and openbsd', check_mode: false, copy: { dest: '{{ item }}', content: '  old  \n' }, loop: ['/etc/hostname', '/etc/HOSTNAME', '/etc/myname'] },
        // Alpine's hostname -F runs before the file is written: the current name stays the old one.
        ...strategyTasks('alpine', 'web03'),
        ...strategyTasks('sles', 'web04'),
        ...strategyTasks('openbsd', 'web05'),
        { name: 'An OpenRC file without hostname=', check_mode: false, copy: { dest: '/etc/conf.d/hostname', content: 'rc_verbose=yes\n' } },
        { name: 'openrc: no name to read', hostname: { name: 'web01', use: 'openrc' }, register: 'openrc_no_line', ignore_errors: true },
        // Without `use`, on this host without systemd, the strategy of the distribution os-release names.
        { name: 'No os-release link', check_mode: false, file: { path: '/etc/os-release', state: 'absent' } },
        { name: 'A Gentoo host', check_mode: false, copy: { dest: '/etc/os-release', content: 'NAME=Gentoo\nID=gentoo\n' } },
        { name: 'Its OpenRC file', check_mode: false, copy: { dest: '/etc/conf.d/hostname', content: 'hostname="old"\n' } },
        { name: 'gentoo: set the name', hostname: { name: 'web06' }, register: 'gentoo' },
        { name: 'A CentOS host', check_mode: false, copy: { dest: '/etc/os-release', content: 'NAME="CentOS Linux"\nID="centos"\n' } },
        { name: 'centos: set the name', hostname: { name: 'web07' }, register: 'centos' },
        {
          name: 'Registered results',
          check_mode: false,
          // Ansible's module fails on a file without hostname= with a traceback (a TypeError): compared by `failed`.
          copy: { dest: '/tmp/results.json', content: `{{ {${RESULTS.map((name) => `'${name}': ${name}`).join(', ')}, 'openrc_no_line': {'failed': openrc_no_line.failed}, 'gentoo': gentoo, 'centos': centos} | to_nice_json }}\n` },
        },
      ],
    },
  ]);
});
afterAll(() => {
  work?.remove();
  standins.remove();
});

/** /etc and /usr/sbin as overlays on the host's tmpfs /root; /usr/sbin/svccfg runs the stand-in. */
const LAB: LabOptions = {
  names: ['hn1'],
  vars: { ansible_python_interpreter: '/usr/bin/python3' },
  setup: () =>
    [
      'for d in etc sbin; do mkdir -p /root/overlay/$d/upper /root/overlay/$d/work; done',
      `printf '#!/bin/sh\\nexec %s/solaris/svccfg "$@"\\n' '${STANDINS}' >/root/overlay/sbin/upper/svccfg && chmod 755 /root/overlay/sbin/upper/svccfg`,
      'mount -t overlay overlay -o lowerdir=/etc,upperdir=/root/overlay/etc/upper,workdir=/root/overlay/etc/work /etc',
      'mount -t overlay overlay -o lowerdir=/usr/sbin,upperdir=/root/overlay/sbin/upper,workdir=/root/overlay/sbin/work /usr/sbin',
    ].join('\n'),
};

/** What the host holds after a run: the three files (absent or their exact text), the stand-ins' state and calls, the results. */
async function leftOn(lab: Lab): Promise<string> {
  const show = 'for f in /etc/sysconfig/network /etc/conf.d/hostname /etc/rc.conf.d/hostname /etc/hostname /etc/HOSTNAME /etc/myname /tmp/state/hostname.transient /tmp/state/svc.nodename /tmp/state/calls; do echo "== $f"; if [ -e "$f" ]; then od -An -c "$f"; else echo absent; fi; done';
  const { stdout } = await lab.exec('hn1', `${show}; rm -f /tmp/state/calls; echo '== results'; cat /tmp/results.json`);
  return stdout.split(STANDINS).join('<STANDINS>');
}

interface Runs {
  readonly check: CommandResult;
  readonly checked: string;
  readonly converge: CommandResult;
  readonly converged: string;
}

/** ansible-playbook's check run, then its real run, each with what it left, recorded while the stand-ins and this file are unchanged. */
function ansibleRuns(): Promise<Runs> {
  const inputs = [resolve(projectRoot, 'test', 'standins'), resolve(projectRoot, 'test', 'support', 'standins.ts'), fileURLToPath(import.meta.url)];
  return labReference({ name: 'hostname-strategies-lab/playbook', inputs, work: work.dir, lab: LAB }, async (lab) => {
    const check = await ansiblePlaybook(['-i', lab.inventoryPath, 'playbook.yaml', '--check', '--diff'], { cwd: work.dir, work: work.dir });
    const checked = await leftOn(lab);
    const converge = await ansiblePlaybook(['-i', lab.inventoryPath, 'playbook.yaml', '--diff'], { cwd: work.dir, work: work.dir });
    return { check, checked, converge, converged: await leftOn(lab) };
  });
}

/** The registered results without what only Python modules add. */
function results(left: string): unknown {
  const json = JSON.parse(left.slice(left.indexOf('== results') + '== results'.length)) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(json).map(([key, { invocation: _invocation, exception: _exception, ...rest }]) => [key, rest]));
}

/** The files and calls before the results. */
const files = (left: string) => left.slice(0, left.indexOf('== results'));

describe.skipIf(!hasAnsible)('hostname strategies writing system files, on a lab host', () => {
  it('redhat, openrc, freebsd, solaris, alpine, sles and openbsd change what ansible-playbook changes, report what it reports, in check mode too', async () => {
    const reference = await ansibleRuns();
    const cxLab = await Lab.start(LAB);
    try {
      const check = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'plain', '--check', '--diff'], { cwd: work.dir });
      const checked = await leftOn(cxLab);
      const label = (ours: CommandResult, theirs: CommandResult) => `${ours.stdout}${ours.stderr}\n--- ansible ---\n${theirs.stdout}${theirs.stderr}`;
      expect(parseRecap(check.stdout), label(check, reference.check)).toEqual(parseRecap(reference.check.stdout));
      expect(check.code).toBe(reference.check.code);
      expect(files(checked)).toBe(files(reference.checked));
      expect(results(checked)).toEqual(results(reference.checked));

      const converge = await cxplay(['run', 'playbook.yaml', '-i', cxLab.inventoryPath, '-o', 'plain', '--diff'], { cwd: work.dir });
      const converged = await leftOn(cxLab);
      expect(parseRecap(converge.stdout), label(converge, reference.converge)).toEqual(parseRecap(reference.converge.stdout));
      expect(converge.code).toBe(reference.converge.code);
      expect(files(converged)).toBe(files(reference.converged));
      expect(results(converged)).toEqual(results(reference.converged));
      // The strategies did change the names, then found them right (the comparison is not of two runs that did nothing).
      expect(results(converged)).toMatchObject(Object.fromEntries(STRATEGIES.flatMap((use) => [[`${use}_first`, { changed: true }], [`${use}_again`, { changed: false }]])));
      expect(results(converged)).toMatchObject({ gentoo: { changed: true, diff: { before: 'hostname = old\n' } }, centos: { changed: true, diff: { before: 'hostname = web01.example.com\n' } } });
    } finally {
      await cxLab.stop();
    }
  }, 600_000);
});
