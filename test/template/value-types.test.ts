/**
 * The type of a rendered playbook value, as ansible-playbook 2.14 gives it
 * (measured with set_fact and type_debug): one variable holding a number,
 * boolean or null keeps it; other expressions give text, and text that reads
 * as a Python list, dict or boolean becomes that value.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCondition, renderString } from '../../engine/template/render.js';
import { literalEval } from '../../engine/template/python-literal.js';
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
