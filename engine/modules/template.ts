/** template: a Jinja (or `.hbs` Handlebars) file rendered for the host, written like copy. */
import { attributesFrom } from './lib/file-attributes.js';
import { copyActionResult, writeFileDetailed } from './lib/write-file.js';
import { settingsFromArguments } from '../template/jinja/settings.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleDef, ModuleResult } from './module.js';

export const templateModule: ModuleDef = {
  name: 'template',
  argumentAliases: FILE_COMMON_ALIASES,
  argsSchema: {
    type: 'object',
    properties: {
      src: { type: 'string' },
      dest: { type: 'string' },
      force: { type: 'boolean', default: true },
      backup: { type: 'boolean', default: false },
      validate: { type: 'string' },
      follow: { type: 'boolean', default: false },
      trim_blocks: { type: 'boolean', default: true },
      lstrip_blocks: { type: 'boolean', default: false },
      newline_sequence: { type: 'string', enum: ['\n', '\r', '\r\n', '\\n', '\\r', '\\r\\n'], default: '\n' },
      block_start_string: { type: 'string', minLength: 1 },
      block_end_string: { type: 'string', minLength: 1 },
      variable_start_string: { type: 'string', minLength: 1 },
      variable_end_string: { type: 'string', minLength: 1 },
      comment_start_string: { type: 'string', minLength: 1 },
      comment_end_string: { type: 'string', minLength: 1 },
      output_encoding: {
        type: 'string',
        pattern: '^([uU][tT][fF][-_]?8|[lL][aA][tT][iI][nN][-_]?1|[iI][sS][oO][-_]?8859[-_]1|[aA][sS][cC][iI][iI])$',
        description: 'is not an encoding cxplay writes: use utf-8, latin-1 (iso-8859-1) or ascii',
        default: 'utf-8',
      },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['src', 'dest'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  speculative: true,
  async run(ctx) {
    const path = ctx.resolveSource(String(ctx.args.src), 'templates');
    const rendered = await ctx.renderTemplateFile(path, { src: String(ctx.args.src), dest: String(ctx.args.dest), settings: settingsFromArguments(ctx.args) });
    const content = encoded(rendered, String(ctx.args.output_encoding));
    // Ansible's template action fails in its own code here, before any module ran: an unexpected failure's message, an empty stdout, no `changed`.
    if (typeof content === 'string') return { failed: true, msg: `Unexpected failure during module execution: ${content}`, stdout: '' } as unknown as ModuleResult;
    const written = await writeFileDetailed(ctx, {
      dest: String(ctx.args.dest),
      content,
      attributes: attributesFrom(ctx.args),
      force: ctx.args.force !== false,
      backup: ctx.args.backup === true,
      validate: ctx.args.validate as string | undefined,
      follow: ctx.args.follow === true,
      sourceLabel: path,
    });
    return copyActionResult(ctx, written);
  },
};

/** The rendered text in output_encoding (utf-8, latin-1 or ascii, as the schema allows), or Python's UnicodeEncodeError message. */
function encoded(text: string, encoding: string): Buffer | string {
  if (encoding.toLowerCase().startsWith('utf')) return Buffer.from(text, 'utf8');
  const [codec, range] = encoding.toLowerCase() === 'ascii' ? ['ascii', 0x80] : ['latin-1', 0x100];
  const characters = [...text];
  const index = characters.findIndex((character) => character.codePointAt(0)! >= range);
  if (index >= 0) return `'${codec}' codec can't encode character '${pythonEscape(characters[index]!)}' in position ${index}: ordinal not in range(${range})`;
  return Buffer.from(text, 'latin1');
}

/** A character as Python's encode errors write it: \xe9, \u20ac, \U0001f600. */
function pythonEscape(character: string): string {
  const code = character.codePointAt(0)!;
  const [prefix, width] = code < 0x100 ? ['x', 2] : code < 0x10000 ? ['u', 4] : ['U', 8];
  return `\\${prefix}${code.toString(16).padStart(width, '0')}`;
}
