/**
 * Template files are read and compiled once per run, then rendered per host.
 * The template engine is loaded on the first template (many runs use none),
 * and Handlebars itself only for a template that is not plain.
 */
import type { CompiledTemplate } from '../template/handlebars.js';
import { decodeText } from '../load/source-text.js';
import type { VaultKeyring } from '../vault/keyring.js';
import { readSourceFile } from '../vault/source-file.js';

export class TemplateCache {
  private readonly compiled = new Map<string, Promise<CompiledTemplate>>();

  /** `vault` decrypts vault-encrypted template files. */
  constructor(private readonly vault: VaultKeyring) {}

  get(path: string): Promise<CompiledTemplate> {
    let entry = this.compiled.get(path);
    if (!entry) {
      const source = decodeText(readSourceFile(path, this.vault), path);
      entry = import('../template/handlebars.js').then(({ compileTemplateFile }) => compileTemplateFile(source, path));
      this.compiled.set(path, entry);
    }
    return entry;
  }
}
