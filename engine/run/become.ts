/**
 * A task's become, from (winning first) its keywords, the `ansible_become*`
 * variables, then the command line (-b, --become-user, -K). Becoming the
 * user the connection logs in as would only add a sudo round trip, so it is
 * left out. The password (`ansible_become_password` or -K) is a secret of
 * the run: it is masked wherever it could show, and travels to sudo on stdin.
 */
import type { BecomeSpec } from '../connection/connection.js';
import { CxError } from '../errors.js';
import type { Frame } from './frame.js';
import { flag, stringKeyword } from './keywords.js';
import type { RunContext } from './run-context.js';
import type { LayeredScope } from '../vars/layered-scope.js';

/** Ansible's names for the become password, the current one first. */
export const BECOME_PASSWORD_VARS: readonly string[] = ['ansible_become_password', 'ansible_become_pass', 'ansible_sudo_pass', 'ansible_sudo_password'];

export function becomeFor(run: RunContext, frame: Frame, scope: LayeredScope): BecomeSpec | undefined {
  const cli = run.options;
  const on = flag(frame.become, scope, scope.has('ansible_become') ? flag(scope.get('ansible_become') as boolean | string, scope) : cli.become);
  if (!on) return undefined;
  const user = stringKeyword(frame.becomeUser, scope) ?? stringVar(scope, 'ansible_become_user') ?? cli.becomeUser ?? 'root';
  // The legacy name wins, as for the connection itself (connection/spec.ts).
  const connectedAs = stringVar(scope, 'ansible_ssh_user') ?? stringVar(scope, 'ansible_user') ?? cli.connection.remoteUser;
  if (user === connectedAs) return undefined;
  const method = stringVar(scope, 'ansible_become_method') ?? cli.becomeMethod;
  if (method !== 'sudo') {
    throw new CxError(`become method '${method}' is not supported: cxplay becomes another user with sudo only`, { hint: 'set ansible_become_method (or become_method) to sudo' });
  }
  const password = BECOME_PASSWORD_VARS.map((name) => stringVar(scope, name)).find((value) => value !== undefined) ?? cli.becomePassword;
  if (password !== undefined) run.secrets.add(password);
  return password === undefined ? { user, method } : { user, method, password };
}

function stringVar(scope: LayeredScope, name: string): string | undefined {
  const value = scope.has(name) ? scope.get(name) : undefined;
  return value === undefined || value === null ? undefined : String(value);
}
