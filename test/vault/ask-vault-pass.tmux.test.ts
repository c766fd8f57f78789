/**
 * --ask-vault-pass on a real terminal (tmux): the password typed is not
 * echoed, a new one is asked twice, what it encrypts ansible-vault reads back,
 * and a run asks before loading, then shows its live view.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cliPath, runCommand } from '../support/cli.js';
import { shellWord, TmuxSession } from '../support/tmux.js';
import { scratch, type Scratch } from '../reliability/support.js';

const PASSWORD = 'typed-vault-pass-63';
let work: Scratch;
let terminal: TmuxSession | undefined;

beforeAll(() => {
  work = scratch('vault-tty');
  work.write('pw', `${PASSWORD}\n`);
  work.write('notes.yaml', 'note: typed at a terminal\n');
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local' } } } });
  work.write('playbook.yaml', [{ hosts: 'all', gather_facts: false, vars_files: ['notes.yaml'], tasks: [{ copy: { content: '{{ note }}\n', dest: work.path('note.txt') } }] }]);
});

afterAll(() => {
  terminal?.kill();
  work?.remove();
});

function cxplayInTerminal(args: string): TmuxSession {
  terminal?.kill();
  terminal = TmuxSession.start(`cd ${shellWord(work.dir)} && NO_COLOR=1 ${shellWord(process.execPath)} ${shellWord(cliPath)} ${args}; echo "exit=$?"`, { width: 100, height: 20 });
  return terminal;
}

/** Run cxplay ARGS in the terminal, answer each prompt (waited for in turn) with its text, and return the last screen. */
async function answered(args: string, answers: readonly (readonly [prompt: string, typed: string])[]): Promise<string> {
  const session = cxplayInTerminal(args);
  for (const [prompt, typed] of answers) {
    await session.waitFor(`the prompt '${prompt}'`, (screen) => screen.includes(prompt));
    session.sendKeys(typed, 'Enter');
  }
  return session.waitFor('the end', (screen) => screen.includes('exit='));
}

describe.skipIf(!hasAnsible)('vault passwords typed at a terminal', () => {
  it('encrypt asks twice without echo, view asks once, ansible-vault reads the result', async () => {
    const encrypted = await answered('vault encrypt notes.yaml', [['New Vault password: ', PASSWORD], ['Confirm New Vault password: ', PASSWORD]]);
    expect(encrypted).toContain('exit=0');
    expect(encrypted).toContain('Encryption successful');
    expect(encrypted).not.toContain(PASSWORD);
    expect(readFileSync(work.path('notes.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256\n/);
    expect((await runCommand('ansible-vault', ['view', 'notes.yaml', '--vault-password-file', 'pw'], { cwd: work.dir })).stdout).toBe('note: typed at a terminal\n');

    const viewed = await answered('vault view notes.yaml --ask-vault-pass', [['Vault password: ', PASSWORD]]);
    expect(viewed).toContain('note: typed at a terminal');
    expect(viewed).toContain('exit=0');
    expect(viewed).not.toContain(PASSWORD);

    // A run asks before it loads anything, then the live view takes the terminal.
    const ran = await answered('run playbook.yaml -i inventory.yaml --ask-vault-pass', [['Vault password: ', PASSWORD]]);
    expect(ran).toContain('exit=0');
    expect(ran).not.toContain(PASSWORD);
    expect(readFileSync(work.path('note.txt'), 'utf8')).toBe('typed at a terminal\n');
  }, 120_000);

  it('two different passwords typed: refused, the file is left as it was', async () => {
    work.write('other.yaml', 'other: 1\n');
    const screen = await answered('vault encrypt other.yaml', [['New Vault password: ', PASSWORD], ['Confirm New Vault password: ', 'something-else']]);
    expect(screen).toContain('Passwords do not match');
    expect(screen).toContain('exit=1');
    expect(readFileSync(work.path('other.yaml'), 'utf8')).toBe('other: 1\n');
  }, 120_000);
});
