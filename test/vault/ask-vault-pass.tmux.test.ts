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

describe.skipIf(!hasAnsible)('vault passwords typed at a terminal', () => {
  it('encrypt asks twice without echo, view asks once, ansible-vault reads the result', async () => {
    const encrypting = cxplayInTerminal('vault encrypt notes.yaml');
    await encrypting.waitFor('the new password prompt', (screen) => screen.includes('New Vault password: '));
    encrypting.sendKeys(PASSWORD, 'Enter');
    await encrypting.waitFor('the confirmation prompt', (screen) => screen.includes('Confirm New Vault password: '));
    encrypting.sendKeys(PASSWORD, 'Enter');
    const encrypted = await encrypting.waitFor('the end', (screen) => screen.includes('exit='));
    expect(encrypted).toContain('exit=0');
    expect(encrypted).toContain('Encryption successful');
    expect(encrypted).not.toContain(PASSWORD);
    expect(readFileSync(work.path('notes.yaml'), 'utf8')).toMatch(/^\$ANSIBLE_VAULT;1\.1;AES256\n/);
    expect((await runCommand('ansible-vault', ['view', 'notes.yaml', '--vault-password-file', 'pw'], { cwd: work.dir })).stdout).toBe('note: typed at a terminal\n');

    const viewing = cxplayInTerminal('vault view notes.yaml --ask-vault-pass');
    await viewing.waitFor('the password prompt', (screen) => screen.includes('Vault password: '));
    viewing.sendKeys(PASSWORD, 'Enter');
    const viewed = await viewing.waitFor('the end', (screen) => screen.includes('exit='));
    expect(viewed).toContain('note: typed at a terminal');
    expect(viewed).toContain('exit=0');
    expect(viewed).not.toContain(PASSWORD);

    // A run asks before it loads anything, then the live view takes the terminal.
    const running = cxplayInTerminal('run playbook.yaml -i inventory.yaml --ask-vault-pass');
    await running.waitFor('the password prompt', (screen) => screen.includes('Vault password: '));
    running.sendKeys(PASSWORD, 'Enter');
    const ran = await running.waitFor('the end', (screen) => screen.includes('exit='));
    expect(ran).toContain('exit=0');
    expect(ran).not.toContain(PASSWORD);
    expect(readFileSync(work.path('note.txt'), 'utf8')).toBe('typed at a terminal\n');
  }, 120_000);

  it('two different passwords typed: refused, the file is left as it was', async () => {
    work.write('other.yaml', 'other: 1\n');
    const session = cxplayInTerminal('vault encrypt other.yaml');
    await session.waitFor('the new password prompt', (screen) => screen.includes('New Vault password: '));
    session.sendKeys(PASSWORD, 'Enter');
    await session.waitFor('the confirmation prompt', (screen) => screen.includes('Confirm New Vault password: '));
    session.sendKeys('something-else', 'Enter');
    const screen = await session.waitFor('the end', (text) => text.includes('exit='));
    expect(screen).toContain('Passwords do not match');
    expect(screen).toContain('exit=1');
    expect(readFileSync(work.path('other.yaml'), 'utf8')).toBe('other: 1\n');
  }, 120_000);
});
