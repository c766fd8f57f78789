/**
 * Group loops (a group that is its own ancestor), found in one source or in
 * several merged: Ansible refuses the source whose `children` entry closes
 * the loop ("Adding group 'a' as child to 'b' creates a recursive dependency
 * loop"); walking such groups would never end.
 */
import { CxError, type SourcePosition } from '../errors.js';

interface GroupEdges {
  readonly children: readonly string[];
}

/** The first loop met walking the groups in order, as names from the first group back to it, or undefined. */
export function findGroupLoop(groups: ReadonlyMap<string, GroupEdges>): string[] | undefined {
  const visiting: string[] = [];
  const done = new Set<string>();
  const visit = (name: string): string[] | undefined => {
    if (done.has(name)) return undefined;
    const index = visiting.indexOf(name);
    if (index >= 0) return [...visiting.slice(index), name];
    visiting.push(name);
    for (const child of groups.get(name)?.children ?? []) {
      const loop = visit(child);
      if (loop) return loop;
    }
    visiting.pop();
    done.add(name);
    return undefined;
  };
  for (const name of groups.keys()) {
    const loop = visit(name);
    if (loop) return loop;
  }
  return undefined;
}

/** Refuses groups holding a loop, at `at`, with Ansible's sentence about the children entry that closes it. */
export function refuseGroupLoop(groups: ReadonlyMap<string, GroupEdges>, at: (loop: readonly string[]) => SourcePosition): void {
  const loop = findGroupLoop(groups);
  if (!loop) return;
  const [parent, child] = loop.slice(-2) as [string, string];
  throw new CxError(`group loop: ${loop.join(' -> ')}`, {
    at: at(loop),
    hint: `Adding group '${child}' as child to '${parent}' creates a recursive dependency loop: a group cannot be a child of its own children`,
  });
}
