/**
 * The inventory sources an Ansible operator points -i at, read as Ansible's
 * inventory manager reads them: directories (skipped names, a file no plugin
 * reads only warned about), host lists, inventory scripts (failures shown
 * with the script's stderr, nothing run through a shell), TOML, and no
 * source at all (the implicit localhost, with Ansible's warning).
 * ansible-inventory's own output for these is compared in test/cli/inventory-listing.test.ts.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostVarsFromInventory, loadInventory, loadInventorySources, NO_INVENTORY_WARNING } from '../../engine/load/inventory.js';
import { selectHosts } from '../../engine/load/host-pattern.js';
import { errorOf, removeTrees, writeTree } from './tree.js';

afterAll(() => removeTrees());

function script(dir: string, name: string): string {
  const path = join(dir, name);
  chmodSync(path, 0o755);
  return path;
}

describe('an inventory directory', () => {
  const dir = writeTree({
    'inv/a.yaml': 'all:\n  children:\n    web:\n      hosts:\n        web1:\n',
    'inv/b': '[web]\nweb2\n[web:vars]\nfrom_file=1\n',
    'inv/README': 'This directory holds the inventory.\n',
    'inv/old.orig': '[web]\norig1\n',
    'inv/hosts.ini~': '[web]\nbackup1\n',
    'inv/run.retry': 'retry1\n',
    'inv/x.ini': '[web]\nini1\n',
    'inv/.hidden': '[web]\nhidden1\n',
    'inv/group_vars/web.yaml': 'from_file: 2\nfrom_group_vars: yes\n',
  });
  const warnings: string[] = [];
  const inventory = loadInventory(join(dir, 'inv'), { warn: (message) => warnings.push(message) });

  it('reads its files in name order and skips the names Ansible skips', () => {
    expect(selectHosts(inventory, 'all')).toEqual(['web1', 'web2']);
  });

  it('applies its own group_vars/, over the variables the files give', () => {
    expect(hostVarsFromInventory(inventory, 'web2')).toMatchObject({ from_file: 2, from_group_vars: true });
  });

  it('warns about a file no plugin can read, naming it, and goes on', () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Unable to parse ${join(dir, 'inv', 'README')} as an inventory source`);
  });

  it('records which file named each host (inventory_file)', () => {
    expect(inventory.hosts.get('web2')!.source).toBe(join(dir, 'inv', 'b'));
  });
});

describe('host lists', () => {
  it('takes names and ports, and keeps a range whole unless advanced_host_list comes first', () => {
    const plain = loadInventorySources(['a,b:2222,[::1]:23,w[1:2]']);
    expect([...plain.hosts.keys()]).toEqual(['a', 'b', '::1', 'w[1:2]']);
    expect(plain.hosts.get('b')!.vars).toEqual({ ansible_port: 2222 });
    const advanced = loadInventorySources(['w[1:2],x'], { plugins: ['advanced_host_list', 'host_list'] });
    expect([...advanced.hosts.keys()]).toEqual(['w1', 'w2', 'x']);
  });
});

describe('inventory scripts', () => {
  const dir = writeTree({
    'good.sh': '#!/bin/sh\n[ "$1" = --list ] && echo \'{"web": ["h1"], "_meta": {"hostvars": {"h1": {"v": 1}}}}\'\n',
    'fails.sh': '#!/bin/sh\necho "cannot reach the CMDB" >&2\nexit 3\n',
    'not-json.sh': '#!/bin/sh\necho hello\n',
    'proto.sh': '#!/bin/sh\necho \'{"web": {"hosts": ["h1"], "vars": {"__proto__": {"polluted": true}}}}\'\n',
    'quoting.sh': '#!/bin/sh\nprintf \'{"g": {"hosts": ["%s"]}}\' "$#:$1:$2"\n',
  });

  it('reads groups and _meta.hostvars', () => {
    const inventory = loadInventory(script(dir, 'good.sh'));
    expect(selectHosts(inventory, 'web')).toEqual(['h1']);
    expect(hostVarsFromInventory(inventory, 'h1')).toEqual({ v: 1 });
  });

  it('runs the file itself with --list as one argument, no shell between', () => {
    expect([...loadInventory(script(dir, 'quoting.sh')).hosts.keys()]).toEqual(['1:--list:']);
  });

  it("fails with the script's exit code and stderr", () => {
    const error = errorOf(() => loadInventory(script(dir, 'fails.sh')));
    expect(error.message).toContain('exit code 3');
    expect(error.message).toContain('cannot reach the CMDB');
  });

  it('refuses output that is no JSON, and prototype keys', () => {
    expect(errorOf(() => loadInventory(script(dir, 'not-json.sh'))).message).toContain('did not print JSON');
    expect(errorOf(() => loadInventory(script(dir, 'proto.sh'))).message).toContain("'__proto__' is not allowed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('TOML', () => {
  const dir = writeTree({
    'good.toml': '[web]\nchildren = ["apache"]\nvars = { port = 80 }\n[web.hosts]\nw1 = { color = "red" }\n[apache.hosts]\n"ap[1:2]" = {}\n',
    'bad.toml': '[web]\nhosts = { a = }\n[db]\n',
    'dotted.toml': '[web.hosts]\nw1 = {}\n[a.b]\nc = 1\n',
  });

  it("reads Ansible's TOML layout, ranges included", () => {
    const inventory = loadInventory(join(dir, 'good.toml'));
    expect(selectHosts(inventory, 'web')).toEqual(['w1', 'ap1', 'ap2']);
    expect(hostVarsFromInventory(inventory, 'ap2')).toEqual({ port: 80 });
  });

  it("dotted headers as ansible-inventory 2.14: the ini plugin's leftover group, [a.b] skipped with Ansible's warning", () => {
    const warnings: string[] = [];
    const inventory = loadInventory(join(dir, 'dotted.toml'), { warn: (message) => warnings.push(message) });
    expect([...inventory.groups.keys()]).toEqual(expect.arrayContaining(['web.hosts', 'web', 'a']));
    expect(selectHosts(inventory, 'web')).toEqual(['w1']);
    expect(selectHosts(inventory, 'web.hosts')).toEqual([]);
    // ansible-inventory gives both, the group name's first (the ini plugin's group web.hosts is no valid variable name).
    expect(warnings).toEqual(
      expect.arrayContaining(['Skipping unexpected key "b" in group "a", only "vars", "children" and "hosts" are valid', 'Invalid characters were found in group names but not replaced, use -vvvv to see details']),
    );
    expect(warnings).toHaveLength(2);
    // With the toml plugin first, the ini plugin never sees the file.
    expect([...loadInventory(join(dir, 'dotted.toml'), { plugins: ['toml', 'ini'] }).groups.keys()]).not.toContain('web.hosts');
  });

  it('names the line of a syntax error', () => {
    const error = errorOf(() => loadInventory(join(dir, 'bad.toml')));
    expect(error.at).toMatchObject({ file: join(dir, 'bad.toml'), line: 2 });
  });
});

describe('constructed', () => {
  const dir = writeTree({
    'inv/1-hosts.yaml': 'all:\n  hosts:\n    a: {os: ubuntu, mem: 4096}\n    b: {os: debian}\n',
    'inv/2-made.yaml': "plugin: constructed\ncompose:\n  big: mem > 2048\ngroups:\n  large: big\nkeyed_groups:\n  - {key: os, prefix: os, parent_group: systems}\n",
    'strict.yaml': "plugin: constructed\nstrict: true\ngroups:\n  large: mem > 2048\n",
    'code.yaml': "plugin: constructed\nstrict: true\ncompose:\n  x: \"__import__('os').system('touch pwned')\"\n",
  });

  it('composes variables and groups from the hosts read before it', () => {
    const inventory = loadInventory(join(dir, 'inv'));
    expect(selectHosts(inventory, 'large')).toEqual(['a']);
    expect(selectHosts(inventory, 'os_debian')).toEqual(['b']);
    expect(inventory.groups.get('systems')!.children).toEqual(['os_ubuntu', 'os_debian']);
    expect(hostVarsFromInventory(inventory, 'b')).toEqual({ os: 'debian' });
    expect(selectHosts(inventory, 'ungrouped')).toEqual([]);
  });

  it('with strict, an expression that fails is an error naming the host', () => {
    const error = errorOf(() => loadInventorySources([join(dir, 'inv', '1-hosts.yaml'), join(dir, 'strict.yaml')]));
    expect(error.message).toContain('could not decide group large for host b');
  });

  it('evaluates expressions with its own parser: code is an unknown name, never run', () => {
    const error = errorOf(() => loadInventorySources([join(dir, 'inv', '1-hosts.yaml'), join(dir, 'code.yaml')]));
    expect(error.message).toContain('could not set x for host a');
  });
});

describe('no inventory', () => {
  it("leaves only the implicit localhost, with Ansible's warning", () => {
    const warnings: string[] = [];
    const inventory = loadInventorySources([], { warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([NO_INVENTORY_WARNING]);
    expect(inventory.hosts.size).toBe(0);
    expect(selectHosts(inventory, 'localhost')).toEqual(['localhost']);
    expect(selectHosts(inventory, 'all')).toEqual([]);
  });

  it('refuses a source that does not exist, and a YAML file meant for a plugin cxplay lacks', () => {
    const dir = writeTree({ 'aws_ec2.yaml': 'plugin: amazon.aws.aws_ec2\nregions: [eu-west-1]\n' });
    expect(errorOf(() => loadInventory(join(dir, 'missing.yaml'))).message).toContain('does not exist');
    expect(errorOf(() => loadInventory(join(dir, 'aws_ec2.yaml'))).message).toContain("inventory plugin 'amazon.aws.aws_ec2' is not available");
  });
});

describe('INI groups named without being declared', () => {
  const dir = writeTree({
    'child.ini': '[web]\nw1\n[site:children]\nweb\ndb\n',
    'vars.ini': '[web]\nw1\n[db:vars]\nport=5432\n',
    'earlier.yaml': 'all:\n  children:\n    db:\n      hosts:\n        d1:\n',
    'later.ini': '[db:vars]\nport=5432\n[site:children]\ndb\n',
  });
  afterAll(() => removeTrees());

  it("fail the file with the sentence of Ansible's ini plugin, at the line that names them", () => {
    const child = errorOf(() => loadInventory(join(dir, 'child.ini')));
    expect(child.message).toBe('Section [site:children] includes undefined group: db');
    expect(child.at).toMatchObject({ file: join(dir, 'child.ini'), line: 5 });
    const vars = errorOf(() => loadInventory(join(dir, 'vars.ini')));
    expect(vars.message).toBe('Section [db:vars] not valid for undefined group: db');
    expect(vars.at).toMatchObject({ file: join(dir, 'vars.ini'), line: 3 });
  });

  it('are taken when an inventory read before declares them', () => {
    const inventory = loadInventorySources([join(dir, 'earlier.yaml'), join(dir, 'later.ini')]);
    expect(inventory.groups.get('site')?.children).toEqual(['db']);
    expect(inventory.groups.get('db')?.vars).toMatchObject({ port: 5432 });
    expect(errorOf(() => loadInventorySources([join(dir, 'later.ini'), join(dir, 'earlier.yaml')])).message).toBe('Section [db:vars] not valid for undefined group: db');
  });
});
