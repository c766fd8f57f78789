/** template: a Jinja (or `.hbs` Handlebars) file rendered for the host, written like copy. */
import { ATTRIBUTE_SCHEMA, attributesFrom } from './lib/file-attributes.js';
import { writeFile } from './lib/write-file.js';
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
      ...ATTRIBUTE_SCHEMA,
    },
    required: ['src', 'dest'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const path = ctx.resolveSource(String(ctx.args.src), 'templates');
    const rendered = await ctx.renderTemplateFile(path, { src: String(ctx.args.src), dest: String(ctx.args.dest) });
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
