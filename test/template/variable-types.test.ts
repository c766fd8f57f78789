/**
 * The type of `{{ name }}` when a playbook value is exactly one variable, as
 * ansible-playbook 2.14's templar gives it (measured: vars bb: 5, aa: "{{ bb }}";
 * `{{ bb }}` is the int 5, `{{ aa }}` the text "5", `aa` alone the int 5).
 */
import { describe, expect, it } from 'vitest';
import { evaluateExpression, renderString } from '../../engine/template/render.js';
import { LayeredScope, layer, renderedLayer } from '../../engine/vars/layered-scope.js';

function scope(): LayeredScope {
  return new LayeredScope([
    renderedLayer('set_fact', { fact: 7, factText: '{{ bb }}' }, false),
    layer('play vars', { bb: 5, aa: '{{ bb }}', list: '{{ [bb, 1] }}', yes: '{{ bb > 1 }}' }),
  ]);
}

describe('{{ name }} alone', () => {
  it('gives the number a variable holds, and the text of a number a template in the variable gives', () => {
    expect(renderString('{{ bb }}', scope())).toBe(5);
    expect(renderString('{{ aa }}', scope())).toBe('5');
    expect(renderString('{{ fact }}', scope())).toBe(7);
    expect(evaluateExpression('aa', scope())).toBe(5);
  });

  it('keeps the list and the boolean a template in the variable gives, as Ansible reads them back', () => {
    expect(renderString('{{ list }}', scope())).toEqual([5, 1]);
    expect(renderString('{{ yes }}', scope())).toBe(true);
  });

  it('never renders a rendered value again', () => {
    expect(renderString('{{ factText }}', scope())).toBe('{{ bb }}');
  });
});
