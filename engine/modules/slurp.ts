/** slurp: a remote file's content, base64-encoded (`content | b64decode` to read it). */
import { quote } from '../connection/quote.js';
import type { ModuleDef } from './module.js';

export const slurpModule: ModuleDef = {
  name: 'slurp',
  argsSchema: {
    type: 'object',
    properties: { src: { type: 'string' }, path: { type: 'string' } },
    anyOf: [{ required: ['src'] }, { required: ['path'] }],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const source = String(ctx.args.src ?? ctx.args.path);
    const result = await ctx.exec(`p=${quote(source)}\n[ -d "$p" ] && { echo "source is a directory and must be a file" >&2; exit 3; }\n[ -f "$p" ] || { echo "file not found: $p" >&2; exit 2; }\nbase64 < "$p" | tr -d '\\n'`);
    if (result.rc !== 0) return { changed: false, failed: true, msg: result.stderr.trim() || `could not read ${source}` };
    return { changed: false, content: result.stdout.trim(), encoding: 'base64', source };
  },
};
