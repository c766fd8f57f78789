/**
 * Template files are read (decrypted when vault-encrypted) and compiled once
 * per run, then rendered per host; the files they include are parsed once per
 * run too (one JinjaFiles). The template engine is loaded on the first
 * template (many runs use none), and Handlebars itself only for a `.hbs`
 * template that is not plain.
 */
import { decodeText } from '../load/source-text.js';
import type { JinjaFiles } from '../template/jinja/loader.js';
import type { JinjaSettings } from '../template/jinja/settings.js';
import type { CompiledTemplate } from '../template/template-file.js';
import type { TemplateFileFacts } from '../template/template-vars.js';
import type { VaultKeyring } from '../vault/keyring.js';
import { readSourceFile } from '../vault/source-file.js';

export interface CachedTemplate {
  readonly template: CompiledTemplate;
  readonly facts: TemplateFileFacts;
}

export class TemplateCache {
  private readonly compiled = new Map<string, Promise<CachedTemplate>>();
  private files: JinjaFiles | undefined;

  /** `vault` decrypts vault-encrypted template files. */
  constructor(private readonly vault: VaultKeyring) {}

  /** The template at `path`, its includes looked for on `searchPath`, read with the task's Jinja settings. */
  get(path: string, searchPath: readonly string[], settings: JinjaSettings): Promise<CachedTemplate> {
    const key = `${path}\u0000${searchPath.join('\u0000')}\u0000${JSON.stringify(settings)}`;
    let entry = this.compiled.get(key);
    if (!entry) {
      const source = decodeText(readSourceFile(path, this.vault), path);
      entry = Promise.all([import('../template/template-file.js'), import('../template/jinja/loader.js'), import('../template/template-vars.js')]).then(
        ([{ compileTemplateFile }, { JinjaFiles }, { templateFileFacts }]) => {
          this.files ??= new JinjaFiles();
          return { template: compileTemplateFile(source, path, { searchPath, files: this.files, settings }), facts: templateFileFacts(path) };
        },
      );
      this.compiled.set(key, entry);
    }
    return entry;
  }
}
