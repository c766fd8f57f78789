import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PyFloat } from '../../engine/template/python.js';
import { groupNamesOf, groupsMap, hostVarsFromInventory, loadInventory } from '../../engine/load/inventory.js';
import { errorOf, removeTrees, writeTree } from './tree.js';

afterAll(removeTrees);

const LAB = `all:
  vars:
    ansible_user: root
    level: all
  hosts:
    bastion:
  children:
    servers:
      hosts:
        server1:
          ansible_host: 127.0.1.1
      vars:
        level: servers
    workers:
      vars:
        level: workers
      children:
        site_a:
          hosts:
            worker[1:2]:
          vars:
            level: site_a
        site_b:
          hosts:
            worker[03:04]:
              rack: b1
db:
  hosts:
    db[a:b]:
`;

function inventory(files: Record<string, string>, playbookDir?: string) {
  const dir = writeTree(files);
  return { dir, inventory: loadInventory(join(dir, 'inventory.yaml'), { playbookDir: playbookDir && join(dir, playbookDir) }) };
}

describe('YAML inventory', () => {
  it('reads hosts in order, with ranges expanded (zero padding kept) and null hosts', () => {
    const { inventory: inv } = inventory({ 'inventory.yaml': LAB });
    expect([...inv.hosts.keys()]).toEqual(['bastion', 'server1', 'worker1', 'worker2', 'worker03', 'worker04', 'dba', 'dbb']);
    expect(inv.hosts.get('worker03')!.vars).toEqual({ rack: 'b1' });
    expect(inv.hosts.get('server1')!.at).toMatchObject({ line: 10 });
  });

  it('has all and ungrouped, groups at the top level, and children', () => {
    const { inventory: inv } = inventory({ 'inventory.yaml': LAB });
    expect([...inv.groups.keys()].sort()).toEqual(['all', 'db', 'servers', 'site_a', 'site_b', 'ungrouped', 'workers']);
    expect([...inv.groups.get('all')!.children].sort()).toEqual(['db', 'servers', 'ungrouped', 'workers']);
    expect(inv.groups.get('ungrouped')!.hosts).toEqual(['bastion']);
    expect(inv.groups.get('workers')!.children).toEqual(['site_a', 'site_b']);
  });

  it('gives `groups` with children included, in inventory order, and group_names sorted', () => {
    const { inventory: inv } = inventory({ 'inventory.yaml': LAB });
    const groups = groupsMap(inv);
    expect(groups.workers).toEqual(['worker1', 'worker2', 'worker03', 'worker04']);
    expect(groups.all).toHaveLength(8);
    expect(groups.ungrouped).toEqual(['bastion']);
    expect(groupNamesOf(inv, 'worker1')).toEqual(['site_a', 'workers']);
    expect(groupNamesOf(inv, 'bastion')).toEqual([]);
  });

  it('merges variables: all < parent group < child group < host', () => {
    const { inventory: inv } = inventory({ 'inventory.yaml': LAB });
    expect(hostVarsFromInventory(inv, 'bastion')).toEqual({ ansible_user: 'root', level: 'all' });
    expect(hostVarsFromInventory(inv, 'server1')).toEqual({ ansible_user: 'root', level: 'servers', ansible_host: '127.0.1.1' });
    expect(hostVarsFromInventory(inv, 'worker1')).toMatchObject({ level: 'site_a' });
    expect(hostVarsFromInventory(inv, 'worker03')).toMatchObject({ level: 'workers', rack: 'b1' });
  });

  it('merges groups of the same depth by name, unless ansible_group_priority says otherwise', () => {
    const base = 'all:\n  children:\n    alpha:\n      hosts: {h: }\n      vars: {v: alpha}\n    beta:\n      hosts: {h: }\n      vars: {v: beta';
    expect(hostVarsFromInventory(inventory({ 'inventory.yaml': `${base}}\n` }).inventory, 'h').v).toBe('beta');
    const prioritized = `${base.replace('{v: alpha}', '{v: alpha, ansible_group_priority: 10}')}}\n`;
    expect(hostVarsFromInventory(inventory({ 'inventory.yaml': prioritized }).inventory, 'h').v).toBe('alpha');
  });

  it('orders same-depth groups by character code, as Python sorts them (upper case before lower)', () => {
    const yaml = 'all:\n  children:\n    a:\n      hosts: {h: }\n      vars: {v: a}\n    B:\n      hosts: {h: }\n      vars: {v: B}\n';
    expect(hostVarsFromInventory(inventory({ 'inventory.yaml': yaml }).inventory, 'h').v).toBe('a');
  });
});

describe('group_vars and host_vars', () => {
  it('reads them beside the inventory and beside the playbook, the playbook\'s winning', () => {
    const { inventory: inv } = inventory(
      {
        'inventory.yaml': 'all:\n  hosts:\n    h1:\n      own: inventory\n  children:\n    web:\n      hosts: {h1: }\n',
        'group_vars/all.yaml': 'from_all: 1\nwho: inventory dir\n',
        'group_vars/web.yml': 'web_port: 80\n',
        'host_vars/h1.json': '{"own": "host_vars", "json": true}\n',
        'play/group_vars/all.yaml': 'who: playbook dir\n',
      },
      'play',
    );
    expect(hostVarsFromInventory(inv, 'h1')).toEqual({ from_all: 1, who: 'playbook dir', web_port: 80, own: 'host_vars', json: true });
  });

  it('reads a directory of files per group or host in name order, and a file without extension', () => {
    const { inventory: inv } = inventory({
      'inventory.yaml': 'all:\n  hosts:\n    h1:\n',
      'group_vars/all/10-base.yaml': 'a: 1\nb: 1\n',
      'group_vars/all/20-more.yml': 'b: 2\n',
      'group_vars/all/notes.txt': 'not: read\n',
      'host_vars/h1': 'plain: yes\n',
    });
    expect(hostVarsFromInventory(inv, 'h1')).toEqual({ a: 1, b: 2, plain: true });
  });

  it('reports a bad vars file with its position', () => {
    const dir = writeTree({ 'inventory.yaml': 'all:\n  hosts:\n    h1:\n', 'host_vars/h1.yaml': 'a: 1\na: 2\n' });
    const error = errorOf(() => loadInventory(join(dir, 'inventory.yaml')));
    expect(error.message).toBe("duplicate key 'a' in a mapping");
    expect(error.at).toMatchObject({ file: join(dir, 'host_vars/h1.yaml'), line: 2 });
  });
});

describe('mistakes in inventories', () => {
  it.each([
    ['all:\n  hosts:\n    - web1\n', "hosts of group 'all' must be a mapping, got a list", 2],
    ['all:\n  childen:\n    web: {}\n', "unknown key 'childen' in group 'all' — did you mean 'children'?", 2],
    ['all:\n  hosts:\n    web1: 10.0.0.1\n', 'host \'web1\' must map to its variables (or to nothing), got string "10.0.0.1"', 3],
    ['all:\n  hosts:\n    node[3:1]:\n', "cannot expand host range 'node[3:1]': the end comes before the start", 3],
    ['all:\n  hosts:\n    node[1:b]:\n', "cannot expand host range 'node[1:b]': the bounds must be two numbers or two letters", 3],
    ['all:\n  hosts:\n    node[1:\n', "cannot expand host range 'node[1': a '[' that is never closed", 3],
    ['all:\n  hosts:\n    node[abc]:\n', "cannot expand host range 'node[abc]': a range is written [begin:end] or [begin:end:step]", 3],
    ['a:\n  children:\n    b:\nb:\n  children:\n    a:\n', 'group loop: a -> b -> a', 1],
    ['- web1\n', 'an inventory must be a YAML mapping of groups, starting with all:', 1],
    ['all:\n  vars:\n    __proto__: {admin: true}\n', "key '__proto__' is not allowed", 3],
  ])('%j fails with one clear message', (yaml, message, line) => {
    const dir = writeTree({ 'inventory.yaml': yaml });
    const error = errorOf(() => loadInventory(join(dir, 'inventory.yaml')));
    expect(error.message).toBe(message);
    expect(error.at).toMatchObject({ file: join(dir, 'inventory.yaml'), line });
    expect(error.exitCode).toBe(4);
  });

  it('refuses a host range that would expand to absurdly many hosts', () => {
    const dir = writeTree({ 'inventory.yaml': 'all:\n  hosts:\n    n[1:1000000]:\n' });
    expect(errorOf(() => loadInventory(join(dir, 'inventory.yaml'))).message).toMatch(/more than 10000 hosts/);
  });

  it('bounds the product of several ranges in one name as it bounds one range, before expanding any', () => {
    const dir = writeTree({ 'inventory.yaml': 'all:\n  hosts:\n    n[1:10000]x[1:10000]:\n', 'inventory.ini': '[all]\nn[1:10000]x[1:10000]\n' });
    for (const [file, line] of [['inventory.yaml', 3], ['inventory.ini', 2]] as const) {
      const error = errorOf(() => loadInventory(join(dir, file)));
      expect(error.message).toBe("cannot expand host range 'n[1:10000]x[1:10000]': 100000000 hosts, more than 10000");
      expect(error.at).toMatchObject({ file: join(dir, file), line });
    }
  });

  it('still expands several ranges in one name, in order', () => {
    const dir = writeTree({ 'inventory.yaml': 'all:\n  hosts:\n    rack[1:2]-node[a:b]:\n' });
    expect([...loadInventory(join(dir, 'inventory.yaml')).hosts.keys()]).toEqual(['rack1-nodea', 'rack1-nodeb', 'rack2-nodea', 'rack2-nodeb']);
  });
});

describe('INI inventory', () => {
  const INI = [
    '# the lab',
    'bastion ansible_host=127.0.0.9',
    '',
    '[server]',
    'cp1 ansible_host=127.0.1.1 ansible_port=2222 label="control plane"  # the only one',
    '',
    '[site_a]',
    'worker[1:2]',
    '',
    '[site_b]',
    'worker3:2200 rack=b1 primary=True weight=2.0 scale=1e3 ratio=0.5',
    '',
    '[workers:children]',
    'site_a',
    'site_b',
    '',
    '[workers:vars]',
    'ansible_user=admin',
    "greeting='hello world'",
    'retries=3',
    '',
  ].join('\n');

  it('reads hosts, ranges, inline vars as Python literals, :vars and :children', () => {
    const dir = writeTree({ 'hosts.ini': INI });
    const ini = loadInventory(join(dir, 'hosts.ini'));
    expect([...ini.hosts.keys()]).toEqual(['bastion', 'cp1', 'worker1', 'worker2', 'worker3']);
    expect(ini.hosts.get('cp1')!.vars).toEqual({ ansible_host: '127.0.1.1', ansible_port: 2222, label: 'control plane' });
    // Floats are floats, a whole one too (ansible-playbook's type_debug: float).
    expect(ini.hosts.get('worker3')!.vars).toEqual({ ansible_port: 2200, rack: 'b1', primary: true, weight: new PyFloat(2), scale: new PyFloat(1000), ratio: 0.5 });
    expect(ini.groups.get('ungrouped')!.hosts).toEqual(['bastion']);
    expect(groupsMap(ini).workers).toEqual(['worker1', 'worker2', 'worker3']);
    expect(hostVarsFromInventory(ini, 'worker1')).toEqual({ ansible_user: 'admin', greeting: 'hello world', retries: 3 });
    expect(ini.hosts.get('cp1')!.at).toEqual({ file: join(dir, 'hosts.ini'), line: 5, col: 1 });
  });

  it('reads a file without extension as INI when it is not a YAML mapping', () => {
    const dir = writeTree({ hosts: 'web1 ansible_host=127.0.0.5\nweb2\n' });
    expect([...loadInventory(join(dir, 'hosts')).hosts.keys()]).toEqual(['web1', 'web2']);
    const yaml = writeTree({ inventory: 'all:\n  hosts:\n    h1:\n' });
    expect([...loadInventory(join(yaml, 'inventory')).hosts.keys()]).toEqual(['h1']);
  });

  it.each([
    ['[web:var]\n', 'invalid section [web:var]', 1],
    ['[web]\nweb1 port 22\n', "'port' on the line of host web1 is not name=value", 2],
    ['[web:vars]\njust_a_word\n', "'just_a_word' is not name=value", 2],
    ['[web]\nweb1 __proto__=1\n', "name '__proto__' is not allowed", 2],
    ['[a:children]\nb\n[b:children]\na\n', 'group loop: a -> b -> a', 1],
  ])('%j fails with one clear message', (text, message, line) => {
    const dir = writeTree({ 'hosts.ini': text });
    const error = errorOf(() => loadInventory(join(dir, 'hosts.ini')));
    expect(error.message).toBe(message);
    expect(error.at).toMatchObject({ file: join(dir, 'hosts.ini'), line });
  });
});
