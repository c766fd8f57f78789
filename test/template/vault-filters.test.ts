/** The vault and unvault filters, with output measured from ansible-playbook 2.14 (a fixed salt makes it repeatable). */
import { describe, expect, it } from 'vitest';
import { renderString } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';

const render = (text: string) => renderString(text, scopeFromObject({}));
const PAYLOAD = [
  '3733363136633734373336313663373437333631366337340a323832663638623337386264656332',
  '31333831336631643538326237663531613734393937626462316233393662396434643837333831',
  '3262616230316632630a323530356262383866616466633336653864353564376234366532303965',
  '6537',
];

describe('vault and unvault filters', () => {
  it('encrypt as Ansible does: format 1.2 labelled filter_default, 1.1 for the default id', () => {
    expect(render("{{ 'secret text' | vault('pw', salt='saltsaltsalt') }}")).toBe(['$ANSIBLE_VAULT;1.2;AES256;filter_default', ...PAYLOAD, ''].join('\n'));
    expect(render("{{ 'secret text' | vault('pw', salt='saltsaltsalt', vaultid='default') }}")).toBe(['$ANSIBLE_VAULT;1.1;AES256', ...PAYLOAD, ''].join('\n'));
  });

  it('decrypt what they encrypt, pass plain text through, and refuse a wrong password or a non-string', () => {
    expect(render("{{ 'secret text' | vault('pw') | unvault('pw') }}")).toBe('secret text');
    expect(render("{{ 'plain' | unvault('pw') }}")).toBe('plain');
    expect(() => render("{{ 'x' | vault('pw') | unvault('wrong') }}")).toThrow('Unable to decrypt: Decryption failed (no vault secrets were found that could decrypt)');
    expect(() => render("{{ 5 | vault('pw') }}")).toThrow("Can only vault strings, instead we got: <class 'int'>");
  });
});
