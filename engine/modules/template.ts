/** template: a Jinja (or `.hbs` Handlebars) file rendered for the host, written like copy. */
import { ATTRIBUTE_SCHEMA, attributesFrom } from './lib/file-attributes.js';
import { writeFile } from './lib/write-file.js';
import { settingsFromArguments } from '../template/jinja/settings.js';
import type { ModuleDef } from './module.js';

export const templateModule: ModuleDef = {
  name: 'template',
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
      ...ATTRIBUTE_SCHEMA,
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
    return writeFile(ctx, {
      dest: String(ctx.args.dest),
      content: Buffer.from(rendered, 'utf8'),
      attributes: attributesFrom(ctx.args),
      force: ctx.args.force !== false,
      backup: ctx.args.backup === true,
      validate: ctx.args.validate as string | undefined,
      follow: ctx.args.follow === true,
      sourceLabel: path,
    });
  },
};
