/** What `cxplay run <playbook> -i <inventory> --syntax-check` does in process, before it would contact anyone. */
import { dirname, join } from 'node:path';
import { defaultOptions, flagsTo } from '../../engine/cli/options.js';
import { preflight } from '../../engine/check/preflight.js';
import { EventBus } from '../../engine/events.js';
import { loadInventory } from '../../engine/load/inventory.js';
import { loadPlaybook } from '../../engine/load/playbook.js';

export function loadAsTheCliDoes(playbookFile: string, inventoryFile: string, limit?: string): void {
  const playbook = loadPlaybook(playbookFile);
  const inventory = loadInventory(inventoryFile, { playbookDir: playbook.dir, sources: playbook.sources });
  preflight({
    ...flagsTo(defaultOptions(), 'run'),
    playbook,
    inventory,
    limit,
    extraVars: {},
    forks: 5,
    connection: { knownHostsFile: join(dirname(playbookFile), 'known_hosts'), acceptNewHostKeys: false },
    bus: new EventBus(),
    signal: new AbortController().signal,
  });
}
