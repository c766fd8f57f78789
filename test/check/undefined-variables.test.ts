/**
 * The undefined-variable check that runs before any host is contacted: a
 * name nothing defines is refused with its file, line and a suggestion;
 * every way Ansible defines or guards a name is accepted.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUndefinedVariables } from '../../engine/check/undefined-variables.js';
import { preflight } from '../../engine/check/preflight.js';
import { EventBus } from '../../engine/events.js';
import { loadInventory } from '../../engine/load/inventory.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import type { RunOptions } from '../../engine/run/run-options.js';
import { errorOf, removeTrees, writeTree } from '../load/tree.js';

afterAll(removeTrees);

const INVENTORY = 'all:\n  vars: {from_inventory: 1}\n  children:\n    web:\n      vars: {from_group: 1}\n      hosts:\n        h1: {from_host: 1}\n';

function optionsFor(playbook: string, files: Record<string, string> = {}, extraVars: Record<string, unknown> = {}): RunOptions {
  const dir = writeTree({ 'site.yaml': playbook, 'inventory.yaml': INVENTORY, ...files });
  const loaded = loadPlaybook(join(dir, 'site.yaml'));
  const options = {
    playbook: loaded,
    inventory: loadInventory(join(dir, 'inventory.yaml'), { playbookDir: loaded.dir }),
    extraVars,
    tags: [],
    skipTags: [],
    bus: new EventBus(),
    connection: {},
  } as unknown as RunOptions;
  return options;
}

function check(playbook: string, files: Record<string, string> = {}, extraVars: Record<string, unknown> = {}): void {
  checkUndefinedVariables(optionsFor(playbook, files, extraVars));
}

const play = (tasks: string, extra = '') => `- hosts: web\n  gather_facts: false\n${extra}  tasks:\n${tasks}`;

describe('undefined variables before the run', () => {
  it('does not look into a play that matches no host: Ansible warns and skips it', () => {
    const skipped = `- hosts: nomatch\n  gather_facts: false\n  tasks:\n    - debug: {msg: "{{ secret_word }}"}\n`;
    expect(preflight(optionsFor(skipped + play('    - debug: {msg: hi}\n')))).toEqual([expect.stringContaining('nomatch')]);
    expect(() => preflight(optionsFor(play('    - debug: {msg: "{{ secret_word }}"}\n')))).toThrow("'secret_word' is undefined");
  });

  it('lets with_first_found name undefined variables: Ansible skips those terms', () => {
    expect(() => check(play('    - debug: {msg: "{{ item }}"}\n      with_first_found: ["{{ distro }}.yml", default.yml]\n'))).not.toThrow();
    expect(() => check(play('    - debug: {msg: "{{ item }}"}\n      with_items: ["{{ distro }}.yml"]\n'))).toThrow("'distro' is undefined");
  });

  it('refuses an unknown lookup before the run, at its task, with a suggestion', () => {
    const error = errorOf(() => check(play('    - debug: {msg: "{{ query(\'fileglb\', \'*.conf\') }}"}\n')));
    expect(error.message).toMatch(/^unknown lookup 'fileglb' — did you mean 'fileglob'\?/);
    expect(error.at).toMatchObject({ line: 4 });
  });

  it('names the variable, the task line and the closest defined name', () => {
    const error = errorOf(() => check(play('    - copy: {content: x, dest: "{{ confg_dir }}/a"}\n', '  vars: {config_dir: /etc}\n')));
    expect(error.message).toBe("'confg_dir' is undefined");
    expect(error.at).toMatchObject({ line: 5 });
    expect(error.hint).toContain("did you mean 'config_dir'?");
    expect(error.exitCode).toBe(4);
  });

  it('finds names in conditions, loops, delegate_to and changed_when too', () => {
    expect(errorOf(() => check(play('    - debug: {msg: hi}\n      when: missing_flag\n'))).message).toBe("'missing_flag' is undefined");
    expect(errorOf(() => check(play('    - debug: {msg: hi}\n      loop: "{{ missing_list }}"\n'))).message).toBe("'missing_list' is undefined");
    expect(errorOf(() => check(play('    - debug: {msg: hi}\n      delegate_to: "{{ missing_host }}"\n'))).message).toBe("'missing_host' is undefined");
    expect(errorOf(() => check(play('    - command: "true"\n      changed_when: missing_rc == 0\n'))).message).toBe("'missing_rc' is undefined");
  });

  it('accepts inventory, play, task, block, extra vars and magic variables', () => {
    const tasks = [
      '    - block:',
      '        - debug: {msg: "{{ from_inventory }} {{ from_group }} {{ from_host }} {{ from_play }} {{ from_block }} {{ from_task }} {{ from_extra }}"}',
      '          vars: {from_task: 1}',
      '      vars: {from_block: 1}',
      '    - debug: {msg: "{{ inventory_hostname }} {{ groups.web }} {{ hostvars[inventory_hostname] }} {{ ansible_hostname | default(1) }} {{ ansible_facts }}"}',
      '',
    ].join('\n');
    expect(() => check(play(tasks, '  vars: {from_play: 1}\n'), {}, { from_extra: 1 })).not.toThrow();
  });

  it('accepts registered results, set_fact, loop variables and template loop locals', () => {
    const tasks = [
      '    - command: "true"',
      '      register: result',
      '    - set_fact: {computed: "{{ result.stdout }}"}',
      '    - debug: {msg: "{{ computed }} {{ thing }} {{ position }}"}',
      '      loop: [1, 2]',
      '      loop_control: {loop_var: thing, index_var: position}',
      '    - debug: {msg: "{% for x in [1, 2] %}{{ x }}{{ loop.index }}{% endfor %}"}',
      '',
    ].join('\n');
    expect(() => check(play(tasks))).not.toThrow();
  });

  it('accepts guarded names: default, is defined, is undefined', () => {
    const tasks = [
      '    - debug: {msg: "{{ maybe | default(1) }} {{ other | d(2) }} {{ deep.key | default(3) }}"}',
      '    - debug: {msg: "{{ flag }}"}',
      '      when: flag is defined',
      '    - debug: {msg: hi}',
      '      when: unset is undefined or unset',
      '',
    ].join('\n');
    expect(() => check(play(tasks))).not.toThrow();
  });

  it('accepts role defaults and params, and what an included file or role defines', () => {
    const files = {
      'roles/r/defaults/main.yaml': 'role_default: 1\n',
      'roles/r/tasks/main.yaml': '- set_fact: {from_role_task: 1}\n',
      'more.yaml': '- set_fact: {from_include: 1}\n',
    };
    const tasks = [
      '    - include_tasks: more.yaml',
      '    - include_role: {name: r}',
      '    - debug: {msg: "{{ role_default }} {{ from_role_task }} {{ from_include }}"}',
      '',
    ].join('\n');
    expect(() => check(play(tasks), files)).not.toThrow();
  });

  it('reads no variables in the prose of a role\'s argument spec (its validation task carries the spec)', () => {
    const files = {
      'roles/r/meta/argument_specs.yaml': 'argument_specs:\n  main:\n    options:\n      port: {type: int, description: "defaults to {{ some_other_port }}"}\n',
      'roles/r/defaults/main.yaml': 'port: 80\n',
      'roles/r/tasks/main.yaml': '- debug: {msg: "{{ port }}"}\n',
    };
    expect(() => check('- hosts: web\n  gather_facts: false\n  roles: [r]\n', files)).not.toThrow();
  });

  it('says nothing when definitions cannot be known before the run (templated include)', () => {
    const tasks = ['    - include_tasks: "{{ which }}.yaml"', '    - debug: {msg: "{{ anything }}"}', ''].join('\n');
    expect(() => check(play(tasks, '  vars: {which: more}\n'), { 'more.yaml': '- set_fact: {anything: 1}\n' })).not.toThrow();
  });
});

describe('unknown filters, tests and lookups before the run', () => {
  it('names the unknown filter in a task argument, with the task line and the closest filter', () => {
    const error = errorOf(() => check(play('    - debug: {msg: "{{ \'a\' | uper }}"}\n')));
    expect(error.message).toMatch(/^unknown filter 'uper' — did you mean 'upper'\?/);
    expect(error.at).toMatchObject({ line: 4, col: 7 });
  });

  it('finds them in conditions, loops, map/select arguments and lookups, even where variables cannot be known', () => {
    expect(errorOf(() => check(play('    - debug: {msg: hi}\n      when: 1 is evn\n'))).message).toMatch(/^unknown test 'evn' — did you mean 'even'\?/);
    expect(errorOf(() => check(play('    - debug: {msg: hi}\n      loop: "{{ [1] | map(\'strng\') }}"\n'))).message).toMatch(/^unknown filter 'strng' — did you mean 'string'\?/);
    expect(errorOf(() => check(play('    - debug: {msg: hi}\n      when: "[1] | select(\'od\') | list"\n'))).message).toMatch(/^unknown test 'od' — did you mean 'odd'\?/);
    expect(errorOf(() => check(play('    - debug: {msg: "{{ lookup(\'enf\', \'HOME\') }}"}\n'))).message).toMatch(/^unknown lookup 'enf' — did you mean 'env'\?/);
    // A templated include makes variables unknowable; filter names still are known.
    expect(errorOf(() => check(play('    - include_tasks: "{{ some_file }}"\n    - debug: {msg: "{{ 1 | intt }}"}\n', '  vars: {some_file: x.yaml}\n'))).message).toMatch(/^unknown filter 'intt' — did you mean 'int'\?/);
  });

  it('accepts every filter and test it has', () => {
    expect(() => check(play('    - debug: {msg: "{{ [1] | map(\'string\') | select(\'odd\') | list | to_json }}"}\n      when: 1 is odd and lookup(\'env\', \'HOME\')\n'))).not.toThrow();
  });
});
