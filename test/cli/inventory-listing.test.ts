/**
 * `cxplay inventory` against ansible-inventory 2.14 on the same sources:
 * every inventory form an operator points -i at (YAML with letter and
 * stepped ranges, INI, a directory with files Ansible skips and its own
 * group_vars/, host lists plain and advanced, scripts with and without
 * _meta, TOML, constructed, several -i, none at all, INI values of every kind) gives the same --list, --list -y,
 * --list --export, --list --toml (values of every type), --graph --vars and --host text and the same exit code,
 * with -e, --output, --inventory-file and -v too. ansible-inventory's side is
 * recorded in test/references/inventory-listing while this file is unchanged.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

let dir: string;

const FILES: Record<string, string> = {
  'ranges.yaml': 'all:\n  vars: {site: one}\n  hosts:\n    solo: {answer: 42}\n  children:\n    web:\n      hosts:\n        web[a:f]:\n        node[01:20:2]: {rack: r1}\n      vars: {http_port: 80}\n    db:\n      children:\n        web:\n      hosts:\n        db1: {ansible_port: 2222, mixed: [1, two, {three: 3}]}\n',
  'hosts.ini': 'loose ansible_host=10.0.0.9\n[web]\nweb[1:3] ansible_user=admin\n[web:vars]\nport=8080\nflag=True\n[all:children]\nweb\n',
  'dir/10-first.yaml': 'all:\n  children:\n    web:\n      hosts:\n        dweb1:\n',
  'dir/20-second': '[web]\ndweb2 color=blue\n[db]\nddb1\n',
  'dir/sub/inventory': '[deep]\ndeep1\n',
  'dir/group_vars/web.yaml': 'from_group_vars: yes\n',
  'dir/host_vars/dweb2.yaml': 'from_host_vars: 1\n',
  'dir/ignored.orig': '[web]\norig1\n',
  'dir/ignored.ini': '[web]\nini1\n',
  'dir/hosts.ini~': '[web]\nbackup1\n',
  'dir/last.retry': 'retry1\n',
  'dir/notes.md': '# notes\n',
  'dir/.hidden': '[web]\nhidden1\n',
  // Dotted headers: Ansible's ini plugin, tried first, leaves a group per header above its first failing line; [a.b] is a key the toml plugin skips.
  'dotted.toml': '# hosts by role\n[all.vars]\nntp = "pool"\n[web.hosts]\nw1 = {}\n[web.vars]\nrole = "web"\n[a.b]\nc = 1\n[db]\nhosts = { d1 = {} }\n',
  'stack.toml': '[web]\nchildren = ["apache"]\nvars = { http_port = 8080 }\n[web.hosts]\ntweb1 = { port = 8080 }\n[apache.hosts]\n"tap[1:2]" = {}\n',
  'with-meta.sh': '#!/bin/sh\n[ "$1" = --list ] && cat <<\'J\'\n{"web": {"hosts": ["s1", "s2"], "vars": {"a": 1}, "children": ["db"]}, "db": ["d1"], "_meta": {"hostvars": {"s1": {"p": "q"}}}}\nJ\n',
  'per-host.sh': '#!/bin/sh\ncase "$1" in\n--list) echo \'{"g": {"hosts": ["n1", "n2"]}}\';;\n--host) if [ "$2" = n1 ]; then echo \'{"v": 1}\'; else echo \'{}\'; fi;;\nesac\n',
  'constructed/01-hosts.yaml': "all:\n  hosts:\n    web1: {os: ubuntu, arch: x86_64, tags: {env: prod, team: ''}, mem: 4096}\n    web2: {os: debian, arch: arm64, tags: {env: dev, team: blue}, mem: 1024}\n    db1: {os: ubuntu, roles_list: [db, backup], mem: 16384}\n  children:\n    web:\n      hosts:\n        web1:\n        web2:\n      vars: {tier: front}\n",
  'constructed/02-constructed.yaml': 'plugin: constructed\nstrict: false\ncompose:\n  big: mem > 2048\n  label: "os ~ \'-\' ~ (arch | default(\'none\'))"\n  broken: undefined_thing + 1\ngroups:\n  large: big\n  frontend: tier is defined and tier == \'front\'\n  bad: nonexistent.attr\nkeyed_groups:\n  - key: os\n    prefix: os\n  - key: tags\n    prefix: tag\n  - key: roles_list\n    separator: \'\'\n    prefix: role_\n  - key: arch\n    default_value: unknown\n    parent_group: arches\n  - key: tags\n    prefix: t\n    trailing_separator: false\n',
  // Python literals on a host line and in :vars alike; a # outside quotes ends a host line even mid-word.
  'values.ini':
    "h1 a=[1,2] b=22 c=True d=None e=\"x y\" g=1.5 h=(1,2) i='q' j=FALSE k=0x10 l=1_000 n=-3 t=true u=--1 o=abc#d p=[1,2]\n" +
    "[g]\nh1\n[g:vars]\nva=[1, 'a#b']\nvb={'k': [1, None]}\nvc=1 # comment\nvd=abc # comment\nve=\"a\" \"b\"\nvf=0o17\nvg=true\nvh= spaced  \n",
  'cfg/ansible.cfg': '[defaults]\ninventory = ../hosts.ini\n',
  // Every kind of value TOML output meets: quotes, escapes and unicode in strings, None (left out, "None" in a list),
  // lists of lists and of dicts (a dict in a list is written as its keys), floats, nested and dotted keys, arrays of tables.
  'values.yaml':
    'all:\n  vars: {site: one, gone: null}\n  hosts:\n' +
    '    solo: {s: "a \\"q\\" b\\nline2 é ☃ \\t x \\\\ back \\u0001 c", s2: "it\'s", i: 42, f: 1.5, b: true, ll: [1, 2], e: [], ed: {},' +
    ' mixed: [1, 1.5, a, null, [1, [2]], [{k: 1}]], d: {x: 1, y: {z: [1]}, "a b": {c: 1}}, n: null, small: 0.00001, inf: .inf, whole: 2.0, dk: {"a b": 1, "c.d": 2}}\n' +
    '    tables: {aot: [{a: 1, b: {c: 2, d: {e: 3}}}, {x: [1]}], also: 1}\n' +
    '  children:\n    web:\n      hosts:\n        w1:\n      vars: {http_port: 80}\n      children:\n        apache:\n          hosts:\n            a1: {x: 1}\n            solo:\n',
  'mixed-table.yaml': 'all:\n  hosts:\n    m1: {bad: [{a: 1}, 2]}\n    m2: {}\n',
  // Variables that name an extra var: the constructed plugin does not see -e, and nothing is templated.
  'extra/01-hosts.yaml': "all:\n  vars: {site: one, greeting: '{{ ev }}'}\n  hosts:\n    h1: {os: ubuntu, site: h1}\n  children:\n    g2: {hosts: {h1: {}}, vars: {b: 2}}\n    g1: {hosts: {h1: {}}, vars: {a: 1}}\n",
  'extra/02-constructed.yaml': 'plugin: constructed\nstrict: false\ncompose:\n  seen: ev ~ "-" ~ os\ngroups:\n  from_extra: ev == "X"\nkeyed_groups:\n  - key: ev\n    prefix: k\n',
  // compose renders `{{ expression }}` as Ansible's templar does: a variable holding a template gives its value, results are text
  // unless lists, mappings or booleans, entries see only the variables before compose, an undefined one leaves its variable unset.
  'compose/01-hosts': 'h1 a="{{ b }}" b=5 c="{{ undefined_thing }}" port=22 flag=True\nh2 a=seven b=1\n',
  'compose/02-constructed.yaml':
    "plugin: constructed\ncompose:\n  x: a\n  y: \"'{{ b }}'\"\n  w: x\n  v: c\n  t: b + 1\n  r: \"{'k': '{{ b }}', 'n': b}\"\n  z: nothere\n  l: '[b, port | default(0)]'\n  f: flag\n  same: b\n" +
    "groups:\n  five: x == '5'\nkeyed_groups:\n  - key: a\n    prefix: a\n  - key: b + 1\n    prefix: next\n",
  // Group names that are no variable names: kept (or replaced, by the setting) with one warning; constructed's always replaced.
  'badnames/hosts': '[my-group]\nh1 role=web-app\n[other.group]\nh2\n[1st]\nh2\n',
  'badnames.yaml': 'all:\n  children:\n    yaml-group:\n      hosts:\n        h3: {role: db.x}\n',
  'badnames/zz-constructed.yaml': "plugin: constructed\ngroups:\n  cond-group: true\nkeyed_groups:\n  - key: role\n    prefix: r-x\n  - key: role\n    parent_group: par-ent\n",
  'goodnames/hosts': '[web]\nh1\n',
  'extra.yaml': 'ev: X\nsite: from_file\nlist: [1, 2]\n',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-inventory-listing-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  for (const script of ['with-meta.sh', 'per-host.sh']) chmodSync(join(dir, script), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both commands with the same arguments and a neutral environment (no ansible.cfg but the one in `cwd`). */
async function both(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const cwd = options.cwd ?? dir;
  const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp'), ...options.env };
  const name = recordingName(relative(dir, cwd) || '.', ...args, ...Object.values(options.env ?? {}).map(String));
  const [ansible, ours] = await Promise.all([ansibleInventory(name, args, { cwd, env }), cxplay(['inventory', ...args], { cwd, env })]);
  return { ansible, ours };
}

/** ansible-inventory's run, recorded as inventory-listing/NAME while this file (which writes every source) and the command line are unchanged; `collect` reads what it wrote. */
function ansibleInventory<T = null>(name: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }, collect?: () => T) {
  return recordedCommand({ name: `inventory-listing/${name}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-inventory', args, ...options, collect });
}

const VIEWS = [['--list'], ['--list', '-y'], ['--list', '--export'], ['--list', '--toml'], ['--list', '--toml', '--export'], ['--graph', '--vars']];

const SOURCES: Record<string, string[]> = {
  'YAML with letter and stepped ranges': ['-i', 'ranges.yaml'],
  INI: ['-i', 'hosts.ini'],
  'INI values: Python literals on host lines and in :vars': ['-i', 'values.ini'],
  'a directory (ignored files, group_vars and host_vars inside, a subdirectory)': ['-i', 'dir'],
  'a host list': ['-i', 'alpha,beta:2222,[::1]:2200,'],
  'an inventory script with _meta': ['-i', 'with-meta.sh'],
  'an inventory script without _meta (--host per host)': ['-i', 'per-host.sh'],
  TOML: ['-i', 'stack.toml'],
  'TOML with dotted table headers': ['-i', 'dotted.toml'],
  'constructed (compose, groups, keyed_groups; failing expressions skipped)': ['-i', 'constructed'],
  'constructed compose rendered as Ansible renders it (templates in variables, text results, undefined left unset)': ['-i', 'compose'],
  'YAML with values of every type (TOML output)': ['-i', 'values.yaml'],
  'several -i, merged in order': ['-i', 'hosts.ini', '-i', 'dir', '-i', 'gamma,'],
  'no inventory at all': [],
};

describe.skipIf(!hasAnsible)('cxplay inventory prints what ansible-inventory prints', () => {
  for (const [name, sources] of Object.entries(SOURCES)) {
    it(name, async () => {
      const outputs = await Promise.all(VIEWS.map((view) => both([...sources, ...view])));
      VIEWS.forEach((view, index) => {
        const { ansible, ours } = outputs[index]!;
        expect(ours.code, `${view.join(' ')}: ${ours.stderr}`).toBe(ansible.code);
        expect(ours.stdout, view.join(' ')).toBe(ansible.stdout);
      });
    });
  }

  it('an advanced host list expands ranges when advanced_host_list is enabled first', async () => {
    const env = { ANSIBLE_INVENTORY_ENABLED: 'advanced_host_list,host_list,script,auto,yaml,ini,toml' };
    const { ansible, ours } = await both(['-i', 'w[1:3],x:2200,y[a:c:2],n[01:20:5]', '--list'], { env });
    expect(ours.stdout).toBe(ansible.stdout);
    expect(JSON.parse(ours.stdout).ungrouped.hosts).toEqual(['w1', 'w2', 'w3', 'x', 'ya', 'yc', 'n01', 'n06', 'n11', 'n16']);
  });

  it("reads ansible.cfg's inventory when no -i is given", async () => {
    const { ansible, ours } = await both(['--list'], { cwd: join(dir, 'cfg') });
    expect(ours.stdout).toBe(ansible.stdout);
    expect(ours.stdout).toContain('web3');
  });

  it('--host, --graph GROUP and their errors', async () => {
    for (const args of [['--host', 'web2'], ['--host', 'nobody'], ['--graph', 'web'], ['--graph', 'nogroup'], []]) {
      const { ansible, ours } = await both(['-i', 'hosts.ini', ...args]);
      expect(ours.code, args.join(' ')).toBe(ansible.code);
      // On an error ansible-inventory prints its usage on stdout; the message is what matters.
      if (ansible.code === 0) expect(ours.stdout, args.join(' ')).toBe(ansible.stdout);
      else expect(ours.stderr).toContain(/ERROR! .*/.exec(ansible.stderr)![0]);
    }
  });

  it('--host in TOML and YAML, a TOML that cannot be written, an empty one', async () => {
    for (const args of [['-i', 'values.yaml', '--host', 'solo', '--toml'], ['-i', 'values.yaml', '--host', 'tables', '--toml'], ['-i', 'values.yaml', '--host', 'solo', '-y'], ['-i', 'values.yaml', '--host', 'solo', '-y', '--toml'], ['-i', 'mixed-table.yaml', '--list', '--toml'], ['-i', 'mixed-table.yaml', '--host', 'm2', '--toml'], ['-i', 'x,', '--host', 'x', '--toml']]) {
      const { ansible, ours } = await both(args);
      expect(ours.code, args.join(' ')).toBe(ansible.code);
      expect(ours.stdout, args.join(' ')).toBe(ansible.stdout);
      if (ansible.code !== 0 && ansible.stderr) expect(ours.stderr).toContain(/ERROR! .*/.exec(ansible.stderr)![0]);
    }
    const { ansible } = await both(['-i', 'mixed-table.yaml', '--list', '--toml']);
    expect(ansible.stderr).toContain("cannot be represented in TOML: 'int' object is not iterable");
  });

  it('--output writes the text of any action, as it is', async () => {
    for (const args of [['--list', '--toml'], ['--host', 'solo'], ['--graph']]) {
      const [theirs, mine] = [join(dir, 'theirs.out'), join(dir, 'mine.out')];
      const [ansible, ours] = await Promise.all([
        ansibleInventory(recordingName('output', ...args), ['-i', 'values.yaml', ...args, '--output', theirs], { cwd: dir }, () => readFileSync(theirs, 'utf8')),
        cxplay(['inventory', '-i', 'values.yaml', ...args, '--output', mine], { cwd: dir }),
      ]);
      expect(ours.code, args.join(' ')).toBe(ansible.code);
      expect(readFileSync(mine, 'utf8'), args.join(' ')).toBe(ansible.left);
    }
  });

  it('-e: over every host\'s variables in --list, --host and --graph --vars, not with --export, not seen by constructed, not templated', async () => {
    const extra = ['-e', 'ev=X', '-e', 'site=cli', '-e', '@extra.yaml', '-e', '{"json": [1, {"a": null}]}'];
    for (const view of [...VIEWS, ['--host', 'h1'], ['--host', 'h1', '--toml'], ['--host', 'h1', '-y']]) {
      const { ansible, ours } = await both(['-i', 'extra', ...extra, ...view]);
      expect(ours.code, view.join(' ')).toBe(ansible.code);
      expect(ours.stdout, view.join(' ')).toBe(ansible.stdout);
    }
    const { ours } = await both(['-i', 'extra', ...extra, '--host', 'h1']);
    expect(JSON.parse(ours.stdout)).toMatchObject({ ev: 'X', site: 'from_file', greeting: '{{ ev }}', json: [1, { a: null }] });
  });

  it('--inventory-file is -i, -v names the config file first on stdout, -vvv each source and the plugin that parsed it, as ansible-inventory does', async () => {
    const sources = ['-i', 'hosts.ini', '-i', 'compose', '-i', 'alpha,beta,', '-i', 'with-meta.sh', '-i', 'stack.toml'];
    for (const [args, cwd] of [[['--inventory-file', 'hosts.ini', '-i', 'values.yaml', '--list']], [['-i', 'hosts.ini', '--host', 'web1', '-v']], [['--graph', '-vvv'], join(dir, 'cfg')], [[...sources, '--graph', '-vvv']], [[...sources, '--graph', '-vv']]] as const) {
      const { ansible, ours } = await both(args, { cwd });
      expect(ours.code, args.join(' ')).toBe(ansible.code);
      // Ansible's version banner and the plugins that declined each source are its own; the rest is the same.
      const kept = (stdout: string) => stdout.split('\n').filter((line) => !/^(ansible-inventory \[|  |\w+ declined parsing )/.test(line) || line.startsWith('  |')).join('\n');
      expect(kept(ours.stdout), args.join(' ')).toBe(kept(ansible.stdout));
    }
    const { ours } = await both([...sources, '--graph', '-vvv']);
    expect(ours.stdout).toContain(`Using inventory plugin 'constructed' to process inventory source '${join(dir, 'compose', '02-constructed.yaml')}'\nParsed ${join(dir, 'compose', '02-constructed.yaml')} inventory source with auto plugin\n`);
    expect(ours.stdout).toContain('Parsed alpha,beta, inventory source with host_list plugin\n');
  }, 120_000);

  it('group names with invalid characters: kept or replaced as TRANSFORM_INVALID_GROUP_CHARS says, warned about once as Ansible does', async () => {
    const warned = (stderr: string) => stderr.replace(/\s+/g, ' ').match(/\[WARNING\]: Invalid characters [^[]*/g) ?? [];
    const cases = [undefined, 'always', 'ignore', 'silently'].flatMap((mode) => [['-i', 'badnames', '--graph'], ['-i', 'badnames.yaml', '--list'], ['-i', 'goodnames', '--list']].map((args) => ({ mode, args })));
    cases.push({ mode: undefined, args: ['-i', 'badnames', '--list'] });
    const outputs = await Promise.all(cases.map(({ mode, args }) => both(args, { env: mode ? { ANSIBLE_TRANSFORM_INVALID_GROUP_CHARS: mode } : {} })));
    cases.forEach(({ mode, args }, index) => {
      const { ansible, ours } = outputs[index]!;
      const label = `${mode} ${args.join(' ')}`;
      expect(ours.code, label).toBe(ansible.code);
      expect(ours.stdout, label).toBe(ansible.stdout);
      expect(warned(ours.stderr), label).toEqual(warned(ansible.stderr));
    });
    const { ours } = await both(['-i', 'badnames', '--graph']);
    expect(ours.stderr.replace(/\s+/g, ' ')).toContain('[WARNING]: Invalid characters were found in group names but not replaced, use -vvvv to see details');
    expect(ours.stdout).toContain('@my-group:');
    expect(ours.stdout).toContain('@r_x_web_app:');
  }, 300_000);

  it('warns as Ansible does when there is no inventory', async () => {
    const { ansible, ours } = await both(['--list']);
    const warning = 'No inventory was parsed, only implicit localhost is available';
    expect(ansible.stderr).toContain(warning);
    expect(ours.stderr).toContain(`[WARNING]: ${warning}`);
  });
});
