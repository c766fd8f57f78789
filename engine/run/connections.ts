/**
 * The connection for a host name: an inventory host by its connection
 * variables, or the implicit `localhost`. One connection per host for the run
 * (the pool shares it between tasks and delegations).
 */
import type { Connection, ConnectionSpec } from '../connection/connection.js';
import { CONNECTION_VARS, connectionSpecFromVars, PASSWORD_VARS } from '../connection/spec.js';
import type { PlayRuntime } from './play-runtime.js';

/** The task's `connection:` and `remote_user:` keywords, rendered; a host's own variables win over them. */
export interface ConnectionKeywords {
  readonly connection?: string | undefined;
  readonly remoteUser?: string | undefined;
}

/**
 * A fresh connection to the host (wait_for_connection, reboot): its
 * connections are closed, a failed attempt forgotten, and a new one opened,
 * with connectTimeoutMs instead of the host's connect timeout when given.
 */
export async function reconnectionFor(play: PlayRuntime, name: string, keywords: ConnectionKeywords, connectTimeoutMs: number | undefined): Promise<Connection> {
  await play.run.pool.reset(name);
  return connectionFor(play, name, keywords, connectTimeoutMs);
}

export function connectionFor(play: PlayRuntime, name: string, keywords: ConnectionKeywords = {}, connectTimeoutMs?: number): Promise<Connection> {
  const run = play.run;
  return run.profiler.time('connect', () => {
    const scope = play.playScope(run.host(name));
    // A connection password is a secret wherever it would show later (hostvars, a debug of it).
    for (const variable of PASSWORD_VARS) {
      const password = scope.get(variable);
      if (password !== undefined && password !== null) run.secrets.add(String(password));
    }
    const overridden = keywords.connection !== undefined || keywords.remoteUser !== undefined;
    // The pool keeps a host's first connection for the run: the settings are read for that one only.
    const opened = overridden ? undefined : run.pool.current(name);
    if (opened) return opened;
    const fromVars = specFromScope(play, name, scope, keywords);
    const spec = connectTimeoutMs === undefined ? fromVars : { ...fromVars, connectTimeoutMs };
    // Keywords may give the host a connection of another kind or user than its first: each is opened once.
    return run.pool.get(overridden ? `${name}\u0000${spec.type}\u0000${spec.user}` : name, spec, run.options.signal);
  });
}

/** The connection the host's variables and the keywords ask for. */
function specFromScope(play: PlayRuntime, name: string, scope: ReturnType<PlayRuntime['playScope']>, keywords: ConnectionKeywords): ConnectionSpec {
  const vars: Record<string, unknown> = {};
  for (const key of CONNECTION_VARS) if (scope.has(key)) vars[key] = scope.get(key);
  const defaults = play.run.options.connection;
  return connectionSpecFromVars(name, vars, {
    ...defaults,
    connectionType: keywords.connection === undefined ? defaults.connectionType : pluginName(keywords.connection),
    remoteUser: keywords.remoteUser ?? defaults.remoteUser,
  });
}

/** The kind of connection the host has (or would have: none need be open). */
export function connectionTypeFor(play: PlayRuntime, name: string): ConnectionSpec['type'] {
  return specFromScope(play, name, play.playScope(play.run.host(name)), {}).type;
}

/** `ansible.builtin.local` and `local` alike. */
function pluginName(name: string): 'ssh' | 'local' {
  return name.replace(/^ansible\.(builtin|legacy)\./, '') === 'local' ? 'local' : 'ssh';
}
