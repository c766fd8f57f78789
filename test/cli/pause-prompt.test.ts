/**
 * pause waiting for the operator on a terminal (a tmux pane of this test),
 * as Ansible's pause does: the prompt under the task's name, the keys typed
 * echoed (hidden with echo: false) up to Enter, backspace erasing, and
 * Ctrl-C asking whether to continue (C) or abort (A: the task fails with
 * "user requested abort!"), in the plain lines and in the live view (which
 * reads the keyboard itself and shows the answer below the hosts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cliPath } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';

let dir: string;
let tmux: TmuxSession | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-pause-prompt-'));
  writeFileSync(join(dir, 'inventory.ini'), 'lh ansible_connection=local\n');
  const play = `- hosts: lh
  gather_facts: false
  tasks:
    - name: Ask for a word
      pause: {prompt: Your word}
      register: word
    - name: Ask for a secret
      pause: {prompt: Your secret, echo: false}
      register: secret
    - name: Ask again
      pause: {}
      register: again
    - debug: {msg: "word={{ word.user_input }} secret={{ secret.user_input }} again={{ again.user_input }}"}
    - name: Ask a last time
      pause: {prompt: Abort now}
    - debug: {msg: not reached}
`;
  writeFileSync(join(dir, 'play.yaml'), play);
});
afterEach(() => {
  tmux?.kill();
  tmux = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(options: string): TmuxSession {
  // Without CI in the environment: under it ink draws only its last frame (the live view's answer line would never show).
  return TmuxSession.start(`cd ${shellWord(dir)} && env -u CI NO_COLOR=1 ${shellWord(process.execPath)} ${shellWord(cliPath)} run play.yaml -i inventory.ini ${options}; echo "cxplay exited with $?"`, { width: 120, height: 50 });
}

it('waits for Enter, echoing what is typed unless echo is false; Ctrl-C then C continues, then A aborts', async () => {
  tmux = start('-o plain');
  await tmux.waitFor('the first prompt', (screen) => screen.includes('[Ask for a word]\nYour word:'));
  tmux.sendKeys('-l', 'helxo');
  tmux.sendKeys('BSpace', 'BSpace');
  tmux.sendKeys('-l', 'lo');
  // The prompt is a line of its own, as Ansible's display writes it: what is typed shows below it.
  await tmux.waitFor('the word echoed', (screen) => screen.includes('Your word:\nhello'));
  tmux.sendKeys('Enter');
  await tmux.waitFor('the hidden prompt', (screen) => screen.includes('Your secret (output is hidden):'));
  tmux.sendKeys('-l', 's3cret');
  tmux.sendKeys('Enter');
  await tmux.waitFor('the default prompt', (screen) => screen.includes('[Ask again]\nPress enter to continue, Ctrl+C to interrupt:'));
  tmux.sendKeys('-l', 'ab');
  tmux.sendKeys('C-c');
  await tmux.waitFor("Ctrl-C's question", (screen) => screen.includes("Press 'C' to continue the play or 'A' to abort"));
  tmux.sendKeys('c');
  await tmux.waitFor('the answers', (screen) => screen.includes('word=hello secret=s3cret again=ab'));
  await tmux.waitFor('the last prompt', (screen) => screen.includes('Abort now:'));
  tmux.sendKeys('C-c');
  await tmux.waitFor("Ctrl-C's question again", (screen) => screen.split("Press 'C' to continue").length === 3);
  tmux.sendKeys('a');
  const end = await tmux.waitFor('the end', (screen) => /cxplay exited with \d+/.test(screen), { history: true });
  expect(end).not.toContain('s3cret\n');
  expect(end).toContain('Your secret (output is hidden):\n\n');
  expect(end).toContain('"msg": "user requested abort!"');
  expect(end).not.toContain('not reached');
  expect(end).toContain('cxplay exited with 2');
});

it('takes the answers in the live view too, which reads the keyboard itself', async () => {
  tmux = start('-o tui');
  await tmux.waitFor('the first prompt', (screen) => screen.includes('Your word:'), { history: true });
  tmux.sendKeys('-l', 'hi');
  await tmux.waitFor('the word as it is typed', (screen) => screen.includes('› hi'));
  tmux.sendKeys('Enter');
  await tmux.waitFor('the hidden prompt', (screen) => screen.includes('Your secret (output is hidden):'), { history: true });
  tmux.sendKeys('-l', 'xyz');
  tmux.sendKeys('Enter');
  await tmux.waitFor('the default prompt', (screen) => screen.includes('Press enter to continue, Ctrl+C to interrupt:'), { history: true });
  tmux.sendKeys('Enter');
  await tmux.waitFor('the last prompt', (screen) => screen.includes('Abort now:'), { history: true });
  tmux.sendKeys('C-c');
  await tmux.waitFor("Ctrl-C's question", (screen) => screen.includes("Press 'C' to continue the play or 'A' to abort"));
  tmux.sendKeys('a');
  const end = await tmux.waitFor('the end', (screen) => /cxplay exited with \d+/.test(screen), { history: true });
  expect(end).toContain('word=hi secret=xyz again=');
  expect(end).not.toContain('› xyz');
  expect(end).toContain('user requested abort!');
  expect(end).not.toContain('not reached');
  expect(end).toContain('cxplay exited with 2');
});
