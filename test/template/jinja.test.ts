/**
 * Jinja template files as Ansible renders them (expected texts measured with
 * Jinja 3.1 under Ansible's settings; test/compat/jinja.test.ts compares a
 * corpus with ansible-playbook itself): whitespace rules, the `#jinja2:`
 * header, scoping, macros, includes, and errors that name file:line:col.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CxError } from '../../engine/errors.js';
import { checkJinjaTemplate } from '../../engine/template/jinja/check.js';
import { JinjaFiles } from '../../engine/template/jinja/loader.js';
import { settingsFromArguments } from '../../engine/template/jinja/settings.js';
import { scopeFromObject } from '../../engine/template/scope.js';
import { compileTemplateFile, parseJinjaFile } from '../../engine/template/template-file.js';

const dir = mkdtempSync(join(tmpdir(), 'cxplay-jinja-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vars = { name: 'web', items: ['a', 'b', 'c'], users: [{ name: 'ann', admin: true }, { name: 'bob', admin: false }], nothing: null };

function render(source: string, extra: Record<string, unknown> = {}, files = new JinjaFiles()): string {
  return compileTemplateFile(source, join(dir, 't.j2'), { searchPath: [dir], files }).render(scopeFromObject({ ...vars, ...extra }));
}

function failure(run: () => unknown): CxError {
  try {
    run();
  } catch (error) {
    return error as CxError;
  }
  throw new Error('expected an error');
}

describe('whitespace as Ansible sets Jinja', () => {
  it.each([
    ['trim_blocks on, lstrip_blocks off', 'a\n  {% if true %}\n  x\n  {% endif %}\nb\n', 'a\n    x\n  b\n'],
    ['lstrip_blocks from the header', '#jinja2: lstrip_blocks: True\na\n  {% if true %}\n  x\n  {% endif %}\nb\n', 'a\n  x\nb\n'],
    ['trim_blocks off from the header', '#jinja2: trim_blocks: False\n{% if true %}\nx\n{% endif %}\n', '\nx\n'],
    ['- strips on both sides', 'a {%- if true -%} b {%- endif %}\nc', 'abc'],
    ['+ keeps the newline trim_blocks would drop', '{% if true +%}\nx{% endif %}', '\nx'],
    ['comments take their whitespace control', 'x {# c -#}\n  y', 'x y'],
    ['raw text stays, its tags strip', '{% raw -%}\n  {{ x }}  {%- endraw %}|', '{{ x }}|'],
    ['newlines are normalised to \\n in text, not in values', '{{ "a\\r\\nb" }}|line1\r\nline2\rline3', 'a\r\nb|line1\nline2\nline3'],
    ['None prints as nothing (Ansible finalize)', '[{{ nothing }}]', '[]'],
    ['the trailing newlines of the file are kept', 'x\n\n\n', 'x\n\n\n'],
    ['no trailing newline stays none', '{{ name }}', 'web'],
    ['custom delimiters from the header', "#jinja2: variable_start_string: '[[', variable_end_string: ']]'\n{{ name }} [[ name ]]\n", '{{ name }} web\n'],
  ])('%s', (_label, source, expected) => {
    expect(render(source)).toBe(expected);
  });
});

describe("the template task's own options", () => {
  it('set the environment as Ansible maps them, and the file header still wins', () => {
    const settings = settingsFromArguments({ lstrip_blocks: 'yes', trim_blocks: false, variable_start_string: '[[', variable_end_string: ']]', newline_sequence: '\\r\\n' });
    const source = '  {% if true %}\n[[ name ]] {{ x }}\n  {% endif %}\n';
    expect(compileTemplateFile(source, join(dir, 'o.j2'), { searchPath: [dir], files: new JinjaFiles(), settings }).render(scopeFromObject(vars))).toBe('\r\nweb {{ x }}\r\n');
    const headed = `#jinja2: variable_start_string: '<<', variable_end_string: '>>'\n<< name >> [[ name ]]\n`;
    expect(compileTemplateFile(headed, join(dir, 'h.j2'), { searchPath: [dir], files: new JinjaFiles(), settings }).render(scopeFromObject(vars))).toBe('web [[ name ]]\r\n');
  });
});

describe('statements', () => {
  it.each([
    ['for with unpacking', '{% for a, b in [[1, 2], [3, 4]] %}{{ a + b }} {% endfor %}', '3 7 '],
    ['loop.revindex and nextitem', '{% for x in [3, 1] %}{{ loop.revindex }}{{ loop.nextitem is defined }}{% endfor %}', '2True1False'],
    ['for ... if ... else', '{% for u in users if u.admin %}{{ u.name }}{{ loop.length }}{% else %}none{% endfor %}', 'ann1'],
    ['loop body scope: set does not leak, namespace does', '{% set n = 0 %}{% set ns = namespace(n=0) %}{% for x in items %}{% set n = n + 1 %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ n }}{{ ns.n }}', '03'],
    ['recursive loops', '{% for x in [{"n": 1, "c": [{"n": 2}]}] recursive %}{{ x.n }}@{{ loop.depth }}{% if x.c is defined %}{{ loop(x.c) }}{% endif %}{% endfor %}', '1@12@2'],
    ['macro with caller', '{% macro box() %}[{{ caller("in") }}]{% endmacro %}{% call(word) box() %}<{{ word }}>{% endcall %}', '[<in>]'],
    ['block set through a filter', '{% set s | upper %}x{{ name }}{% endset %}{{ s }}', 'XWEB'],
  ])('%s', (_label, source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it('includes from the search path and imports macros; `..` is refused as Jinja refuses it', () => {
    writeFileSync(join(dir, 'part.j2'), '{{ name }}-{{ loop is defined }}\n');
    writeFileSync(join(dir, 'lib.j2'), '{% macro hi(who) %}hi {{ who }}{% endmacro %}{% set _hidden = 1 %}');
    expect(render('{% for x in [1] %}{% include "part.j2" %}{% endfor %}|{% import "lib.j2" as lib %}{{ lib.hi(name) }}{{ lib._hidden is defined }}')).toBe('web-False|hi webFalse');
    expect(failure(() => render('{% include "../etc/passwd" %}')).message).toBe('template not found: ../etc/passwd');
  });

  it('parses an included file once per run', () => {
    const files = new JinjaFiles();
    writeFileSync(join(dir, 'once.j2'), 'x');
    render('{% include "once.j2" %}', {}, files);
    const parsed = files.load(join(dir, 'once.j2'), parseJinjaFile('', 't.j2').settings);
    render('{% include "once.j2" %}{% include "once.j2" %}', {}, files);
    expect(files.load(join(dir, 'once.j2'), parseJinjaFile('', 't.j2').settings)).toBe(parsed);
  });
});

describe('errors name the template file, line and column', () => {
  it.each([
    ['an undefined variable', 'line\n  {{ missing }}\n', "'missing' is undefined", 2, 3],
    ['too many macro arguments', '{% macro m(a) %}{% endmacro %}\n{{ m(1, 2) }}', "macro 'm' takes not more than 1 argument(s)", 2, 1],
    ['an unknown macro keyword', '{% macro m(a) %}{% endmacro %}{{ m(b=2) }}', "macro 'm' takes no keyword argument 'b'", 1, 31],
    ['an attribute set on no namespace', '{% set x = 1 %}{% set x.y = 2 %}', "cannot assign the attribute 'y' of 'x': only a namespace() takes attributes", 1, 16],
    ['a failed unpacking', '{% set a, b = [1] %}', 'cannot unpack [1] into 2 names (a, b)', 1, 1],
    ['a missing import name', `{% from "lib.j2" import nope %}`, "the template lib.j2 does not export the requested name 'nope'", 1, 1],
  ])('%s', (_label, source, message, line, col) => {
    writeFileSync(join(dir, 'lib.j2'), '{% macro hi() %}{% endmacro %}');
    const error = failure(() => render(source));
    expect(error.message).toContain(message);
    expect(error.at).toEqual({ file: join(dir, 't.j2'), line, col });
  });

  it.each([
    ['an unclosed block', 'a\n{% if x %}\n', "template syntax error: 'if' is never closed", 2],
    ['an end tag of another block', '{% for x in y %}{% endif %}', "template syntax error: unexpected 'endif'", 1],
    ['template inheritance', '{% extends "base.j2" %}', 'template inheritance ({% extends %}/{% block %}) is not supported in template files', 1],
    ['a tag Ansible does not enable', '{% do x.append(1) %}', "'do' is a Jinja extension Ansible does not enable", 1],
    ['a bad expression', 'x\n\n{{ 1 + }}', 'template syntax error: unexpected end of expression', 3],
    ['an unclosed comment', '{# x', 'template syntax error: Missing end of comment tag', 1],
    ['a header without colon', '#jinja2: trim_blocks\nx', "failed to parse jinja2 override 'trim_blocks'", 1],
    ['a header option not supported', '#jinja2: autoescape: True\nx', "the #jinja2: header option 'autoescape' is not supported", 1],
    ['an error after the header line', '#jinja2: trim_blocks: True\n{{ 1 + }}', 'template syntax error', 2],
  ])('%s is a syntax error', (_label, source, message, line) => {
    const error = failure(() => parseJinjaFile(source, 'bad.j2'));
    expect(error.message).toContain(message);
    expect(error.at).toMatchObject({ file: 'bad.j2', line });
  });

  it('finds unknown filters, tests and lookups in included templates before rendering', () => {
    writeFileSync(join(dir, 'inner.j2'), 'ok\n{{ x | to_jsn }}');
    const error = failure(() => checkJinjaTemplate(parseJinjaFile('{% include "inner.j2" %}', join(dir, 'outer.j2')), [dir], new JinjaFiles()));
    expect(error.message).toMatch(/^unknown filter 'to_jsn' — did you mean 'to_json'\?/);
    expect(error.at).toEqual({ file: join(dir, 'inner.j2'), line: 2, col: 1 });
  });
});

describe('bounds', () => {
  it('refuses blocks nested past the bound at parse time, and endless recursion at render time', () => {
    expect(failure(() => parseJinjaFile('{% if true %}'.repeat(5000), 'deep.j2')).message).toContain('blocks nested deeper than 100 levels');
    expect(failure(() => render('{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}')).message).toContain('nested deeper than 200 levels');
    writeFileSync(join(dir, 'self.j2'), '{% include "self.j2" %}');
    expect(failure(() => render('{% include "self.j2" %}')).message).toContain('nested deeper than 200 levels');
  });
});
