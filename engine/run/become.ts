/**
 * A task's become, each setting from (winning first) its variable
 * (`ansible_sudo_*`/`ansible_su_*`, then `ansible_become_*`), its keyword
 * (task, block, role, play), the command line (-b, --become-user,
 * --become-method, -K), then the configuration (the become plugin's
 * ANSIBLE_SUDO_*, ANSIBLE_BECOME_*, [sudo_become_plugin], then
 * [privilege_escalation]), as measured with ansible-playbook 2.14. Becoming the user the connection logs in as
 * would only add a round trip, so it is left out. The password
 * (`ansible_become_password` or -K) is a secret of the run: it is masked
 * wherever it could show, and travels to sudo or su on stdin.
 */
import type { BecomeSpec } from '../connection/connection.js';
import { DEFAULT_SUDO_FLAGS } from '../connection/become.js';
import { splitCommandLine } from '../modules/lib/shlex.js';
import { CxError } from '../errors.js';
import type { Frame } from './frame.js';
import { flag, stringKeyword } from './keywords.js';
import type { RunContext } from './run-context.js';
import type { LayeredScope } from '../vars/layered-scope.js';

/** Ansible's names for the become password, the current one first. */
export const BECOME_PASSWORD_VARS: readonly string[] = ['ansible_become_password', 'ansible_become_pass', 'ansible_sudo_pass', 'ansible_sudo_password', 'ansible_su_pass', 'ansible_su_password'];

export function becomeFor(run: RunContext, frame: Frame, scope: LayeredScope): BecomeSpec | undefined {
  const cli = run.options;
  const on = flag(frame.become, scope, scope.has('ansible_become') ? flag(scope.get('ansible_become') as boolean | string, scope) : cli.become);
  if (!on) return undefined;
  const method = becomeMethod(stringVar(scope, 'ansible_become_method') ?? stringKeyword(frame.becomeMethod, scope) ?? cli.becomeMethod);
  // The method's options in the configuration ([sudo_become_plugin], ANSIBLE_SUDO_*, [privilege_escalation], ...).
  const configured = cli.becomePlugins?.[method];
  const user = methodVar(scope, method, 'user') ?? stringKeyword(frame.becomeUser, scope) ?? cli.becomeUser ?? configured?.user ?? 'root';
  // The legacy name wins, as for the connection itself (connection/spec.ts).
  const connectedAs = stringVar(scope, 'ansible_ssh_user') ?? stringVar(scope, 'ansible_user') ?? cli.connection.remoteUser;
  if (user === connectedAs) return undefined;
  const flags = methodVar(scope, method, 'flags') ?? stringKeyword(frame.becomeFlags, scope) ?? configured?.flags;
  const exe = methodVar(scope, method, 'exe') ?? stringKeyword(frame.becomeExe, scope) ?? configured?.exe;
  const password = BECOME_PASSWORD_VARS.map((name) => stringVar(scope, name)).find((value) => value !== undefined) ?? configured?.password ?? cli.becomePassword;
  if (password !== undefined) run.secrets.add(password);
  const spec: BecomeSpec = { user, method, flags: flagWords(flags ?? (method === 'sudo' ? DEFAULT_SUDO_FLAGS : '')), exe: exe === method ? undefined : exe || undefined };
  return password === undefined ? spec : { ...spec, password };
}

function becomeMethod(value: string): 'sudo' | 'su' {
  const method = value.replace(/^ansible\.builtin\./, '');
  if (method === 'sudo' || method === 'su') return method;
  throw new CxError(`become method '${value}' is not supported: cxplay becomes another user with sudo or su`, { hint: 'set ansible_become_method (or become_method) to sudo or su' });
}

/** become_flags as the words of a command line (each is quoted again on the host's). */
function flagWords(flags: string): string[] {
  try {
    return splitCommandLine(flags);
  } catch {
    throw new CxError(`become_flags ${JSON.stringify(flags)}: a quote is never closed`, { hint: 'write the flags as on a command line, e.g. -H -S -n' });
  }
}

/**
 * A become setting's variable: the method's own name (ansible_sudo_user,
 * ansible_su_flags, ...) wins over ansible_become_*, wherever each is set (a
 * play's ansible_sudo_user over -e ansible_become_user), as the sudo and su
 * plugins of ansible-playbook 2.14 take the last name of their lists.
 */
function methodVar(scope: LayeredScope, method: 'sudo' | 'su', setting: 'user' | 'flags' | 'exe'): string | undefined {
  return stringVar(scope, `ansible_${method}_${setting}`) ?? stringVar(scope, `ansible_become_${setting}`);
}

function stringVar(scope: LayeredScope, name: string): string | undefined {
  const value = scope.has(name) ? scope.get(name) : undefined;
  return value === undefined || value === null ? undefined : String(value);
}
