/**
 * get_url: download a URL on the host (curl or wget, whichever it has) into a
 * temp file beside dest, check the checksum, and rename it into place only
 * when the content differs. With force: no (the default) an existing dest is
 * left alone, so a converged host makes no download at all.
 */
import { basename } from 'node:path';
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_SCHEMA, attributeFunctions, attributesFrom, prepareTempScript } from './lib/file-attributes.js';
import { parseReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import type { ModuleDef } from './module.js';

export const getUrlModule: ModuleDef = {
  name: 'get_url',
  argsSchema: {
    type: 'object',
    properties: {
      url: { type: 'string' },
      dest: { type: 'string' },
      force: { type: 'boolean', default: false },
      checksum: { type: 'string' },
      timeout: { type: 'integer', default: 10 },
      validate_certs: { type: 'boolean', default: true },
      backup: { type: 'boolean' },
      headers: { type: 'object' },
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
    const checksum = parseChecksum(ctx.args.checksum as string | undefined);
    if (checksum === null) return { changed: false, failed: true, msg: "checksum must be '<algorithm>:<hex>' with algorithm sha1, sha256, sha512 or md5" };
    const result = await ctx.exec(downloadScript(ctx, url, checksum));
    const report = parseReport(result.stdout);
    const failure = reportedFailure(report, { url, dest: report.dest ?? String(ctx.args.dest) });
    if (failure) return failure;
    if (!report.dest) return scriptFailure(result.rc, result.stderr);
    const changed = report.changed === '1';
    return {
      changed,
      url,
      dest: report.dest,
      msg: report.downloaded === '1' ? `OK (${report.size ?? '?'} bytes)` : 'file already exists',
      status_code: report.downloaded === '1' ? 200 : undefined,
      checksum_dest: report.checksum_dest || null,
      checksum_src: report.checksum_src || null,
      mode: report.mode,
      owner: report.owner,
      group: report.group,
      size: report.size === undefined ? undefined : Number(report.size),
      state: 'file',
    };
  },
};

function parseChecksum(value: string | undefined): { algorithm: string; digest: string } | undefined | null {
  if (!value) return undefined;
  const match = /^(sha1|sha256|sha512|md5):([0-9a-fA-F]+)$/.exec(value.trim());
  return match ? { algorithm: match[1]!, digest: match[2]!.toLowerCase() } : null;
}

function downloadScript(ctx: Parameters<ModuleDef['run']>[0], url: string, checksum: { algorithm: string; digest: string } | undefined): string {
  const timeout = Number(ctx.args.timeout ?? 10);
  const insecure = ctx.args.validate_certs === false;
  const attributes = attributesFrom(ctx.args);
  const name = basename(new URL(url, 'http://x/').pathname) || 'index.html';
  return [
    REPORT_FUNCTIONS,
    attributeFunctions(attributes, ctx.check),
    'cx_resolve_ids',
    `dest=${quote(String(ctx.args.dest))}`,
    `url=${quote(url)}`,
    `[ -d "$dest" ] && dest="\${dest%/}/"${quote(name)}`,
    'cx_report64 dest "$dest"',
    checksum ? `want=${quote(checksum.digest)}; sumcmd=${checksum.algorithm}sum` : 'want=',
    // With force: no an existing file stays, unless a given checksum says it is wrong.
    `if [ -f "$dest" ] && ${ctx.args.force === true ? 'false' : 'true'} && { [ -z "$want" ] || [ "$($sumcmd < "$dest" | cut -d' ' -f1)" = "$want" ]; }; then`,
    '  attr_changed=0; cx_attributes "$dest"; cx_report changed "$attr_changed"; cx_report checksum_dest "$(sha1sum < "$dest" | cut -c1-40)"; cx_report_attributes "$dest"; exit 0',
    'fi',
    ctx.check ? 'cx_report changed 1; exit 0' : '',
    'dir=$(dirname "$dest"); [ -d "$dir" ] || cx_fail "Destination $dir does not exist"',
    `tmp=$(umask 077; mktemp "$dir/.cxplay.XXXXXX") || cx_fail "cannot create a temporary file in $dir"`,
    'if command -v curl >/dev/null 2>&1; then',
    `  curl -fsSL ${insecure ? '-k ' : ''}--max-time ${timeout} -o "$tmp" "$url" 2>"$tmp.err" || { e=$(cat "$tmp.err"); rm -f "$tmp" "$tmp.err"; cx_fail "Request failed: $e"; }`,
    'elif command -v wget >/dev/null 2>&1; then',
    `  wget -q ${insecure ? '--no-check-certificate ' : ''}-T ${timeout} -O "$tmp" "$url" 2>"$tmp.err" || { e=$(cat "$tmp.err"); rm -f "$tmp" "$tmp.err"; cx_fail "Request failed: $e"; }`,
    'else rm -f "$tmp"; cx_fail "get_url needs curl or wget on the host"; fi',
    'rm -f "$tmp.err"; cx_report downloaded 1',
    'src_sum=$(sha1sum < "$tmp" | cut -c1-40); cx_report checksum_src "$src_sum"',
    'if [ -n "$want" ] && [ "$($sumcmd < "$tmp" | cut -d\' \' -f1)" != "$want" ]; then rm -f "$tmp"; cx_fail "The checksum for $dest did not match $want"; fi',
    'if [ -f "$dest" ] && [ "$(sha1sum < "$dest" | cut -c1-40)" = "$src_sum" ]; then rm -f "$tmp"; attr_changed=0; cx_attributes "$dest"; cx_report changed "$attr_changed"; else',
    prepareTempScript(attributes, 'tmp', 'dest'),
    '  mv -f "$tmp" "$dest" || { rm -f "$tmp"; cx_fail "could not rename into $dest"; }; cx_report changed 1',
    'fi',
    'cx_report checksum_dest "$(sha1sum < "$dest" | cut -c1-40)"',
    'cx_report_attributes "$dest"',
  ]
    .filter(Boolean)
    .join('\n');
}
