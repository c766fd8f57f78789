/**
 * An operator's SSH setup, unchanged, on lab hosts: an inventory of bare
 * names that ~/.ssh/config turns into addresses, users, keys and a ProxyJump
 * (the target is named by a host name only the jump host resolves, so a
 * direct connection cannot even start); ssh's default key ~/.ssh/id_ed25519;
 * an encrypted key whose passphrase is typed at cxplay's prompt in a
 * terminal (tmux), never shown nor in the run's events; refused clearly without a terminal; left to
 * the ssh agent when one holds the key. HOME is a directory of this test:
 * the real ~/.ssh is never read.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cliPath, cxplay } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';

const PASSPHRASE = 'correct horse battery staple';
let lab: Lab;
let work: string;
let agent: { socket: string; pid: number } | undefined;
const address = (index: number) => lab.hosts[index]!.address;
const PLAY = '- hosts: all\n  gather_facts: false\n  tasks:\n    - command: hostname\n      register: name\n    - debug: {var: name.stdout}\n';

/** A home directory with .ssh/ holding `files` (name → text), the lab's key as `key` (optionally encrypted) and its known_hosts. */
function home(name: string, options: { config?: string; key?: string; passphrase?: string; knownHosts?: string } = {}): string {
  const dir = join(work, name);
  mkdirSync(join(dir, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, '.ssh', 'known_hosts'), options.knownHosts ?? readFileSync(lab.knownHostsPath), { mode: 0o600 });
  if (options.config) writeFileSync(join(dir, '.ssh', 'config'), options.config);
  if (options.key) {
    const key = join(dir, '.ssh', options.key);
    copyFileSync(lab.privateKeyPath, key);
    if (options.passphrase) execFileSync('ssh-keygen', ['-q', '-p', '-f', key, '-P', '', '-N', options.passphrase]);
  }
  return dir;
}

function inventory(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const run = (inventoryPath: string, env: NodeJS.ProcessEnv) => cxplay(['run', join(work, 'play.yaml'), '-i', inventoryPath, '-o', 'plain'], { env: { SSH_AUTH_SOCK: '', ...env } });

beforeAll(async () => {
  lab = await Lab.start({
    hosts: 2,
    // node1 alone resolves hidden-b (node2): reaching it proves the jump.
    setup: ({ name, address: own }) => (name === 'node1' ? `printf '%s\\n' '${own.replace(/\.1$/, '.2')} hidden-b' > /tmp/cx-hosts && mount --bind /tmp/cx-hosts /etc/hosts` : ''),
  });
  work = mkdtempSync(join(tmpdir(), 'cxplay-ssh-config-lab-'));
  writeFileSync(join(work, 'play.yaml'), PLAY);
});

afterAll(async () => {
  if (agent) process.kill(agent.pid, 'SIGTERM');
  await lab?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('~/.ssh/config', () => {
  it('turns bare inventory names into the lab hosts, one of them through a ProxyJump', async () => {
    const keys = readFileSync(lab.knownHostsPath, 'utf8').trim().split('\n').map((line) => line.split(' ').slice(1).join(' '));
    const dir = home('config-home', {
      key: 'lab_key',
      knownHosts: `${address(0)} ${keys[0]}\nhidden-b ${keys[1]}\n`,
      config: [
        'Host jumpbox', `    HostName ${address(0)}`, '',
        'Host ? !a', '    HostName hidden-%h', '    ProxyJump jumpbox', '',
        'Host node-1', `    HostName ${address(0)}`, '',
        'Host * !nothing', '    User root', '    IdentityFile ~/.ssh/lab_key', '    IdentitiesOnly yes', '    ServerAliveInterval 5', '',
      ].join('\n'),
    });
    const result = await run(inventory('bare.yaml', 'all:\n  hosts:\n    node-1:\n    b:\n'), { HOME: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ok: \[node-1\] => \{\n\s+"name.stdout": "node1"/);
    expect(result.stdout).toMatch(/ok: \[b\] => \{\n\s+"name.stdout": "node2"/);
  });
});

describe('keys', () => {
  it("finds ssh's default key ~/.ssh/id_ed25519 when no key is named", async () => {
    const dir = home('default-key-home', { key: 'id_ed25519' });
    const result = await run(inventory('plain.yaml', `all:\n  hosts:\n    n1: {ansible_host: ${address(0)}, ansible_user: root}\n`), { HOME: dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('"name.stdout": "node1"');
  });

  it('asks the passphrase of an encrypted key on the terminal, once, before the first host, and never shows it', async () => {
    const dir = home('encrypted-home', { key: 'id_ed25519', passphrase: PASSPHRASE });
    const inventoryPath = inventory('two.yaml', `all:\n  vars: {ansible_user: root}\n  hosts:\n    n1: {ansible_host: ${address(0)}}\n    n2: {ansible_host: ${address(1)}}\n`);
    const command = `cd ${shellWord(work)} && HOME=${shellWord(dir)} SSH_AUTH_SOCK= ${shellWord(process.execPath)} ${shellWord(cliPath)} run play.yaml -i ${shellWord(inventoryPath)} -o json > events.jsonl; echo "exit=$?"`;
    const tmux = TmuxSession.start(command, { width: 160, height: 50 });
    try {
      await tmux.waitFor('the passphrase prompt', (screen) => screen.includes(`Enter passphrase for key '${join(dir, '.ssh', 'id_ed25519')}':`));
      tmux.sendKeys('-l', 'wrong one');
      tmux.sendKeys('Enter');
      await tmux.waitFor('a second try', (screen) => screen.includes('Bad passphrase, try again.'));
      tmux.sendKeys('-l', PASSPHRASE);
      tmux.sendKeys('Enter');
      const screen = await tmux.waitFor('the end of the run', (text) => text.includes('exit='), { history: true });
      expect(screen).toContain('exit=0');
      expect(screen.match(/Enter passphrase/g)).toHaveLength(2);
      // Neither the terminal nor the run's events (the JSON view: every event) hold either answer.
      const events = readFileSync(join(work, 'events.jsonl'), 'utf8');
      expect(events).toContain('node2');
      for (const text of [screen, events]) {
        expect(text).not.toContain(PASSPHRASE);
        expect(text).not.toContain('wrong one');
      }
    } finally {
      tmux.kill();
    }
  });

  it('refuses a named encrypted key clearly without a terminal, before any host', async () => {
    const dir = home('encrypted-named-home', { key: 'locked', passphrase: PASSPHRASE });
    const result = await run(inventory('named.yaml', `all:\n  hosts:\n    n1: {ansible_host: ${address(0)}, ansible_user: root, ansible_ssh_private_key_file: ${join(dir, '.ssh', 'locked')}}\n`), { HOME: dir });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`the private key ${join(dir, '.ssh', 'locked')} is encrypted and there is no terminal to ask for its passphrase`);
    expect(result.stdout).not.toContain('PLAY RECAP');
  });

  it('leaves an encrypted default key to the ssh agent that holds it: no prompt, no terminal needed', async () => {
    const dir = home('agent-home', { key: 'id_ed25519', passphrase: PASSPHRASE });
    const socket = join(work, 'agent.sock');
    const output = execFileSync('ssh-agent', ['-s', '-a', socket], { encoding: 'utf8' });
    agent = { socket, pid: Number(/SSH_AGENT_PID=(\d+)/.exec(output)![1]) };
    execFileSync('ssh-add', ['-q', lab.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
    const result = await run(inventory('agent.yaml', `all:\n  hosts:\n    n1: {ansible_host: ${address(0)}, ansible_user: root}\n`), { HOME: dir, SSH_AUTH_SOCK: socket });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).not.toContain('passphrase');
  });
});
