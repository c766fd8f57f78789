/**
 * The live view end to end: cxplay runs against the lab inside a real
 * terminal (tmux, private socket), and the test reads the screen while the
 * hosts run and after. Hosts wait at a barrier (a file the test creates), so
 * nothing depends on timing: the test polls the screen until text appears.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cliPath } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';
import { SECRET, writePlaybooks } from './playbooks.js';

const HOSTS = ['web1', 'web2', 'web3', 'gone'];
let lab: Lab;
let books: ReturnType<typeof writePlaybooks>;
let tmux: TmuxSession | undefined;

beforeAll(async () => {
  books = writePlaybooks();
  // `gone` has an address of this lab with no sshd listening: unreachable, and no one else's host.
  lab = await Lab.start({ names: HOSTS, groups: { web: HOSTS }, hostVars: { gone: { ansible_port: 1 } } });
});

afterEach(() => {
  tmux?.kill();
  tmux = undefined;
});

afterAll(async () => {
  await lab?.stop();
  rmSync(books.dir, { recursive: true, force: true });
});

/** cxplay in the pane, then its exit code and the terminal's line discipline as it left it. */
function startCxplay(playbook: string, extra: readonly string[], size = { width: 120, height: 40 }): TmuxSession {
  const args = ['run', playbook, '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, ...extra].map(shellWord).join(' ');
  // ink prints only the last frame when it sees CI set; a terminal user has no CI.
  const command = [
    `env -u CI -u NO_COLOR ${shellWord(process.execPath)} ${shellWord(cliPath)} ${args}`,
    'echo "cxplay exited with $?"',
    `echo "terminal: $(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig)' | tr '\\n' ' ')"`,
  ].join('; ');
  tmux = TmuxSession.start(command, size);
  return tmux;
}

/** The live row of a host: its mark, its name, then the rest. */
function row(screen: string, host: string): string | undefined {
  return screen.split('\n').find((line) => new RegExp(`^\\S ${host} `).test(line));
}

async function until(description: string, test: () => Promise<boolean>, boundMs = 45_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`never: ${description}`);
}

const exited = (screen: string) => /cxplay exited with \d+/.test(screen) && /terminal: .+/.test(screen);

describe('live view in a terminal', { timeout: 180_000 }, () => {
  it('shows host rows with counts while running, follows resizes, and ends with failures and the recap', async () => {
    const term = startCxplay(books.watch, ['-v']);
    const waiting = await term.waitFor('every host at the barrier', (screen) => ['web1', 'web2', 'web3'].every((host) => row(screen, host)?.includes('Wait for the go signal')) && Boolean(row(screen, 'gone')));
    expect(waiting).toMatch(/cxplay watch\.yaml ▸ PLAY \[Watch it converge\] \d+:\d\d/);
    expect(waiting).toMatch(/[█░]{20} task 4\/5: Wait for the go signal/);
    for (const host of ['web1', 'web2', 'web3']) expect(row(waiting, host)).toMatch(new RegExp(`^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] ${host}\\s+Wait for the go signal\\s+ok=3 changed=3 failed=0 skipped=0\\s+\\d+:\\d\\d$`));
    expect(row(waiting, 'gone')).toMatch(/^⊘ gone\s+UNREACHABLE: Start afresh\s+ok=0 changed=0 failed=0 skipped=0 unreachable=1/);
    expect(waiting).toContain('⊘ UNREACHABLE gone · Start afresh');
    expect(term.cursorVisible()).toBe(false);

    term.resize(120, 9);
    const small = await term.waitFor('the rows collapsed', (screen) => /^\+3 hosts: 3 running$/m.test(screen));
    expect(row(small, 'gone')).toBeDefined();
    // The whole live area fits: had it overflowed, the header would have scrolled away.
    expect(small).toMatch(/^cxplay watch\.yaml ▸ PLAY/m);
    term.resize(120, 40);
    await term.waitFor('every row again', (screen) => HOSTS.every((host) => row(screen, host)) && !/^\+\d+ hosts/m.test(screen));

    for (const host of ['web1', 'web2', 'web3']) expect((await lab.exec(host, 'touch /tmp/go')).code).toBe(0);
    const end = await term.waitFor('the end of the run', exited, { history: true });
    expect(end).toContain('cxplay exited with 4');
    expect(end).toMatch(/^RUNNING HANDLER \[restart app\] on web1, web3$/m);
    expect(end).toMatch(/^✗ FAILED web2 · Fail on web2 {2}\S+watch\.yaml:\d+ {2}rc=3$/m);
    expect(end).toMatch(/^ {2}│ disk full$/m);
    expect(end).toMatch(/^PLAY RECAP$/m);
    expect(end).toMatch(/^web1 : ok=5\s+changed=4\s+unreachable=0\s+failed=0\s+skipped=1\s+rescued=0\s+ignored=0/m);
    expect(end).toMatch(/^web2 : ok=4\s+changed=3\s+unreachable=0\s+failed=1\s+skipped=0/m);
    expect(end).toMatch(/^web3 : ok=5\s+changed=4\s+unreachable=0\s+failed=0\s+skipped=1/m);
    expect(end).toMatch(/^gone : ok=0\s+changed=0\s+unreachable=1\s+failed=0/m);
    expect(end).toMatch(/^4 host\(s\) in \d+\.\d\d s, exit code 4$/m);
    // -v prints result details; the no_log one only as censored.
    expect(end).toMatch(/^changed: \[web1\] Write the config$/m);
    expect(end).toContain("the output has been hidden due to the fact that 'no_log: true' was specified for this result");
    expect(end).not.toContain(SECRET);
    expect(end).toMatch(/^terminal: isig icanon echo $/m);
    expect(term.cursorVisible()).toBe(true);
  });

  it('Ctrl-C during a long task: no new task, remote commands ended, recap, exit 99, terminal sane', async () => {
    const term = startCxplay(books.long, []);
    await term.waitFor('the long task running', (screen) => ['web1', 'web2', 'web3'].every((host) => row(screen, host)?.includes('Sleep a long time')));
    // The exact command line: ps and grep themselves never match it.
    const sleeping = (host: string) => lab.exec(host, "ps -eo args | grep -qx 'sleep 300'").then((result) => result.code === 0);
    // The row shows the task once it started; the remote command follows a moment later.
    await until('sleep 300 running on every host', async () => (await Promise.all(['web1', 'web2', 'web3'].map(sleeping))).every(Boolean));
    term.sendKeys('C-c');
    const end = await term.waitFor('the end of the run', exited, { history: true });
    expect(end).toContain('cxplay exited with 99');
    expect(end).toContain('[interrupted] no new task was started; running remote commands were ended');
    expect(end).toMatch(/^PLAY RECAP$/m);
    expect(end).toMatch(/^✗ FAILED web1 · Sleep a long time {2}\S+long\.yaml:\d+$/m);
    expect(end).toMatch(/^ {2}interrupted: the remote command was ended$/m);
    expect(end).toMatch(/^web1 : ok=1\s+changed=1\s+unreachable=0\s+failed=1/m);
    expect(end).toMatch(/^4 host\(s\) in \d+\.\d\d s, exit code 99$/m);
    expect(end).toMatch(/^terminal: isig icanon echo $/m);
    expect(term.cursorVisible()).toBe(true);
    for (const host of ['web1', 'web2', 'web3']) {
      expect(await sleeping(host), `sleep still runs on ${host}`).toBe(false);
      expect((await lab.exec(host, 'test -e /tmp/never-started')).code, `a new task started on ${host}`).toBe(1);
    }
  });
});
