/** What `cxplay run <playbook> -i <inventory> --syntax-check` does in process, before it would contact anyone. */
import { dirname, join } from 'node:path';
import { preflight } from '../../engine/check/preflight.js';
import { EventBus } from '../../engine/events.js';
import { loadInventory } from '../../engine/load/inventory.js';
import { loadPlaybook } from '../../engine/load/playbook.js';

export function loadAsTheCliDoes(playbookFile: string, inventoryFile: string, limit?: string): void {
  const playbook = loadPlaybook(playbookFile);
  const inventory = loadInventory(inventoryFile, { playbookDir: playbook.dir, sources: playbook.sources });
  preflight({
    playbook,
    inventory,
    check: false,
    diff: false,
    limit,
    tags: [],
    skipTags: [],
    extraVars: {},
    forks: 5,
    verbosity: 0,
    connection: { knownHostsFile: join(dirname(playbookFile), 'known_hosts'), acceptNewHostKeys: false },
    bus: new EventBus(),
    signal: new AbortController().signal,
  });
}
