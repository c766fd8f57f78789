/**
 * The type of a rendered playbook value, as ansible-playbook 2.14 gives it
 * (measured with set_fact and type_debug): one variable holding a number,
 * boolean or null keeps it; other expressions give text, and text that reads
 * as a Python list, dict or boolean becomes that value.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCondition, renderString } from '../../engine/template/render.js';
import { literalEval } from '../../engine/template/python-literal.js';
import { PyFloat } from '../../engine/template/python.js';
import { scopeFromObject } from '../../engine/template/scope.js';

const scope = scopeFromObject({ i: 3, f: 1.5, nul: null, yes: true, lst: [1, 2], s: "[1, 'a']", word: 'True', json: '{"a": true, "b": null}' });
const render = (text: string) => renderString(text, scope);

describe('rendered values keep or lose their type as under Ansible', () => {
  it.each([
    ['{{ i }}', 3],
    ['{{ f }}', 1.5],
    ['{{ nul }}', null],
    ['{{ yes }}', true],
    ['{{i}}', 3],
    ['{{ i + 1 }}', '4'],
    ['{{ 1 + 1 }}', '2'],
    ['{{ lst | length }}', '2'],
    ["{{ '5' | int }}", '5'],
    ['{{ i > 2 }}', true],
    ['{{ none }}', ''],
    ['x{{ none }}', 'x'],
    ['{{ lst }}', [1, 2]],
    ["{{ '[1, 2]' }}", [1, 2]],
    ["{{ 'True' }}", true],
    ['[{{ i }}, {{ i + 1 }}]', [3, 4]],
    ['{{ s }}', [1, 'a']],
    [' {{ [1] }}', ' [1]'],
    ['{{ [1] }} ', [1]],
    ["{{ {1: 'a', 'b': true} }}", { '1': 'a', b: true }],
    ["{{ '[true, null]' }}", [true, null]],
    ['{% if i > 1 %}[1]{% endif %}', [1]],
    ['{{ i }}{{ i }}', '33'],
    ['{{ (1, 2) }}', '(1, 2)'],
    ['{{ word }}', true],
    ['{{ json }}', { a: true, b: null }],
    ['{{ {"k": [1]} | to_json }}', '{"k": [1]}'],
    ['{{ [1] | to_nice_yaml }}', '- 1\n'],
    ['{{ [1] | string }}', '[1]'],
    ["{{ '{not a literal' }}", '{not a literal'],
    ["{{ '[x]' }}", '[x]'],
    // One final newline is not part of the template (Jinja drops it); the templar puts newlines back on text only.
    ['{{ i }}\n', 3],
    ['{{ i + 1 }}\n', '4\n'],
    ['{{ lst | to_json }}\n', '[1, 2]\n'],
    ['{{ lst }}\n', [1, 2]],
    ['{{ lst | to_json }}\n\n', [1, 2]],
    ['x{{ i }}\n', 'x3\n'],
  ])('%s', (template, expected) => {
    expect(render(template)).toEqual(expected);
  });
});

/** Measured with ansible-playbook 2.14 (debug msg of each; test/compat/floats.yaml runs them under both engines). */
describe('floats keep their type, as under Ansible', () => {
  const floats = scopeFromObject({ x: new PyFloat(2), n: 3 });
  it.each([
    ['{{ 10 / 2 }}', '5.0'],
    ['{{ (10 / 2) | type_debug }}', 'float'],
    ['{{ x | type_debug }}', 'float'],
    ['{{ 1.0 | int }}', '1'],
    ['{{ 5 | float }}', '5.0'],
    ['{{ 7 // 2 }}', '3'],
    ['{{ 7.0 // 2 }}', '3.0'],
    ['{{ 7 % 2.0 }}', '1.0'],
    ['{{ -7 // 2 }}', '-4'],
    ['{{ 2 ** 0.5 }}', '1.4142135623730951'],
    ['{{ 2 ** 3 }}', '8'],
    ['{{ 2 ** -1 }}', '0.5'],
    ['{{ 2.0 ** 3 }}', '8.0'],
    ['{{ 1e3 }}', '1000.0'],
    ['{{ 0.1 + 0.2 }}', '0.30000000000000004'],
    ['{{ 1 / 3 }}', '0.3333333333333333'],
    ["{{ {'a': 1.5, 'b': 2.0} | to_json }}", '{"a": 1.5, "b": 2.0}'],
    ["{{ {'a': 1.5, 'b': 2.0, 'c': 1e20, 'd': 1e-7} | to_nice_json }}", '{\n    "a": 1.5,\n    "b": 2.0,\n    "c": 1e+20,\n    "d": 1e-07\n}'],
    ["{{ {'a': 1.5, 'b': 2.0, 'c': 1e20} | to_nice_yaml }}", 'a: 1.5\nb: 2.0\nc: 1.0e+20\n'],
    ['{{ [2.0, 1e20, 0.5] | to_yaml }}', '[2.0, 1.0e+20, 0.5]\n'],
    ['{{ x | to_yaml }}', '2.0\n'],
    ['{{ 3 | round }}', '3'],
    ['{{ 3 | round | type_debug }}', 'int'],
    ['{{ 2.5 | round }}', '2.0'],
    ["{{ 3.7 | round(0, 'floor') }}", '3.0'],
    ['{{ [1.5, 2.5] | sum }}', '4.0'],
    ['{{ [1, 2.0] | sum }}', '3.0'],
    ['{{ [1, 2.0, 3] | max }}', '3'],
    ['{{ -2.0 | abs }}', '2.0'],
    ["{{ '%s' % 2.0 }}", '2.0'],
    ["{{ '%s and %s' % (1.0, n) }}", '1.0 and 3'],
    ["{{ '%(a)s' % {'a': x} }}", '2.0'],
    ["{{ '%05.1f' % 2 }}", '002.0'],
    ["{{ '%r' | format(2.0) }}", '2.0'],
    ["{{ '{:.2f} {} {}'.format(2, 2.0, 1.5) }}", '2.00 2.0 1.5'],
    ['{{ 1e20 }}', '1e+20'],
    ['{{ 1e16 }}', '1e+16'],
    ['{{ 1e15 }}', '1000000000000000.0'],
    ['{{ 123456789012345678.0 }}', '1.2345678901234568e+17'],
    ['{{ 1e-5 }}', '1e-05'],
    ['{{ 1e300 * 1e300 }}', 'inf'],
    ["{{ 'nan' | float }}", 'nan'],
    ['{{ -0.0 }}', '-0.0'],
    ['{{ 0 * -1.0 }}', '-0.0'],
    ['{{ 2.0 ~ "x" }}', '2.0x'],
    ["{{ {'k': 2.0} | string }}", "{'k': 2.0}"],
    ['{{ x * 2 }}', '4.0'],
    ['{{ -(x) }}', '-2.0'],
    ['{{ true + 1.0 }}', '2.0'],
    ['{{ 100 | log(10) }}', '2.0'],
    ['{{ 4 | pow(2) }}', '16.0'],
    ['{{ x.is_integer() }}', true],
    ['{{ 2.0 | bool }}', false],
    ['{{ 1 == 1.0 }}', true],
    ['{{ 2.0 is float }}', true],
    ['{{ 2.0 is integer }}', false],
    ['{{ 2 is float }}', false],
    ['{{ 2.0 is number }}', true],
  ])('%s', (template, expected) => {
    expect(renderString(template, floats)).toEqual(expected);
  });

  it('a variable holding a float, or a list of floats, is that value', () => {
    expect(renderString('{{ x }}', floats)).toEqual(new PyFloat(2));
    expect(renderString('{{ [1.0, 2] }}', floats)).toEqual([new PyFloat(1), 2]);
    expect(renderString('{{ [3.0, 1, 2.5] | sort }}', floats)).toEqual([1, 2.5, new PyFloat(3)]);
    expect(renderString('{{ [1, 2.0] | unique }}', floats)).toEqual([1, new PyFloat(2)]);
  });
});

describe('conditions with {{ }}', () => {
  it('evaluate the text a {{ }} gives as an expression, as Ansible does', () => {
    expect(evaluateCondition('{{ i + 1 }}', scope)).toBe(true);
    expect(evaluateCondition('{{ i > 5 }}', scope)).toBe(false);
    expect(evaluateCondition('{{ none }}', scope)).toBe(false);
    expect(() => evaluateCondition('{{ "maybe" }}', scope)).toThrow(/'maybe' is undefined/);
  });
});

describe("Python's literal_eval", () => {
  it.each([
    ["[1, -2, 3.5, 'a', \"b\", True, None, null, false]", [1, -2, 3.5, 'a', 'b', true, null, null, false]],
    ["{'a': [1, {'b': ()}], 'c': (1,)}", { a: [1, { b: [] }], c: [1] }],
    ["['\\x41\\u00e9\\n' 'x']", ['Aé\nx']],
    ['[1, 2,]', [1, 2]],
    ['{1, 2, 1}', [1, 2]],
    ['{}', {}],
  ])('%s', (text, expected) => {
    expect(literalEval(text)?.value).toEqual(expected);
  });

  it.each(['[x]', '[1 + 2]', "{'a': f()}", '[1', "{'__proto__': 1}", '[none]', '--1', '[1] [2]'])('refuses %s', (text) => {
    expect(literalEval(text)).toBeUndefined();
  });
});
