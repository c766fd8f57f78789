/**
 * The connection for a host name: an inventory host by its connection
 * variables, or the implicit `localhost`. One connection per host for the run
 * (the pool shares it between tasks and delegations).
 */
import type { Connection } from '../connection/connection.js';
import { connectionSpecFromVars } from '../connection/spec.js';
import type { PlayRuntime } from './play-runtime.js';

const CONNECTION_VARS = [
  'ansible_connection',
  'ansible_host',
  'ansible_port',
  'ansible_user',
  'ansible_ssh_private_key_file',
  'ansible_private_key_file',
  'ansible_password',
  'ansible_ssh_pass',
  'ansible_timeout',
  'ansible_ssh_common_args',
  'ansible_ssh_extra_args',
  'ansible_ssh_host_key_checking',
  'ansible_host_key_checking',
];

export function connectionFor(play: PlayRuntime, name: string): Promise<Connection> {
  const run = play.run;
  return run.profiler.time('connect', () => {
    const scope = play.playScope(run.host(name));
    // A connection password is a secret wherever it would show later (hostvars, a debug of it).
    const password = scope.get('ansible_password') ?? scope.get('ansible_ssh_pass');
    if (password !== undefined) run.secrets.add(String(password));
    // The pool keeps a host's first connection for the run: the settings are read for that one only.
    const opened = run.pool.current(name);
    if (opened) return opened;
    const vars: Record<string, unknown> = {};
    for (const key of CONNECTION_VARS) if (scope.has(key)) vars[key] = scope.get(key);
    return run.pool.get(name, connectionSpecFromVars(name, vars, run.options.connection), run.options.signal);
  });
}
