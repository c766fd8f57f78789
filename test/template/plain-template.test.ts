/**
 * Plain templates (text and `{{ a.b }}`) render without Handlebars, and
 * exactly as Handlebars (noEscape, strict) renders them: the same text for
 * every kind of value, the same error (message and position) for every
 * missing or unreadable name, line breaks of every kind. What is not plain is
 * recognized, and a value Handlebars treats specially goes to Handlebars.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { UndefinedVariableError } from '../../engine/errors.js';
import { compileHandlebarsFile as compileTemplateFile } from '../../engine/template/handlebars.js';
import { NOT_PLAIN, parsePlainTemplate, renderPlain } from '../../engine/template/plain-template.js';
import type { Scope } from '../../engine/template/scope.js';

const HELPERS = new Set(['eq', 'join', 'default', 'toYaml']);

type Outcome = { text: string } | { error: string };

function outcome(render: () => string | typeof NOT_PLAIN): Outcome | typeof NOT_PLAIN {
  try {
    const text = render();
    return text === NOT_PLAIN ? NOT_PLAIN : { text };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

function byHandlebars(source: string, context: Record<string, unknown>): Outcome | typeof NOT_PLAIN {
  const template = Handlebars.create().compile(source, { noEscape: true, strict: true });
  const result = outcome(() => template(context));
  // Handlebars throws its own Exception class; the message is what the engine reads.
  return result !== NOT_PLAIN && 'error' in result ? { error: result.error.replace(/^Exception:/, 'Error:') } : result;
}

function plain(source: string, context: Record<string, unknown>): Outcome | typeof NOT_PLAIN {
  const template = parsePlainTemplate(source, HELPERS);
  if (!template) throw new Error(`not plain: ${source}`);
  return outcome(() => renderPlain(template, context));
}

function scopeOf(context: Record<string, unknown>): Scope {
  return { has: (name: string) => name in context, get: (name: string) => context[name] } as unknown as Scope;
}

const TEMPLATES = [
  'name = {{ name }}\n',
  '{{name}}-{{ a.b }}\n{{  a.b.c  }} x',
  'first\r\nsecond {{ a.b }} {{ missing }}',
  'first\rsecond\n\n  {{ a.missing }}',
  '} {{ a }} } { {{ a.b.c }} {',
  'no mustache at all\n',
  '',
];

const CONTEXTS: Record<string, unknown>[] = [
  { name: 'node1', a: { b: { c: 'deep' } } },
  { name: 0, a: { b: { c: 1.5 } } },
  { name: false, a: { b: { c: true } } },
  { name: null, a: { b: null } },
  { name: undefined, a: { b: { c: undefined } } },
  { name: [1, [2, 3], null, { x: 1 }], a: { b: { c: { x: 1 } } } },
  { a: { b: 'text' } },
  { name: 'x', a: 'text' },
  { name: 'x', a: null },
  { name: 'x', a: 0 },
  { name: 'x', a: [] },
  { name: 'x', a: { b: 7 } },
  { name: 'x' },
];

describe('plain templates', () => {
  it.each(TEMPLATES)('renders %j as Handlebars does, for every kind of value and every missing name', (source) => {
    for (const context of CONTEXTS) {
      expect(plain(source, context), JSON.stringify(context)).toEqual(byHandlebars(source, context));
    }
  });

  it.each([
    '{{#if a}}x{{/if}}',
    '{{! comment }}',
    '{{{ a }}}',
    '{{ a }}}',
    '{{~ a }}',
    '\\{{ a }}',
    '{{ eq a b }}',
    '{{ join }}',
    '{{ if }}',
    '{{ this }}',
    '{{ true }}',
    '{{ a.[0] }}',
    '{{ a/b }}',
    '{{ @root.a }}',
    '{{ a.constructor }}',
    '{{ __proto__ }}',
    '{{ toString }}',
    '{{ a.prototype }}',
    '{{ a',
    'x {{ a }} {{',
  ])('leaves %j to Handlebars', (source) => {
    expect(parsePlainTemplate(source, HELPERS)).toBeUndefined();
  });

  it('hands a value Handlebars treats specially to Handlebars, which renders it', () => {
    const source = 'list {{ a.map }} fn {{ f }}\n';
    for (const context of [{ a: [1], f: 'x' }, { a: { map: 'own' }, f: () => 'called' }]) {
      expect(plain(source, context)).toBe(NOT_PLAIN);
      expect(compileTemplateFile(source, 'special.hbs').render(scopeOf(context))).toBe(Handlebars.create().compile(source, { noEscape: true, strict: true })(context));
    }
  });

  it('reports an undefined name with its position, as before', () => {
    const template = compileTemplateFile('a = {{ a }}\nb =  {{ b.c }}\n', 'conf.hbs');
    expect(template.render(scopeOf({ a: 1, b: { c: 2 } }))).toBe('a = 1\nb =  2\n');
    let error: unknown;
    try {
      template.render(scopeOf({ a: 1, b: {} }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UndefinedVariableError);
    expect(error).toMatchObject({ at: { file: 'conf.hbs', line: 2, col: 9 } });
    expect(String((error as Error).message)).toContain('c');
  });
});
