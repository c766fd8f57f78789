/**
 * Uses of roles (a play's `roles:`, an `import_role`) turned into blocks the
 * runner walks: each role's dependencies first, each distinct use (role and
 * params) once unless the role allows duplicates, the role's keywords on its
 * block, and its handlers collected for the play.
 */
import type { BlockNode, Inheritable, ModuleTask } from './model.js';
import { loadRole, type RoleLoadOptions } from './role.js';
import { roleEntryTasks } from './role-entry.js';
import type { SourceCache } from './source-cache.js';

export class RoleExpander {
  readonly blocks: BlockNode[] = [];
  readonly handlers: ModuleTask[] = [];
  /** Names of the roles added directly (Ansible's `ansible_play_role_names`), in order. */
  readonly roleNames: string[] = [];
  /** Names of the roles pulled in as dependencies (`ansible_dependent_role_names`). */
  readonly dependentRoleNames = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly baseDir: string,
    readonly sources: SourceCache,
  ) {}

  /** Add one use of role `name`; `keywords` (when, tags, become, ...) apply to it and to its dependencies. */
  add(name: string, params: Readonly<Record<string, unknown>>, keywords: Inheritable, stack: readonly string[] = [], from?: RoleLoadOptions['from']): void {
    const instance = loadRole(name, { baseDir: this.baseDir, params, at: keywords.at, stack, from, sources: this.sources });
    if (stack.length === 0) this.roleNames.push(instance.role.name);
    else this.dependentRoleNames.add(instance.role.name);
    for (const dependency of instance.role.dependencies) {
      this.add(dependency.name, dependency.params, withinRole(keywords, dependency), [...stack, instance.role.dir]);
    }
    const key = JSON.stringify([instance.role.dir, from ?? {}, params]);
    if (this.seen.has(key) && !instance.role.allowDuplicates) return;
    this.seen.add(key);
    for (const handler of instance.role.handlers) if (!this.handlers.includes(handler)) this.handlers.push(handler);
    this.blocks.push({ kind: 'block', ...keywords, role: instance, name: `role ${instance.role.name}`, block: roleEntryTasks(instance), rescue: [], always: [] });
  }
}

/** A dependency's keywords inside its parent's: when and tags add up (Ansible's dependency chain), the rest it may override. */
function withinRole(outer: Inheritable, inner: Inheritable): Inheritable {
  const defined = Object.fromEntries(Object.entries(inner).filter(([, value]) => value !== undefined));
  return { ...outer, ...defined, when: [...outer.when, ...inner.when], tags: [...outer.tags, ...inner.tags], vars: { ...outer.vars, ...inner.vars } };
}
