/**
 * replace: every match of a Python regexp in a file replaced (with \1,
 * \g<name> back-references), optionally only in the part after `after` and
 * before `before`, as Ansible 2.14's replace does. The file is read in one
 * exec and the replacement worked out here with Python's rules; only when the
 * content or the attributes must change is it written, atomically, in a
 * second exec that refuses to overwrite the file if it changed in between
 * (lib/write-file.ts; no shell code of its own).
 */
import { pythonRegExp } from '../template/regex.js';
import { EDITED_PATH_ALIASES, expandTemplate, readEdited, validationFailure, withAttributesMessage } from './lib/text-edit.js';
import { writeFileDetailed } from './lib/write-file.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

export const replaceModule: ModuleDef = {
  name: 'replace',
  argumentAliases: { ...EDITED_PATH_ALIASES, ...FILE_COMMON_ALIASES },
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      regexp: { type: 'string' },
      replace: { type: 'string', default: '' },
      after: { type: 'string' },
      before: { type: 'string' },
      backup: { type: 'boolean', default: false },
      validate: { type: 'string' },
      encoding: { type: 'string', default: 'utf-8' },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['path', 'regexp'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  speculative: true,
  async run(ctx) {
    const { args } = ctx;
    const path = String(args.path);
    if (!/^utf-?8$/i.test(String(args.encoding))) return { changed: false, failed: true, msg: `replace: encoding ${String(args.encoding)} is not supported here: cxplay reads and writes UTF-8 files only` };
    const edited = await readEdited(ctx, path);
    if ('failure' in edited) return edited.failure;
    const { file, attributes } = edited;
    if (!file.exists) return { changed: false, failed: true, rc: 257, msg: `Path ${path} does not exist !` };
    const edit = replaced(args, file.content);
    // Ansible stops before looking at the attributes when the section is not found.
    if ('missing' in edit) return { changed: false, rc: 0, msg: `Pattern for before/after params did not match the given file: ${edit.missing}` };
    const changed = edit.count > 0 && edit.content !== file.content;
    const msg = changed ? `${edit.count} replacements made` : '';
    const out: ModuleResult = { changed, rc: 0, msg };
    if (changed && ctx.diff) out.diff = { before_header: path, before: file.content, after_header: path, after: edit.content };
    if (!changed && edited.attributesRight) return out;
    if (!file.isText) return { changed: false, failed: true, msg: `${path} is not UTF-8 text: replace edits UTF-8 files only, and writing this one would change its other bytes` };
    const { result: written, attributesChanged } = await writeFileDetailed(ctx, {
      dest: path,
      content: Buffer.from(changed ? edit.content : file.content, 'utf8'),
      attributes,
      force: true,
      backup: args.backup === true,
      validate: args.validate as string | undefined,
      sourceLabel: path,
      follow: true,
      expectedChecksum: file.checksum,
    });
    if (written.failed) return validationFailure(written);
    if (written.backup_file !== undefined) out.backup_file = written.backup_file;
    return { ...out, changed: changed || written.changed === true, msg: withAttributesMessage(msg, attributesChanged) };
  },
};

/** The file's content with the replacements made, and how many; or the section pattern that did not match. */
function replaced(args: ModuleContext['args'], content: string): { content: string; count: number } | { missing: string } {
  const after = args.after === undefined || args.after === '' ? undefined : String(args.after);
  const before = args.before === undefined || args.before === '' ? undefined : String(args.before);
  let start = 0;
  let end = content.length;
  if (after !== undefined || before !== undefined) {
    const pattern = after !== undefined && before !== undefined ? `${after}(?P<subsection>.*?)${before}` : after !== undefined ? `${after}(?P<subsection>.*)` : `(?P<subsection>.*)${before!}`;
    const indices = pythonRegExp(pattern, 'search', 'sd').exec(content)?.indices?.groups?.subsection;
    if (!indices) return { missing: pattern };
    [start, end] = indices;
  }
  let count = 0;
  const section = content.slice(start, end).replace(pythonRegExp(String(args.regexp), 'global', 'm'), (...found: unknown[]) => {
    count += 1;
    return expandTemplate(String(args.replace ?? ''), matchOf(found));
  });
  return { content: content.slice(0, start) + section + content.slice(end), count };
}

/** A replace callback's arguments as the RegExpExecArray expandTemplate reads (groups included). */
function matchOf(found: unknown[]): RegExpExecArray {
  const hasGroups = typeof found[found.length - 1] === 'object';
  const groups = hasGroups ? (found[found.length - 1] as Record<string, string>) : undefined;
  const captures = found.slice(0, hasGroups ? -3 : -2) as string[];
  return Object.assign(captures, { index: 0, input: '', groups }) as unknown as RegExpExecArray;
}
