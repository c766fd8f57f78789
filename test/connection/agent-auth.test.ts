/**
 * Key authentication through an ssh agent: with no key file in the
 * inventory, cxplay offers the keys of the agent named by SSH_AUTH_SOCK (an
 * agent this test starts and ends); without an agent it says how to fix it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay } from '../support/cli.js';

let lab: Lab;
let work: string;
let agent: { socket: string; pid: number };

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = mkdtempSync(join(tmpdir(), 'cxplay-agent-'));
  const socket = join(work, 'agent.sock');
  const output = execFileSync('ssh-agent', ['-s', '-a', socket], { encoding: 'utf8' });
  agent = { socket, pid: Number(/SSH_AGENT_PID=(\d+)/.exec(output)![1]) };
  execFileSync('ssh-add', [lab.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
  // The lab's inventory without the key file: only the agent holds the key.
  const inventory = readFileSync(lab.inventoryPath, 'utf8').replace(/^\s*ansible_ssh_private_key_file: .*\n/m, '');
  writeFileSync(join(work, 'inventory.yaml'), inventory);
  writeFileSync(join(work, 'play.yaml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - command: hostname\n      register: name\n    - debug: {var: name.stdout}\n');
});

afterAll(async () => {
  process.kill(agent.pid, 'SIGTERM');
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
});

it('authenticates with a key held only by the ssh agent', async () => {
  expect(readFileSync(join(work, 'inventory.yaml'), 'utf8')).not.toContain('ansible_ssh_private_key_file');
  const result = await cxplay(['run', join(work, 'play.yaml'), '-i', join(work, 'inventory.yaml'), '-o', 'plain'], { env: { SSH_AUTH_SOCK: agent.socket } });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  expect(result.stdout).toContain('"name.stdout": "node1"');
});

it('without an agent or key, the host is unreachable with a hint', async () => {
  const result = await cxplay(['run', join(work, 'play.yaml'), '-i', join(work, 'inventory.yaml'), '-o', 'plain'], { env: { SSH_AUTH_SOCK: '' } });
  expect(result.code).toBe(4);
  expect(result.stdout).toContain('no key given: set ansible_ssh_private_key_file or run an ssh agent');
});
