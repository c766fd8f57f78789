/**
 * The connection for a host name: an inventory host by its connection
 * variables, or the implicit `localhost`. One connection per host for the run
 * (the pool shares it between tasks and delegations).
 */
import type { Connection } from '../connection/connection.js';
import { CONNECTION_VARS, connectionSpecFromVars, PASSWORD_VARS } from '../connection/spec.js';
import type { PlayRuntime } from './play-runtime.js';

export function connectionFor(play: PlayRuntime, name: string): Promise<Connection> {
  const run = play.run;
  return run.profiler.time('connect', () => {
    const scope = play.playScope(run.host(name));
    // A connection password is a secret wherever it would show later (hostvars, a debug of it).
    for (const variable of PASSWORD_VARS) {
      const password = scope.get(variable);
      if (password !== undefined && password !== null) run.secrets.add(String(password));
    }
    // The pool keeps a host's first connection for the run: the settings are read for that one only.
    const opened = run.pool.current(name);
    if (opened) return opened;
    const vars: Record<string, unknown> = {};
    for (const key of CONNECTION_VARS) if (scope.has(key)) vars[key] = scope.get(key);
    return run.pool.get(name, connectionSpecFromVars(name, vars, run.options.connection), run.options.signal);
  });
}
