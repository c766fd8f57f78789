/**
 * uri: an HTTP request made from the host with curl, in one exec, with
 * Ansible's result shape (status, url, redirected, msg, the response headers
 * as lower_case keys, json for JSON responses, content when asked) and its
 * failure when the status is not one of `status_code`. The URL, headers and
 * credentials go to curl on its stdin (-K -), never as arguments; the body
 * (or a `src` file of the controller) travels in the script as base64, a
 * `remote_src` file is read on the host; a form-multipart body is put
 * together on the host (lib/multipart.ts). With `dest` the response is saved
 * there (in the same exec), asked for only if modified since an existing
 * dest. Like Ansible's, uri is skipped in check mode.
 */
import { readFileSync } from 'node:fs';
import { heredocBase64, quote } from '../connection/quote.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './lib/report.js';
import { FLAG_FUNCTIONS } from './lib/flags.js';
import { shellCode } from './lib/shell-code.js';
import { CURL_FUNCTIONS } from './lib/curl.js';
import { DIRNAME_FUNCTION } from './lib/dirname.js';
import URI_SH from './sh/uri.sh';
import { multipartBody } from './lib/multipart.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesFrom, attributesWanted, chownFailureMessage, SELF_FUNCTIONS, TEMP_FILE_FUNCTIONS, withPathInfo } from './lib/file-attributes.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { pythonJsonLoads } from '../template/python-json-loads.js';
import { controlCharacterOption, credentialFlags, curlCredentialConfig, curlQuote, curlRequestConfig, gssapiConflict, gssapiVariables, splitHeaders, HTTP_REQUEST_SCHEMA, HTTP_SECRET_ARGS } from './lib/http-request.js';

/** `cx_uri_task` (engine/modules/sh/uri.sh). */
const URI_FUNCTIONS = shellCode(URI_SH);
/** At most this much of a response body comes back. */
const MAX_CONTENT_BYTES = 4 * 1024 * 1024;

/** What the request script reports. */
const RESPONSE_REPORT = { skipped: 'text', unknown_error: 'text', status: 'number', effective_url: 'text', curl_error: 'text', headers: 'text', content: 'text', path: 'text', changed: 'flag', ...ATTRIBUTE_REPORT } as const;

export const uriModule: ModuleDef = {
  name: 'uri',
  argumentAliases: { user: 'url_username', password: 'url_password', ...FILE_COMMON_ALIASES },
  secretArgs: HTTP_SECRET_ARGS,
  argsSchema: {
    type: 'object',
    properties: {
      url: { type: 'string' },
      method: { type: 'string', default: 'GET' },
      body: {},
      body_format: { enum: ['raw', 'json', 'form-urlencoded', 'form-multipart'], default: 'raw' },
      headers: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, default: {} },
      status_code: { type: ['array', 'integer'], items: { type: 'integer' }, default: [200] },
      return_content: { type: 'boolean', default: false },
      validate_certs: { type: 'boolean', default: true },
      timeout: { type: 'integer', default: 30 },
      follow_redirects: { enum: ['all', 'no', 'none', 'safe', 'urllib2', 'yes'], default: 'safe' },
      ...HTTP_REQUEST_SCHEMA,
      creates: { type: 'string' },
      removes: { type: 'string' },
      ca_path: { type: 'string' },
      unix_socket: { type: 'string' },
      dest: { type: 'string' },
      // Accepted and unused, as measured: Ansible's uri passes no force to its request (an existing dest is still asked for only if modified since).
      force: { type: 'boolean', default: false },
      src: { type: 'string' },
      remote_src: { type: 'boolean', default: false },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['url'],
    additionalProperties: false,
  },
  checkMode: 'none',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const method = String(args.method).toUpperCase();
    if (!/^[A-Z]+$/.test(method)) return { changed: false, failed: true, msg: "Parameter 'method' needs to be a single word in uppercase, like GET or POST." };
    if (args.body !== undefined && args.src !== undefined) return { changed: false, failed: true, msg: 'parameters are mutually exclusive: body|src' };
    const conflict = gssapiConflict(args);
    if (conflict) return { changed: false, failed: true, msg: conflict };
    const request = requestOf(ctx);
    if ('error' in request) return { changed: false, failed: true, msg: request.error };
    if (/[\u0000-\u001f\u007f]/.test([String(args.url), ...request.headers].join('')) || controlCharacterOption(args)) {
      return { changed: false, failed: true, msg: 'url, headers and credentials must not contain control characters (a newline?)' };
    }
    const started = Date.now();
    const result = await ctx.exec(requestScript(ctx, method, request));
    const report = readReport(result.stdout, RESPONSE_REPORT);
    const elapsed = Math.floor((Date.now() - started) / 1000);
    if (report.skipped) return { changed: false, stdout: report.skipped };
    // use_gssapi without a ticket: Ansible's fetch_url raises, and uri fails with status -1 and only these keys.
    if (report.unknown_error !== undefined) return { changed: false, failed: true, elapsed, msg: `Status code was -1 and not [${wantedStatuses(args).join(', ')}]: An unknown error occurred: ${report.unknown_error.trim()}`, redirected: false, status: -1, url: String(args.url) };
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.status === undefined) return scriptFailure(result.rc, result.stderr);
    return responseResult(ctx, report, elapsed);
  },
};

interface Request {
  readonly headers: string[];
  readonly body: string | Buffer | undefined;
  /** The definition of cx_uri_body when the target makes the body (form-multipart). */
  readonly bodyFunction?: string;
}

/** Headers and body as Ansible builds them for each body_format; a src of the controller is the body (its bytes as they are, as Ansible's action copies it). */
function requestOf(ctx: ModuleContext): Request | { readonly error: string } {
  const { args } = ctx;
  const headers = Object.entries(args.headers as Record<string, unknown>).map(([name, value]) => `${name}: ${String(value)}`);
  if (args.body_format === 'form-multipart') return multipartRequest(ctx, headers);
  const hasContentType = headers.some((header) => header.toLowerCase().startsWith('content-type:'));
  let body: string | undefined;
  if (args.body !== undefined) {
    if (args.body_format === 'json') {
      body = typeof args.body === 'string' ? args.body : JSON.stringify(args.body);
      if (!hasContentType) headers.push('Content-Type: application/json');
    } else if (args.body_format === 'form-urlencoded') {
      body = typeof args.body === 'string' ? args.body : new URLSearchParams(Object.entries(args.body as Record<string, unknown>).map(([key, value]) => [key, String(value)])).toString();
      if (!hasContentType) headers.push('Content-Type: application/x-www-form-urlencoded');
    } else {
      body = typeof args.body === 'string' ? args.body : JSON.stringify(args.body);
    }
  } else if (args.body_format === 'json' && !hasContentType) {
    headers.push('Content-Type: application/json');
  } else if (args.body_format === 'form-urlencoded' && !hasContentType) {
    headers.push('Content-Type: application/x-www-form-urlencoded');
  }
  if (args.src !== undefined && args.remote_src !== true) return { headers, body: readFileSync(ctx.resolveSource(String(args.src), 'files')) };
  return { headers, body };
}

/**
 * A form-multipart request: its Content-Type replaces the task's (Ansible's
 * cannot be overridden). The body's files are the host's with remote_src,
 * and with a src (Ansible's action then sends the src and leaves the body to
 * the module, which finds none).
 */
function multipartRequest(ctx: ModuleContext, headers: readonly string[]): Request | { readonly error: string } {
  const onHost = ctx.args.remote_src === true || ctx.args.src !== undefined;
  const multipart = multipartBody(ctx.args.body, onHost, (filename) => ctx.resolveSource(filename, 'files'));
  if ('error' in multipart) return multipart;
  const others = headers.filter((header) => !header.toLowerCase().startsWith('content-type:'));
  return { headers: [...others, `Content-Type: ${multipart.contentType}`], body: undefined, bodyFunction: multipart.bodyFunction };
}

/** The script: cx_uri_task (engine/modules/sh/uri.sh) with the request, each value quoted. */
function requestScript(ctx: ModuleContext, method: string, request: Request): string {
  const { args, check } = ctx;
  const follow = args.follow_redirects === 'all' || args.follow_redirects === 'yes' || (['safe', 'urllib2'].includes(String(args.follow_redirects)) && ['GET', 'HEAD'].includes(method));
  const headers = splitHeaders(request.headers, args);
  const common = [`request = ${curlQuote(method)}`, ...headers.redirected.map((header) => `header = ${curlQuote(header)}`), ...curlRequestConfig(args)];
  const dest = args.dest !== undefined;
  const flags = [
    args.creates !== undefined && 'creates',
    args.removes !== undefined && 'removes',
    follow && 'follow',
    args.validate_certs === false && 'insecure',
    ...credentialFlags(args),
    (request.body !== undefined || request.bodyFunction !== undefined) && 'body',
    dest && 'dest',
  ].filter(Boolean);
  const remoteSrc = args.src !== undefined && args.remote_src === true ? String(args.src) : '';
  const attributes = attributesFrom(args);
  const call = ['cx_uri_task', quote(String(args.url)), quote(flags.join(' ')), Number(args.timeout), MAX_CONTENT_BYTES, quote(String(args.creates ?? '')), quote(String(args.removes ?? '')), quote(remoteSrc), quote(String(args.dest ?? '')), quote(wantedStatuses(args).join(' ')), quote(chownFailureMessage(attributes))];
  return [
    REPORT_FUNCTIONS,
    FLAG_FUNCTIONS,
    CURL_FUNCTIONS,
    ...(dest ? [ATTRIBUTE_FUNCTIONS, attributesWanted(attributes, check), SELF_FUNCTIONS, TEMP_FILE_FUNCTIONS, DIRNAME_FUNCTION] : []),
    URI_FUNCTIONS,
    request.bodyFunction ?? (request.body === undefined ? '' : heredocBase64('cx_uri_body() { base64 -d', request.body, '; }')),
    `curl_common=${quote(common.join('\n'))} curl_credentials=${quote(curlCredentialConfig(args))} curl_unredirected=${quote(headers.unredirected.map((header) => `header = ${curlQuote(header)}`).join('\n'))}`,
    flushOnExit('cx_uri_cleanup'),
    "trap 'exit 143' TERM HUP INT",
    gssapiVariables(args),
    call.join(' '),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The statuses the task accepts (status_code). */
function wantedStatuses(args: Readonly<Record<string, unknown>>): number[] {
  return [args.status_code].flat().map(Number);
}

function responseResult(ctx: ModuleContext, report: Report<typeof RESPONSE_REPORT>, elapsed: number): ModuleResult {
  const { args } = ctx;
  const url = String(args.url);
  const wanted = wantedStatuses(args);
  const statusLine = (report.headers ?? '').split('\n')[0] ?? '';
  const headers = responseHeaders(report.headers ?? '');
  const status = report.status || -1;
  const content = (report.content ?? 'x').slice(0, -1);
  const out: ModuleResult = {
    changed: false,
    status,
    url: report.effective_url || url,
    redirected: (report.effective_url || url) !== url,
    elapsed,
    cookies: {},
    cookies_string: '',
    ...headers,
    // Python's urllib raises HTTPError for every status it does not follow past 2xx: its message is Ansible's.
    msg: status === -1 ? `Request failed: ${(report.curl_error ?? '').trim()}` : status < 300 ? `OK (${headers.content_length ?? 'unknown'} bytes)` : `HTTP Error ${statusLine.split(' ').slice(1).join(' ').replace(' ', ': ')}`,
  };
  const maybeJson = /json/i.test(String(headers.content_type ?? ''));
  if (maybeJson) {
    try {
      out.json = pythonJsonLoads(content);
    } catch {
      // not JSON after all: Ansible leaves json out too
    }
  }
  if (args.return_content === true) out.content = content;
  // An HTTPError's body stays in Ansible's result as `body` when nothing else read the content.
  else if (status >= 300 && !maybeJson && wanted.includes(status)) out.body = content;
  if (report.path !== undefined) Object.assign(out, withPathInfo({ path: report.path, changed: report.changed === true }, report));
  if (!wanted.includes(status)) {
    out.failed = true;
    out.msg = `Status code was ${status} and not [${wanted.join(', ')}]: ${String(out.msg)}`;
  }
  return out;
}

/** `Content-Type: x` becomes content_type, as Ansible names response headers. */
function responseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split('\n').slice(1)) {
    const separator = line.indexOf(':');
    if (separator <= 0) continue;
    const name = line.slice(0, separator).trim().toLowerCase().replace(/-/g, '_');
    if (['__proto__', 'constructor', 'prototype'].includes(name)) continue;
    headers[name] = line.slice(separator + 1).trim();
  }
  return headers;
}
