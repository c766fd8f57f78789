/** Actions under their full names (ansible.builtin.meta, ...include_tasks, ...) load as the short ones, as in Ansible. */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { IncludeNode, MetaTask } from '../../engine/load/model.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import { removeTrees, writeTree } from './tree.js';

afterAll(removeTrees);

it('reads ansible.builtin.meta, include_tasks and import_tasks', () => {
  const dir = writeTree({
    'site.yaml': [
      '- hosts: all',
      '  gather_facts: false',
      '  tasks:',
      '    - ansible.builtin.meta: flush_handlers',
      '    - name: Included',
      '      ansible.builtin.include_tasks: more.yaml',
      '      when: true',
      '    - ansible.legacy.import_tasks: more.yaml',
      '',
    ].join('\n'),
    'more.yaml': '- debug: msg=hi\n',
  });
  const tasks = loadPlaybook(join(dir, 'site.yaml')).plays[0]!.tasks;
  expect(tasks.map((task) => task.kind)).toEqual(['meta', 'include_tasks', 'block']);
  expect((tasks[0] as MetaTask).action).toBe('flush_handlers');
  expect((tasks[1] as IncludeNode).at.line).toBe(5);
});
