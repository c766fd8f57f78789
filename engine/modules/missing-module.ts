/**
 * What `ansible HOST -m NAME` does with a module it cannot find: its normal
 * action connects to the host first (a host that is down is UNREACHABLE, exit
 * 4), then fails the host with "The module NAME was not found in configured
 * module paths" (exit 2), a result without `changed`. cxplay sends nothing to the host but the connection.
 */
import { TaskError, type ModuleDef } from './module.js';

export function missingModule(name: string): ModuleDef {
  return {
    name,
    argsSchema: { type: 'object' },
    checkMode: 'full',
    diffMode: 'none',
    // A target module: the executor reports the host unreachable instead of this failure when it cannot connect.
    runsOn: 'target',
    async run() {
      // Ansible raises this after connecting: the result has no `changed` key.
      throw new TaskError(`The module ${name} was not found in configured module paths`);
    },
  };
}
