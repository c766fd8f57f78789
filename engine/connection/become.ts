/** The remote command line that reads the script from stdin, with or without sudo. */
import type { BecomeSpec } from './connection.js';

/**
 * `ownSession`: the shell under sudo leads a session and process group of its
 * own (setsid), so a timeout or an interrupt can end its whole tree through
 * its pid; under sudo alone it is in sudo's group, which the target user may
 * not signal. -w: if setsid has to fork (sudo's use_pty made the shell a group
 * leader already), it waits for the shell instead of returning at once.
 */
export function becomeCommand(become: BecomeSpec | undefined, ownSession = false): string[] {
  if (!become) return ['sh', '-s'];
  // -n: never prompt (a password prompt would hang the run); -H: the target user's HOME.
  return ['sudo', '-n', '-H', '-u', become.user, '--', ...(ownSession ? ['setsid', '-w'] : []), 'sh', '-s'];
}

/** The command for an SSH exec request, as one string (every word is safe as is); the shell leads its own session. */
export function becomeCommandLine(become: BecomeSpec | undefined): string {
  if (become && !/^[A-Za-z0-9_.-]+$/.test(become.user)) {
    throw new Error(`become_user '${become.user}' is not a valid user name`);
  }
  return becomeCommand(become, true).join(' ');
}
