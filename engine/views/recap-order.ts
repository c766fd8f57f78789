/** The order ansible-playbook's default callback prints a recap's hosts in. */
import { byCodePoint } from '../template/python.js';

/** A recap's hosts sorted by name (`sorted(stats.processed.keys())`). */
export function hostsInRecapOrder<T>(hosts: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(hosts).sort(([a], [b]) => byCodePoint(a, b));
}
