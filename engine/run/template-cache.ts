/** Template files are read and compiled once per run, then rendered per host. */
import { readFile } from 'node:fs/promises';
import { compileTemplateFile, type CompiledTemplate } from '../template/handlebars.js';

export class TemplateCache {
  private readonly compiled = new Map<string, Promise<CompiledTemplate>>();

  get(path: string): Promise<CompiledTemplate> {
    let entry = this.compiled.get(path);
    if (!entry) {
      entry = readFile(path, 'utf8').then((source) => compileTemplateFile(source, path));
      this.compiled.set(path, entry);
    }
    return entry;
  }
}
