/**
 * `cxplay adhoc -t DIR`: each host's result written to DIR/HOST as JSON, as
 * `ansible --tree` (its tree callback) writes it: on one line, sorted keys;
 * indented when the module's result is always verbose (debug) or at -vvv; a
 * skipped host gets no file. A directory or file that cannot be written is
 * warned about, as Ansible does, and the run goes on (so is a host name
 * that is no file name).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../events.js';
import { DEBUG_MODULES, dump } from './adhoc-view.js';

export function treeWriter(dir: string, verbosity: number, warn: (message: string) => void): (event: RunEvent) => void {
  return (event) => {
    if (event.kind !== 'host_result' || event.item || event.status === 'skipped') return;
    const indent = DEBUG_MODULES.has(event.task.module) || verbosity >= 3 ? 4 : undefined;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      warn(`Unable to access or create the configured directory (${dir}): ${(error as Error).message}`);
    }
    // A host name is a file name here, never a path out of the directory.
    if (event.host.includes('/') || event.host === '..' || event.host === '.') {
      warn(`Unable to write to ${event.host}'s file: a host name with '/' cannot name a file in ${dir}`);
      return;
    }
    try {
      writeFileSync(join(dir, event.host), dump(event.result, verbosity, indent));
    } catch (error) {
      warn(`Unable to write to ${event.host}'s file: ${(error as Error).message}`);
    }
  };
}
