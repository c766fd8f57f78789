import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import type { ModuleTask } from '../../engine/load/model.js';
import { loadPlaybook, rolePlaybook } from '../../engine/load/playbook.js';
import { projectRoot } from '../support/cli.js';
import { errorOf, removeTrees, writeTree } from './tree.js';

afterAll(removeTrees);

function loadOne(yaml: string, files: Record<string, string> = {}) {
  const dir = writeTree({ 'site.yaml': yaml, ...files });
  return { dir, playbook: loadPlaybook(join(dir, 'site.yaml')) };
}

describe('plays', () => {
  it('reads the play keywords with their defaults', () => {
    const { dir, playbook } = loadOne('- hosts: web\n  tasks:\n    - debug: {msg: hi}\n');
    expect(playbook).toMatchObject({ file: join(dir, 'site.yaml'), dir });
    expect(playbook.plays[0]).toMatchObject({
      name: 'web',
      hosts: 'web',
      gatherFacts: undefined,
      gatherArgs: {},
      strategy: 'linear',
      serial: [],
      maxFailPercentage: undefined,
      varsFiles: [],
      varsPrompt: [],
      when: [],
      tags: [],
      vars: {},
      preTasks: [],
      roles: [],
      postTasks: [],
      handlers: [],
      baseDir: dir,
      at: { file: join(dir, 'site.yaml'), line: 1, col: 3 },
    });
  });

  it('reads every supported play keyword', () => {
    const { playbook } = loadOne(
      [
        '- name: Converge',
        '  hosts: [servers, workers]',
        '  gather_facts: no',
        '  serial: [1, "30%"]',
        '  strategy: free',
        '  max_fail_percentage: 20',
        '  any_errors_fatal: true',
        '  become: true',
        '  vars: {a: 1}',
        '  vars_files: [vars/common.yaml, "vars/{{ env }}.yaml"]',
        '  pre_tasks: [{debug: {msg: pre}}]',
        '  tasks: [{debug: {msg: main}}]',
        '  post_tasks: [{debug: {msg: post}}]',
        '',
      ].join('\n'),
    );
    const play = playbook.plays[0]!;
    expect(play).toMatchObject({
      name: 'Converge',
      hosts: 'servers,workers',
      gatherFacts: false,
      gatherArgs: {},
      serial: [1, '30%'],
      strategy: 'free',
      maxFailPercentage: 20,
      anyErrorsFatal: true,
      become: true,
      vars: { a: 1 },
      varsFiles: ['vars/common.yaml', 'vars/{{ env }}.yaml'],
      varsPrompt: [],
    });
    expect([play.preTasks, play.tasks, play.postTasks].map((list) => (list[0] as ModuleTask).args.msg)).toEqual(['pre', 'main', 'post']);
  });

  it('reads serial as one number or one percentage', () => {
    expect(loadOne('- hosts: all\n  serial: 2\n').playbook.plays[0]!.serial).toEqual([2]);
    expect(loadOne('- hosts: all\n  serial: "50%"\n').playbook.plays[0]!.serial).toEqual(['50%']);
  });

  it('puts the roles\' handlers before the play\'s own, as Ansible orders them', () => {
    const { playbook } = loadOne('- hosts: all\n  roles: [web]\n  handlers:\n    - name: play handler\n      debug: {msg: p}\n', {
      'roles/web/tasks/main.yaml': '- debug: {msg: w}\n',
      'roles/web/handlers/main.yaml': '- name: role handler\n  debug: {msg: r}\n',
    });
    expect(playbook.plays[0]!.handlers.map((handler) => handler.name)).toEqual(['role handler', 'play handler']);
    expect(playbook.plays[0]!.roles[0]).toMatchObject({ kind: 'block', name: 'role web' });
  });

  it('builds the one-play playbook of `cxplay role`', () => {
    const dir = writeTree({ 'roles/agent/tasks/main.yaml': '- debug: {msg: a}\n' });
    const playbook = rolePlaybook('agent', 'workers', dir);
    expect(playbook.plays[0]).toMatchObject({ name: 'Apply role agent', hosts: 'workers', baseDir: dir });
    expect(playbook.plays[0]!.roles[0]!.role!.role.name).toBe('agent');
  });
});

describe('mistakes in plays', () => {
  it.each([
    ['- hots: all\n', "unknown play keyword 'hots' — did you mean 'hosts'?", 1],
    ['- name: x\n  tasks: []\n', "the play has no 'hosts'", 1],
    ['- hosts: all\n  strategy: debug\n', 'play keyword \'strategy\' expects linear, free or host_pinned, got string "debug"', 2],
    ['- hosts: all\n  serial: lots\n', 'play keyword \'serial\' expects a number of hosts, a percentage such as "30%", or a list of them, got string "lots"', 2],
    ['- hosts: all\n  gather_facts: "{{ x }}"\n', "play keyword 'gather_facts' must be true or false here, not a template", 2],
    ['- hosts: all\n  debugger: always\n', "play keyword 'debugger' is not supported by cxplay", 2],
    ['- hosts: ""\n', 'play keyword \'hosts\' expects a host pattern (all, a group, a:b, a:!b) or a list of them, got string ""', 1],
    ['hosts: all\n', 'a playbook must be a YAML list of plays', 1],
    ['[]\n', 'the playbook has no plays', 1],
    ['- just text\n', 'each play must be a mapping (hosts:, tasks:, ...)', 1],
  ])('%j fails with one clear message', (yaml, message, line) => {
    const dir = writeTree({ 'site.yaml': yaml });
    const error = errorOf(() => loadPlaybook(join(dir, 'site.yaml')));
    expect(error).toBeInstanceOf(CxError);
    expect(error.message).toBe(message);
    expect(error.at).toMatchObject({ file: join(dir, 'site.yaml'), line });
    expect(error.exitCode).toBe(4);
  });
});

describe('import_playbook', () => {
  it('flattens imported plays in place, with the import entry\'s tags, when and vars', () => {
    const { playbook } = loadOne('- import_playbook: sub/base.yaml\n  tags: base\n  vars: {from_import: 1}\n- hosts: all\n  name: last\n', {
      'sub/base.yaml': '- hosts: all\n  name: first\n  vars: {own: 2}\n- import_playbook: more.yaml\n',
      'sub/more.yaml': '- hosts: all\n  name: second\n',
    });
    expect(playbook.plays.map((play) => play.name)).toEqual(['first', 'second', 'last']);
    expect(playbook.plays[0]).toMatchObject({ tags: ['base'], vars: { from_import: 1, own: 2 } });
    expect(playbook.plays[1]!.baseDir).toMatch(/sub$/);
    expect(playbook.plays[2]).toMatchObject({ tags: [], vars: {} });
  });

  it('refuses an import cycle and a missing playbook at the import line', () => {
    const dir = writeTree({ 'site.yaml': '- import_playbook: other.yaml\n', 'other.yaml': '- hosts: all\n- import_playbook: site.yaml\n' });
    const cycle = errorOf(() => loadPlaybook(join(dir, 'site.yaml')));
    expect(cycle.message).toBe(`import_playbook cycle: ${join(dir, 'site.yaml')} -> ${join(dir, 'other.yaml')} -> ${join(dir, 'site.yaml')}`);
    expect(cycle.at).toMatchObject({ file: join(dir, 'other.yaml'), line: 2 });
    const missing = writeTree({ 'site.yaml': '- hosts: all\n- import_playbook: nope.yaml\n' });
    expect(errorOf(() => loadPlaybook(join(missing, 'site.yaml')))).toMatchObject({ message: "playbook 'nope.yaml' not found", at: { line: 2 } });
  });
});

describe('the compatibility playbooks', () => {
  const dir = resolve(projectRoot, 'test/compat/playbooks');
  it.each(readdirSync(dir).filter((name) => name.endsWith('.yaml')))('%s loads', (name) => {
    expect(loadPlaybook(join(dir, name)).plays.length).toBeGreaterThan(0);
  });
});
