/**
 * blockinfile: a block of lines between two marker lines, inserted, updated
 * or removed, as Ansible 2.14's blockinfile does. The file is read in one
 * exec and the edit worked out here, line by line as Python's splitlines
 * gives them; only when the content or the attributes must change is it
 * written, atomically, in a second exec that refuses to overwrite the file if
 * it changed in between (lib/write-file.ts; no shell code of its own).
 */
import { pythonRegExp } from '../template/regex.js';
import { attributesDiff, contentDiff, EDITED_PATH_ALIASES, expandTemplate, fileAttributesDiff, readEdited, validationFailure, withAttributesMessage } from './lib/text-edit.js';
import { writeFileDetailed } from './lib/write-file.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

export const blockinfileModule: ModuleDef = {
  name: 'blockinfile',
  argumentAliases: { ...EDITED_PATH_ALIASES, content: 'block', ...FILE_COMMON_ALIASES },
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      state: { enum: ['absent', 'present'], default: 'present' },
      marker: { type: 'string', default: '# {mark} ANSIBLE MANAGED BLOCK' },
      block: { type: 'string' },
      insertafter: { type: 'string' },
      insertbefore: { type: 'string' },
      create: { type: 'boolean', default: false },
      backup: { type: 'boolean', default: false },
      validate: { type: 'string' },
      marker_begin: { type: 'string', default: 'BEGIN' },
      marker_end: { type: 'string', default: 'END' },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['path'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  speculative: true,
  async run(ctx) {
    const { args } = ctx;
    const path = String(args.path);
    if (args.insertafter !== undefined && args.insertbefore !== undefined) return { changed: false, failed: true, msg: 'parameters are mutually exclusive: insertbefore|insertafter' };
    const edited = await readEdited(ctx, path);
    if ('failure' in edited) return edited.failure;
    const { file, attributes } = edited;
    if (!file.exists && args.create !== true) return { changed: false, failed: true, rc: 257, msg: `Path ${path} does not exist !` };
    if (!file.exists && args.state === 'absent') return { changed: false, msg: `File ${path} not present` };
    const original = file.exists ? file.content : undefined;
    const result = withBlock(args, original ?? '');
    const changed = original !== result;
    const msg = !changed ? '' : original === undefined ? 'File created' : args.state === 'absent' || blockText(args) === '' ? 'Block removed' : 'Block inserted';
    const content = contentDiff(ctx, path, original ?? '', result);
    // Ansible stops before the attributes when check mode would create the file.
    if (ctx.check && original === undefined) return { changed, msg, diff: content };
    if (!changed && edited.attributesRight) return { changed, msg, diff: [content, fileAttributesDiff(path)] };
    if (file.exists && !file.isText) return { changed: false, failed: true, msg: `${path} is not UTF-8 text: blockinfile edits UTF-8 files only, and writing this one would change its other bytes` };
    const { result: written, attributesChanged, flagsDiff, idsBefore } = await writeFileDetailed(ctx, {
      dest: path,
      content: Buffer.from(result, 'utf8'),
      attributes,
      force: true,
      backup: args.backup === true && file.exists,
      validate: args.validate as string | undefined,
      sourceLabel: path,
      follow: true,
      makeParents: true,
      expectedChecksum: file.exists ? file.checksum : null,
    });
    if (written.failed) return validationFailure(written);
    const out: ModuleResult = {
      changed: changed || written.changed === true,
      msg: withAttributesMessage(msg, attributesChanged),
      diff: [content, fileAttributesDiff(path, attributesChanged ? attributesDiff(attributes, file.attributes ?? idsBefore, ctx.check ? ({} as ModuleResult) : written, flagsDiff) : undefined)],
    };
    if (written.backup_file !== undefined) out.backup_file = written.backup_file;
    return out;
  },
};

/** The block's text: `block` or its alias `content` (Ansible's default is empty). */
function blockText(args: ModuleContext['args']): string {
  return String(args.block ?? '');
}

/** The file's content with the block (and its markers) in place, or without them for state absent or an empty block. */
function withBlock(args: ModuleContext['args'], content: string): string {
  const lines = splitLines(content);
  const markerLine = (mark: unknown) => `${String(args.marker).replaceAll('{mark}', expandTemplate(String(mark), [] as unknown as RegExpExecArray))}\n`;
  const begin = markerLine(args.marker_begin);
  const end = markerLine(args.marker_end);
  let block = blockText(args);
  let blockLines: string[] = [];
  if (args.state !== 'absent' && block !== '') {
    if (!block.endsWith('\n')) block += '\n';
    blockLines = [begin, ...splitLines(block), end];
  }
  const first = lines.lastIndexOf(begin);
  const last = lines.lastIndexOf(end);
  let at: number;
  if (first === -1 || last === -1) {
    at = insertionPoint(args, content, lines);
  } else {
    at = Math.min(first, last);
    lines.splice(at, Math.abs(last - first) + 1);
  }
  // The line before the block ends with a newline.
  if (at > 0 && !lines[at - 1]!.endsWith('\n')) lines[at - 1] += '\n';
  lines.splice(at, 0, ...blockLines);
  return lines.join('');
}

/** Where a block without markers in the file goes: after/before the last line insertafter/insertbefore matches, else at the end (or start for BOF). */
function insertionPoint(args: ModuleContext['args'], content: string, lines: readonly string[]): number {
  const after = args.insertafter === undefined ? undefined : String(args.insertafter);
  const before = args.insertbefore === undefined ? undefined : String(args.insertbefore);
  const pattern = after !== undefined && after !== 'EOF' ? after : before !== undefined && before !== 'BOF' ? before : undefined;
  if (pattern === undefined) return before !== undefined ? 0 : lines.length;
  const regex = pythonRegExp(pattern, 'search');
  let found: number | undefined;
  if (regex.flags.includes('m')) {
    // A (?m) pattern is searched in the whole text; the line is the one its match starts (before) or ends (after) on.
    const match = regex.exec(content);
    if (match) found = countNewlines(content, after !== undefined ? match.index + match[0].length : match.index);
  } else {
    lines.forEach((line, index) => {
      if (regex.test(line.replace(/\r?\n$|\r$/, ''))) found = index;
    });
  }
  if (found === undefined) return lines.length;
  return after !== undefined ? found + 1 : found;
}

function countNewlines(text: string, end: number): number {
  return text.slice(0, end).split('\n').length - 1;
}

/** Python's splitlines(keepends) on bytes: lines end after \n, \r\n or \r. */
function splitLines(content: string): string[] {
  return content.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}
