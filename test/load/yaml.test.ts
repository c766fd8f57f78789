import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import { keyPositionOf, positionOf } from '../../engine/load/positions.js';
import { loadVarsFile } from '../../engine/load/vars-file.js';
import { loadYamlFile, MAX_FILE_BYTES, parseYaml } from '../../engine/load/yaml.js';
import { PyFloat } from '../../engine/template/python.js';
import { renderDeep } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';
import { UnsafeText } from '../../engine/template/unsafe.js';
import { errorOf, removeTrees, writeTree } from './tree.js';
import { SourceCache } from '../../engine/load/source-cache.js';

afterAll(removeTrees);

const parse = (source: string) => parseYaml(source, 'test.yaml');

describe('positions', () => {
  it('records the line and column of every mapping, list and key', () => {
    const value = parse('# comment\nplay:\n  tasks:\n    - name: one\n      debug: {msg: hi}\n') as { play: { tasks: Record<string, unknown>[] } };
    expect(keyPositionOf(value, 'play')).toEqual({ file: 'test.yaml', line: 2, col: 1 });
    expect(keyPositionOf(value.play, 'tasks')).toEqual({ file: 'test.yaml', line: 3, col: 3 });
    expect(positionOf(value.play.tasks)).toMatchObject({ line: 4, col: 5 });
    expect(positionOf(value.play.tasks[0])).toMatchObject({ line: 4, col: 7 });
    expect(keyPositionOf(value.play.tasks[0], 'debug')).toMatchObject({ line: 5, col: 7 });
  });

  it('locates list items by index, plain strings included', () => {
    const value = parse('roles:\n  - common\n  - role: web\n') as { roles: unknown[] };
    expect(keyPositionOf(value.roles, '0')).toMatchObject({ line: 2, col: 5 });
    expect(keyPositionOf(value.roles, '1')).toMatchObject({ line: 3, col: 5 });
  });
});

describe('scalars as Ansible (PyYAML, YAML 1.1) reads them', () => {
  it('reads yes/no/on/off as booleans but keeps y and n as strings', () => {
    expect(parse('a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: True\n')).toEqual({ a: true, b: false, c: true, d: false, e: 'y', f: 'n', g: true });
  });

  it('reads numbers as PyYAML does: octal 0755, no leading-zero decimals, exponents need a dot and a sign', () => {
    expect(parse('mode: 0755\nmonth: 09\nid: 1e3\nf: 1.5e+3\nhex: 0x1F\nbin: 0b101\nbig: 1_000\nsexa: 1:30\nhalf: .5\n')).toEqual({
      mode: 493,
      month: '09',
      id: '1e3',
      // A float keeps its type when its value is whole (Ansible prints 1500.0).
      f: new PyFloat(1500),
      hex: 31,
      bin: 5,
      big: 1000,
      sexa: 90,
      half: 0.5,
    });
  });

  it('keeps dates as the text written (no Date objects) and quoted values as strings', () => {
    expect(parse("day: 2024-01-31\nmode: '0644'\nversion: \"1.10\"\nnothing: ~\n")).toEqual({ day: '2024-01-31', mode: '0644', version: '1.10', nothing: null });
  });
});

describe('merge keys and aliases', () => {
  it('merges a mapping and a list of mappings; explicit keys win, earlier sources win', () => {
    const value = parse('a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 9\n') as Record<string, unknown>;
    expect(value.c).toEqual({ x: 9, y: 1, z: 2 });
    const single = parse('base: &base {user: root, port: 22}\nhost:\n  <<: *base\n  port: 2222\n') as Record<string, unknown>;
    expect(single.host).toEqual({ user: 'root', port: 2222 });
  });

  it('gives merged keys the position where they were written', () => {
    const value = parse('base: &base\n  user: root\nhost:\n  <<: *base\n') as { host: object };
    expect(keyPositionOf(value.host, 'user')).toMatchObject({ line: 2 });
  });

  it('copies aliased values (a change to one does not change the other)', () => {
    const value = parse('a: &list [1, 2]\nb: *list\n') as { a: number[]; b: number[] };
    expect(value.b).toEqual([1, 2]);
    expect(value.b).not.toBe(value.a);
  });

  it('refuses a billion-laughs alias bomb at the alias that sets it off', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    const error = errorOf(() => parse(`${levels.join('\n')}\n`));
    expect(error).toBeInstanceOf(CxError);
    expect(error.message).toMatch(/aliases expand to more than 10000 values/);
    expect(error.at?.line).toBeGreaterThan(1);
  });

  it('accepts aliases that expand to a reasonable size', () => {
    const value = parse(`x: &x [${Array(100).fill('1').join(', ')}]\n${Array.from({ length: 20 }, (_, i) => `y${i}: *x`).join('\n')}\n`) as Record<string, unknown[]>;
    expect(value.y19).toHaveLength(100);
  });

  it('refuses a merge key that merges its own mapping (a loop)', () => {
    const error = errorOf(() => parse('a: &a\n  b:\n    <<: *a\n'));
    expect(error.message).toBe('alias *a refers to itself (a loop)');
    expect(error.at).toMatchObject({ line: 3, col: 9 });
  });

  it('refuses a merge of something that is not a mapping', () => {
    expect(errorOf(() => parse('a: &a [1]\nb:\n  <<: *a\n')).message).toMatch(/a merge key \(<<\) needs a mapping/);
  });

  it('refuses an alias to an unknown anchor', () => {
    expect(errorOf(() => parse('a: *nowhere\n')).message).toBe('unknown alias *nowhere');
  });
});

describe('refused input', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s, naming it and its line', (key) => {
    const error = errorOf(() => parse(`vars:\n  ok: 1\n  ${key}:\n    polluted: true\n`));
    expect(error).toBeInstanceOf(CxError);
    expect(error.message).toBe(`key '${key}' is not allowed`);
    expect(error.at).toMatchObject({ file: 'test.yaml', line: 3, col: 3 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a duplicate key and the line of its second use', () => {
    const error = errorOf(() => parse('name: one\nhosts: all\nname: two\n'));
    expect(error.message).toBe("duplicate key 'name' in a mapping");
    expect(error.at).toMatchObject({ line: 3, col: 1 });
  });

  it('reports a syntax error with its line and exit code 4', () => {
    const error = errorOf(() => parse('- name: x\n  debug: [1, 2\n- name: y\n'));
    expect(error).toBeInstanceOf(CxError);
    expect(error.message).toMatch(/^YAML syntax error: /);
    expect(error.at?.line).toBe(3);
    expect(error.exitCode).toBe(4);
  });

  it('points an unclosed quote at the line that opened it, not at the end of the file', () => {
    const error = errorOf(() => parse('a: 1\nb: "open\nc: 2\nd: 3\n'));
    expect(error.message).toBe('a quoted value is never closed');
    expect(error.at).toMatchObject({ line: 2, col: 4 });
  });

  it('refuses tabs used as indentation', () => {
    expect(errorOf(() => parse('a:\n\t- 1\n')).message).toMatch(/Tabs/);
  });

  it('refuses a second YAML document in one file', () => {
    const error = errorOf(() => parse('a: 1\n---\nb: 2\n'));
    expect(error.message).toMatch(/more than one YAML document/);
    expect(error.at?.line).toBe(2);
  });

  it('refuses a vault value when no vault password was given, and tags it does not know', () => {
    const noPassword = errorOf(() => parse('password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n'));
    expect(noPassword.message).toBe('Attempting to decrypt but no vault secrets found');
    expect(noPassword.at).toMatchObject({ line: 1, col: 18 });
    expect(noPassword.hint).toMatch(/--vault-password-file/);
    expect(errorOf(() => parse('password: !vault {a: 1}\n')).message).toMatch(/!vault marks an encrypted string/);
    expect(errorOf(() => parse('s: !!set {a, b}\n')).message).toBe("YAML tag '!!set' is not supported");
  });

  it('reads !unsafe strings as text never templated, as Ansible does', () => {
    const value = parse("text: !unsafe '{{ not_a_template }}'\nlist: [!unsafe 'p{%w', 2]\nplain: !unsafe yes\n") as Record<string, unknown>;
    expect(value.text).toBeInstanceOf(UnsafeText);
    expect(JSON.stringify(value)).toBe('{"text":"{{ not_a_template }}","list":["p{%w",2],"plain":"yes"}');
    expect(renderDeep(value, scopeFromObject({}))).toEqual({ text: '{{ not_a_template }}', list: ['p{%w', 2], plain: 'yes' });
  });

  it('marks every string in a list or mapping tagged !unsafe, keys left plain, as Ansible\'s wrap_var', () => {
    const value = parse("list: !unsafe ['{{ a }}', 2, {k: '{{ b }}'}]\nmap: !unsafe\n  '{{ key }}': [x, '{% y %}']\n") as Record<string, unknown>;
    expect((value.list as unknown[])[0]).toBeInstanceOf(UnsafeText);
    expect(renderDeep(value, scopeFromObject({ key: 'templated' }))).toEqual({ list: ['{{ a }}', 2, { k: '{{ b }}' }], map: { templated: ['x', '{% y %}'] } });
  });

  it('refuses keys that are lists or mappings', () => {
    expect(errorOf(() => parse('? [a, b]\n: 1\n')).message).toMatch(/a mapping key must be a plain value/);
  });

  it('refuses data nested deeper than any playbook', () => {
    expect(errorOf(() => parse(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`)).message).toMatch(/nesting deeper than/);
  });
});

describe('files', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const dir = writeTree({});
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `a: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    const error = errorOf(() => loadYamlFile(file, new SourceCache()));
    expect(error.message).toMatch(/YAML files over 10.0 MiB are refused/);
    expect(error.at?.file).toBe(file);
  });

  it('names a missing file', () => {
    const dir = writeTree({});
    expect(errorOf(() => loadYamlFile(join(dir, 'nope.yaml'), new SourceCache())).message).toMatch(/cannot read .*nope\.yaml: no such file/);
  });

  it('reads a file once per run; the next run (a new SourceCache) sees edits', () => {
    const dir = writeTree({ 'vars.yaml': 'a: 1\n' });
    const file = join(dir, 'vars.yaml');
    const sources = new SourceCache();
    expect(loadYamlFile(file, sources)).toEqual({ a: 1 });
    writeFileSync(file, 'a: 2\n');
    expect(loadYamlFile(file, sources)).toEqual({ a: 1 });
    expect(loadYamlFile(file, new SourceCache())).toEqual({ a: 2 });
  });

  it('loads a vars file as a mapping, an empty one as no vars, and refuses a list', () => {
    const dir = writeTree({ 'good.yaml': 'port: 80\n', 'empty.yaml': '# nothing\n', 'list.yaml': '- 1\n' });
    expect(loadVarsFile(join(dir, 'good.yaml'), new SourceCache())).toEqual({ port: 80 });
    expect(loadVarsFile(join(dir, 'empty.yaml'), new SourceCache())).toEqual({});
    const error = errorOf(() => loadVarsFile(join(dir, 'list.yaml'), new SourceCache()));
    expect(error.message).toMatch(/must hold a mapping of variable names/);
    expect(error.at).toMatchObject({ line: 1 });
  });
});
