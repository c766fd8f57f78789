/**
 * Finding and parsing the templates a template file includes or imports.
 * Names resolve as Ansible's template action sets Jinja's FileSystemLoader:
 * in each directory of the search path (the role's, the playbook's, the
 * template's own), its templates/ subdirectory first; `..` is refused, as
 * Jinja refuses it. Each file is parsed once per run for a given set of
 * settings (the run keeps one JinjaFiles).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../load/source-text.js';
import { tokenizeTemplate } from './lexer.js';
import type { Statement } from './nodes.js';
import { parseTemplateTokens } from './parser.js';
import { settingsKey, type JinjaSettings } from './settings.js';

export interface ParsedTemplate {
  /** The template's file; '' for a playbook value. */
  readonly file: string;
  /** How many newlines its text ended with (Ansible keeps that many). */
  readonly trailingNewlines: number;
  readonly body: readonly Statement[];
  readonly settings: JinjaSettings;
}

export class JinjaFiles {
  private readonly parsed = new Map<string, ParsedTemplate>();

  /** An included or imported file, read with the including template's settings (its own `#jinja2:` line is text, as in Ansible). */
  load(file: string, settings: JinjaSettings): ParsedTemplate {
    const key = `${settingsKey(settings)}\u0000${file}`;
    let template = this.parsed.get(key);
    if (!template) {
      template = parseSource(decodeText(readFileSync(file), file), file, settings);
      this.parsed.set(key, template);
    }
    return template;
  }
}

/** A template's text parsed; `lineOffset` counts lines before it in its file (a `#jinja2:` line). */
export function parseSource(source: string, file: string, settings: JinjaSettings, lineOffset = 0, trailingNewlines = countTrailingNewlines(source)): ParsedTemplate {
  return { file, body: parseTemplateTokens(tokenizeTemplate(source, settings, file, lineOffset), file), settings, trailingNewlines };
}

/** The file a template name resolves to on the search path, or undefined. */
export function findTemplate(name: string, searchPath: readonly string[]): string | undefined {
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  for (const base of searchPath) {
    const candidate = join(base, ...segments);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function countTrailingNewlines(text: string): number {
  let count = 0;
  while (count < text.length && text[text.length - 1 - count] === '\n') count += 1;
  return count;
}
