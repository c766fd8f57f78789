/** `action:` and `local_action:` load as the module they name, as ansible-playbook 2.14 reads them. */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import type { ModuleTask } from '../../engine/load/model.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import { removeTrees, writeTree } from './tree.js';

afterAll(removeTrees);

function tasksOf(lines: readonly string[]): ModuleTask[] {
  const dir = writeTree({ 'site.yaml': ['- hosts: all', '  gather_facts: false', '  tasks:', ...lines, ''].join('\n') });
  return loadPlaybook(join(dir, 'site.yaml')).plays[0]!.tasks as ModuleTask[];
}

it('reads the k=v form, the mapping form with module:, and args: beside them', () => {
  const tasks = tasksOf([
    '    - action: copy content=hi dest=/tmp/a',
    '    - action:',
    '        module: ansible.builtin.file',
    '        path: /tmp/b',
    '        state: touch',
    '    - action: ping',
    '      args:',
    '        data: viaargs',
  ]);
  expect(tasks.map((task) => [task.module, task.args, task.delegateTo])).toEqual([
    ['copy', { content: 'hi', dest: '/tmp/a' }, undefined],
    ['file', { path: '/tmp/b', state: 'touch' }, undefined],
    ['ping', { data: 'viaargs' }, undefined],
  ]);
});

it('local_action runs on the controller, whatever delegate_to the task has', () => {
  const tasks = tasksOf(['    - local_action: command echo hi', '      delegate_to: elsewhere', '    - local_action: {module: debug, msg: x}']);
  expect(tasks.map((task) => [task.module, task.delegateTo])).toEqual([
    ['command', 'localhost'],
    ['debug', 'localhost'],
  ]);
});

it('refuses a module named twice and an action without a module, with the line', () => {
  const error = (lines: readonly string[]) => {
    try {
      tasksOf(lines);
    } catch (caught) {
      return caught as CxError;
    }
    throw new Error('loaded');
  };
  const twice = error(['    - action: debug msg=x', '      debug: msg=y']);
  expect(twice.message).toContain('conflicting action statements: debug, debug');
  expect(twice.at?.line).toBe(4);
  expect(error(['    - action: {msg: x}']).message).toContain('action: needs a module name');
  expect(error(['    - action: copy nosuch=1']).message).toMatch(/nosuch/);
});
