/**
 * Ansible's implicit localhost (inventory/data.py): a pattern naming
 * `localhost`, `127.0.0.1` or `::1` matches even when the inventory does not
 * list it (it is never in `all`), and that host runs with the local
 * connection and the controller's Python, as Ansible sets
 * `ansible_connection: local` and `ansible_python_interpreter` (its own
 * sys.executable) for it. cxplay runs on no Python: the controller's is the
 * one Python-path modules would discover there (/usr/bin/python3 first).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { INTERPRETER_CANDIDATES } from '../modules/python/script.js';
import type { Inventory } from './model.js';

/** Ansible's C.LOCALHOST. */
export const LOCALHOST_NAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1']);

/** Whether `name` is the implicit localhost of `inventory`: a localhost name the inventory does not list. */
export function isImplicitLocalhost(inventory: Inventory, name: string): boolean {
  return LOCALHOST_NAMES.has(name) && !inventory.hosts.has(name);
}

const implicitNames = new WeakMap<Inventory, string>();

/**
 * The host a pattern naming the implicit localhost selects: one host per
 * inventory, named by the first localhost name a pattern used (Ansible
 * creates it once: a later play for 127.0.0.1 runs on that `localhost`).
 */
export function implicitLocalhostName(inventory: Inventory, name: string): string {
  const first = implicitNames.get(inventory) ?? name;
  implicitNames.set(inventory, first);
  return first;
}

let controllerPython: string | null | undefined;

/** The controller's Python as a full path (looked up once): the first of discovery's candidates, a bare name looked up on PATH. */
function pythonOnPath(): string | undefined {
  if (controllerPython === undefined) {
    const directories = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
    const paths = INTERPRETER_CANDIDATES.flatMap((name) => (isAbsolute(name) ? [name] : directories.map((directory) => join(directory, name))));
    controllerPython = paths.find(isExecutable) ?? null;
  }
  return controllerPython ?? undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The variables Ansible gives the implicit localhost. */
export function implicitLocalhostVars(): Record<string, unknown> {
  const python = pythonOnPath();
  return python === undefined ? { ansible_connection: 'local' } : { ansible_connection: 'local', ansible_python_interpreter: python };
}
