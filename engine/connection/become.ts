/** The remote command line that reads the script from stdin, with or without sudo. */
import type { BecomeSpec } from './connection.js';

/**
 * The become password reaches sudo through sudo's askpass hook, never a
 * command line: the login shell reads it as the first line of stdin into
 * this variable, and sudo -A runs `printenv PROMPT` as its askpass helper
 * with this name as the prompt, which prints it. sudo asks only when it
 * needs a password, so a NOPASSWD rule leaves it unread, and the rest of
 * stdin (the script) goes to the shell under sudo either way. sudo's
 * env_reset keeps the variable from the target user's shell.
 */
const PASSWORD_VARIABLE = 'CXPLAY_BECOME_PASSWORD';

/**
 * `ownSession`: the shell under sudo leads a session and process group of its
 * own (setsid), so a timeout or an interrupt can end its whole tree through
 * its pid; under sudo alone it is in sudo's group, which the target user may
 * not signal. -w: if setsid has to fork (sudo's use_pty made the shell a group
 * leader already), it waits for the shell instead of returning at once.
 */
export function becomeCommand(become: BecomeSpec | undefined, ownSession = false): string[] {
  if (!become) return ['sh', '-s'];
  const shell = [...(ownSession ? ['setsid', '-w'] : []), 'sh', '-s'];
  // -n: never prompt (a password prompt would hang the run); -H: the target user's HOME.
  if (become.password === undefined) return ['sudo', '-n', '-H', '-u', become.user, '--', ...shell];
  const sudo = ['sudo', '-A', '-p', PASSWORD_VARIABLE, '-H', '-u', become.user, '--', ...shell].join(' ');
  return ['sh', '-c', `IFS= read -r ${PASSWORD_VARIABLE} && export ${PASSWORD_VARIABLE} && SUDO_ASKPASS="$(command -v printenv)" exec ${sudo}`];
}

/** The command for an SSH exec request, as one string (every word is safe as is); the shell leads its own session. */
export function becomeCommandLine(become: BecomeSpec | undefined): string {
  if (become && !/^[A-Za-z0-9_.-]+$/.test(become.user)) {
    throw new Error(`become_user '${become.user}' is not a valid user name`);
  }
  const command = becomeCommand(become, true);
  // sshd hands the line to the login shell: the sh -c wrapper's script goes as one quoted word.
  return command[0] === 'sh' && command[1] === '-c' ? `sh -c '${command[2]}'` : command.join(' ');
}

/** What goes on stdin before the script: the become password's line, when there is one. */
export function becomeInput(become: BecomeSpec | undefined): string {
  return become?.password === undefined ? '' : `${become.password}\n`;
}

/**
 * Ansible's message for a sudo that wanted a password it did not get or
 * refused the one given (measured with ansible-playbook 2.14), from sudo's stderr.
 */
export function sudoPasswordFailure(become: BecomeSpec | undefined, stderr: string): string | undefined {
  if (!become) return undefined;
  if (/incorrect password attempt|Sorry, try again/.test(stderr)) return 'Incorrect sudo password';
  if (/a password is required|no askpass program|a terminal is required/.test(stderr)) return 'Missing sudo password';
  return undefined;
}
