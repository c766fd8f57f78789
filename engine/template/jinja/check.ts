/**
 * A template file's mistakes found before any host is contacted: every
 * filter, test and lookup it names (and those of the templates it includes
 * or imports by a literal name) must exist. Syntax errors are found by
 * parsing them. An included file not found is left to the run, as Ansible
 * leaves it (an include in a branch never taken is no error).
 */
import { CxError, withPosition } from '../../errors.js';
import { checkKnownNames } from '../known-names.js';
import { findTemplate, type JinjaFiles, type ParsedTemplate } from './loader.js';
import type { Statement } from './nodes.js';
import { expressionsOf, loadsOf } from './walk.js';

export function checkJinjaTemplate(template: ParsedTemplate, searchPath: readonly string[], files: JinjaFiles, seen: Set<string> = new Set([template.file])): void {
  for (const expr of expressionsOf(template.body)) {
    try {
      checkKnownNames(expr.node, expr.source);
    } catch (error) {
      throw error instanceof CxError ? withPosition(error, { file: template.file, line: expr.at.line, col: expr.at.col }) : error;
    }
  }
  for (const load of loadsOf(template.body)) {
    for (const name of literalNames(load)) {
      const file = findTemplate(name, searchPath);
      if (!file || seen.has(file)) continue;
      seen.add(file);
      checkJinjaTemplate(files.load(file, template.settings), searchPath, files, seen);
    }
  }
}

/** The template names a load statement gives as literals (`'a.j2'`, `['a.j2', 'b.j2']`). */
function literalNames(load: Extract<Statement, { t: 'include' | 'import' | 'fromImport' }>): string[] {
  const node = load.t === 'include' ? load.names.node : load.name.node;
  const items = node.t === 'list' ? node.items : [node];
  return items.flatMap((item) => (item.t === 'lit' && typeof item.value === 'string' ? [item.value] : []));
}
