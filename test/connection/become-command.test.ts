/**
 * The become command lines, as Ansible's sudo and su plugins build them:
 * sudo's default flags `-H -S -n`, -n and -S dropped (alone or in a group)
 * when a password goes through askpass, su's `su FLAGS USER -c CMD`,
 * become_exe instead of the method's name, every word quoted, and the
 * password on no command line.
 */
import { describe, expect, it } from 'vitest';
import { becomeCommand, becomeCommandLine, becomeInput, DEFAULT_SUDO_FLAGS, SU_READY_MARKER, SuExchange } from '../../engine/connection/become.js';
import type { BecomeSpec } from '../../engine/connection/connection.js';

const sudo = (more: Partial<BecomeSpec> = {}): BecomeSpec => ({ user: 'root', method: 'sudo', flags: DEFAULT_SUDO_FLAGS.split(' '), ...more });

describe('become command lines', () => {
  it("sudo without a password: Ansible's default flags, then the user", () => {
    expect(becomeCommand(sudo())).toEqual(['sudo', '-H', '-S', '-n', '-u', 'root', '--', 'sh', '-s']);
    expect(becomeInput(sudo())).toBe('');
  });

  it('sudo with a password: -n and -S dropped, alone or grouped; the password only on stdin', () => {
    const command = becomeCommand(sudo({ password: 'pw secret', flags: ['-HSn', '--non-interactive', '-E'] }));
    expect(command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(command[2]).toContain('exec sudo -H -E -A -p CXPLAY_BECOME_PASSWORD -u root -- sh -s');
    expect(command.join(' ')).not.toContain('pw secret');
    expect(becomeInput(sudo({ password: 'pw secret' }))).toBe('pw secret\n');
  });

  it("su: su FLAGS USER -c, the shell's ready marker first; become_exe; its password is not sent up front", () => {
    const su: BecomeSpec = { user: 'app', method: 'su', flags: ['-l'], exe: '/bin/su', password: 'pw' };
    expect(becomeCommand(su)).toEqual(['/bin/su', '-l', 'app', '-c', `echo ${SU_READY_MARKER} && exec sh -s`]);
    expect(becomeCommandLine(su)).toBe(`/bin/su -l app -c 'echo ${SU_READY_MARKER} && exec setsid -w sh -s'`);
    expect(becomeInput(su)).toBe('');
  });

  it('quotes a flag that holds shell syntax', () => {
    expect(becomeCommandLine(sudo({ flags: ['-H', '$(touch /tmp/x)'] }))).toContain("'$(touch /tmp/x)'");
  });
});

describe("su's exchange", () => {
  const exchange = (password: string | undefined) => {
    const sent: string[] = [];
    const refused: string[] = [];
    let ready = 0;
    const su = new SuExchange({ user: 'root', method: 'su', flags: [], ...(password === undefined ? {} : { password }) }, (text) => sent.push(text), () => (ready += 1), (error) => refused.push(error.message));
    return { su, sent, refused, ready: () => ready };
  };

  it('answers the prompt once, drops it, and starts the script after the ready marker', () => {
    const { su, sent, ready } = exchange('pw');
    expect(su.stderr(Buffer.from('Pass'))).toBeUndefined();
    expect(su.stderr(Buffer.from('word: '))).toBeUndefined();
    expect(sent).toEqual(['pw\n']);
    expect(su.stdout(Buffer.from(`${SU_READY_MARKER}\nfirst`))?.toString()).toBe('first');
    expect(ready()).toBe(1);
    expect(su.stderr(Buffer.from('later\n'))?.toString()).toBe('later\n');
  });

  it("answers su's prompt in the languages of Ansible's prompt_l10n, a full-width colon too; other text is no prompt", () => {
    for (const prompt of ['Contraseña: ', 'Lösenord:', "root's Password: ", 'Пароль: ', '密码：', 'パスワード: ', '암호:']) {
      const { su, sent } = exchange('pw');
      su.stderr(Buffer.from(prompt));
      expect(sent, prompt).toEqual(['pw\n']);
    }
    const { su, sent } = exchange('pw');
    su.stderr(Buffer.from('Passworte: maybe'));
    expect(sent).toEqual([]);
  });

  it("a rejected password and a missing one give Ansible's messages", () => {
    const wrong = exchange('bad');
    wrong.su.stderr(Buffer.from('Password: '));
    wrong.su.stderr(Buffer.from('su: Authentication failure\n'));
    expect(wrong.su.shellStarted).toBe(false);
    expect(wrong.su.failure(1).message).toBe('Incorrect su password');
    const missing = exchange(undefined);
    missing.su.stderr(Buffer.from('Password: '));
    expect(missing.refused).toEqual(['Missing su password']);
    expect(missing.sent).toEqual([]);
  });
});
