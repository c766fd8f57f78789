/**
 * unarchive: an archive unpacked into an existing directory of the host,
 * as Ansible 2.14's unarchive does it: the controller's file (sent in the
 * script, vault files decrypted unless decrypt is false), a file on the host
 * (remote_src), or a URL the host downloads (remote_src with `://`). One exec
 * (engine/modules/sh/unarchive.sh) picks the handler (unzip, else GNU tar
 * with no compression, gzip, bzip2, xz or zstd), compares the archive with
 * dest (tar --diff; for zip, each entry's type, time, size, CRC-32, mode and
 * owner) and unpacks it only when it differs, then applies mode, owner and
 * group. In check mode a zip archive is compared and nothing changed; a tar
 * archive is skipped, as Ansible's module does.
 */
import { readFileSync } from 'node:fs';
import { heredocBase64, quote } from '../connection/quote.js';
import { DOWNLOAD_FUNCTIONS, FETCH_REQUEST } from './lib/download.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesFrom, attributesWanted, reportedAttributes, SELF_FUNCTIONS } from './lib/file-attributes.js';
import { FLAG_FUNCTIONS } from './lib/flags.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, scriptFailure, type Report } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef } from './module.js';
import UNARCHIVE_SH from './sh/unarchive.sh';

const UNARCHIVE_FUNCTIONS = shellCode(UNARCHIVE_SH);

/** What the script reports. */
const UNARCHIVE_REPORT = {
  skipped: 'flag',
  src: 'text',
  dest: 'text',
  handler: 'text',
  changed: 'flag',
  cmd: 'text',
  out: 'text',
  err: 'text',
  rc: 'number',
  prepared: 'text',
  files: 'text',
  ...ATTRIBUTE_REPORT,
} as const;
type UnarchiveReport = Report<typeof UNARCHIVE_REPORT>;

/** Ansible's handler classes, by what the script found (tar by its compression option). */
const HANDLER_NAMES: Readonly<Record<string, string>> = {
  zip: 'ZipArchive',
  'tar -z': 'TgzArchive',
  'tar ': 'TarArchive',
  'tar -j': 'TarBzipArchive',
  'tar -J': 'TarXzArchive',
  'tar --use-compress-program=zstd': 'TarZstdArchive',
};

const LIST = { type: 'array', items: { type: 'string' } } as const;

export const unarchiveModule: ModuleDef = {
  name: 'unarchive',
  argumentAliases: FILE_COMMON_ALIASES,
  argsSchema: {
    type: 'object',
    properties: {
      src: { type: 'string' },
      dest: { type: 'string' },
      remote_src: { type: 'boolean' },
      copy: { type: 'boolean' },
      creates: { type: 'string' },
      list_files: { type: 'boolean', default: false },
      exclude: { ...LIST, default: [] },
      include: { ...LIST, default: [] },
      keep_newer: { type: 'boolean', default: false },
      extra_opts: { ...LIST, default: [] },
      io_buffer_size: { type: 'integer', default: 65536 },
      validate_certs: { type: 'boolean', default: true },
      decrypt: { type: 'boolean', default: true },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['src', 'dest'],
    additionalProperties: false,
  },
  checkMode: 'partial',
  diffMode: 'partial',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    // copy is the deprecated opposite of remote_src (Ansible's action plugin).
    if (args.copy !== undefined && args.remote_src !== undefined) return { changed: false, failed: true, msg: "parameters are mutually exclusive: ('copy', 'remote_src')" };
    const remote = args.copy !== undefined ? args.copy === false : args.remote_src === true;
    if (listOf(args.include).length > 0 && listOf(args.exclude).length > 0) return { changed: false, failed: true, msg: 'parameters are mutually exclusive: include|exclude' };
    const local = remote ? undefined : localArchive(ctx);
    const result = await ctx.exec(unarchiveScript(ctx, local));
    const report = readReport(result.stdout, UNARCHIVE_REPORT);
    if (report.skipped) return { changed: false, skipped: true, msg: report.msg ?? '' };
    if (report.failed) {
      // A failed unpack's result has no diff: Ansible adds it after unpacking.
      const { diff: _diff, ...fields } = resultFields(report, false);
      return { changed: false, failed: true, msg: report.msg ?? 'unarchive failed', ...fields };
    }
    if (report.changed === undefined) return scriptFailure(result.rc, result.stderr);
    return { changed: report.changed, ...resultFields(report, args.list_files === true) };
  },
};

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The controller's archive, or why it cannot be read (the task fails with that after its `creates` check, as Ansible's does). */
function localArchive(ctx: ModuleContext): { content: Buffer } | { missing: string } {
  try {
    const path = ctx.resolveSource(String(ctx.args.src), 'files');
    return { content: ctx.args.decrypt === false ? readFileSync(path) : ctx.readSource(path) };
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  }
}

/** The fields of Ansible's result the script reported: handler, dest, src, extract_results, diff, files (with list_files), dest's attributes. */
function resultFields(report: UnarchiveReport, listFiles: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (report.handler !== undefined) out.handler = HANDLER_NAMES[report.handler] ?? report.handler;
  if (report.dest !== undefined) out.dest = report.dest;
  if (report.src !== undefined) out.src = report.src;
  if (report.rc !== undefined) out.extract_results = { cmd: (report.cmd ?? '').split('\n').filter((word, index, words) => index < words.length - 1 || word !== ''), err: report.err ?? '', out: report.out ?? '', rc: report.rc };
  if (report.prepared) out.diff = { prepared: report.prepared };
  if (listFiles && report.files !== undefined) out.files = report.files === '' ? [] : report.files.split('\n');
  if (report.mode !== undefined) Object.assign(out, reportedAttributes(report), { state: 'directory' });
  return out;
}

/** Python's shlex.quote, as Ansible's tar handler writes --owner= and --group=. */
function pythonQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}

/** The script: the task's variables (each quoted), the archive when it comes from the controller, cx_unarchive_task. */
function unarchiveScript(ctx: ModuleContext, local: { content: Buffer } | { missing: string } | undefined): string {
  const { args, check } = ctx;
  const attributes = attributesFrom(args);
  const include = listOf(args.include);
  const exclude = listOf(args.exclude);
  const words = (list: readonly string[]) => list.map(quote).join(' ');
  const owner = [attributes.owner !== undefined && `--owner=${pythonQuote(attributes.owner)}`, attributes.group !== undefined && `--group=${pythonQuote(attributes.group)}`].filter((word): word is string => typeof word === 'string');
  const flags = [local && 'local', check && 'check', args.keep_newer === true && 'keep_newer', args.validate_certs === false && 'insecure'].filter(Boolean).join(' ');
  const variables: Record<string, string> = {
    ua_src: String(args.src),
    ua_dest: String(args.dest),
    ua_creates: args.creates === undefined || args.creates === null ? '' : String(args.creates),
    ua_flags: flags,
    ua_missing: local && 'missing' in local ? local.missing : '',
    ua_include: include.join('\n'),
    ua_exclude: exclude.join('\n'),
    ua_q_opts: words(listOf(args.extra_opts)),
    ua_q_include: words(include),
    ua_q_tar_exclude: words(exclude.map((pattern) => `--exclude=${pattern.replace(/\/+$/, '')}`)),
    ua_q_zip_exclude: words(exclude),
    ua_q_owner: words(owner),
    ua_q_keep: args.keep_newer === true ? '--keep-newer-files' : '',
    // unarchive has no url options (no http_agent): fetch_file's defaults.
    ...FETCH_REQUEST,
  };
  return [
    REPORT_FUNCTIONS,
    FLAG_FUNCTIONS,
    DOWNLOAD_FUNCTIONS,
    SELF_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(attributes, check),
    UNARCHIVE_FUNCTIONS,
    local && 'content' in local ? heredocBase64('cx_unarchive_payload() { base64 -d', local.content, '; }') : '',
    flushOnExit('cx_unarchive_cleanup'),
    "trap 'exit 143' TERM HUP INT",
    Object.entries(variables).map(([name, value]) => `${name}=${quote(value)}`).join('\n'),
    'cx_unarchive_task',
  ]
    .filter(Boolean)
    .join('\n');
}
