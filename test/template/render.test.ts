import { describe, expect, it } from 'vitest';
import { TemplateError, UndefinedVariableError } from '../../engine/errors.js';
import { compileHandlebarsFile as compileTemplateFile } from '../../engine/template/handlebars.js';
import { evaluateCondition, evaluateExpression, renderDeep, renderString } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';

const scope = scopeFromObject({
  name: 'node1',
  count: 3,
  items: ['a', 'b', 'c'],
  nested: { key: 'value', list: [1, 2] },
  flag: 'yes',
  empty: '',
  none: null,
  users: [
    { name: 'ann', admin: true },
    { name: 'bob', admin: false },
  ],
  result: { changed: true, failed: false, stdout: 'ok {{ name }}', rc: 0 },
  version: 'v1.28.9+rke2r1',
});

const cases: [string, unknown][] = [
  ['{{ name }}', 'node1'],
  ['{{ count }}', 3],
  ['{{ items }}', ['a', 'b', 'c']],
  ['x={{ items }}', "x=['a', 'b', 'c']"],
  // As Ansible's finalize: none prints nothing inside a larger string.
  ['{{ true }} and {{ none }}', 'True and '],
  ['{{ count + 2 * 3 }}', '9'],
  ['{{ 7 // 2 }}-{{ 7 % 3 }}-{{ 2 ** 3 }}', '3-1-8'],
  ['{{ name ~ "-" ~ count }}', 'node1-3'],
  ['{{ nested.key }}', 'value'],
  ["{{ nested['list'][-1] }}", '2'],
  ['{{ items[1:] }}', ['b', 'c']],
  ['{{ items[::2] }}', ['a', 'c']],
  ['{{ items[::-1] }}', ['c', 'b', 'a']],
  ['{{ items[-1:0:-1] }}', ['c', 'b']],
  ['{{ items[5:1:-1] }}', ['c']],
  ["{{ 'abcdef'[1:5:2] }}", 'bd'],
  ["{{ 'abcdef'[::-2] }}", 'fdb'],
  ['{{ items[:] }}', ['a', 'b', 'c']],
  ['{{ missing | default("dflt") }}', 'dflt'],
  ['{{ empty | default("dflt", true) }}', 'dflt'],
  ['{{ missing.deep.path | d(5) }}', '5'],
  ['{{ flag | bool }}', true],
  ['{{ "42" | int + 1 }}', '43'],
  ['{{ items | join(",") | upper }}', 'A,B,C'],
  ['{{ items | length }}', '3'],
  ['{{ items | first }}{{ items | last }}', 'ac'],
  ['{{ "a b  c" | split }}', ['a', 'b', 'c']],
  ['{{ "a:b" | split(":") }}', ['a', 'b']],
  ['{{ "hello" | replace("l", "L") }}', 'heLLo'],
  ['{{ {"k": [1]} | to_json }}', '{"k": [1]}'],
  ['{{ "aGk=" | b64decode }}', 'hi'],
  ['{{ "hi" | b64encode }}', 'aGk='],
  ['{{ "v1.2.3" | regex_replace("^v(\\d+)", "\\1x") }}', '1x.2.3'],
  ['{{ users | map(attribute="name") | list }}', ['ann', 'bob']],
  ['{{ users | selectattr("admin") | map(attribute="name") | first }}', 'ann'],
  ['{{ [1, 2, 2, 3] | unique }}', [1, 2, 3]],
  ['{{ {"a": 1} | dict2items }}', [{ key: 'a', value: 1 }]],
  ['{{ [{"key": "a", "value": 1}] | items2dict }}', { a: 1 }],
  ['{{ {"a": {"b": 1}} | combine({"a": {"c": 2}}, recursive=true) }}', { a: { b: 1, c: 2 } }],
  ['{{ "x" if count > 2 else "y" }}', 'x'],
  ['{{ "b" in items }}', true],
  ['{{ "z" not in items }}', true],
  ['{{ result is changed }}', true],
  ['{{ result is failed }}', false],
  ['{{ result is succeeded }}', true],
  ['{{ missing is defined }}', false],
  // Inside a playbook value's {{ }}, Ansible keeps a string literal's backslashes as written.
  ['{{ name is match("node\\d") }}', true],
  ['{{ name is match("node\\\\d") }}', false],
  ['{{ "a\\nb" | length }}', '4'],
  ['{{ version is version("v1.28.0", ">=") }}', true],
  // Jinja binds a sign tighter than a filter, and writes tuples as Python does (measured with ansible-playbook 2.14).
  ['{{ -7 | abs }} {{ -2 ** 2 }}', '7 4'],
  ['{{ (1, "a") }} {{ [1, 2] | zip(["x", "y"]) | list }}', "(1, 'a') [(1, 'x'), (2, 'y')]"],
  ['{{ dict([["a", 1]], b=2) }}', { a: 1, b: 2 }],
  // Python's ==: dicts equal whatever their key order (a dict read back from to_nice_yaml has its keys sorted).
  ['{{ {"a": 1, "b": 2} == {"b": 2, "a": 1} }} {{ ({"z": nested, "a": 1} | to_nice_yaml | from_yaml) == {"z": nested, "a": 1} }} {{ true == 1 }}', 'True True True'],
  ['{{ [1, 3, 5] | select("lt", 3) | list }}-{{ [1, 3, 5] | select(">=", 3) | list }}', '[1]-[3, 5]'],
  ['{{ users | selectattr("name", "gt", "azz") | map(attribute="name") | list }}', ['bob']],
  ['{{ ["2026-01-01T00:04:59Z", "2026-01-01T00:05:01Z"] | select("le", "2026-01-01T00:05:00Z") | list }}', ['2026-01-01T00:04:59Z']],
  ['{{ count is ne(3) }} {{ count is ne 4 }}', 'False True'],
  ['{{ name.startswith("no") }}', true],
  ['{{ nested.keys() | list }}', ['key', 'list']],
  ['{{ range(3) }}', [0, 1, 2]],
  ['{{ "it\'s" | quote }}', `'it'"'"'s'`],
  ['{{ result.stdout }}', 'ok {{ name }}'],
  ['{% if count > 2 %}big{% else %}small{% endif %}', 'big'],
  ['{% for i in items %}{{ i }}{% endfor %}', 'abc'],
  ['{%- for i in items -%} {{ i }} {%- endfor %}', 'abc'],
  ['{% set n = items | length %}{{ n }} items{# counted #}', '3 items'],
  ['{% macro m(x) %}<{{ x }}>{% endmacro %}{{ m(count) }}', '<3>'],
  ['{% if count %}\nyes\n{% endif %}\n', 'yes\n'],
  ['a{# comment #}b', 'ab'],
  ['plain text', 'plain text'],
];

describe('the expression language', () => {
  it.each(cases)('%s', (template, expected) => {
    expect(renderString(template, scope)).toEqual(expected);
  });

  it('names the undefined variable and the expression', () => {
    expect(() => renderString('{{ rke2_token }}', scope)).toThrowError(UndefinedVariableError);
    expect(() => renderString('port {{ missing_port + 1 }}', scope)).toThrowError(/'missing_port' is undefined/);
    expect(() => renderString('{{ nested.nothing.more }}', scope)).toThrowError(/nested\.nothing\.more/);
  });

  it('refuses prototype and dunder access', () => {
    for (const expression of ['{{ name.constructor }}', '{{ nested.__proto__ }}', '{{ __proto__ }}', "{{ nested['constructor'] }}", '{{ name.__class__ }}']) {
      expect(() => renderString(expression, scope), expression).toThrowError(TemplateError);
    }
  });

  it('evaluates conditions with Jinja truthiness, braces tolerated', () => {
    expect(evaluateCondition('items', scope)).toBe(true);
    expect(evaluateCondition('empty', scope)).toBe(false);
    expect(evaluateCondition('{{ count == 3 }}', scope)).toBe(true);
    expect(evaluateCondition('not result.failed and result.rc == 0', scope)).toBe(true);
    expect(evaluateExpression('items | length', scope)).toBe(3);
  });

  it('renders nested structures without touching the input', () => {
    const input = { '{{ name }}': ['{{ count }}', { deep: '{{ items[0] }}' }] };
    expect(renderDeep(input, scope)).toEqual({ node1: [3, { deep: 'a' }] });
    expect(input).toEqual({ '{{ name }}': ['{{ count }}', { deep: '{{ items[0] }}' }] });
  });

  it('rejects syntax errors with the expression in the message', () => {
    expect(() => renderString('{{ count + }}', scope)).toThrowError(/count \+/);
    expect(() => renderString('{{ items | nosuchfilter }}', scope)).toThrowError(/unknown filter 'nosuchfilter'/);
  });
});

describe('Handlebars template files', () => {
  it('renders simple Ansible-style names the same way', () => {
    const template = compileTemplateFile('host {{ name }} key {{ nested.key }}\n', 't.hbs');
    expect(template.render(scope)).toBe('host node1 key value\n');
    expect(renderString('host {{ name }} key {{ nested.key }}\n', scope)).toBe('host node1 key value\n');
  });

  it('offers the helper set', () => {
    const template = compileTemplateFile(
      '{{#each items}}- {{this}}\n{{/each}}{{join items "+"}} {{#if (eq name "node1")}}yes{{/if}} {{default missing "d"}}\n{{toYaml nested}}\n',
      'h.hbs',
    );
    expect(template.render(scope)).toBe('- a\n- b\n- c\na+b+c yes d\nkey: value\nlist:\n  - 1\n  - 2\n');
  });

  it('names a missing variable and the template line', () => {
    const template = compileTemplateFile('line one\nvalue {{ nope }}\n', 'roles/x/templates/c.hbs');
    expect(() => template.render(scope)).toThrowError(UndefinedVariableError);
    try {
      template.render(scope);
    } catch (error) {
      expect((error as UndefinedVariableError).variable).toBe('nope');
      expect((error as UndefinedVariableError).at).toMatchObject({ file: 'roles/x/templates/c.hbs', line: 2 });
    }
  });

  it('cannot reach prototypes: naming them is refused with the position', () => {
    expect(() => compileTemplateFile('[{{ nested.constructor }}]', 'p.hbs')).toThrow(expect.objectContaining({ message: "access to 'constructor' is not allowed in templates", at: { file: 'p.hbs', line: 1, col: 5 } }));
    expect(() => compileTemplateFile('x\n[{{ nested.__proto__ }}]', 'p.hbs')).toThrow(expect.objectContaining({ at: { file: 'p.hbs', line: 2, col: 5 } }));
    expect(() => compileTemplateFile('{{ lookup nested "prototype" }}', 'p.hbs')).toThrow("access to 'prototype' is not allowed in templates");
  });
});
