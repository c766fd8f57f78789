import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BlockNode, ModuleTask } from '../../engine/load/model.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import { loadRole, roleSearchPath } from '../../engine/load/role.js';
import { SourceCache } from '../../engine/load/source-cache.js';
import { errorOf, removeTrees, writeTree } from './tree.js';

afterAll(removeTrees);
const savedEnv = { cx: process.env.CXPLAY_ROLES_PATH, ansible: process.env.ANSIBLE_ROLES_PATH };
afterEach(() => {
  for (const [name, value] of [['CXPLAY_ROLES_PATH', savedEnv.cx], ['ANSIBLE_ROLES_PATH', savedEnv.ansible]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const at = { file: 'test', line: 1 };

function roleNames(blocks: readonly BlockNode[]): string[] {
  return blocks.map((block) => block.role!.role.name);
}

describe('finding roles', () => {
  it('finds roles/ beside the playbook and beside its parent directory (playbooks/site.yaml uses ../roles)', () => {
    const dir = writeTree({
      'playbooks/site.yaml': '- hosts: all\n  roles: [near, far]\n',
      'playbooks/roles/near/tasks/main.yaml': '- debug: {msg: near}\n',
      'roles/far/tasks/main.yml': '- debug: {msg: far}\n',
    });
    const blocks = loadPlaybook(join(dir, 'playbooks/site.yaml')).plays[0]!.roles;
    expect(roleNames(blocks)).toEqual(['near', 'far']);
    expect(blocks[1]!.role!.role.dir).toBe(join(dir, 'roles/far'));
  });

  it("searches CXPLAY_ROLES_PATH (colon-separated) and the configuration's roles_path", () => {
    const dir = writeTree({
      'site.yaml': '- hosts: all\n  roles: [one, two]\n',
      'shared/a/one/tasks/main.yaml': '- debug: {msg: one}\n',
      'shared/b/two/defaults/main.yaml': 'x: 1\n',
    });
    process.env.CXPLAY_ROLES_PATH = `${join(dir, 'nothing-here')}:${join(dir, 'shared/a')}`;
    expect(roleSearchPath(dir, [])).toContain(join(dir, 'shared/a'));
    const blocks = loadPlaybook(join(dir, 'site.yaml'), new SourceCache(undefined, [join(dir, 'shared/b')])).plays[0]!.roles;
    expect(blocks.map((block) => block.role!.role.dir)).toEqual([join(dir, 'shared/a/one'), join(dir, 'shared/b/two')]);
  });

  it('accepts a role given as a path', () => {
    const dir = writeTree({ 'site.yaml': '- hosts: all\n  roles: [./vendor/thing]\n', 'vendor/thing/tasks/main.yaml': '- debug: {msg: x}\n' });
    expect(roleNames(loadPlaybook(join(dir, 'site.yaml')).plays[0]!.roles)).toEqual(['thing']);
  });

  it('names a missing role, where it looked, and the closest role, at the reference', () => {
    const dir = writeTree({
      'site.yaml': '- hosts: all\n  roles:\n    - role: rke2-servr\n',
      'roles/rke2-server/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/rke2-agent/tasks/main.yaml': '- debug: {msg: x}\n',
    });
    const error = errorOf(() => loadPlaybook(join(dir, 'site.yaml')));
    expect(error.message).toBe(`role 'rke2-servr' not found in ${join(dir, 'roles')}, ${join(dir, '..', 'roles')}, ${dir} — did you mean 'rke2-server'?`);
    expect(error.at).toEqual({ file: join(dir, 'site.yaml'), line: 3, col: 7 });
    expect(error.exitCode).toBe(4);
  });
});

describe('reading a role', () => {
  it('reads tasks, handlers, defaults and vars (main.yaml or main.yml)', () => {
    const dir = writeTree({
      'roles/web/tasks/main.yaml': '- name: conf\n  debug: {msg: "{{ port }}"}\n  notify: restart\n',
      'roles/web/handlers/main.yml': '- name: restart\n  debug: {msg: restart}\n',
      'roles/web/defaults/main.yaml': 'port: 80\n',
      'roles/web/vars/main.yml': 'user: www\n',
    });
    const { role, params } = loadRole('web', { baseDir: dir, at, sources: new SourceCache(), params: { port: 8080 } });
    expect(role).toMatchObject({ name: 'web', dir: join(dir, 'roles/web'), defaults: { port: 80 }, vars: { user: 'www' }, dependencies: [] });
    expect(role.tasks).toHaveLength(1);
    expect(role.handlers.map((handler) => handler.name)).toEqual(['restart']);
    expect(params).toEqual({ port: 8080 });
  });

  it('gives handlers the role and its params: they run outside the role block', () => {
    const dir = writeTree({ 'roles/svc/handlers/main.yaml': '- name: restart\n  command: systemctl restart {{ unit }}\n' });
    const instance = loadRole('svc', { baseDir: dir, at, sources: new SourceCache(), params: { unit: 'nginx' } });
    expect(instance.role.handlers[0]!.role).toBe(instance);
    expect(instance.role.handlers[0]!.role!.params).toEqual({ unit: 'nginx' });
  });

  it('reads other entry points with tasks_from, vars_from, defaults_from and handlers_from', () => {
    const dir = writeTree({
      'roles/db/tasks/main.yaml': '- debug: {msg: main}\n',
      'roles/db/tasks/backup.yml': '- debug: {msg: backup}\n',
      'roles/db/vars/backup.yaml': 'target: /backup\n',
      'roles/db/defaults/backup.yaml': 'keep: 3\n',
      'roles/db/handlers/backup.yaml': '- name: done\n  debug: {msg: done}\n',
    });
    const { role } = loadRole('db', { baseDir: dir, at, sources: new SourceCache(), from: { tasks: 'backup', vars: 'backup', defaults: 'backup', handlers: 'backup' } });
    expect((role.tasks[0] as ModuleTask).args).toEqual({ msg: 'backup' });
    expect(role.vars).toEqual({ target: '/backup' });
    expect(role.defaults).toEqual({ keep: 3 });
    expect(role.handlers.map((handler) => handler.name)).toEqual(['done']);
    expect(errorOf(() => loadRole('db', { baseDir: dir, at, sources: new SourceCache(), from: { tasks: 'restore' } })).message).toBe("role 'db' has no tasks file 'restore'");
  });

  it('finds a role task file imported from the role tasks/ directory', () => {
    const dir = writeTree({
      'roles/app/tasks/main.yaml': '- import_tasks: steps/one.yaml\n',
      'roles/app/tasks/steps/one.yaml': '- import_tasks: two.yaml\n- import_tasks: shared.yaml\n',
      'roles/app/tasks/steps/two.yaml': '- debug: {msg: two}\n',
      'roles/app/tasks/shared.yaml': '- debug: {msg: shared}\n',
    });
    const { role } = loadRole('app', { baseDir: dir, at, sources: new SourceCache() });
    const outer = role.tasks[0] as BlockNode;
    const [two, shared] = outer.block as BlockNode[];
    expect((two!.block[0] as ModuleTask).args).toEqual({ msg: 'two' });
    expect((shared!.block[0] as ModuleTask).args).toEqual({ msg: 'shared' });
  });

  it('loads a role once per run for the same params, again for other params', () => {
    const dir = writeTree({ 'roles/r/tasks/main.yaml': '- debug: {msg: x}\n' });
    const sources = new SourceCache();
    const first = loadRole('r', { baseDir: dir, at, params: { a: 1 }, sources });
    expect(loadRole('r', { baseDir: dir, at, params: { a: 1 }, sources })).toBe(first);
    expect(loadRole('r', { baseDir: dir, at, params: { a: 2 }, sources })).not.toBe(first);
    expect(loadRole('r', { baseDir: dir, at, params: { a: 1 }, sources: new SourceCache() })).not.toBe(first);
  });
});

describe('dependencies', () => {
  const tree = (extra: Record<string, string> = {}) =>
    writeTree({
      'roles/base/tasks/main.yaml': '- debug: {msg: base}\n',
      'roles/web/meta/main.yaml': 'dependencies:\n  - base\n  - role: tls\n    cert: web\n    when: tls_wanted\n    tags: [tls]\n',
      'roles/web/tasks/main.yaml': '- debug: {msg: web}\n',
      'roles/tls/tasks/main.yaml': '- debug: {msg: "{{ cert }}"}\n',
      'roles/api/meta/main.yaml': 'dependencies: [base]\n',
      'roles/api/tasks/main.yaml': '- debug: {msg: api}\n',
      ...extra,
    });

  it('runs dependencies first, and a dependency used twice with the same params once', () => {
    const dir = tree({ 'site.yaml': '- hosts: all\n  roles: [web, api]\n' });
    expect(roleNames(loadPlaybook(join(dir, 'site.yaml')).plays[0]!.roles)).toEqual(['base', 'tls', 'web', 'api']);
  });

  it("gives a dependency its params and keywords, under the parent entry's when and tags", () => {
    const dir = tree({ 'site.yaml': '- hosts: all\n  roles:\n    - role: web\n      when: web_wanted\n      tags: web\n' });
    const [base, tls, web] = loadPlaybook(join(dir, 'site.yaml')).plays[0]!.roles;
    expect(base).toMatchObject({ when: ['web_wanted'], tags: ['web'] });
    expect(tls).toMatchObject({ when: ['web_wanted', 'tls_wanted'], tags: ['web', 'tls'] });
    expect(tls!.role!.params).toEqual({ cert: 'web' });
    expect(web).toMatchObject({ when: ['web_wanted'], tags: ['web'] });
  });

  it('runs a role again with other params, or with allow_duplicates', () => {
    const dir = writeTree({
      'site.yaml': '- hosts: all\n  roles:\n    - {role: p, n: 1}\n    - {role: p, n: 1}\n    - {role: p, n: 2}\n    - d\n    - d\n',
      'roles/p/tasks/main.yaml': '- debug: {msg: "{{ n }}"}\n',
      'roles/d/meta/main.yaml': 'allow_duplicates: true\n',
      'roles/d/tasks/main.yaml': '- debug: {msg: d}\n',
    });
    const roles = loadPlaybook(join(dir, 'site.yaml')).plays[0]!.roles;
    expect(roles.map((block) => [block.role!.role.name, block.role!.params])).toEqual([
      ['p', { n: 1 }],
      ['p', { n: 2 }],
      ['d', {}],
      ['d', {}],
    ]);
  });

  it('refuses a dependency cycle, naming it', () => {
    const dir = writeTree({
      'site.yaml': '- hosts: all\n  roles: [a]\n',
      'roles/a/meta/main.yaml': 'dependencies: [b]\n',
      'roles/b/meta/main.yaml': 'dependencies:\n  - a\n',
    });
    const error = errorOf(() => loadPlaybook(join(dir, 'site.yaml')));
    expect(error.message).toBe('role dependency cycle: a -> b -> a');
    expect(error.at).toMatchObject({ file: join(dir, 'roles/b/meta/main.yaml'), line: 2 });
  });
});

describe('argument specs', () => {
  it("converts Ansible's argument_specs into a JSON Schema", () => {
    const dir = writeTree({
      'roles/node/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/node/meta/argument_specs.yaml': [
        'argument_specs:',
        '  main:',
        '    short_description: A node',
        '    options:',
        '      node_name:',
        '        type: str',
        '        required: true',
        '        description: The name',
        '      node_port:',
        '        type: int',
        '        default: 9345',
        '      node_role:',
        '        choices: [server, agent]',
        '      node_labels:',
        '        type: list',
        '        elements: str',
        '      node_tls:',
        '        type: dict',
        '        options:',
        '          cert: {type: path, required: true}',
        '      node_debug: {type: bool}',
        '',
      ].join('\n'),
    });
    const spec = loadRole('node', { baseDir: dir, at, sources: new SourceCache() }).role.argumentSpec!;
    expect(spec.at).toMatchObject({ file: join(dir, 'roles/node/meta/argument_specs.yaml'), line: 2 });
    const schema = spec.schema as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(schema.required).toEqual(['node_name']);
    expect(schema.properties.node_name).toMatchObject({ type: ['string', 'number', 'boolean'], description: 'The name' });
    expect(schema.properties.node_port).toMatchObject({ default: 9345 });
    expect(schema.properties.node_role).toMatchObject({ enum: ['server', 'agent'] });
    expect(schema.properties.node_labels!.anyOf).toEqual([{ type: 'array', items: { type: ['string', 'number', 'boolean'] } }, { type: 'string' }]);
    expect(schema.properties.node_tls).toMatchObject({ type: 'object', properties: { cert: { type: 'string' } }, required: ['cert'] });
  });

  it('accepts the values Ansible would convert (an int from -e is text, yes for a bool)', async () => {
    const { Ajv } = await import('ajv');
    const dir = writeTree({
      'roles/n/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/n/meta/main.yaml': 'argument_specs:\n  main:\n    options:\n      port: {type: int}\n      enabled: {type: bool}\n',
    });
    const validate = new Ajv({ strict: false }).compile(loadRole('n', { baseDir: dir, at, sources: new SourceCache() }).role.argumentSpec!.schema);
    expect(validate({ port: '8080', enabled: 'yes' })).toBe(true);
    expect(validate({ port: 'eighty' })).toBe(false);
    expect(validate({ enabled: 'maybe' })).toBe(false);
  });

  it('uses the spec of the tasks_from entry point', () => {
    const dir = writeTree({
      'roles/n/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/n/tasks/extra.yaml': '- debug: {msg: x}\n',
      'roles/n/meta/argument_specs.yml': 'argument_specs:\n  extra:\n    options:\n      what: {type: str, required: true}\n',
    });
    expect(loadRole('n', { baseDir: dir, at, sources: new SourceCache() }).role.argumentSpec).toBeUndefined();
    expect(loadRole('n', { baseDir: dir, at, sources: new SourceCache(), from: { tasks: 'extra' } }).role.argumentSpec?.schema).toMatchObject({ required: ['what'] });
  });

  it('takes a JSON Schema file as written', () => {
    const dir = writeTree({
      'roles/j/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/j/meta/argument_specs.schema.json': '{"type": "object", "properties": {"size": {"type": "integer", "minimum": 1}}}\n',
    });
    expect(loadRole('j', { baseDir: dir, at, sources: new SourceCache() }).role.argumentSpec?.schema).toEqual({ type: 'object', properties: { size: { type: 'integer', minimum: 1 } } });
  });

  it('names mistakes in a spec: an unknown type, a misspelled option key, an invalid JSON Schema', () => {
    const dir = writeTree({
      'roles/t/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/t/meta/argument_specs.yaml': 'argument_specs:\n  main:\n    options:\n      size:\n        type: integer\n',
      'roles/k/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/k/meta/argument_specs.yaml': 'argument_specs:\n  main:\n    options:\n      size:\n        type: int\n        requried: true\n',
      'roles/s/tasks/main.yaml': '- debug: {msg: x}\n',
      'roles/s/meta/argument_specs.schema.json': '{"type": "objekt"}\n',
    });
    const type = errorOf(() => loadRole('t', { baseDir: dir, at, sources: new SourceCache() }));
    expect(type.message).toBe(`option 'size' has unknown type string "integer" — did you mean 'int'?`);
    expect(type.at?.line).toBe(5);
    const key = errorOf(() => loadRole('k', { baseDir: dir, at, sources: new SourceCache() }));
    expect(key.message).toBe("option 'size' has no key 'requried' — did you mean 'required'?");
    expect(key.at?.line).toBe(6);
    expect(errorOf(() => loadRole('s', { baseDir: dir, at, sources: new SourceCache() })).message).toMatch(/^the argument schema of role 's' is not a valid JSON Schema/);
  });
});
