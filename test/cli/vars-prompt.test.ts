/**
 * vars_prompt as an operator meets it (the prompts and answers measured with
 * ansible-playbook 2.14 in a terminal): on a terminal (a tmux pane of this
 * test) each question is asked before the run, "PROMPT [DEFAULT]: ",
 * private answers not echoed, an empty answer taking the default, confirm
 * asking again until both answers match, encrypt hashing the answer
 * (sha512_crypt with the given salt gives Ansible's own hash), unsafe keeping
 * the answer from being templated. A variable given with -e is not asked
 * for. Without a terminal on stdin, a question with a default takes it and
 * one without is refused before anything runs, naming where it is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliPath, cxplay } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';

let dir: string;
const sessions: TmuxSession[] = [];

const PLAY = `- hosts: lh
  gather_facts: false
  vars_prompt:
    - name: who
      prompt: Who are you?
      private: false
    - name: pw
      prompt: Password
      default: dflt
    - name: secret
      prompt: Enter secret
      confirm: true
    - name: hashed
      prompt: Hash me
      encrypt: sha512_crypt
      salt: abcdefgh
    - name: raw
      prompt: Raw
      unsafe: true
      private: false
  tasks:
    - debug:
        msg: "answers={{ who }}|{{ pw }}|{{ secret }}|{{ hashed }}|{{ raw }}"
`;

/** sha512_crypt of "pass" with salt abcdefgh, as ansible-playbook printed it for the same answers. */
const HASHED = '$6$abcdefgh$.Wd8gKGVv/NncIZyKrLIzwkMBRaL8yZnKz4uttpMUnlKvNdwooVmeCTgyWEOW0Smhyp/TUAtWmcz4ptHHh/u1/';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-vars-prompt-'));
  writeFileSync(join(dir, 'inventory.ini'), 'lh ansible_connection=local\n');
  writeFileSync(join(dir, 'play.yaml'), PLAY);
  writeFileSync(join(dir, 'required.yaml'), '- hosts: lh\n  gather_facts: false\n  vars_prompt:\n    - name: token\n      prompt: Token\n  tasks:\n    - debug:\n        msg: "token={{ token }}"\n');
  writeFileSync(join(dir, 'defaulted.yaml'), '- hosts: lh\n  gather_facts: false\n  vars_prompt:\n    - name: release\n      default: "1.2"\n  tasks:\n    - debug:\n        msg: "release={{ release }}"\n');
});
afterAll(() => {
  for (const session of sessions) session.kill();
  rmSync(dir, { recursive: true, force: true });
});

function terminal(args: string): TmuxSession {
  const session = TmuxSession.start(`cd ${shellWord(dir)} && NO_COLOR=1 ${shellWord(process.execPath)} ${shellWord(cliPath)} run -i inventory.ini -o plain ${args}`, { width: 200, height: 50 });
  sessions.push(session);
  return session;
}

it('asks each question on the terminal as ansible-playbook does, before the run', async () => {
  const tmux = terminal('play.yaml');
  await tmux.waitFor('the first question', (screen) => screen.includes('Who are you?: '));
  tmux.sendKeys('me', 'Enter');
  await tmux.waitFor('the question with its default', (screen) => screen.includes('Password [dflt]: '));
  tmux.sendKeys('Enter');
  await tmux.waitFor('the private question', (screen) => screen.includes('Enter secret: '));
  tmux.sendKeys('s1', 'Enter');
  await tmux.waitFor('the confirmation', (screen) => screen.includes('confirm Enter secret: '));
  tmux.sendKeys('s2', 'Enter');
  await tmux.waitFor('the mismatch', (screen) => screen.includes('***** VALUES ENTERED DO NOT MATCH ****'));
  tmux.sendKeys('s1', 'Enter');
  await tmux.waitFor('the confirmation again', (screen) => screen.split('confirm Enter secret: ').length === 3);
  tmux.sendKeys('s1', 'Enter');
  await tmux.waitFor('the question to hash', (screen) => screen.includes('Hash me: '));
  tmux.sendKeys('pass', 'Enter');
  await tmux.waitFor('the unsafe question', (screen) => screen.includes('Raw: '));
  tmux.sendKeys('-l', '{{ x }}');
  tmux.sendKeys('Enter');
  const screen = await tmux.waitFor('the recap', (text) => text.includes('PLAY RECAP'), { history: true });
  expect(screen).toContain(`"msg": "answers=me|dflt|s1|${HASHED}|{{ x }}"`);
  // Private answers are never shown; the questions come before the play starts.
  expect(screen).not.toMatch(/Enter secret: s/);
  expect(screen).not.toContain('pass\n');
  expect(screen.indexOf('Raw: ')).toBeLessThan(screen.indexOf('PLAY [lh]'));
  expect(screen).toMatch(/lh\s+: ok=1 /);
});

it('does not ask for a variable given with -e', async () => {
  const tmux = terminal('defaulted.yaml -e release=9');
  const screen = await tmux.waitFor('the recap', (text) => text.includes('PLAY RECAP'), { history: true });
  expect(screen).not.toContain('release [1.2]');
  expect(screen).toContain('"msg": "release=9"');
});

it('without a terminal: refuses a question with no default before anything runs, naming where it is', async () => {
  const result = await cxplay(['run', 'required.yaml', '-i', 'inventory.ini', '-o', 'plain'], { cwd: dir });
  expect(result.code).toBe(5);
  expect(result.stderr).toContain(`${join(dir, 'required.yaml')}:4:7: vars_prompt 'token' needs an answer, and stdin is not a terminal to ask on`);
  expect(result.stderr).toContain('-e token=...');
  expect(result.stdout).not.toContain('PLAY [');
});

it('without a terminal: takes -e, or the default with Ansible\'s warning', async () => {
  const given = await cxplay(['run', 'required.yaml', '-i', 'inventory.ini', '-o', 'plain', '-e', 'token=abc'], { cwd: dir });
  expect(given.code).toBe(0);
  expect(given.stdout).toContain('"msg": "token=abc"');
  const defaulted = await cxplay(['run', 'defaulted.yaml', '-i', 'inventory.ini', '-o', 'plain'], { cwd: dir });
  expect(defaulted.code).toBe(0);
  expect(defaulted.stderr).toContain('[WARNING]: Not prompting as we are not in interactive mode');
  expect(defaulted.stdout).toContain('"msg": "release=1.2"');
});

it('refuses an encrypt scheme it cannot hash, at its line', async () => {
  writeFileSync(join(dir, 'md5.yaml'), '- hosts: lh\n  gather_facts: false\n  vars_prompt:\n    - name: pw\n      default: x\n      encrypt: md5_crypt\n  tasks: []\n');
  const result = await cxplay(['run', 'md5.yaml', '-i', 'inventory.ini', '-o', 'plain'], { cwd: dir });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`${join(dir, 'md5.yaml')}:4:7: vars_prompt 'pw': encrypt: md5_crypt is not supported`);
});
