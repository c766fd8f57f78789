import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import type { BlockNode, IncludeNode, MetaTask, ModuleTask, TaskNode } from '../../engine/load/model.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import { loadTaskFile } from '../../engine/load/tasks.js';
import { errorOf, removeTrees, writeTree } from './tree.js';

afterAll(removeTrees);

/** A playbook with one play whose `tasks:` is `tasks` (YAML, indented by the caller as a list). */
function play(tasks: string, files: Record<string, string> = {}): { dir: string; file: string } {
  const dir = writeTree({ 'site.yaml': `- hosts: all\n  gather_facts: false\n  tasks:\n${tasks}`, ...files });
  return { dir, file: join(dir, 'site.yaml') };
}

function tasksOf(tasks: string, files: Record<string, string> = {}): TaskNode[] {
  return [...loadPlaybook(play(tasks, files).file).plays[0]!.tasks];
}

function failure(tasks: string, files: Record<string, string> = {}) {
  const { file } = play(tasks, files);
  const error = errorOf(() => loadPlaybook(file));
  expect(error).toBeInstanceOf(CxError);
  return { error, file };
}

describe('module tasks', () => {
  it('reads the mapping form and the short form, with or without ansible.builtin.', () => {
    const [mapping, short, prefixed] = tasksOf(
      [
        '    - name: Make dir',
        '      file:',
        '        path: /opt/x',
        '        state: directory',
        '    - file: path=/opt/y state=directory mode=0755',
        '    - ansible.builtin.command: echo hi',
        '',
      ].join('\n'),
    ) as ModuleTask[];
    expect(mapping).toMatchObject({ kind: 'task', name: 'Make dir', module: 'file', args: { path: '/opt/x', state: 'directory' } });
    expect(short).toMatchObject({ module: 'file', args: { path: '/opt/y', state: 'directory', mode: '0755' } });
    expect(prefixed).toMatchObject({ module: 'command', args: { _raw_params: 'echo hi' } });
  });

  it('merges args: under the module line, the module line winning', () => {
    const [task] = tasksOf('    - shell: echo hi > /tmp/x chdir=/tmp\n      args:\n        creates: /tmp/x\n        chdir: /ignored\n') as ModuleTask[];
    expect(task!.args).toMatchObject({ _raw_params: 'echo hi > /tmp/x', chdir: '/tmp', creates: '/tmp/x' });
  });

  it('records where each task is', () => {
    const { file } = play('    - name: first\n      debug: {msg: a}\n    - name: second\n      debug: {msg: b}\n');
    const tasks = loadPlaybook(file).plays[0]!.tasks;
    expect(tasks.map((task) => task.at)).toEqual([
      { file, line: 4, col: 7 },
      { file, line: 6, col: 7 },
    ]);
  });

  it('keeps conditions as text, turning YAML booleans into Python words', () => {
    const [task] = tasksOf(
      '    - command: /bin/true\n      when:\n        - a is defined\n        - "{{ b }}"\n      changed_when: false\n      failed_when: result.rc > 1\n      until: result is succeeded\n      register: result\n      retries: 3\n      delay: "{{ wait }}"\n',
    ) as ModuleTask[];
    expect(task).toMatchObject({
      when: ['a is defined', '{{ b }}'],
      changedWhen: ['False'],
      failedWhen: ['result.rc > 1'],
      until: ['result is succeeded'],
      register: 'result',
      retries: 3,
      delay: '{{ wait }}',
    });
  });

  it('reads loop, with_items (flattened one level) and with_list, and loop_control', () => {
    const [loop, withItems, withList] = tasksOf(
      [
        '    - debug: {msg: "{{ pkg }}"}',
        '      loop: [a, b]',
        '      loop_control: {loop_var: pkg, index_var: i, label: "{{ pkg }}"}',
        '    - debug: {msg: "{{ item }}"}',
        '      with_items: "{{ lists }}"',
        '    - debug: {msg: "{{ item }}"}',
        '      with_list: [[1, 2]]',
        '',
      ].join('\n'),
    ) as ModuleTask[];
    expect(loop).toMatchObject({ loop: ['a', 'b'], loopFlatten: false, loopControl: { loopVar: 'pkg', indexVar: 'i', label: '{{ pkg }}' } });
    expect(withItems).toMatchObject({ loop: '{{ lists }}', loopFlatten: true, loopControl: undefined });
    expect(withList).toMatchObject({ loop: [[1, 2]], loopFlatten: false });
  });

  it('accepts whole floats where a keyword takes a number (delay: 1.0, loop_control pause: 1.0), as Ansible does', () => {
    const [task] = tasksOf(
      ['    - command: /bin/true', '      register: r', '      until: r is succeeded', '      delay: 1.0', '      loop: [a]', '      loop_control: {pause: 2.0}', ''].join('\n'),
    ) as ModuleTask[];
    expect(Number(task!.delay)).toBe(1);
    expect(task!.loopControl?.pause).toBe(2);
  });

  it('reads with_<lookup> as a loop over that lookup, with its terms as written', () => {
    const [dict, sequence, firstFound] = tasksOf(
      [
        '    - debug: {msg: "{{ item.key }}"}',
        '      with_dict: {a: 1}',
        '    - debug: {msg: "{{ item }}"}',
        '      with_sequence: start=1 end=3',
        "    - include_tasks: '{{ item }}'",
        '      with_first_found: [a.yaml, b.yaml]',
        '',
      ].join('\n'),
    );
    expect(dict).toMatchObject({ loop: { a: 1 }, loopWith: 'dict', loopFlatten: false });
    expect(sequence).toMatchObject({ loop: 'start=1 end=3', loopWith: 'sequence' });
    expect(firstFound).toMatchObject({ kind: 'include_tasks', loop: ['a.yaml', 'b.yaml'], loopWith: 'first_found' });
  });

  it('refuses with_ of an unknown lookup at its line, with a suggestion', () => {
    const { error } = failure('    - debug: {msg: x}\n      with_sequense: 1-3\n');
    expect(error.message).toBe("unknown lookup 'sequense' in with_sequense — did you mean 'sequence'?");
    expect(error.at?.line).toBe(5);
  });

  it("defaults loop_control's loop_var to item", () => {
    const [task] = tasksOf('    - debug: {msg: x}\n      loop: [1]\n      loop_control: {label: one}\n') as ModuleTask[];
    expect(task!.loopControl).toMatchObject({ loopVar: 'item', label: 'one' });
  });

  it('reads notify as one name or a list (a name may hold a comma), and tags as a list or comma-separated', () => {
    const [one, list] = tasksOf(
      '    - command: /bin/true\n      notify: Restart nginx, then wait\n      tags: web, config\n    - command: /bin/true\n      notify: [a, b]\n      tags: [x]\n',
    ) as ModuleTask[];
    expect(one).toMatchObject({ notify: ['Restart nginx, then wait'], tags: ['web', 'config'] });
    expect(list).toMatchObject({ notify: ['a', 'b'], tags: ['x'] });
  });

  it('records the inheritable keywords as written', () => {
    const [task] = tasksOf(
      '    - command: /bin/true\n      become: yes\n      become_user: app\n      environment: {A: "1"}\n      ignore_errors: true\n      no_log: true\n      run_once: true\n      delegate_to: localhost\n      check_mode: false\n      diff: true\n      any_errors_fatal: true\n      timeout: 30\n      vars: {x: 1}\n',
    ) as ModuleTask[];
    expect(task).toMatchObject({
      become: true,
      becomeUser: 'app',
      environment: { A: '1' },
      ignoreErrors: true,
      noLog: true,
      runOnce: true,
      delegateTo: 'localhost',
      checkMode: false,
      diff: true,
      anyErrorsFatal: true,
      timeout: 30,
      vars: { x: 1 },
    });
  });
});

describe('mistakes in tasks', () => {
  it('names an unknown module with a suggestion, at its line', () => {
    const { error, file } = failure('    - name: Copy it\n      coppy:\n        src: a\n        dest: /b\n');
    expect(error.message).toBe("unknown module 'coppy' — did you mean 'copy'?");
    expect(error.at).toEqual({ file, line: 5, col: 7 });
  });

  it('names an unknown keyword with a suggestion, at its line', () => {
    const { error, file } = failure('    - name: x\n      command: /bin/true\n      whn: x == 1\n');
    expect(error.message).toBe("unknown task keyword 'whn' — did you mean 'when'?");
    expect(error.at).toEqual({ file, line: 6, col: 7 });
  });

  it('explains an Ansible keyword cxplay does not support instead of ignoring it', () => {
    const { error } = failure('    - command: sleep 100\n      debugger: on_failed\n');
    expect(error.message).toBe("task keyword 'debugger' is not supported by cxplay");
    expect(error.hint).toMatch(/debugger is not supported/);
  });

  it.each([
    ['loop: 3', "task keyword 'loop' expects a list, or a template that gives a list, got number 3"],
    ['retries: "x"', 'task keyword \'retries\' expects a whole number from 0 to 10000, or a template, got string "x"'],
    ['when: {a: 1}', "task keyword 'when' expects a condition (an expression such as x == 1) or a list of conditions, got a mapping"],
    ['ignore_errors: maybe', 'task keyword \'ignore_errors\' expects a boolean (true/false, yes/no), or a template, got string "maybe"'],
    ['register: "my result"', 'task keyword \'register\' expects a variable name (letters, digits and _), got string "my result"'],
  ])('names the keyword and what it expects for %s', (line, message) => {
    const { error } = failure(`    - command: /bin/true\n      ${line}\n`);
    expect(error.message).toBe(message);
    expect(error.at?.line).toBe(5);
  });

  it('names an unknown loop_control key', () => {
    const { error } = failure('    - debug: {msg: x}\n      loop: [1]\n      loop_control:\n        loopvar: x\n');
    expect(error.message).toBe("unknown loop_control key 'loopvar' — did you mean 'loop_var'?");
    expect(error.at?.line).toBe(7);
  });

  it('points a bad module argument at the argument line', () => {
    const { error } = failure('    - name: dir\n      file:\n        path: /x\n        state: dir\n');
    expect(error.message).toMatch(/^file: 'state' must be one of .*; got 'dir' — did you mean 'directory'\?/);
    expect(error.at?.line).toBe(7);
  });

  it('points a bad short-form argument at the module line', () => {
    const { error } = failure('    - name: dir\n      file: path=/x stat=directory\n');
    expect(error.message).toMatch(/unknown argument 'stat' — did you mean 'state'\?/);
    expect(error.at?.line).toBe(5);
  });

  it('refuses a task with two modules, none, or a loop twice', () => {
    expect(failure('    - command: /bin/true\n      shell: /bin/true\n').error.message).toBe('a task calls one module, this one has 2: command, shell');
    expect(failure('    - name: nothing\n      when: x\n').error.message).toBe('this task does nothing: no module or action found');
    expect(failure('    - debug: {msg: x}\n      loop: [1]\n      with_items: [2]\n').error.message).toBe('a task takes one loop; this one has loop and with_items');
  });

  it('refuses listen outside handlers, and import_playbook inside a task list', () => {
    expect(failure('    - command: /bin/true\n      listen: x\n').error.message).toBe("'listen' is only for handlers");
    expect(failure('    - import_playbook: other.yaml\n').error.message).toMatch(/import_playbook belongs at the top level/);
  });

  it('refuses a task that is not a mapping, and a task list that is not a list', () => {
    const notMapping = failure('    - name: fine\n      debug: {msg: x}\n    - just a string\n').error;
    expect(notMapping.message).toBe('each task must be a mapping (name: ..., module: ...)');
    expect(notMapping.at?.line).toBe(6);
    const dir = writeTree({ 'site.yaml': '- hosts: all\n  tasks:\n    name: x\n' });
    expect(errorOf(() => loadPlaybook(join(dir, 'site.yaml'))).message).toBe("play keyword 'tasks' expects a list of tasks, got a mapping");
    expect(failure('    - import_tasks: one.yaml\n', { 'one.yaml': 'name: x\ndebug: {msg: y}\n' }).error.message).toBe('a task list must be a YAML list of tasks');
  });
});

describe('blocks and meta', () => {
  it('reads block, rescue and always with the block keywords', () => {
    const [block] = tasksOf(
      '    - name: guarded\n      when: ready\n      become: true\n      vars: {x: 1}\n      block:\n        - command: /bin/false\n      rescue:\n        - debug: {msg: rescued}\n      always:\n        - meta: flush_handlers\n',
    ) as BlockNode[];
    expect(block).toMatchObject({ kind: 'block', name: 'guarded', when: ['ready'], become: true, vars: { x: 1 } });
    expect(block!.block.map((task) => task.kind)).toEqual(['task']);
    expect((block!.rescue[0] as ModuleTask).module).toBe('debug');
    expect(block!.always[0] as MetaTask).toMatchObject({ kind: 'meta', action: 'flush_handlers' });
  });

  it('refuses a block that also calls a module, and unknown block keywords', () => {
    expect(failure('    - block:\n        - command: /bin/true\n      command: /bin/true\n').error.message).toBe("a block holds tasks; it cannot also call 'command'");
    expect(failure('    - block:\n        - command: /bin/true\n      rescu:\n        - command: /bin/true\n').error.message).toBe("unknown block keyword 'rescu' — did you mean 'rescue'?");
  });

  it('reads the supported meta actions and names an unknown one', () => {
    const actions = tasksOf('    - meta: noop\n    - meta: end_play\n    - meta: end_host\n    - meta: clear_host_errors\n') as MetaTask[];
    expect(actions.map((task) => task.action)).toEqual(['noop', 'end_play', 'end_host', 'clear_host_errors']);
    expect(failure('    - meta: flush_handler\n').error.message).toBe("unknown meta action 'flush_handler' — did you mean 'flush_handlers'?");
  });
});

describe('import_tasks', () => {
  it('loads the file now, as a block carrying the import keywords', () => {
    const [block] = tasksOf('    - name: setup\n      import_tasks: tasks/setup.yaml\n      when: wanted\n      tags: [setup]\n      vars: {who: me}\n', {
      'tasks/setup.yaml': '- name: inner\n  debug: {msg: "{{ who }}"}\n',
    }) as BlockNode[];
    expect(block).toMatchObject({ kind: 'block', name: 'setup', when: ['wanted'], tags: ['setup'], vars: { who: 'me' } });
    expect(block!.block).toHaveLength(1);
    expect(block!.block[0]).toMatchObject({ name: 'inner', module: 'debug' });
    expect(block!.block[0]!.at.file).toMatch(/tasks\/setup\.yaml$/);
  });

  it('finds a nested import beside the including file first, then beside the playbook', () => {
    const [block] = tasksOf('    - import_tasks: tasks/a.yaml\n', {
      'tasks/a.yaml': '- import_tasks: b.yaml\n- import_tasks: top.yaml\n',
      'tasks/b.yaml': '- debug: {msg: nested}\n',
      'top.yaml': '- debug: {msg: top}\n',
    }) as BlockNode[];
    const [nested, top] = block!.block as BlockNode[];
    expect((nested!.block[0] as ModuleTask).args).toEqual({ msg: 'nested' });
    expect((top!.block[0] as ModuleTask).args).toEqual({ msg: 'top' });
  });

  it('refuses an import cycle, naming the chain and the import line', () => {
    const { error, dir } = (() => {
      const tree = play('    - import_tasks: a.yaml\n', { 'a.yaml': '- import_tasks: b.yaml\n', 'b.yaml': '- debug: {msg: x}\n- import_tasks: a.yaml\n' });
      return { error: errorOf(() => loadPlaybook(tree.file)), dir: tree.dir };
    })();
    expect(error.message).toBe('import cycle: a.yaml -> b.yaml -> a.yaml');
    expect(error.at).toEqual({ file: join(dir, 'b.yaml'), line: 2, col: 3 });
  });

  it('refuses a missing file, a templated name and a loop', () => {
    const missing = failure('    - import_tasks: nope.yaml\n').error;
    expect(missing.message).toBe("task file 'nope.yaml' not found");
    expect(missing.at?.line).toBe(4);
    expect(failure('    - import_tasks: "{{ f }}.yaml"\n').error.message).toMatch(/import_tasks needs a fixed file name/);
    expect(failure('    - import_tasks: a.yaml\n      loop: [1]\n', { 'a.yaml': '[]\n' }).error.message).toBe('import_tasks cannot loop');
  });

  it('reports an error inside the imported file at its own position', () => {
    const tree = play('    - import_tasks: bad.yaml\n', { 'bad.yaml': '- name: x\n  debgu: {msg: y}\n' });
    const error = errorOf(() => loadPlaybook(tree.file));
    expect(error.message).toBe("unknown module 'debgu' — did you mean 'debug'?");
    expect(error.at).toEqual({ file: join(tree.dir, 'bad.yaml'), line: 2, col: 3 });
  });
});

describe('include_tasks and include_role', () => {
  it('leaves include_tasks to run time, with the directory its file was found in', () => {
    const { dir, file } = play('    - include_tasks: tasks/extra.yaml\n      loop: [1, 2]\n    - include_tasks:\n        file: "{{ which }}.yaml"\n', {
      'tasks/extra.yaml': '- debug: {msg: extra}\n',
    });
    const [fixed, templated] = loadPlaybook(file).plays[0]!.tasks as IncludeNode[];
    expect(fixed).toMatchObject({ kind: 'include_tasks', target: 'tasks/extra.yaml', baseDir: dir, loop: [1, 2] });
    expect(templated).toMatchObject({ kind: 'include_tasks', target: '{{ which }}.yaml', baseDir: dir });
  });

  it('checks a fixed include_tasks file at load time, so a typo inside contacts no host', () => {
    const tree = play('    - include_tasks: extra.yaml\n', { 'extra.yaml': '- name: x\n  comand: ls\n' });
    const error = errorOf(() => loadPlaybook(tree.file));
    expect(error.message).toBe("unknown module 'comand' — did you mean 'command'?");
    expect(error.at?.file).toBe(join(tree.dir, 'extra.yaml'));
  });

  it('refuses a missing include_tasks file at load time', () => {
    expect(failure('    - include_tasks: missing.yaml\n').error.message).toBe("task file 'missing.yaml' not found");
  });

  it('lets a file include itself (guarded recursion is for the runner to follow)', () => {
    const tree = play('    - include_tasks: again.yaml\n', { 'again.yaml': '- debug: {msg: again}\n- include_tasks: again.yaml\n  when: more\n' });
    expect(loadPlaybook(tree.file).plays[0]!.tasks[0]).toMatchObject({ kind: 'include_tasks' });
  });

  it('checks roles that include each other through task files once, without recursing forever', () => {
    const tree = play('    - include_role: {name: a}\n', {
      'roles/a/tasks/main.yaml': '- include_tasks: x.yaml\n',
      'roles/a/tasks/x.yaml': '- include_role: {name: b}\n  when: deeper\n',
      'roles/b/tasks/main.yaml': '- include_tasks: y.yaml\n',
      'roles/b/tasks/y.yaml': '- include_role: {name: a}\n  when: deeper\n',
    });
    expect(loadPlaybook(tree.file).plays[0]!.tasks[0]).toMatchObject({ kind: 'include_role', target: 'a' });
  });

  it('gives the runner the same parsed file it checked (cached per run)', () => {
    const tree = play('    - include_tasks: extra.yaml\n', { 'extra.yaml': '- debug: {msg: extra}\n' });
    const { sources } = loadPlaybook(tree.file);
    const checked = sources.taskFiles.size;
    const first = loadTaskFile(join(tree.dir, 'extra.yaml'), { sources });
    expect(first).toHaveLength(1);
    expect(sources.taskFiles.size).toBe(checked);
    expect(loadTaskFile(join(tree.dir, 'extra.yaml'), { sources })).toBe(first);
  });

  it('reads include_role with its entry points and vars', () => {
    const [include] = tasksOf('    - include_role:\n        name: web\n        tasks_from: install\n      vars: {port: 80}\n', {
      'roles/web/tasks/install.yaml': '- debug: {msg: "{{ port }}"}\n',
    }) as IncludeNode[];
    expect(include).toMatchObject({ kind: 'include_role', target: 'web', from: { tasks: 'install' }, vars: { port: 80 } });
  });

  it('names an unknown include argument and a missing role', () => {
    expect(failure('    - include_role:\n        name: web\n        task_from: x\n').error.message).toBe("include_role has no argument 'task_from' — did you mean 'tasks_from'?");
    const missing = failure('    - include_role: {name: nosuch}\n').error;
    expect(missing.message).toMatch(/^role 'nosuch' not found in /);
    expect(missing.at?.line).toBe(4);
  });
});

describe('import_role', () => {
  it('brings the role in as a block now and its handlers to the play', () => {
    const { file } = play('    - import_role:\n        name: web\n      vars: {port: 8080}\n      when: web_wanted\n', {
      'roles/web/tasks/main.yaml': '- name: configure\n  debug: {msg: "{{ port }}"}\n  notify: restart web\n',
      'roles/web/handlers/main.yaml': '- name: restart web\n  debug: {msg: restarting}\n',
    });
    const loaded = loadPlaybook(file).plays[0]!;
    const block = loaded.tasks[0] as BlockNode;
    expect(block).toMatchObject({ kind: 'block', when: ['web_wanted'], vars: {} });
    expect(block.role?.role.name).toBe('web');
    expect(block.role?.params).toEqual({ port: 8080 });
    expect(block.block[0]).toMatchObject({ name: 'configure', notify: ['restart web'] });
    expect(loaded.handlers.map((handler) => handler.name)).toEqual(['restart web']);
  });
});

describe('import_role with dependencies', () => {
  it('brings the dependencies first, under the import keywords', () => {
    const [block] = tasksOf('    - name: web with deps\n      import_role: {name: web}\n      when: wanted\n', {
      'roles/web/meta/main.yaml': 'dependencies:\n  - role: base\n    level: 2\n',
      'roles/web/tasks/main.yaml': '- debug: {msg: web}\n',
      'roles/base/tasks/main.yaml': '- debug: {msg: "{{ level }}"}\n',
    }) as BlockNode[];
    expect(block).toMatchObject({ kind: 'block', name: 'web with deps', when: [] });
    const [base, web] = block!.block as BlockNode[];
    expect(base).toMatchObject({ when: ['wanted'] });
    expect(base!.role).toMatchObject({ role: { name: 'base' }, params: { level: 2 } });
    expect(web).toMatchObject({ when: ['wanted'], role: { role: { name: 'web' } } });
  });

  it('refuses a role that imports itself', () => {
    const { error } = failure('    - import_role: {name: loop}\n', { 'roles/loop/tasks/main.yaml': '- import_role: {name: loop}\n' });
    expect(error.message).toBe("role 'loop' imports itself");
  });
});

describe('handlers', () => {
  it('reads listen and keeps handler order', () => {
    const dir = writeTree({
      'site.yaml': '- hosts: all\n  handlers:\n    - name: restart app\n      command: systemctl restart app\n      listen: [app changed]\n    - name: reload app\n      command: systemctl reload app\n      listen: app changed\n',
    });
    const handlers = loadPlaybook(join(dir, 'site.yaml')).plays[0]!.handlers;
    expect(handlers.map((handler) => [handler.name, handler.listen])).toEqual([
      ['restart app', ['app changed']],
      ['reload app', ['app changed']],
    ]);
  });

  it('refuses blocks, includes and meta as handlers', () => {
    const dir = writeTree({ 'site.yaml': '- hosts: all\n  handlers:\n    - name: several\n      block:\n        - command: /bin/true\n' });
    const error = errorOf(() => loadPlaybook(join(dir, 'site.yaml')));
    expect(error.message).toMatch(/^a handler must call a module/);
    expect(error.at?.line).toBe(3);
  });
});
