/** How many module tasks a list will show (after tag selection), for "task N of M". */
import type { TaskNode } from '../load/model.js';
import type { RunOptions } from './run-options.js';
import { selectedByTags } from './tags.js';

export function countTasks(nodes: readonly TaskNode[], options: RunOptions, inherited: readonly string[] = []): number {
  let total = 0;
  for (const node of nodes) {
    const tags = [...inherited, ...node.tags];
    if (node.kind === 'block') {
      total += countTasks(node.block, options, tags) + countTasks(node.rescue, options, tags) + countTasks(node.always, options, tags);
    } else if (node.kind === 'task' && selectedByTags(tags, options.tags, options.skipTags)) {
      total += 1;
    }
  }
  return total;
}
