/**
 * get_url: download a URL on the host (curl, else wget) into a temp file
 * beside dest, check the checksum, and rename it into place only when the
 * content differs, in one exec. With force: no (the default) an existing dest
 * is kept without any request when no checksum is given or it matches, so a
 * converged host makes no download at all. `checksum` may be
 * `<algorithm>:<hex>` or `<algorithm>:<url of a checksums file>`.
 * With tmp_dest the download goes to a temp file there, and is copied beside
 * dest for the rename once its checksum is right.
 * curl reads the URL, headers and credentials from its stdin (-K -), so a
 * token or password in them never shows in the process list; wget (the
 * fallback) takes headers as arguments and is not used with credentials.
 * The script is engine/modules/sh/get_url.sh.
 */
import { BACKUP_FUNCTION } from './lib/backup.js';
import { DIRNAME_FUNCTION } from './lib/dirname.js';
import { DOWNLOAD_FUNCTIONS } from './lib/download.js';
import { FLAG_FUNCTIONS } from './lib/flags.js';
import { randomInt } from 'node:crypto';
import { basename } from 'node:path';
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesFrom, attributesWanted, chownFailureMessage, reportedAttributes, SELF_FUNCTIONS, TEMP_FILE_FUNCTIONS, withPathInfo } from './lib/file-attributes.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import GET_URL_SH from './sh/get_url.sh';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import { controlCharacterOption, credentialFlags, curlCredentialConfig, curlQuote, curlRequestConfig, gssapiConflict, gssapiVariables, needsCurl, splitHeaders, HTTP_REQUEST_SCHEMA, HTTP_SECRET_ARGS } from './lib/http-request.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

/** `cx_get_url_task` and its helpers (engine/modules/sh/get_url.sh). */
const GET_URL_FUNCTIONS = shellCode(GET_URL_SH);

const ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

/** What the download script reports. */
const DOWNLOAD_REPORT = {
  dest: 'text',
  changed: 'flag',
  attr_changed: 'flag',
  downloaded: 'flag',
  status_code: 'number',
  response: 'text',
  checksum_src: 'text',
  checksum_dest: 'text',
  md5sum: 'text',
  backup_file: 'text',
  src: 'text',
  bare: 'flag',
  unknown_error: 'text',
  not_modified: 'flag',
  check_only: 'flag',
  content_length: 'text',
  ...ATTRIBUTE_REPORT,
} as const;
type DownloadReport = Report<typeof DOWNLOAD_REPORT>;

export const getUrlModule: ModuleDef = {
  name: 'get_url',
  argumentAliases: { username: 'url_username', password: 'url_password', ...FILE_COMMON_ALIASES },
  secretArgs: HTTP_SECRET_ARGS,
  argsSchema: {
    type: 'object',
    properties: {
      url: { type: 'string' },
      dest: { type: 'string' },
      force: { type: 'boolean', default: false },
      checksum: { type: 'string', default: '' },
      timeout: { type: 'integer', default: 10 },
      validate_certs: { type: 'boolean', default: true },
      backup: { type: 'boolean', default: false },
      headers: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      ...FILE_COMMON_ARGS_SCHEMA,
      ...HTTP_REQUEST_SCHEMA,
      tmp_dest: { type: 'string' },
    },
    required: ['url', 'dest'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const url = String(ctx.args.url);
    const dest = String(ctx.args.dest);
    const base = { changed: false, url, dest, checksum_dest: null, checksum_src: null, elapsed: 0 };
    const checksum = parseChecksum(String(ctx.args.checksum ?? ''));
    if ('error' in checksum) return { ...base, failed: true, msg: checksum.error };
    const unsafe = controlCharacterIn(url, checksum, ctx.args.headers) ?? controlCharacterOption(ctx.args);
    if (unsafe) return { ...base, failed: true, msg: `${unsafe} contains control characters (a newline?)` };
    const conflict = gssapiConflict(ctx.args);
    if (conflict) return { ...base, failed: true, msg: conflict };
    const started = Date.now();
    const result = await ctx.exec(downloadScript(ctx, url, checksum));
    const report = readReport(result.stdout, DOWNLOAD_REPORT);
    const elapsed = Math.floor((Date.now() - started) / 1000);
    // use_gssapi without a ticket: Ansible's fetch_url fails the task itself, with only these keys.
    if (report.unknown_error !== undefined) return { changed: false, failed: true, dest: report.dest ?? dest, elapsed, url, msg: `An unknown error occurred: ${report.unknown_error.trim()}` };
    const reached = { changed: false, url, dest: report.dest ?? dest, elapsed };
    // A tmp_dest that is no directory: Ansible's fail_json has only the message.
    const failure = reportedFailure(report, report.bare ? { elapsed } : withPathInfo({ ...reached, ...requestFields(report) }, report));
    if (failure) return failure;
    if (!report.dest) return scriptFailure(result.rc, result.stderr);
    // Asked only if modified since dest's mtime: Ansible's url_get ends the task with the 304.
    if (report.not_modified) return withPathInfo({ ...reached, msg: report.response ?? '', status_code: report.status_code }, report);
    if (report.check_only) return withPathInfo({ ...reached, changed: report.changed === true, msg: okMessage(report), src: report.src, checksum_src: report.checksum_src, checksum_dest: report.checksum_dest ?? null }, report);
    return successResult(report, { ...base, dest: report.dest, elapsed });
  },
};

type Checksum = { algorithm: string; digest: string } | { algorithm: string; url: string } | { none: true } | { error: string };

/** Ansible's checksum forms: `sha256:<hex>` or `sha256:<url of a checksums file>`. */
function parseChecksum(value: string): Checksum {
  if (value === '') return { none: true };
  const separator = value.indexOf(':');
  if (separator < 0) return { error: 'The checksum parameter has to be in format <algorithm>:<checksum>' };
  const algorithm = value.slice(0, separator).toLowerCase();
  const rest = value.slice(separator + 1);
  if (!ALGORITHMS.includes(algorithm)) return { error: `Unsupported hash algorithm '${algorithm}': use one of ${ALGORITHMS.join(', ')}` };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) return { algorithm, url: rest };
  const digest = rest.replace(/\W+/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(digest)) return { error: 'The checksum format is invalid' };
  return { algorithm, digest };
}

/** URLs and headers travel as lines of curl's config: a newline in one could add directives. */
function controlCharacterIn(url: string, checksum: Checksum, headers: unknown): string | undefined {
  const bad = (text: string) => /[\u0000-\u001f\u007f]/.test(text);
  if (bad(url)) return 'url';
  if ('url' in checksum && bad(checksum.url)) return 'the checksum url';
  for (const [name, value] of Object.entries((headers as Record<string, unknown> | undefined) ?? {})) if (bad(name) || bad(String(value))) return `header '${name}'`;
  return undefined;
}

function requestFields(report: DownloadReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (report.status_code) out.status_code = report.status_code;
  if (report.response) out.response = report.response;
  return out;
}

function successResult(report: DownloadReport, base: Record<string, unknown>): ModuleResult {
  const downloaded = report.downloaded === true;
  const out: ModuleResult = {
    ...base,
    changed: report.changed === true,
    checksum_dest: report.checksum_dest || null,
    checksum_src: report.checksum_src || null,
    msg: downloaded ? okMessage(report) : report.attr_changed ? 'file already exists but file attributes changed' : 'file already exists',
  };
  // A file: URL has no HTTP status: Ansible's is None.
  if (downloaded) out.status_code = String(base.url).startsWith('file:/') ? null : (report.status_code ?? 200);
  if (report.src) out.src = report.src;
  if (report.md5sum) out.md5sum = report.md5sum;
  if (report.backup_file) out.backup_file = report.backup_file;
  if (report.mode !== undefined) Object.assign(out, reportedAttributes(report), { state: 'file' });
  return out;
}

/** fetch_url's message for a 200: the response's Content-Length, as the server sent it. */
function okMessage(report: DownloadReport): string {
  return `OK (${report.content_length || 'unknown'} bytes)`;
}

/** The name a download gets inside a directory dest: the last part of the URL's path. */
function urlFilename(url: string): string {
  try {
    return decodeURIComponent(basename(new URL(url).pathname)) || 'index.html';
  } catch {
    return 'index.html';
  }
}

/** The script: cx_get_url_task (engine/modules/sh/get_url.sh) with the task's values, each quoted. */
function downloadScript(ctx: ModuleContext, url: string, checksum: Checksum): string {
  const { args, check } = ctx;
  const attributes = attributesFrom(args);
  const headers = splitHeaders(
    Object.entries((args.headers as Record<string, unknown> | undefined) ?? {}).map(([name, value]) => `${name}: ${String(value)}`),
    args,
  );
  const backup = args.backup === true;
  const flags = [args.force === true && 'force', check && 'check', args.validate_certs === false && 'insecure', args.use_proxy === false && 'noproxy', ...credentialFlags(args)]
    .filter(Boolean)
    .join(' ');
  const call = [
    'cx_get_url_task',
    quote(String(args.dest)),
    quote(urlFilename(url)),
    quote(url),
    quote(flags),
    'algorithm' in checksum ? checksum.algorithm : "''",
    quote('digest' in checksum ? checksum.digest : ''),
    quote('url' in checksum ? checksum.url : ''),
    quote(attributes.mode ?? ''),
    backup ? randomInt(10_000, 100_000) : "''",
    Number(args.timeout ?? 10),
    quote(headers.redirected.join('\n')),
    quote(chownFailureMessage(attributes)),
    quote(curlRequestConfig(args).join('\n')),
    quote(String(args.http_agent)),
    quote(needsCurl(args)),
    quote(String(args.tmp_dest ?? '')),
    quote(curlCredentialConfig(args)),
    quote(headers.unredirected.map((header) => `header = ${curlQuote(header)}`).join('\n')),
  ];
  return [
    REPORT_FUNCTIONS,
    FLAG_FUNCTIONS,
    DOWNLOAD_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(attributes, check),
    SELF_FUNCTIONS,
    TEMP_FILE_FUNCTIONS,
    DIRNAME_FUNCTION,
    GET_URL_FUNCTIONS,
    backup ? BACKUP_FUNCTION : '',
    flushOnExit(`cx_get_url_cleanup${backup ? '; cx_backup_cleanup' : ''}`),
    "trap 'exit 143' TERM HUP INT",
    gssapiVariables(args),
    call.join(' '),
  ]
    .filter(Boolean)
    .join('\n');
}
