/**
 * lineinfile: make sure a line is (or is not) in a file. The file is read in
 * one exec and the edit decided on the controller with Python-style regexps
 * (as Ansible's); only when the content must change is it written (atomically).
 */
import { pythonRegExp } from '../template/regex.js';
import { ATTRIBUTE_SCHEMA, attributesFrom } from './lib/file-attributes.js';
import { readRemoteFile } from './lib/read-file.js';
import { writeFile } from './lib/write-file.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

export const lineinfileModule: ModuleDef = {
  name: 'lineinfile',
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      dest: { type: 'string' },
      name: { type: 'string' },
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
      ...ATTRIBUTE_SCHEMA,
    },
    anyOf: [{ required: ['path'] }, { required: ['dest'] }, { required: ['name'] }],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const path = String(ctx.args.path ?? ctx.args.dest ?? ctx.args.name);
    const present = ctx.args.state !== 'absent';
    if (present && ctx.args.line === undefined) return { changed: false, failed: true, msg: 'line is required with state=present' };
    if (!present && ctx.args.line === undefined && ctx.args.regexp === undefined && ctx.args.search_string === undefined) {
      return { changed: false, failed: true, msg: 'one of line, regexp or search_string is required with state=absent' };
    }
    const file = await readRemoteFile(ctx, path);
    if (file.isDirectory) return { changed: false, failed: true, rc: 256, msg: `Path ${path} is a directory !` };
    if (!file.exists) {
      if (!present) return { changed: false, found: 0, msg: '', backup: '' };
      if (ctx.args.create !== true) return { changed: false, failed: true, rc: 257, msg: `Destination ${path} does not exist !` };
    }
    const edit = present ? addLine(ctx, file.content) : removeLine(ctx, file.content);
    if (edit.content === file.content && file.exists) {
      const result = await writeIfAttributesDiffer(ctx, path, file.content);
      return { ...result, msg: result.changed ? 'ownership, perms or SE linux context changed' : '', backup: '', ...(edit.found === undefined ? {} : { found: edit.found }) };
    }
    const written = await writeFile(ctx, {
      dest: path,
      content: Buffer.from(edit.content, 'utf8'),
      attributes: attributesFrom(ctx.args),
      force: true,
      backup: ctx.args.backup === true,
      sourceLabel: `${path} (content)`,
    });
    if (written.failed) return written;
    const out: ModuleResult = { changed: true, msg: edit.message, backup: written.backup_file ?? '' };
    if (edit.found !== undefined) out.found = edit.found;
    if (written.diff) out.diff = { ...(written.diff as object), before_header: `${path} (content)`, after_header: `${path} (content)` };
    return out;
  },
};

interface Edit {
  readonly content: string;
  readonly message: string;
  readonly found?: number;
}

function addLine(ctx: ModuleContext, content: string): Edit {
  const line = String(ctx.args.line);
  const lines = splitLines(content);
  const matcher = lineMatcher(ctx);
  if (matcher) {
    const indexes = lines.map((text, index) => (matcher(stripEol(text)) ? index : -1)).filter((index) => index >= 0);
    const index = ctx.args.firstmatch === true ? indexes[0] : indexes.at(-1);
    if (index !== undefined) {
      const replacement = ctx.args.backrefs === true ? expandBackrefs(String(ctx.args.regexp), stripEol(lines[index]!), line) : line;
      if (stripEol(lines[index]!) === replacement) return { content, message: '' };
      lines[index] = replacement + eolOf(lines[index]!);
      return { content: lines.join(''), message: 'line replaced' };
    }
    if (ctx.args.backrefs === true) return { content, message: '' };
  }
  if (lines.some((text) => stripEol(text) === line)) return { content, message: '' };
  return { content: insert(ctx, lines, line), message: 'line added' };
}

function removeLine(ctx: ModuleContext, content: string): Edit {
  const lines = splitLines(content);
  const matcher = lineMatcher(ctx) ?? ((text: string) => text === String(ctx.args.line));
  const kept = lines.filter((text) => !matcher(stripEol(text)));
  const found = lines.length - kept.length;
  return { content: kept.join(''), message: found > 0 ? `${found} line(s) removed` : '', found };
}

function lineMatcher(ctx: ModuleContext): ((text: string) => boolean) | undefined {
  if (ctx.args.regexp !== undefined) {
    const regexp = pythonRegExp(String(ctx.args.regexp), 'search');
    return (text) => {
      regexp.lastIndex = 0;
      return regexp.test(text);
    };
  }
  if (ctx.args.search_string !== undefined) return (text) => text.includes(String(ctx.args.search_string));
  return undefined;
}

function insert(ctx: ModuleContext, lines: string[], line: string): string {
  const after = ctx.args.insertafter as string | undefined;
  const before = ctx.args.insertbefore as string | undefined;
  const withEol = (text: string) => `${text}\n`;
  if (lines.length > 0 && !lines.at(-1)!.endsWith('\n')) lines[lines.length - 1] += '\n';
  if (before !== undefined) {
    const index = before === 'BOF' ? 0 : lines.findIndex((text) => pythonRegExp(before, 'search').test(stripEol(text)));
    if (index >= 0) {
      lines.splice(index, 0, withEol(line));
      return lines.join('');
    }
  } else if (after !== undefined && after !== 'EOF') {
    const matches = lines.map((text, index) => (pythonRegExp(after, 'search').test(stripEol(text)) ? index : -1)).filter((index) => index >= 0);
    const index = ctx.args.firstmatch === true ? matches[0] : matches.at(-1);
    if (index !== undefined) {
      lines.splice(index + 1, 0, withEol(line));
      return lines.join('');
    }
  }
  lines.push(withEol(line));
  return lines.join('');
}

async function writeIfAttributesDiffer(ctx: ModuleContext, path: string, content: string): Promise<ModuleResult> {
  const attributes = attributesFrom(ctx.args);
  if (!attributes.mode && !attributes.owner && !attributes.group) return { changed: false };
  return writeFile(ctx, { dest: path, content: Buffer.from(content, 'utf8'), attributes, force: true, backup: false, sourceLabel: path });
}

function expandBackrefs(pattern: string, text: string, template: string): string {
  const match = pythonRegExp(pattern, 'search').exec(text);
  if (!match) return text;
  return template.replace(/\\(\d+)|\\g<(\w+)>/g, (_whole, index: string | undefined, name: string | undefined) =>
    index !== undefined ? (match[Number(index)] ?? '') : (/^\d+$/.test(name!) ? match[Number(name)] : match.groups?.[name!]) ?? '',
  );
}

function splitLines(content: string): string[] {
  return content.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}

function eolOf(line: string): string {
  return /\r?\n$/.exec(line)?.[0] ?? '';
}
