/**
 * The source files of `template:` and `copy:` tasks, checked before any host
 * is contacted: a template's syntax error, an unknown filter, test or lookup
 * (in the file or a template it includes), an unknown Handlebars helper or
 * blocks nested too deep are a load error naming the template's
 * file:line:col, not a failure on every host at the task's position; a
 * vault-encrypted source that no password given opens is refused here too.
 * A templated `src` or Jinja option, or a file not found (an earlier task may
 * create it), is left to the run.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { isTrue } from '../booleans.js';
import { compileHandlebarsFile } from '../template/handlebars.js';
import { checkJinjaTemplate } from '../template/jinja/check.js';
import { JinjaFiles } from '../template/jinja/loader.js';
import { MODULE_OPTIONS, settingsFromArguments } from '../template/jinja/settings.js';
import { isTemplated } from '../template/render.js';
import { isHandlebarsFile, parseJinjaFile } from '../template/template-file.js';
import type { VaultKeyring } from '../vault/keyring.js';
import { isVaultFile, readSourceFile } from '../vault/source-file.js';
import type { ModuleTask, TaskNode } from './model.js';
import { decodeText } from './source-text.js';
import { sourceCandidates, templateSearchPath } from './source-paths.js';

const SOURCE_KINDS: Readonly<Record<string, 'files' | 'templates'>> = { copy: 'files', template: 'templates' };

export function checkTemplateFiles(nodes: readonly TaskNode[], playDir: string, vault: VaultKeyring): void {
  const checked = new Set<string>();
  const files = new JinjaFiles();
  for (const { task, roleDir } of sourceTasks(nodes, undefined)) {
    const src = task.args.src;
    if (typeof src !== 'string' || isTemplated(src) || isTrue(task.args.remote_src)) continue;
    if (MODULE_OPTIONS.some((name) => !isLiteral(task.args[name]))) continue;
    const kind = SOURCE_KINDS[task.module]!;
    const candidates = isAbsolute(src) ? [src] : sourceCandidates(src, kind, { roleDir, taskDir: dirname(task.at.file), playDir });
    const file = candidates.find((path) => existsSync(path));
    if (!file || checked.has(file)) continue;
    checked.add(file);
    if (kind === 'files') {
      if (isVaultFile(file)) readSourceFile(file, vault);
      continue;
    }
    const source = decodeText(readSourceFile(file, vault), file);
    if (isHandlebarsFile(file)) compileHandlebarsFile(source, file);
    else checkJinjaTemplate(parseJinjaFile(source, file, settingsFromArguments(task.args)), templateSearchPath({ roleDir, playDir, templateFile: file }), files);
  }
}

/** A task option known before the run: absent, or a value without `{{ }}`. */
function isLiteral(value: unknown): boolean {
  return typeof value !== 'string' || !isTemplated(value);
}

/** The tasks with a local source file, with the directory of the role each is in (a role's tasks sit in a block that names it). */
function* sourceTasks(nodes: readonly TaskNode[], roleDir: string | undefined): Generator<{ task: ModuleTask; roleDir: string | undefined }> {
  for (const node of nodes) {
    if (node.kind === 'task' && node.module in SOURCE_KINDS) yield { task: node, roleDir: node.role?.role.dir ?? roleDir };
    else if (node.kind === 'block') yield* sourceTasks([...node.block, ...node.rescue, ...node.always], node.role?.role.dir ?? roleDir);
  }
}
