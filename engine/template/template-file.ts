/**
 * Template files (`template` module): Jinja as Ansible renders them, except
 * files named `.hbs`/`.handlebars`, which ask for Handlebars by name.
 * Compiled (parsed) once per run, rendered per host.
 */
import { compileHandlebarsFile } from './handlebars.js';
import { countTrailingNewlines, parseSource, type JinjaFiles, type ParsedTemplate } from './jinja/loader.js';
import { renderKeepingNewlines } from './jinja/render.js';
import { ANSIBLE_TEMPLATE_SETTINGS, HEADER, readHeader, type JinjaSettings } from './jinja/settings.js';
import type { Scope } from './scope.js';

export interface CompiledTemplate {
  readonly file: string;
  render(scope: Scope): string;
}

export interface TemplateFileOptions {
  /** Where `{% include %}`/`{% import %}` names are looked for (jinja/loader.ts templateSearchPath). */
  readonly searchPath: readonly string[];
  /** The run's parsed included files. */
  readonly files: JinjaFiles;
  /** The template task's own settings (trim_blocks, delimiters...), before the file's `#jinja2:` line; Ansible's when not given. */
  readonly settings?: JinjaSettings;
}

const HANDLEBARS_FILE = /\.(hbs|handlebars)$/i;

export function isHandlebarsFile(file: string): boolean {
  return HANDLEBARS_FILE.test(file);
}

export function compileTemplateFile(source: string, file: string, options: TemplateFileOptions): CompiledTemplate {
  if (isHandlebarsFile(file)) return compileHandlebarsFile(source, file);
  const template = parseJinjaFile(source, file, options.settings);
  const environment = { files: options.files, searchPath: options.searchPath };
  return { file, render: (scope: Scope) => renderKeepingNewlines(template, scope, environment) };
}

/** A template file parsed with Ansible's settings (or the task's), then its own `#jinja2:` line. */
export function parseJinjaFile(source: string, file: string, base: JinjaSettings = ANSIBLE_TEMPLATE_SETTINGS): ParsedTemplate {
  const { settings, body } = readHeader(source, base, file);
  return parseSource(body, file, settings, source.startsWith(HEADER) ? 1 : 0, countTrailingNewlines(source));
}
