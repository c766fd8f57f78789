/**
 * The short form `k=v` as Ansible 2.14's parse_kv reads it. The expected
 * values were produced by ansible.parsing.splitter.parse_kv itself.
 */
import { describe, expect, it } from 'vitest';
import { CxError } from '../../engine/errors.js';
import { findModule } from '../../engine/modules/registry.js';
import { parseShortForm } from '../../engine/modules/short-form.js';

const file = findModule('file')!;
const copy = findModule('copy')!;
const debug = findModule('debug')!;
const command = findModule('command')!;
const shell = findModule('shell')!;

const KEY_VALUE_CASES: [string, Record<string, unknown>][] = [
  ['path=/x state=directory mode=0644', { path: '/x', state: 'directory', mode: '0644' }],
  ['content="a b" dest=/y', { content: 'a b', dest: '/y' }],
  ["content='it''s'", { content: "it''s" }],
  ['content="say \\"hi\\"" dest=/z', { content: 'say "hi"', dest: '/z' }],
  ['dest={{ base }}/f content="{{ a }} {{ b }}"', { dest: '{{ base }}/f', content: '{{ a }} {{ b }}' }],
  ["content={{ x | default('a b') }}", { content: "{{ x | default('a b') }}" }],
  ['content="a\\nb" dest=/p', { content: 'a\nb', dest: '/p' }],
  ['content=a\\u00e9\\x41 dest=/p', { content: 'aéA', dest: '/p' }],
  ['dest=/p content=', { dest: '/p', content: '' }],
];

const FREE_FORM_CASES: [string, Record<string, unknown>][] = [
  ['echo hello world', { _raw_params: 'echo hello world' }],
  ['echo  \'two  spaces\'   "x y" creates=/tmp/x', { creates: '/tmp/x', _raw_params: 'echo  \'two  spaces\'   "x y"' }],
  ['ls -l chdir=/tmp removes=/etc/passwd', { chdir: '/tmp', removes: '/etc/passwd', _raw_params: 'ls -l' }],
  ['echo a=b c=d', { _raw_params: 'echo a=b c=d' }],
  ['cat /etc/hosts | grep "local host" > /tmp/o executable=/bin/bash', { executable: '/bin/bash', _raw_params: 'cat /etc/hosts | grep "local host" > /tmp/o' }],
  ['echo {{ item }} creates="{{ dir }}/done"', { creates: '{{ dir }}/done', _raw_params: 'echo {{ item }}' }],
  ['echo one\necho two', { _raw_params: 'echo one\necho two' }],
  ['echo \\"quoted\\" x=1', { _raw_params: 'echo \\"quoted\\" x=1' }],
  ["sh -c 'a=1; echo $a' warn=no", { warn: 'no', _raw_params: "sh -c 'a=1; echo $a'" }],
  ['echo hi stdin_add_newline=no', { stdin_add_newline: 'no', _raw_params: 'echo hi' }],
];

describe('parseShortForm', () => {
  it.each(KEY_VALUE_CASES)('reads %j as Ansible does', (text, expected) => {
    expect(parseShortForm(text, copy)).toEqual(expected);
  });

  it.each(FREE_FORM_CASES)('splits the free-form command %j as Ansible does', (text, expected) => {
    expect(parseShortForm(text, command)).toEqual(expected);
    expect(parseShortForm(text, shell)).toEqual(expected);
  });

  it('reads the short form of file with an octal mode kept as text', () => {
    expect(parseShortForm('path=/srv/{{ item }} state=directory mode=0750', file)).toEqual({ path: '/srv/{{ item }}', state: 'directory', mode: '0750' });
  });

  it('keeps a command option split off only when it is one of Ansible\'s names', () => {
    expect(parseShortForm('echo x argv=1 cmd=2', command)).toEqual({ _raw_params: 'echo x argv=1 cmd=2' });
  });

  it('cuts an option out of the middle of a command', () => {
    expect(parseShortForm('touch  a creates=/a  b', command)).toEqual({ creates: '/a', _raw_params: 'touch  a b' });
  });

  it('refuses unbalanced quotes and template blocks, naming the text', () => {
    expect(() => parseShortForm('msg="unterminated', debug)).toThrow(/unbalanced jinja2 block or quotes: msg="unterminated/);
    expect(() => parseShortForm('msg={{ x', debug)).toThrow(CxError);
  });

  it('refuses a bare word for a module that is not free-form', () => {
    expect(() => parseShortForm('path=/x directory', file)).toThrow(/file: cannot read 'directory' as name=value/);
  });

  it('refuses prototype keys', () => {
    expect(() => parseShortForm('__proto__=x path=/x', file)).toThrow(/'__proto__' cannot be used/);
    expect(() => parseShortForm('echo x constructor=1', command)).not.toThrow();
  });
});
