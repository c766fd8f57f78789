/** copy: a local file (src) or inline `content` to dest on the host. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CxError } from '../errors.js';
import { ATTRIBUTE_SCHEMA, attributesFrom } from './lib/file-attributes.js';
import { writeFile } from './lib/write-file.js';
import type { ModuleDef } from './module.js';

export const copyModule: ModuleDef = {
  name: 'copy',
  argsSchema: {
    type: 'object',
    properties: {
      src: { type: 'string' },
      content: { type: ['string', 'number', 'boolean', 'object', 'array'] },
      dest: { type: 'string' },
      force: { type: 'boolean', default: true },
      backup: { type: 'boolean', default: false },
      remote_src: { type: 'boolean', default: false },
      ...ATTRIBUTE_SCHEMA,
    },
    required: ['dest'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    if (args.src === undefined && args.content === undefined) return { changed: false, failed: true, msg: 'src (or content) is required' };
    if (args.remote_src === true) return { changed: false, failed: true, msg: 'copy: remote_src is not supported; use command: cp with creates' };
    let content: Buffer;
    let label = String(args.dest);
    let nameInDirectory: string | undefined;
    if (args.content !== undefined) {
      content = Buffer.from(typeof args.content === 'string' ? args.content : JSON.stringify(args.content), 'utf8');
    } else {
      const path = ctx.resolveSource(String(args.src), 'files');
      if (statSync(path).isDirectory()) throw new CxError(`copy: src '${String(args.src)}' is a directory; copying directories is not supported`, { hint: 'copy the files one by one (loop)' });
      content = readFileSync(path);
      label = path;
      nameInDirectory = basename(path);
    }
    const result = await writeFile(ctx, {
      dest: String(args.dest),
      content,
      attributes: attributesFrom(args),
      force: args.force !== false,
      backup: args.backup === true,
      sourceLabel: label,
      nameInDirectory,
    });
    return args.src === undefined ? result : { ...result, src: String(args.src) };
  },
};
