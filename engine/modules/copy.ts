/** copy: a local file or directory (src), inline `content`, or a file or directory already on the host (remote_src) to dest. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { copyRemoteTree } from './lib/copy-remote-tree.js';
import { copyLocalTree } from './lib/copy-tree.js';
import { attributesFrom, normalizeMode } from './lib/file-attributes.js';
import { copyActionResult, LARGE_CONTENT_BYTES, writeFileDetailed, type DetailedWrite, type WriteFileRequest } from './lib/write-file.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { pythonJson } from '../template/python-json.js';

export const copyModule: ModuleDef = {
  name: 'copy',
  argumentAliases: FILE_COMMON_ALIASES,
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
      // The sha1 the source must have: a different one fails instead of writing.
      checksum: { type: 'string' },
      decrypt: { type: 'boolean', default: true },
      ...FILE_COMMON_ARGS_SCHEMA,
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
      return asCopyAction(ctx, await writeChecked(ctx, { ...common, keepExisting: !common.force, content, attributes: attributesFrom(args), sourceLabel: String(args.dest) }));
    }
    if (args.remote_src === true) {
      if (args.mode === 'preserve') return { changed: false, failed: true, msg: "mode 'preserve' is not supported with remote_src" };
      const src = String(args.src);
      const written = await writeFileDetailed(ctx, { ...common, content: { remotePath: src }, attributes: attributesFrom(args), sourceLabel: src, nameInDirectory: basename(src) });
      if (written.sourceIsDirectory) return copyRemoteTree(ctx, src);
      // Ansible's copy module fails with its message alone (the dest key is the action's, which remote_src skips).
      if (written.result.failed) return withoutKey(written.result, 'dest');
      return withSource(written.result, src);
    }
    return copyLocalFile(ctx, common);
  },
};

async function copyLocalFile(ctx: ModuleContext, common: { dest: string; force: boolean; backup: boolean; validate: string | undefined; follow: boolean }): Promise<ModuleResult> {
  const { args } = ctx;
  const path = ctx.resolveSource(String(args.src), 'files');
  const stats = statSync(path);
  const read = (file: string) => (args.decrypt === false ? readFileSync(file) : ctx.readSource(file));
  if (stats.isDirectory()) return copyLocalTree(ctx, { ...common, src: String(args.src), path, read });
  // mode: preserve gives dest the mode the source file has on the controller.
  const mode = args.mode === 'preserve' ? normalizeMode(stats.mode & 0o7777) : args.mode;
  // dest ending in / is a directory, made if missing, that receives the file under its own name.
  const intoDirectory = common.dest.endsWith('/');
  const written = await writeChecked(ctx, {
    ...common,
    keepExisting: !common.force,
    dest: intoDirectory ? `${common.dest}${basename(path)}` : common.dest,
    makeParents: intoDirectory,
    content: read(path),
    attributes: attributesFrom({ ...args, mode }),
    sourceLabel: path,
    nameInDirectory: basename(path),
  });
  return asCopyAction(ctx, { ...written, result: withSource(written.result, String(args.src)) });
}

/**
 * writeFileDetailed, with copy's `checksum`: a source whose sha1 is not the
 * one given fails, as Ansible's copy module does, where the content would be
 * written (a file already right is left alone without a look at it).
 */
async function writeChecked(ctx: ModuleContext, request: WriteFileRequest & { content: Buffer }): Promise<DetailedWrite> {
  const expected = ctx.args.checksum as string | undefined;
  const actual = createHash('sha1').update(request.content).digest('hex');
  if (expected === undefined || expected === actual || ctx.check) return writeFileDetailed(ctx, request);
  const predicted = await writeFileDetailed({ ...ctx, check: true }, request);
  if (predicted.result.failed || !predicted.contentChanged) return writeFileDetailed(ctx, request);
  const diff = predicted.result.diff === undefined ? [] : [predicted.result.diff];
  const result = { changed: false, failed: true, msg: 'Copied file does not match the expected checksum. Transfer failed.', checksum: actual, expected_checksum: expected, diff };
  return { ...predicted, result };
}

/** As Ansible's copy action, which returns before the module when force: no finds dest already there; else lib/write-file.ts's copyActionResult. */
function asCopyAction(ctx: ModuleContext, written: DetailedWrite): ModuleResult {
  if (written.kept) return { changed: false, dest: String(ctx.args.dest), ...(ctx.args.src === undefined ? {} : { src: String(ctx.args.src) }) };
  return copyActionResult(ctx, written);
}

/** As Ansible's copy action: mappings and lists as Python's json.dumps writes them (its default layout), other scalars as Python prints them (True, 5, 2.0). */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (typeof content === 'boolean') return content ? 'True' : 'False';
  if (typeof content === 'number') return String(content);
  return pythonJson(content);
}

function withoutKey(result: ModuleResult, key: string): ModuleResult {
  const { [key]: _dropped, ...rest } = result;
  return rest as ModuleResult;
}

function withSource(result: ModuleResult, src: string): ModuleResult {
  return result.failed ? result : { ...result, src };
}
