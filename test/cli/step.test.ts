/**
 * --step on a terminal (a tmux pane of this test): Ansible's question before
 * each task; n skips the task, y runs it, c runs it and the rest without
 * asking again. Without a terminal on stdin it is refused before anything runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliPath, cxplay } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';

let dir: string;
let tmux: TmuxSession | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-step-'));
  writeFileSync(join(dir, 'inventory.ini'), 'lh ansible_connection=local\n');
  const tasks = ['one', 'two', 'three', 'four'].map((name) => `    - {name: ${name}, debug: {msg: ran-${name}}}`).join('\n');
  writeFileSync(join(dir, 'play.yaml'), `- hosts: lh\n  gather_facts: false\n  tasks:\n${tasks}\n`);
});
afterAll(() => {
  tmux?.kill();
  rmSync(dir, { recursive: true, force: true });
});

it('asks before each task: n skips, y runs, c runs the rest without asking', async () => {
  tmux = TmuxSession.start(`cd ${shellWord(dir)} && NO_COLOR=1 ${shellWord(process.execPath)} ${shellWord(cliPath)} run play.yaml -i inventory.ini --step`, { width: 120, height: 50 });
  await tmux.waitFor('the question for one', (screen) => screen.includes('Perform task: TASK: one (N)o/(y)es/(c)ontinue:'));
  tmux.sendKeys('n', 'Enter');
  await tmux.waitFor('the question for two', (screen) => screen.includes('Perform task: TASK: two'));
  tmux.sendKeys('y', 'Enter');
  await tmux.waitFor('the question for three', (screen) => screen.includes('Perform task: TASK: three'));
  tmux.sendKeys('c', 'Enter');
  const screen = await tmux.waitFor('the recap', (text) => text.includes('PLAY RECAP'), { history: true });
  expect(screen).not.toContain('ran-one');
  expect(screen).toContain('ran-two');
  expect(screen).toContain('ran-three');
  expect(screen).toContain('ran-four');
  expect(screen).not.toContain('Perform task: TASK: four');
  expect(screen).toMatch(/lh\s+: ok=3 /);
});

it('is refused without a terminal on stdin, before anything runs', async () => {
  const result = await cxplay(['run', 'play.yaml', '-i', 'inventory.ini', '--step'], { cwd: dir });
  expect(result.code).toBe(5);
  expect(result.stderr).toContain('--step asks before each task and needs a terminal on stdin');
  expect(result.stdout).not.toContain('ran-');
});
