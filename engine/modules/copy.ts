/** copy: a local file or directory (src), inline `content`, or a file or directory already on the host (remote_src) to dest. */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { copyRemoteTree } from './lib/copy-remote-tree.js';
import { copyLocalTree } from './lib/copy-tree.js';
import { ATTRIBUTE_SCHEMA, attributesFrom, normalizeMode } from './lib/file-attributes.js';
import { LARGE_CONTENT_BYTES, writeFileDetailed, type DetailedWrite } from './lib/write-file.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { pythonJson } from '../template/python-json.js';

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
      validate: { type: 'string' },
      follow: { type: 'boolean', default: false },
      directory_mode: { type: ['string', 'integer'] },
      // No default: with remote_src, Ansible's module tells true, false and not given apart (lib/copy-remote-tree.ts).
      local_follow: { type: 'boolean' },
      ...ATTRIBUTE_SCHEMA,
    },
    required: ['dest'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  speculative: true,
  // Inline content small enough to travel with the compare (a file from the controller is read in the run).
  appliesInOneExec: (args) => args.content !== undefined && Buffer.byteLength(contentText(args.content)) <= LARGE_CONTENT_BYTES,
  async run(ctx) {
    const { args } = ctx;
    if (args.src === undefined && args.content === undefined) return { changed: false, failed: true, msg: 'src (or content) is required' };
    if (args.src !== undefined && args.content !== undefined) return { changed: false, failed: true, msg: 'src and content are mutually exclusive' };
    const common = { dest: String(args.dest), force: args.force !== false, backup: args.backup === true, validate: args.validate as string | undefined, follow: args.follow === true };
    if (args.content !== undefined) {
      const content = Buffer.from(contentText(args.content), 'utf8');
      return asCopyAction(ctx, await writeFileDetailed(ctx, { ...common, content, attributes: attributesFrom(args), sourceLabel: String(args.dest) }));
    }
    if (args.remote_src === true) {
      if (args.mode === 'preserve') return { changed: false, failed: true, msg: "mode 'preserve' is not supported with remote_src" };
      const src = String(args.src);
      const written = await writeFileDetailed(ctx, { ...common, content: { remotePath: src }, attributes: attributesFrom(args), sourceLabel: src, nameInDirectory: basename(src) });
      if (written.sourceIsDirectory) return copyRemoteTree(ctx, src);
      return withSource(written.result, src);
    }
    return copyLocalFile(ctx, common);
  },
};

async function copyLocalFile(ctx: ModuleContext, common: { dest: string; force: boolean; backup: boolean; validate: string | undefined; follow: boolean }): Promise<ModuleResult> {
  const { args } = ctx;
  const path = ctx.resolveSource(String(args.src), 'files');
  const stats = statSync(path);
  if (stats.isDirectory()) return copyLocalTree(ctx, { ...common, src: String(args.src), path });
  // mode: preserve gives dest the mode the source file has on the controller.
  const mode = args.mode === 'preserve' ? normalizeMode(stats.mode & 0o7777) : args.mode;
  // dest ending in / is a directory, made if missing, that receives the file under its own name.
  const intoDirectory = common.dest.endsWith('/');
  const written = await writeFileDetailed(ctx, {
    ...common,
    dest: intoDirectory ? `${common.dest}${basename(path)}` : common.dest,
    makeParents: intoDirectory,
    content: ctx.readSource(path),
    attributes: attributesFrom({ ...args, mode }),
    sourceLabel: path,
    nameInDirectory: basename(path),
  });
  return asCopyAction(ctx, { ...written, result: withSource(written.result, String(args.src)) });
}

/**
 * As Ansible's copy action, which compares checksums before it runs the
 * module: when the content differs the result has `diff`, a list (empty
 * without --diff), and in check mode it is only that prediction,
 * `{changed, diff}`.
 */
function asCopyAction(ctx: ModuleContext, written: DetailedWrite): ModuleResult {
  const { result, contentChanged } = written;
  if (result.failed || !contentChanged) return result;
  const diff = result.diff === undefined ? [] : [result.diff];
  return ctx.check ? { changed: true, diff } : { ...result, diff };
}

/** As Ansible's copy action: mappings and lists as Python's json.dumps writes them (its default layout), other scalars as Python prints them (True, 5, 2.0). */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (typeof content === 'boolean') return content ? 'True' : 'False';
  if (typeof content === 'number') return String(content);
  return pythonJson(content);
}

function withSource(result: ModuleResult, src: string): ModuleResult {
  return result.failed ? result : { ...result, src };
}
