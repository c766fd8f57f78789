/**
 * Become tasks cut short: Ctrl-C (SIGINT), SIGTERM, --task-timeout and the
 * live view's Ctrl-C key end the whole remote process tree (sudo, the shell
 * under it, its children), becoming root and becoming `nobody`, on a host
 * where sudo runs quietly and on one where it first warns on stderr ("unable
 * to resolve host"). The lab's login user is not root and sudoes without a
 * password, as on a real node. What is left is checked on each host by pid;
 * cxplay says the commands were ended only when they were, and when it cannot
 * end them (the host stops answering) it says so.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { SUDO_UID as UID, SUDO_USER, sudoUserSetup } from '../lab/sudo-user.js';
import { cliPath, parseRecap } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';
import { labInventory, scratch, startCxplay, waitUntil, type Scratch } from './support.js';

const HOSTS = ['quiet', 'warns'];
let lab: Lab;
let work: Scratch;
let tmux: TmuxSession | undefined;

beforeAll(async () => {
  lab = await Lab.start({ names: HOSTS, setup: (host) => sudoUserSetup(host, { hostnameResolves: host.name === 'quiet' }) });
  work = scratch('become-interrupt');
  work.write('inventory.yaml', labInventory(lab, Object.fromEntries(HOSTS.map((host) => [host, { ansible_user: SUDO_USER }]))));
  work.write('hang.yaml', [
    {
      name: 'Become and hang',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Hang', shell: 'sleep {{ tag }}1 & sleep {{ tag }}2 & sleep {{ tag }}3; wait', become: true, become_user: '{{ who }}' },
        { name: 'Never reached', command: 'true' },
      ],
    },
  ]);
});

afterEach(() => {
  tmux?.kill();
  tmux = undefined;
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

interface HostProcess {
  readonly pid: number;
  readonly uid: number;
  readonly command: string;
}

/** Every process on the host but sshd's and this probe's: what the task runs (pid, real uid, command line). */
async function taskProcesses(host: string): Promise<HostProcess[]> {
  const script = `for d in /proc/[0-9]*; do p=\${d#/proc/}; [ "$p" = "$$" ] && continue; c=$(tr '\\0' ' ' < $d/cmdline 2>/dev/null) || continue; case "$c" in ''|sshd:*|/usr/sbin/sshd*) continue;; esac; u=$(sed -n 's/^Uid:[[:space:]]*\\([0-9]*\\).*/\\1/p' $d/status); echo "$p $u $c"; done`;
  const { stdout } = await lab.exec(host, script);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid, uid, ...words] = line.trim().split(' ');
      return { pid: Number(pid), uid: Number(uid), command: words.join(' ') };
    });
}

/** Those of `processes` that still exist on the host (same pid, same command line). */
async function stillThere(host: string, processes: readonly HostProcess[]): Promise<HostProcess[]> {
  const now = await taskProcesses(host);
  return processes.filter((process) => now.some((other) => other.pid === process.pid && other.command === process.command));
}

/**
 * Waits until the task's whole tree runs on every host (taken at the same
 * moment on all of them, so a timeout cannot cut in between); returns each
 * host's task processes.
 */
async function runningTree(tag: string, uid: number): Promise<Map<string, HostProcess[]>> {
  let trees: HostProcess[][] = [];
  await waitUntil(async () => {
    trees = await Promise.all(HOSTS.map((host) => taskProcesses(host)));
    return trees.every((tree) => tree.filter((process) => process.command.startsWith(`sleep ${tag}`)).length === 3);
  }, 'the task running on every host');
  for (const [index, tree] of trees.entries()) expectWholeTree(HOSTS[index]!, tree, tag, uid);
  return new Map(trees.map((tree, index) => [HOSTS[index]!, tree]));
}

/** The login shell (as the login user) runs sudo (root), which runs the task's shell and its sleeps as the target user; nothing else runs. */
function expectWholeTree(host: string, tree: readonly HostProcess[], tag: string, uid: number): void {
  const shown = tree.map((process) => `${process.uid}: ${process.command}`).join(' | ');
  const login = tree.filter((process) => process.uid === UID && process.command.startsWith('sh -c sudo '));
  const sudo = tree.filter((process) => process.command.startsWith('sudo -H -S -n -u '));
  const asTarget = tree.filter((process) => process.uid === uid && !sudo.includes(process) && !login.includes(process));
  expect(sudo, `sudo on ${host}: ${shown}`).toHaveLength(1);
  expect(asTarget.some((process) => /^(\/bin\/)?sh /.test(process.command)), `a shell as ${uid} on ${host}: ${shown}`).toBe(true);
  expect(asTarget.filter((process) => process.command.startsWith(`sleep ${tag}`)), shown).toHaveLength(3);
  expect(tree.length, `nothing else runs on ${host}: ${shown}`).toBe(login.length + sudo.length + asTarget.length);
}

async function expectNothingLeft(trees: Map<string, HostProcess[]>): Promise<void> {
  for (const [host, tree] of trees) expect(await stillThere(host, tree), `processes left on ${host}`).toEqual([]);
}

const USERS = [
  { who: 'root', uid: 0 },
  { who: 'nobody', uid: 65534 },
] as const;

it('sudo warns on stderr on one host and not on the other (the premise of these tests)', async () => {
  expect((await lab.exec('warns', `su -s /bin/sh -c 'sudo -n true' ${SUDO_USER} 2>&1`)).stdout).toContain('unable to resolve host warns');
  expect((await lab.exec('quiet', `su -s /bin/sh -c 'sudo -n true' ${SUDO_USER} 2>&1`)).stdout).toBe('');
});

it("a become task's stderr is the task's own, as in ansible-playbook: no sudo warning, no pid marker", async () => {
  const playbook = work.write('stderr.yaml', [
    {
      name: 'Stderr',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Both streams', shell: 'echo out; echo err >&2', become: true, become_user: 'nobody', register: 'both' },
        { name: 'Show', debug: { msg: '{{ both.stdout }}|{{ both.stderr }}' } },
      ],
    },
  ]);
  const result = await startCxplay(['run', playbook, '-i', 'inventory.yaml'], { cwd: work.dir }).done;
  expect(result.code).toBe(0);
  expect(`${result.stdout}${result.stderr}`).not.toContain('@@cx');
  for (const host of HOSTS) expect(result.stdout).toMatch(new RegExp(`ok: \\[${host}\\] => \\{[^}]*"msg": "out\\|err"`));
});

describe.each(USERS)('become_user $who', ({ who, uid }) => {
  describe.each(['SIGINT', 'SIGTERM'] as const)('%s to cxplay during the task', (signal) => {
    it('ends sudo, the shell and its children on every host, and says so', async () => {
      const tag = `7${uid === 0 ? 1 : 2}${signal === 'SIGINT' ? 1 : 2}.`;
      const running = startCxplay(['run', 'hang.yaml', '-i', 'inventory.yaml', '-e', `who=${who}`, '-e', `tag=${tag}`], { cwd: work.dir });
      const trees = await runningTree(tag, uid);
      running.child.kill(signal);
      const result = await running.done;
      // cxplay has exited: whatever it said was ended must be gone now, not later.
      await expectNothingLeft(trees);
      expect(result.code).toBe(99);
      for (const host of HOSTS) expect(result.stdout).toMatch(new RegExp(`fatal: \\[${host}\\]: FAILED! => .*"msg": ?"interrupted: the remote command was ended"`));
      expect(result.stdout).toContain('[interrupted] no new task was started; running remote commands were ended');
      expect(result.stdout).not.toContain('TASK [Never reached]');
      expect(`${result.stdout}${result.stderr}`).not.toContain('@@cx');
    });
  });

  // The timeout leaves time to see the whole tree on both hosts first, on a loaded machine too.
  it('--task-timeout ends sudo, the shell and its children on every host, and says so', async () => {
    const tag = `7${uid === 0 ? 1 : 2}3.`;
    const running = startCxplay(['run', 'hang.yaml', '-i', 'inventory.yaml', '-e', `who=${who}`, '-e', `tag=${tag}`, '--task-timeout', '15'], { cwd: work.dir });
    const trees = await runningTree(tag, uid);
    const result = await running.done;
    await expectNothingLeft(trees);
    expect(result.code).toBe(2);
    for (const host of HOSTS) {
      expect(result.stdout).toMatch(new RegExp(`fatal: \\[${host}\\]: FAILED! => .*"msg": ?"the task timed out: the remote command did not finish within 15 s and was ended"`));
      expect(parseRecap(result.stdout)[host]).toMatchObject({ ok: 0, failed: 1 });
    }
    expect(result.stdout).not.toContain('could NOT be ended');
  });
});

it('without become, as a login user whose shell does not exec the command (dash), SIGINT ends the whole tree too', async () => {
  const tag = '730.';
  const playbook = work.write('plain-hang.yaml', [
    { name: 'Hang as the login user', hosts: 'all', gather_facts: false, tasks: [{ name: 'Hang', shell: 'sleep {{ tag }}1 & sleep {{ tag }}2 & sleep {{ tag }}3; wait' }] },
  ]);
  const running = startCxplay(['run', playbook, '-i', 'inventory.yaml', '-e', `tag=${tag}`], { cwd: work.dir });
  let trees: HostProcess[][] = [];
  await waitUntil(async () => {
    trees = await Promise.all(HOSTS.map((host) => taskProcesses(host)));
    return trees.every((tree) => tree.filter((process) => process.command.startsWith(`sleep ${tag}`)).length === 3);
  }, 'the task running on every host');
  // The login shell stays the parent of the shell it runs: that shell leads no process group.
  for (const tree of trees) expect(tree.some((process) => process.uid === UID && process.command === 'sh -c sh -s'), JSON.stringify(tree)).toBe(true);
  running.child.kill('SIGINT');
  const result = await running.done;
  for (const [index, tree] of trees.entries()) expect(await stillThere(HOSTS[index]!, tree), `processes left on ${HOSTS[index]}`).toEqual([]);
  expect(result.code).toBe(99);
  for (const host of HOSTS) expect(result.stdout).toMatch(new RegExp(`fatal: \\[${host}\\]: FAILED! => .*"msg": ?"interrupted: the remote command was ended"`));
});

it("the live view's Ctrl-C key ends the become task's whole tree on every host", async () => {
  const tag = '724.';
  const args = ['run', 'hang.yaml', '-i', 'inventory.yaml', '-e', 'who=nobody', '-e', `tag=${tag}`].map(shellWord).join(' ');
  // ink prints only the last frame when it sees CI set; a terminal user has no CI.
  tmux = TmuxSession.start(`cd ${shellWord(work.dir)} && env -u CI -u NO_COLOR ${shellWord(process.execPath)} ${shellWord(cliPath)} ${args}; echo "cxplay exited with $?"`, { width: 160, height: 40 });
  const trees = await runningTree(tag, 65534);
  tmux.sendKeys('C-c');
  const end = await tmux.waitFor('the end of the run', (screen) => screen.includes('cxplay exited with'), { history: true });
  await expectNothingLeft(trees);
  expect(end).toContain('cxplay exited with 99');
  expect(end).toContain('[interrupted] no new task was started; running remote commands were ended');
  expect(end).toMatch(/^ {2}interrupted: the remote command was ended$/m);
});

it('when a host stops answering, cxplay says the command could not be ended there, and it is indeed still running', async () => {
  const tag = '725.';
  const running = startCxplay(['run', 'hang.yaml', '-i', 'inventory.yaml', '-e', 'who=nobody', '-e', `tag=${tag}`], { cwd: work.dir });
  const trees = await runningTree(tag, 65534);
  // Freeze the SSH session of cxplay on `warns` (its sshd processes; the listener stays): the kill cannot reach the host.
  const sessions = (await lab.exec('warns', "for d in /proc/[0-9]*; do case \"$(tr '\\0' ' ' < $d/cmdline)\" in 'sshd: '*'[listener]'*) ;; 'sshd: '*) echo ${d#/proc/};; esac; done")).stdout.split('\n').filter(Boolean);
  expect(sessions).toHaveLength(2); // sshd's privileged monitor and the user's session process
  await lab.exec('warns', `kill -STOP ${sessions.join(' ')}`);
  try {
    running.child.kill('SIGINT');
    const result = await running.done;
    expect(result.code).toBe(99);
    expect(result.stdout).toMatch(/fatal: \[quiet\]: FAILED! => .*"msg": ?"interrupted: the remote command was ended"/);
    expect(result.stdout).toMatch(/fatal: \[warns\]: FAILED! => .*"msg": ?"interrupted: the remote command could NOT be ended and may still run on the host \(/);
    expect(result.stdout).toContain('[interrupted] no new task was started; remote commands could NOT be ended on warns and may still run there');
    expect(result.stdout).not.toContain('running remote commands were ended');
    expect(await stillThere('quiet', trees.get('quiet')!)).toEqual([]);
    const left = await stillThere('warns', trees.get('warns')!);
    expect(left.filter((process) => process.command.startsWith(`sleep ${tag}`))).toHaveLength(3);
  } finally {
    await lab.exec('warns', `kill -CONT ${sessions.join(' ')}`);
    // The test started these (through cxplay): end them by pid.
    const left = await stillThere('warns', trees.get('warns')!);
    if (left.length > 0) await lab.exec('warns', `kill -KILL ${left.map((process) => process.pid).join(' ')}`);
  }
});
