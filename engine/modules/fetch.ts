/** fetch: a remote file to the controller, under dest/<host>/<path> unless flat. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { quote } from '../connection/quote.js';
import type { ModuleDef } from './module.js';

export const fetchModule: ModuleDef = {
  name: 'fetch',
  argsSchema: {
    type: 'object',
    properties: {
      src: { type: 'string' },
      dest: { type: 'string' },
      flat: { type: 'boolean', default: false },
      fail_on_missing: { type: 'boolean', default: true },
      validate_checksum: { type: 'boolean', default: true },
    },
    required: ['src', 'dest'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const src = String(ctx.args.src);
    const destArg = String(ctx.args.dest);
    const dest = ctx.args.flat === true
      ? (destArg.endsWith('/') ? join(destArg, basename(src)) : destArg)
      : join(destArg, ctx.host, src.replace(/^\/+/, ''));
    const result = await ctx.exec(`p=${quote(src)}\n[ -f "$p" ] || { echo "the remote file does not exist, not transferring, ignored" >&2; exit 2; }\nbase64 < "$p" | tr -d '\\n'`);
    if (result.rc !== 0) {
      const msg = result.stderr.trim() || `could not read ${src}`;
      return ctx.args.fail_on_missing === false ? { changed: false, msg, file: src } : { changed: false, failed: true, msg, file: src };
    }
    const content = Buffer.from(result.stdout.trim(), 'base64');
    const checksum = createHash('sha1').update(content).digest('hex');
    const md5sum = createHash('md5').update(content).digest('hex');
    const target = resolve(dest);
    const current = existsSync(target) ? createHash('sha1').update(readFileSync(target)).digest('hex') : undefined;
    const changed = current !== checksum;
    if (changed && !ctx.check) {
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.cxplay-tmp`;
      writeFileSync(temporary, content, { mode: 0o600 });
      renameSync(temporary, target);
    }
    return { changed, checksum, dest: target, md5sum, remote_checksum: checksum, remote_md5sum: null, file: src };
  },
};
