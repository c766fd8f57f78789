/**
 * lineinfile: make sure a line is (or is not) in a file. The file is read in
 * one exec and the edit is decided on the controller, following Ansible
 * 2.14's present()/absent() step by step with Python-style regexps; only when
 * the content or the attributes (read in the same first exec) must change is
 * it written, atomically, in a second exec that refuses to overwrite the file
 * if it changed in between.
 */
import { pythonRegExp } from '../template/regex.js';
import type { FileAttributesDiff } from './lib/file-attributes.js';
import { attributesDiff, contentDiff, EDITED_PATH_ALIASES, expandTemplate, fileAttributesDiff, readEdited, withAttributesMessage } from './lib/text-edit.js';
import { writeFileDetailed } from './lib/write-file.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { FileDiff, ModuleContext, ModuleDef, ModuleResult } from './module.js';

export const lineinfileModule: ModuleDef = {
  name: 'lineinfile',
  argumentAliases: { ...EDITED_PATH_ALIASES, regex: 'regexp', value: 'line', ...FILE_COMMON_ALIASES },
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      line: { type: 'string' },
      regexp: { type: 'string' },
      search_string: { type: 'string' },
      state: { enum: ['present', 'absent'], default: 'present' },
      insertafter: { type: 'string' },
      insertbefore: { type: 'string' },
      create: { type: 'boolean', default: false },
      backrefs: { type: 'boolean', default: false },
      backup: { type: 'boolean', default: false },
      firstmatch: { type: 'boolean', default: false },
      validate: { type: 'string' },
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
    const options = optionsFrom(ctx);
    const problem = invalidCombination(options);
    if (problem) return { changed: false, failed: true, msg: problem };
    const warning = emptyPatternWarning(options);
    if (warning) ctx.warn(warning);
    const edited = await readEdited(ctx, options.path);
    if ('failure' in edited) return edited.failure;
    const { file, attributes } = edited;
    if (!file.exists) {
      if (!options.present) return { changed: false, msg: 'file not present' };
      if (!options.create) return { changed: false, failed: true, rc: 257, msg: `Destination ${options.path} does not exist !` };
    }
    const lines = splitLines(file.content);
    const edit = options.present ? present(options, lines) : absent(options, lines);
    const content = edit.lines.join('');
    const texts = contentDiff(ctx, options.path, file.content, content);
    // Ansible stops before the attributes when check mode would create the file: its diff is the content's alone.
    if (ctx.check && !file.exists) return { changed: edit.changed, msg: edit.msg, backup: '', diff: texts };
    // Unchanged content and attributes already right: no second exec.
    if (!edit.changed && edited.attributesRight) return resultOf(options, edit, texts, { changed: false });
    if (!file.isText) return { changed: false, failed: true, msg: `${options.path} is not UTF-8 text: lineinfile edits UTF-8 files only, and writing this one would change its other bytes` };
    const { result: written, attributesChanged, flagsDiff, idsBefore } = await writeFileDetailed(ctx, {
      dest: options.path,
      content: Buffer.from(content, 'utf8'),
      attributes,
      force: true,
      backup: options.backup && file.exists,
      validate: ctx.args.validate as string | undefined,
      sourceLabel: `${options.path} (content)`,
      follow: true,
      makeParents: true,
      expectedChecksum: file.exists ? file.checksum : null,
    });
    if (written.failed) return written;
    const changedAttributes = attributesChanged ? attributesDiff(attributes, file.attributes ?? idsBefore, ctx.check ? ({} as ModuleResult) : written, flagsDiff) : undefined;
    return resultOf(options, edit, texts, written, changedAttributes);
  },
};

interface Options {
  readonly path: string;
  readonly present: boolean;
  readonly line: string | undefined;
  readonly regexp: string | undefined;
  readonly searchString: string | undefined;
  readonly insertafter: string | undefined;
  readonly insertbefore: string | undefined;
  readonly create: boolean;
  readonly backrefs: boolean;
  readonly backup: boolean;
  readonly firstmatch: boolean;
}

function optionsFrom(ctx: ModuleContext): Options {
  const { args } = ctx;
  const text = (value: unknown) => (value === undefined ? undefined : String(value));
  return {
    path: String(args.path),
    present: args.state !== 'absent',
    line: text(args.line),
    regexp: text(args.regexp),
    searchString: text(args.search_string),
    insertafter: text(args.insertafter),
    insertbefore: text(args.insertbefore),
    create: args.create === true,
    backrefs: args.backrefs === true,
    backup: args.backup === true,
    firstmatch: args.firstmatch === true,
  };
}

/** Ansible's checks of argument combinations, with its messages. */
function invalidCombination(options: Options): string | undefined {
  if (options.regexp !== undefined && options.searchString !== undefined) return 'parameters are mutually exclusive: regexp|search_string';
  if (options.insertafter !== undefined && options.insertbefore !== undefined) return 'parameters are mutually exclusive: insertafter|insertbefore';
  if (options.backrefs && options.regexp === undefined) return 'regexp is required with backrefs=true';
  if (options.present) {
    if (options.line === undefined) return 'line is required with state=present';
  } else if (options.line === undefined && options.regexp === undefined && options.searchString === undefined) {
    return 'one of line, search_string, or regexp is required with state=absent';
  }
  return undefined;
}

/** Ansible's warning for an empty regexp or search_string (which match every line: the last one is replaced), given before the edit. */
function emptyPatternWarning(options: Options): string | undefined {
  if (options.regexp !== '' && options.searchString !== '') return undefined;
  const warning = `The ${options.regexp === '' ? 'regular expression' : 'search string'} is an empty string, which will match every line in the file. This may have unintended consequences, such as replacing the last line in the file rather than appending.`;
  return options.regexp === '' ? `${warning} If this is desired, use '^' to match every line in the file and avoid this warning.` : warning;
}

interface Edit {
  readonly lines: string[];
  readonly changed: boolean;
  readonly msg: string;
  readonly found?: number;
}

/** Ansible's present(), line by line (lines keep their newline). */
function present(options: Options, original: readonly string[]): Edit {
  const lines = [...original];
  const line = options.line!;
  const insertPattern = options.insertafter !== undefined && !['BOF', 'EOF'].includes(options.insertafter) ? options.insertafter : options.insertbefore !== undefined && options.insertbefore !== 'BOF' ? options.insertbefore : undefined;
  const matches = (pattern: string, text: string) => pythonRegExp(pattern, 'search').test(stripEol(text));
  let matchIndex = -1;
  let insertIndex = -1;
  let match: RegExpExecArray | boolean | undefined;
  for (const [index, text] of lines.entries()) {
    if (options.regexp !== undefined) {
      const found = pythonRegExp(options.regexp, 'search').exec(stripEol(text));
      if (found) {
        matchIndex = index;
        match = found;
        if (options.firstmatch) break;
      }
    } else if (options.searchString !== undefined && text.includes(options.searchString)) {
      matchIndex = index;
      match = true;
      if (options.firstmatch) break;
    }
  }
  if (!match) {
    for (const [index, text] of lines.entries()) {
      if (stripEol(text) === line) {
        matchIndex = index;
      } else if (insertPattern !== undefined && matches(insertPattern, text)) {
        if (options.insertafter !== undefined) insertIndex = index + 1;
        if (options.insertbefore !== undefined) insertIndex = index;
        if (options.firstmatch) break;
      }
    }
  }
  const added = (at: number): Edit => {
    lines.splice(at, 0, `${line}\n`);
    return { lines, changed: true, msg: 'line added' };
  };
  const unchanged: Edit = { lines, changed: false, msg: '' };
  const endWithNewline = () => {
    if (lines.length > 0 && !/[\r\n]$/.test(lines.at(-1)!)) lines[lines.length - 1] += '\n';
  };

  if (matchIndex !== -1) {
    const expanded = options.backrefs && match instanceof Array ? expandTemplate(line, match) : line;
    const newLine = expanded.endsWith('\n') ? expanded : `${expanded}\n`;
    if (lines[matchIndex] === newLine) return unchanged;
    lines[matchIndex] = newLine;
    return { lines, changed: true, msg: 'line replaced' };
  }
  if (options.backrefs) return unchanged;
  if (options.insertbefore === 'BOF' || options.insertafter === 'BOF') return added(0);
  if (options.insertafter === 'EOF' || insertIndex === -1) {
    if (lines.length > 0 && !/[\r\n]$/.test(lines.at(-1)!)) lines.push('\n');
    return added(lines.length);
  }
  if (options.insertafter !== undefined) {
    if (lines.length === insertIndex) {
      if (stripEol(lines[insertIndex - 1]!) === line) return unchanged;
      endWithNewline();
      return added(lines.length);
    }
    if (stripEol(lines[insertIndex]!) === line) return unchanged;
    return added(insertIndex);
  }
  return added(insertIndex);
}

/** Ansible's absent(): every matching line goes. */
function absent(options: Options, original: readonly string[]): Edit {
  const matcher =
    options.regexp !== undefined
      ? (text: string) => pythonRegExp(options.regexp!, 'search').test(stripEol(text))
      : options.searchString !== undefined
        ? (text: string) => text.includes(options.searchString!)
        : (text: string) => stripEol(text) === options.line;
  const lines = original.filter((text) => !matcher(text));
  const found = original.length - lines.length;
  return { lines, changed: found > 0, msg: found > 0 ? `${found} line(s) removed` : '', found };
}

/** Ansible's result: its diff (with or without --diff) is the content's, then what changed of the file's attributes. */
function resultOf(options: Options, edit: Edit, texts: FileDiff, written: ModuleResult, changedAttributes?: FileAttributesDiff): ModuleResult {
  const msg = withAttributesMessage(edit.msg, changedAttributes !== undefined);
  const out: ModuleResult = { changed: edit.changed || written.changed, msg, backup: (written.backup_file as string | undefined) ?? '' };
  if (edit.found !== undefined) out.found = edit.found;
  out.diff = [texts, fileAttributesDiff(options.path, changedAttributes)];
  return out;
}

/** Python's readlines on bytes: split after each \n, keeping it. */
function splitLines(content: string): string[] {
  return content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function stripEol(line: string): string {
  return line.replace(/[\r\n]+$/, '');
}
