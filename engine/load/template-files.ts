/**
 * The template files of `template:` tasks, read before any host is
 * contacted: a syntax error, an unknown filter, test or lookup (in the file
 * or a template it includes), an unknown Handlebars helper or blocks nested
 * too deep are a load error naming the template's file:line:col, not a
 * failure on every host at the task's position. A templated `src` or Jinja
 * option, or a file not found (an earlier task may create it), is left to
 * the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { compileHandlebarsFile } from '../template/handlebars.js';
import { checkJinjaTemplate } from '../template/jinja/check.js';
import { JinjaFiles } from '../template/jinja/loader.js';
import { MODULE_OPTIONS, settingsFromArguments } from '../template/jinja/settings.js';
import { isTemplated } from '../template/render.js';
import { isHandlebarsFile, parseJinjaFile } from '../template/template-file.js';
import type { ModuleTask, TaskNode } from './model.js';
import { decodeText } from './source-text.js';
import { sourceCandidates, templateSearchPath } from './source-paths.js';

export function checkTemplateFiles(nodes: readonly TaskNode[], playDir: string): void {
  const checked = new Set<string>();
  const files = new JinjaFiles();
  for (const { task, roleDir } of templateTasks(nodes, undefined)) {
    const src = task.args.src;
    if (typeof src !== 'string' || isTemplated(src) || MODULE_OPTIONS.some((name) => !isLiteral(task.args[name]))) continue;
    const candidates = isAbsolute(src) ? [src] : sourceCandidates(src, 'templates', { roleDir, taskDir: dirname(task.at.file), playDir });
    const file = candidates.find((path) => existsSync(path));
    if (!file || checked.has(file)) continue;
    checked.add(file);
    const source = decodeText(readFileSync(file), file);
    if (isHandlebarsFile(file)) compileHandlebarsFile(source, file);
    else checkJinjaTemplate(parseJinjaFile(source, file, settingsFromArguments(task.args)), templateSearchPath({ roleDir, playDir, templateFile: file }), files);
  }
}

/** A task option known before the run: absent, or a value without `{{ }}`. */
function isLiteral(value: unknown): boolean {
  return typeof value !== 'string' || !isTemplated(value);
}

/** The template tasks, with the directory of the role each is in (a role's tasks sit in a block that names it). */
function* templateTasks(nodes: readonly TaskNode[], roleDir: string | undefined): Generator<{ task: ModuleTask; roleDir: string | undefined }> {
  for (const node of nodes) {
    if (node.kind === 'task' && node.module === 'template') yield { task: node, roleDir: node.role?.role.dir ?? roleDir };
    else if (node.kind === 'block') yield* templateTasks([...node.block, ...node.rescue, ...node.always], node.role?.role.dir ?? roleDir);
  }
}
