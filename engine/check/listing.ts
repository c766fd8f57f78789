/** --list-hosts, --list-tasks and --list-tags, in ansible-playbook's layout. */
import { selectPlayHosts } from '../load/host-pattern.js';
import type { TaskNode } from '../load/model.js';
import type { RunOptions } from '../run/run-options.js';
import { selectedByTags } from '../run/tags.js';

export interface ListingWanted {
  readonly hosts: boolean;
  readonly tasks: boolean;
  readonly tags: boolean;
}

/** The text ansible-playbook prints for the listing flags. */
export function listing(options: RunOptions, wanted: ListingWanted): string {
  const lines = ['', `playbook: ${options.playbook.file}`];
  for (const [index, play] of options.playbook.plays.entries()) {
    lines.push('', `  play #${index + 1} (${play.hosts}): ${play.name}\tTAGS: [${play.tags.join(', ')}]`);
    if (wanted.hosts) {
      const hosts = selectPlayHosts(options.inventory, play.hosts, options.limit);
      lines.push(`    pattern: ['${play.hosts}']`, `    hosts (${hosts.length}):`, ...hosts.map((host) => `      ${host}`));
    }
    const nodes = [...play.preTasks, ...play.roles, ...play.tasks, ...play.postTasks];
    if (wanted.tasks) {
      lines.push('    tasks:');
      for (const task of listTasks(nodes, play.tags, options)) lines.push(`      ${task.name}\tTAGS: [${task.tags.join(', ')}]${task.python ? `\tPYTHON: ${task.python}` : ''}`);
    }
    if (wanted.tags) {
      const tags = new Set<string>();
      for (const task of listTasks(nodes, play.tags, options)) for (const tag of task.tags) tags.add(tag);
      lines.push(`      TASK TAGS: [${[...tags].sort().join(', ')}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A listed task; `python`: the Ansible module file it runs through, when it does not take cxplay's native path. */
interface ListedTask {
  readonly name: string;
  readonly tags: string[];
  readonly python?: string | undefined;
}

function listTasks(nodes: readonly TaskNode[], inherited: readonly string[], options: RunOptions, role?: string): ListedTask[] {
  const out: ListedTask[] = [];
  for (const node of nodes) {
    const tags = [...new Set([...inherited, ...node.tags])];
    const roleName = node.role?.role.name ?? role;
    if (node.kind === 'block') {
      out.push(...listTasks([...node.block, ...node.rescue, ...node.always], tags, options, roleName));
    } else if (selectedByTags(tags, options.tags, options.skipTags)) {
      const base = node.name ?? (node.kind === 'task' ? node.module : node.kind === 'meta' ? `meta: ${node.action}` : `${node.kind} ${node.target}`);
      out.push({ name: roleName ? `${roleName} : ${base}` : base, tags, python: node.kind === 'task' ? node.python?.file : undefined });
    }
  }
  return out;
}
