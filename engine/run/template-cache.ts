/**
 * Template files are read and compiled once per run, then rendered per host.
 * The template engine is loaded on the first template (many runs use none),
 * and Handlebars itself only for a template that is not plain.
 */
import { readFile } from 'node:fs/promises';
import type { CompiledTemplate } from '../template/handlebars.js';

export class TemplateCache {
  private readonly compiled = new Map<string, Promise<CompiledTemplate>>();

  get(path: string): Promise<CompiledTemplate> {
    let entry = this.compiled.get(path);
    if (!entry) {
      entry = Promise.all([readFile(path, 'utf8'), import('../template/handlebars.js')]).then(([source, { compileTemplateFile }]) =>
        compileTemplateFile(source, path),
      );
      this.compiled.set(path, entry);
    }
    return entry;
  }
}
