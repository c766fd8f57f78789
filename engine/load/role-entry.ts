/**
 * The tasks a use of a role runs. A role with a YAML argument spec starts,
 * as in Ansible, with a task that validates its variables on each host
 * (module validate_argument_spec, tagged always), so the recap counts the
 * same `ok` per host as ansible-playbook.
 */
import type { ModuleTask, RoleInstance, TaskNode } from './model.js';

const validationTasks = new WeakMap<object, ModuleTask>();

export function roleEntryTasks(instance: RoleInstance): readonly TaskNode[] {
  const spec = instance.role.argumentSpec;
  if (!spec?.taskName) return instance.role.tasks;
  let task = validationTasks.get(spec);
  if (!task) {
    task = {
      kind: 'task',
      at: spec.at,
      when: [],
      tags: ['always'],
      vars: {},
      name: spec.taskName,
      module: 'validate_argument_spec',
      args: { argument_spec: withoutDescriptions(spec.schema) },
      notify: [],
      listen: [],
    };
    validationTasks.set(spec, task);
  }
  return [task, ...instance.role.tasks];
}

/**
 * The schema as the task's arguments carry it: arguments are rendered per host
 * and read for variables before the run, and a description is prose (it may
 * well show `{{ }}`) that validation never needs.
 */
function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'description').map(([key, item]) => [key, withoutDescriptions(item)]));
}
