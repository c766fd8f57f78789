/**
 * get_url: download a URL on the host (curl, else wget) into a temp file
 * beside dest, check the checksum, and rename it into place only when the
 * content differs, in one exec. With force: no (the default) an existing dest
 * is kept without any request when no checksum is given or it matches, so a
 * converged host makes no download at all. `checksum` may be
 * `<algorithm>:<hex>` or `<algorithm>:<url of a checksums file>`.
 * curl reads the URL and headers from its stdin (-K -), so a token in them
 * never shows in the process list; wget (the fallback) takes them as arguments.
 */
import { BACKUP_FUNCTION, REMOVE_PARTIAL_BACKUP } from './lib/backup.js';
import { DIRNAME_FUNCTION } from './lib/dirname.js';
import { randomInt } from 'node:crypto';
import { basename } from 'node:path';
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, ATTRIBUTE_SCHEMA, attributesFrom, attributesWanted, reportedAttributes, SELF_FUNCTIONS, TEMP_FILE_FUNCTIONS, tempFinish, tempTarget } from './lib/file-attributes.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './lib/report.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

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
  ...ATTRIBUTE_REPORT,
} as const;
type DownloadReport = Report<typeof DOWNLOAD_REPORT>;

export const getUrlModule: ModuleDef = {
  name: 'get_url',
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
      ...ATTRIBUTE_SCHEMA,
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
    const unsafe = controlCharacterIn(url, checksum, ctx.args.headers);
    if (unsafe) return { ...base, failed: true, msg: `${unsafe} contains control characters (a newline?)` };
    const started = Date.now();
    const result = await ctx.exec(downloadScript(ctx, url, checksum));
    const report = readReport(result.stdout, DOWNLOAD_REPORT);
    const elapsed = Math.floor((Date.now() - started) / 1000);
    const failure = reportedFailure(report, { ...base, dest: report.dest ?? dest, elapsed, ...requestFields(report) });
    if (failure) return failure;
    if (!report.dest) return scriptFailure(result.rc, result.stderr);
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
    msg: downloaded ? `OK (${report.size ?? 0} bytes)` : report.attr_changed ? 'file already exists but file attributes changed' : 'file already exists',
  };
  if (downloaded) out.status_code = report.status_code ?? 200;
  if (report.md5sum) out.md5sum = report.md5sum;
  if (report.backup_file) out.backup_file = report.backup_file;
  if (report.mode !== undefined) Object.assign(out, reportedAttributes(report), { state: 'file' });
  return out;
}

/** The name a download gets inside a directory dest: the last part of the URL's path. */
function urlFilename(url: string): string {
  try {
    return decodeURIComponent(basename(new URL(url).pathname)) || 'index.html';
  } catch {
    return 'index.html';
  }
}

function downloadScript(ctx: ModuleContext, url: string, checksum: Checksum): string {
  const { args, check } = ctx;
  const attributes = attributesFrom(args);
  const headers = Object.entries((args.headers as Record<string, unknown> | undefined) ?? {}).map(([name, value]) => `${name}: ${String(value)}`);
  const download = downloadFunction(Number(args.timeout ?? 10), args.validate_certs === false, headers);
  return [
    REPORT_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(attributes, check),
    SELF_FUNCTIONS,
    TEMP_FILE_FUNCTIONS,
    download,
    'tmp=; ck=',
    args.backup === true ? BACKUP_FUNCTION : '',
    flushOnExit(`[ -n "$tmp" ] && rm -f -- "$tmp" "$tmp.hdr" "$tmp.err"; [ -n "$ck" ] && rm -f -- "$ck" "$ck.hdr" "$ck.err"${args.backup === true ? `; ${REMOVE_PARTIAL_BACKUP}` : ''}`),
    "trap 'exit 143' TERM HUP INT",
    `dest=${quote(String(args.dest))}`,
    `[ -d "$dest" ] && dest="\${dest%/}/"${quote(urlFilename(url))}`,
    'cx_report64 dest "$dest"',
    'cx_resolve_ids',
    DIRNAME_FUNCTION,
    'cx_dirname "$dest"; dir=$cx_parent',
    '[ -d "$dir" ] || cx_fail "Destination $dir does not exist"',
    wantedChecksumScript(url, checksum),
    // force: no keeps an existing file unless a given checksum says it is wrong.
    `if [ -f "$dest" ] && ${args.force === true ? 'false' : 'true'} && { [ -z "$want" ] || [ "$(cx_sum < "$dest")" = "$want" ]; }; then`,
    '  cx_attributes "$dest"; cx_report changed "$cx_attributes_changed"; cx_report attr_changed "$cx_attributes_changed"; cx_report_attributes "$dest"; exit 0',
    'fi',
    check ? 'cx_report changed 1; exit 0' : '',
    'tmp=$(umask 077; mktemp "$dir/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in $dir"',
    `cx_download "$tmp" ${quote(url)} "the download to $dest"`,
    'cx_report downloaded 1',
    'src_sum=$(sha1sum < "$tmp" | cut -c1-40); cx_report checksum_src "$src_sum"',
    'if [ -n "$want" ] && [ "$(cx_sum < "$tmp")" != "$want" ]; then cx_fail "The checksum for $dest did not match $want; it was $(cx_sum < "$tmp")."; fi',
    'if [ -f "$dest" ]; then cx_report checksum_dest "$(sha1sum < "$dest" | cut -c1-40)"; fi',
    'if [ -f "$dest" ] && [ "$(sha1sum < "$dest" | cut -c1-40)" = "$src_sum" ]; then',
    '  cx_attributes "$dest"; cx_report changed "$cx_attributes_changed"',
    'else',
    `  ${tempTarget('"$dest"', '"$dir"', attributes)}; ${tempFinish('"$tmp"', attributes)}`,
    args.backup === true ? `  cx_backup "$dest" ${randomInt(10_000, 100_000)}` : '',
    '  mv -f -- "$tmp" "$dest" || cx_fail "failed to copy the download to $dest"; tmp=; cx_report changed 1',
    'fi',
    'cx_report md5sum "$(md5sum < "$dest" | cut -c1-32)"',
    'cx_report_attributes "$dest"',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Sets `want` (and `cx_sum`, the digest command) from a literal checksum or a checksums file. */
function wantedChecksumScript(url: string, checksum: Checksum): string {
  if ('none' in checksum || 'error' in checksum) return 'want=';
  const sum = `cx_sum() { ${checksum.algorithm}sum | cut -d' ' -f1; }`;
  if ('digest' in checksum) return `${sum}\nwant=${quote(checksum.digest)}`;
  // A checksums file: one bare digest, or lines "<digest>  <name>" (name may start with * or ./).
  return [
    sum,
    'ck=$(mktemp) || cx_fail "cannot create a temporary file"',
    `cx_download "$ck" ${quote(checksum.url)} "the checksums file"`,
    `want=$(awk -v f=${quote(urlFilename(url))} 'NR == 1 && NF == 1 { print $1; exit } { n = $0; sub(/^[^ ]* /, "", n); sub(/^[ *]/, "", n); sub(/^[.\\/]+/, "", n); if (n == f) { print $1; exit } }' "$ck" | tr 'A-F' 'a-f')`,
    `[ -n "$want" ] || cx_fail ${quote(`Unable to find a checksum for file '${urlFilename(url)}' in '${checksum.url}'`)}`,
  ].join('\n');
}

/**
 * `cx_download FILE URL WHAT`: fetch URL into FILE following redirects; fails the
 * task with Ansible's "Request failed" and the HTTP status when it cannot, or
 * saying WHAT could not be written when the disk is full.
 */
function downloadFunction(timeout: number, insecure: boolean, headers: readonly string[]): string {
  const headerConfig = headers.map((header) => `header = ${curlQuote(header)}\n`).join('');
  return [
    'cx_download() {',
    '  cx_via_curl=',
    '  if command -v curl >/dev/null 2>&1; then',
    '    cx_via_curl=1',
    // curl reads its config (the URL, with \ and " escaped, and the headers) from stdin; printf is a builtin, so nothing shows in ps.
    `    cx_code=$( { printf 'url = "%s"\\n' "$(printf '%s' "$2" | sed 's/[\\\\"]/\\\\&/g')"; ${headerConfig ? `printf '%s' ${quote(headerConfig)}` : ':'}; } | curl -sS -L ${insecure ? '-k ' : ''}--max-time ${timeout} -K - -o "$1" -D "$1.hdr" -w '%{http_code}' 2>"$1.err")`,
    '    cx_rc=$?; cx_status=$(grep -E "^HTTP/" "$1.hdr" 2>/dev/null | tail -n 1 | tr -d "\\r")',
    '  elif command -v wget >/dev/null 2>&1; then',
    `    printf '%s\\n' "$2" | wget -S ${insecure ? '--no-check-certificate ' : ''}-T ${timeout} ${headers.map((header) => `--header=${quote(header)} `).join('')}-O "$1" -i - 2>"$1.err"`,
    '    cx_rc=$?; cx_status=$(grep -E "^ *HTTP/" "$1.err" | tail -n 1 | sed "s/^ *//" | tr -d "\\r"); cx_code=$(printf "%s" "$cx_status" | cut -d" " -f2)',
    '  else cx_fail "get_url needs curl or wget on the host"; fi',
    '  if [ -n "$cx_code" ] && [ "$cx_code" != 000 ]; then cx_report status_code "$cx_code"; fi',
    '  cx_err=$(cat "$1.err" 2>/dev/null); rm -f -- "$1.hdr" "$1.err"',
    '  case "$cx_code" in 2??) [ "$cx_rc" = 0 ] && return 0;; esac',
    // curl 23, wget 3: the file could not be written (a full disk), whatever the server said.
    '  if [ "$cx_rc" = 23 ] || { [ "$cx_rc" = 3 ] && [ -z "$cx_via_curl" ]; }; then cx_fail "could not write $3 (disk full or read-only?): $cx_err; the original is unchanged"; fi',
    '  if [ -n "$cx_status" ]; then cx_report64 response "HTTP Error $(printf "%s" "$cx_status" | cut -d" " -f2): $(printf "%s" "$cx_status" | cut -d" " -f3-)"; else cx_report64 response "$cx_err"; fi',
    '  cx_fail "Request failed"',
    '}',
  ].join('\n');
}

/** A value in a curl config file: double-quoted, with \ and " escaped. */
function curlQuote(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
