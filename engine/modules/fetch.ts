/**
 * fetch: a remote file to the controller, under dest/<host>/<path> unless
 * flat. One exec: the script is given the checksum of the local copy and
 * sends the content back (base64) only when the remote file differs. New
 * local files are created 0600 (fetched files are often keys and tokens);
 * a replaced file keeps its mode. Like Ansible, fetch is skipped in check mode.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, scriptFailure } from './lib/report.js';
import { shellParts } from './lib/shell-code.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import TRANSFER_SH from './sh/transfer.sh';

/** `cx_fetch_task PATH LOCAL_SUM` (engine/modules/sh/transfer.sh). */
const TRANSFER_PARTS = shellParts(TRANSFER_SH);
const FETCH_TASK_FUNCTION = `${TRANSFER_PARTS.common}${TRANSFER_PARTS.fetch}`;

/** What the fetch script reports: why the file cannot be fetched, or its checksum and (when it differs) its content in base64. */
const FETCH_REPORT = { missing: 'text', checksum: 'text', content: 'text' } as const;

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
  checkMode: 'none',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const src = String(ctx.args.src);
    const target = localDestination(ctx, src);
    if (typeof target !== 'string') return { changed: false, failed: true, msg: target.error };
    const local = existsSync(target) ? readFileSync(target) : undefined;
    const localChecksum = local ? sha1(local) : '';
    const result = await ctx.exec(fetchScript(src, localChecksum));
    const report = readReport(result.stdout, FETCH_REPORT);
    if (report.missing !== undefined) return missingResult(ctx, src, report.missing);
    if (!report.checksum) return scriptFailure(result.rc, result.stderr);
    if (report.checksum === localChecksum) {
      return { changed: false, md5sum: md5(local!), file: src, dest: target, checksum: localChecksum };
    }
    const content = Buffer.from(report.content ?? '', 'base64');
    const checksum = sha1(content);
    if (ctx.args.validate_checksum !== false && checksum !== report.checksum) {
      return { changed: false, failed: true, msg: 'checksum mismatch', file: src, dest: target, checksum, remote_checksum: report.checksum, md5sum: md5(content), remote_md5sum: null };
    }
    const failure = writeAtomically(target, content);
    if (failure) return { changed: false, failed: true, msg: failure, file: src, dest: target };
    return { changed: true, md5sum: md5(content), dest: target, remote_md5sum: null, checksum, remote_checksum: report.checksum };
  },
};

/** Where the file goes on the controller, as Ansible's fetch action computes it. */
function localDestination(ctx: ModuleContext, src: string): string | { error: string } {
  const destArg = String(ctx.args.dest);
  const base = ctx.playbookDir ?? process.cwd();
  if (ctx.args.flat === true) {
    const path = destArg.endsWith('/') ? join(destArg, basename(src)) : destArg;
    if (!destArg.endsWith('/') && existsSync(destArg) && statSync(destArg).isDirectory()) {
      return { error: 'dest is an existing directory, use a trailing slash if you want to fetch src into that directory' };
    }
    return resolve(base, normalize(path));
  }
  // A relative src (from the remote user's home) or an odd host name must not climb out of dest.
  const root = resolve(base, destArg);
  const path = resolve(root, ctx.host, `.${sep}${normalize(src)}`);
  if (!path.startsWith(`${root}${sep}`)) return { error: `Detected directory traversal, expected to be contained in '${root}' but got '${path}'` };
  return path;
}

/** The script: cx_fetch_task (engine/modules/sh/transfer.sh) with the source and the controller copy's sha1. */
function fetchScript(src: string, localChecksum: string): string {
  return `${REPORT_FUNCTIONS}${FETCH_TASK_FUNCTION}cx_fetch_task ${quote(src)} ${quote(localChecksum || 'none')}\n`;
}

/** Ansible's messages for a source that cannot be fetched; failed unless fail_on_missing is off. */
function missingResult(ctx: ModuleContext, src: string, why: string): ModuleResult {
  const messages: Record<string, string> = {
    absent: 'the remote file does not exist, not transferring, ignored',
    unreadable: 'file is not readable, not transferring, ignored',
    directory: 'remote file is a directory, fetch cannot work on directories',
  };
  const msg = messages[why] ?? `cannot fetch ${src}`;
  if (ctx.args.fail_on_missing === false) return { changed: false, file: src, msg: why === 'directory' ? `${msg}, not transferring, ignored` : msg };
  return { changed: false, failed: true, file: src, msg };
}

/**
 * The content to target through a temp file beside it, renamed over it. A
 * write that fails (a full disk on the controller) removes the temp file,
 * leaves the original as it was and comes back as a message.
 */
function writeAtomically(target: string, content: Buffer): string | undefined {
  const temporary = join(dirname(target), `.${basename(target)}.cxplay-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    const mode = existsSync(target) ? statSync(target).mode & 0o7777 : 0o600;
    writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
    chmodSync(temporary, mode);
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return `could not write ${target} on the controller (${(error as Error).message}); the original is unchanged`;
  }
}

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

function md5(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}
