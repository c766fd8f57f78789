/**
 * Checks on a Handlebars template file before it is compiled, so its
 * mistakes are found when the playbook is loaded and named by the template's
 * own file:line:col: blocks nested past a bound (Handlebars' compiler
 * recurses once per block: 5,000 nested {{#if}} take seconds, then overflow),
 * a block never closed, a parse error (in one sentence, not the parser's
 * grammar dump), and a call of a helper that does not exist (which strict
 * mode would otherwise report as an undefined variable, on the host).
 */
import { TemplateError, type SourcePosition } from '../errors.js';

export const MAX_TEMPLATE_NESTING = 100;

/** `{{#name`, `{{^name`, `{{/name` (with `~`), and comments, which may hold any of them. */
const TAG = /\{\{~?\s*(?:!--[\s\S]*?--~?\}\}|![\s\S]*?\}\}|([#^/])\s*([^\s}~]*))/g;

export function checkBlocks(source: string, file: string): void {
  const comment = /\{\{~?!--(?![\s\S]*?--~?\}\})/.exec(source);
  if (comment) throw new TemplateError('a {{!-- comment is never closed', { at: positionIn(source, file, comment.index), hint: 'close it with --}}' });
  const open: { name: string; offset: number }[] = [];
  for (const match of source.matchAll(TAG)) {
    const [, kind, rawName] = match;
    if (!kind || (kind === '^' && !rawName)) continue;
    const name = rawName!.replace(/^[>*]/, '');
    if (kind !== '/') {
      open.push({ name, offset: match.index });
      if (open.length > MAX_TEMPLATE_NESTING) throw new TemplateError(`template blocks nested deeper than ${MAX_TEMPLATE_NESTING} levels`, { at: positionIn(source, file, match.index), hint: 'flatten the template (no real one nests this deep)' });
    } else if (!open.pop()) {
      throw new TemplateError(`{{/${name}}} closes no block`, { at: positionIn(source, file, match.index), hint: 'remove it, or open the block before it' });
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw new TemplateError(`{{#${unclosed.name}}} is never closed`, { at: positionIn(source, file, unclosed.offset), hint: `close it with {{/${unclosed.name}}}` });
}

/** Handlebars' parse error as one sentence at the template's line (and column when it can be told). */
export function parseProblem(error: unknown, source: string, file: string): TemplateError {
  const typed = error as Error & { lineNumber?: number; column?: number };
  const hint = 'check the {{ }} tags around this line';
  if (typed.lineNumber !== undefined) {
    return new TemplateError(`template syntax error: ${typed.message.replace(/ - \d+:\d+$/, '')}`, { at: { file, line: typed.lineNumber, col: (typed.column ?? 0) + 1 }, hint });
  }
  // The parser's own message: "Parse error on line N:\n<excerpt>\n---^\nExpecting 'A', 'B', got 'C'".
  const [, lineText, excerpt = '', caret = '', got] = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n[\s\S]*got '([^']+)'/.exec(typed.message) ?? [];
  const line = Number(lineText ?? 1);
  const at = { file, line, ...columnOf(source, line, excerpt.slice(0, caret.length)) };
  const character = at.col === undefined ? undefined : source.split('\n')[line - 1]?.[at.col - 1];
  const found = got === 'EOF' ? 'the end of the template' : character === undefined ? 'text' : `'${character}'`;
  return new TemplateError(`template syntax error: unexpected ${found}`, { at, hint });
}

/** The column after `before` (the excerpt up to the error, maybe cut to "...tail") on the line. */
function columnOf(source: string, line: number, before: string): { col?: number } {
  const text = source.split('\n')[line - 1] ?? '';
  const tail = before.replace(/^\.\.\./, '');
  const index = text.lastIndexOf(tail);
  return index < 0 ? {} : { col: index + tail.length + 1 };
}

interface HelperCall {
  readonly type?: string;
  readonly path?: { readonly type: string; readonly original: string; readonly data?: boolean };
  readonly params?: readonly unknown[];
  readonly hash?: { readonly pairs: readonly unknown[] };
  readonly loc?: { readonly start: { readonly line: number; readonly column: number } };
}

const CALLS = new Set(['MustacheStatement', 'BlockStatement', 'SubExpression']);

/** A `{{name arg}}` (or block, or subexpression) whose name is no helper. Walked without recursion. */
export function refuseUnknownHelpers(program: unknown, known: ReadonlySet<string>, file: string): void {
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const call = node as HelperCall;
    const takesArguments = (call.params?.length ?? 0) > 0 || (call.hash?.pairs.length ?? 0) > 0;
    if (call.type && CALLS.has(call.type) && takesArguments && call.path?.type === 'PathExpression' && !call.path.data && !known.has(call.path.original)) {
      const at = call.loc ? { file, line: call.loc.start.line, col: call.loc.start.column + 1 } : { file };
      throw new TemplateError(`unknown helper '${call.path.original}' in a template`, { at, hint: `the helpers are: ${[...known].sort().join(', ')}` });
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc' && child && typeof child === 'object') stack.push(child);
  }
}

function positionIn(source: string, file: string, offset: number): SourcePosition {
  const before = source.slice(0, offset);
  return { file, line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}
