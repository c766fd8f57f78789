/**
 * Passphrases of the encrypted private keys a run will offer, asked once
 * each before the first host is contacted (as ssh asks: "Enter passphrase
 * for key '...'", three tries), never echoed and held only in memory.
 * Without a terminal nothing is asked: a key an ssh agent may hold is left
 * to the agent, any other named key is refused with what to do.
 */
import { existsSync } from 'node:fs';
import { isatty } from 'node:tty';
import { connectionSpecFromVars } from '../connection/spec.js';
import type { ConnectionSpec } from '../connection/connection.js';
import { CxError, ExitCode } from '../errors.js';
import { hostVarsFromInventory } from '../load/inventory.js';
import type { RunOptions } from '../run/run-options.js';
import { fromTerminal } from './prompt.js';

const TRIES = 3;

export async function askKeyPassphrases(options: RunOptions): Promise<ReadonlyMap<string, string> | undefined> {
  const agent = Boolean(process.env.SSH_AUTH_SOCK);
  const { named, defaults } = keyFilesOf(options);
  if (![...named, ...defaults].some((file) => existsSync(file))) return undefined;
  // ssh2 loads only when there is a key file to look at (a run on local connections never needs it).
  const { isEncryptedKeyFile, passphraseOpens } = await import('../connection/private-keys.js');
  const locked = [...named].filter(isEncryptedKeyFile);
  // ssh offers the agent's keys before its default keys: a locked default key is asked for only without an agent.
  const lockedDefaults = agent ? [] : [...defaults].filter((file) => !named.has(file) && isEncryptedKeyFile(file));
  if (!isatty(0)) {
    if (locked.length > 0 && !agent) {
      throw new CxError(`the private key ${locked[0]} is encrypted and there is no terminal to ask for its passphrase`, {
        exitCode: ExitCode.badOptions,
        hint: `load it into an ssh agent (ssh-add ${locked[0]}) and set SSH_AUTH_SOCK, or run cxplay from a terminal`,
      });
    }
    return undefined;
  }
  const passphrases = new Map<string, string>();
  for (const file of [...locked, ...lockedDefaults]) passphrases.set(file, await askUntilRight(file, passphraseOpens));
  return passphrases.size > 0 ? passphrases : undefined;
}

/** The key files of every SSH host's connection settings (jump hosts too): named ones, and ssh's default ones. */
function keyFilesOf(options: RunOptions): { named: Set<string>; defaults: Set<string> } {
  const named = new Set<string>();
  const defaults = new Set<string>();
  for (const host of options.inventory.hosts.keys()) {
    let spec: ConnectionSpec | undefined;
    try {
      spec = connectionSpecFromVars(host, { ...hostVarsFromInventory(options.inventory, host), ...options.extraVars }, options.connection);
    } catch {
      continue; // the host's own connection reports what is wrong with its settings
    }
    for (let hop: ConnectionSpec | undefined = spec; hop && hop.type === 'ssh'; hop = hop.jump) {
      if (hop.privateKeyFile && !/\{\{|\{%/.test(hop.privateKeyFile)) named.add(hop.privateKeyFile);
      for (const file of hop.identityFiles ?? []) (hop.defaultKeys ? defaults : named).add(file);
    }
  }
  return { named, defaults };
}

async function askUntilRight(file: string, opens: (file: string, passphrase: string) => boolean): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const passphrase = await fromTerminal(`Enter passphrase for key '${file}': `);
    if (opens(file, passphrase)) return passphrase;
    if (attempt === TRIES) throw new CxError(`wrong passphrase for the private key ${file} (${TRIES} tries)`, { exitCode: ExitCode.badOptions, hint: 'check the passphrase with ssh-keygen -y -f FILE' });
    process.stderr.write('Bad passphrase, try again.\n');
  }
}
