/**
 * The taint of host data, in the renderer: what a render read decides
 * whether its text may be parsed again, as Ansible's unsafe marking does.
 * Expectations are ansible-playbook 2.14's, measured (see
 * test/reliability/host-data-ansible.test.ts for the side-by-side run).
 */
import { describe, expect, it } from 'vitest';
import { evaluateCondition, renderDeep } from '../../engine/template/render.js';
import { tracked, UnsafeText } from '../../engine/template/unsafe.js';
import { LayeredScope, layer, renderedLayer } from '../../engine/vars/layered-scope.js';

const HOST_TEXT = "' ~ lookup('env','HOME') ~ '";

function scope(): LayeredScope {
  return new LayeredScope([
    renderedLayer('registered', { r: { rc: 0, stdout: HOST_TEXT }, ready: { stdout: 'ready' } }, true),
    layer('play vars', { name: 'web', pasted: "{{ r.stdout }}", marked: new UnsafeText('{{ name }}'), flag: "name == 'web'" }),
  ]);
}

describe('host data in a render', () => {
  it('taints the render that reads it, directly or through a variable that was rendered from it', () => {
    expect(tracked(() => renderDeep('{{ name }}', scope())).unsafe).toBe(false);
    expect(tracked(() => renderDeep('{{ r.rc }}', scope())).unsafe).toBe(true);
    const viaVariable = scope();
    expect(tracked(() => renderDeep('x {{ pasted }}', viaVariable))).toEqual({ value: `x ${HOST_TEXT}`, unsafe: true });
    // Second read of the same variable: its rendered value is cached, the taint with it.
    expect(tracked(() => renderDeep('{{ pasted }}', viaVariable)).unsafe).toBe(true);
    expect(tracked(() => renderDeep("{{ lookup('env', 'HOME') }}", scope())).unsafe).toBe(true);
  });

  it('keeps a !unsafe value as written, and taints the render', () => {
    expect(tracked(() => renderDeep('{{ marked }}', scope()))).toEqual({ value: '{{ name }}', unsafe: true });
  });

  it('refuses a condition whose text was built from it, as Ansible does', () => {
    for (const condition of ["'{{ r.stdout }}' == 'x'", '{{ r.stdout }}', '{{ ready.stdout }}', "'{{ marked }}' != ''"]) {
      expect(() => evaluateCondition(condition, scope()), condition).toThrow(/Conditional is marked as unsafe, and cannot be evaluated/);
    }
  });

  it('evaluates conditions that read it as a variable, or whose {{ }} give a value that is not text', () => {
    expect(evaluateCondition("r.stdout != 'x'", scope())).toBe(true);
    expect(evaluateCondition('{{ r.rc == 0 }}', scope())).toBe(true);
    expect(evaluateCondition('ready.stdout', scope())).toBe(true);
  });

  it('renders the {{ }} of a condition built from playbook values, then evaluates the text, as Ansible does', () => {
    expect(evaluateCondition("'{{ name }}' == 'web'", scope())).toBe(true);
    expect(evaluateCondition("{{ 1 }} == {{ 2 }}", scope())).toBe(false);
    // A whole {{ }} that gives text: the text is evaluated as an expression, as Ansible's Conditional does.
    expect(evaluateCondition('{{ flag }}', scope())).toBe(true);
    expect(() => evaluateCondition('{{ name }}', scope())).toThrow(/'web' is undefined/);
  });
});
