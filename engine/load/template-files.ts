/**
 * The template files of `template:` tasks, compiled before any host is
 * contacted: a syntax error, an unknown helper or blocks nested too deep are
 * a load error naming the template's file:line:col, not a failure on every
 * host at the task's position. A templated `src`, or one not found (an
 * earlier task may create it), is left to the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { compileTemplateFile } from '../template/handlebars.js';
import { isTemplated } from '../template/render.js';
import type { ModuleTask } from './model.js';
import { decodeText } from './source-text.js';
import { sourceCandidates } from './source-paths.js';

export function checkTemplateFiles(tasks: Iterable<ModuleTask>, playDir: string): void {
  const checked = new Set<string>();
  for (const task of tasks) {
    const src = task.module === 'template' ? task.args.src : undefined;
    if (typeof src !== 'string' || isTemplated(src)) continue;
    const candidates = isAbsolute(src) ? [src] : sourceCandidates(src, 'templates', { roleDir: task.role?.role.dir, taskDir: dirname(task.at.file), playDir });
    const file = candidates.find((path) => existsSync(path));
    if (!file || checked.has(file)) continue;
    checked.add(file);
    compileTemplateFile(decodeText(readFileSync(file), file), file);
  }
}
