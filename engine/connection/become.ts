/** The remote command line that reads the script from stdin, with or without sudo. */
import type { BecomeSpec } from './connection.js';

export function becomeCommand(become: BecomeSpec | undefined): string[] {
  if (!become) return ['sh', '-s'];
  // -n: never prompt (a password prompt would hang the run); -H: the target user's HOME.
  return ['sudo', '-n', '-H', '-u', become.user, '--', 'sh', '-s'];
}

/** The same as one string for an SSH exec request (every word is safe as is). */
export function becomeCommandLine(become: BecomeSpec | undefined): string {
  const words = becomeCommand(become);
  if (become && !/^[A-Za-z0-9_.-]+$/.test(become.user)) {
    throw new Error(`become_user '${become.user}' is not a valid user name`);
  }
  return words.join(' ');
}
