/**
 * uri: an HTTP request made from the host with curl, in one exec, with
 * Ansible's result shape (status, url, redirected, msg, the response headers
 * as lower_case keys, json for JSON responses, content when asked) and its
 * failure when the status is not one of `status_code`. The URL, headers and
 * credentials go to curl on its stdin (-K -), never as arguments; the body
 * travels in the script as base64. Like Ansible's, uri is skipped in check mode.
 */
import { heredocBase64, quote } from '../connection/quote.js';
import { flushOnExit, readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './lib/report.js';
import { FLAG_FUNCTIONS } from './lib/flags.js';
import { shellCode } from './lib/shell-code.js';
import URI_SH from './sh/uri.sh';
import { unsupported, UNSUPPORTED_HTTP_OPTIONS } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { pythonJsonLoads } from '../template/python-json-loads.js';
import { controlCharacterOption, curlQuote, curlRequestConfig, HTTP_REQUEST_SCHEMA, HTTP_SECRET_ARGS } from './lib/http-request.js';

/** At most this much of a response body comes back. */
/** `cx_uri_task` (engine/modules/sh/uri.sh). */
const URI_FUNCTIONS = shellCode(URI_SH);
const MAX_CONTENT_BYTES = 4 * 1024 * 1024;

/** What the request script reports. */
const RESPONSE_REPORT = { skipped: 'text', status: 'number', effective_url: 'text', curl_error: 'text', headers: 'text', content: 'text' } as const;

const FILE_REASON = 'cxplay does not save the response to a file (use get_url)';

export const uriModule: ModuleDef = {
  name: 'uri',
  argumentAliases: { user: 'url_username', password: 'url_password' },
  secretArgs: HTTP_SECRET_ARGS,
  argsSchema: {
    type: 'object',
    properties: {
      url: { type: 'string' },
      method: { type: 'string', default: 'GET' },
      body: {},
      body_format: { enum: ['raw', 'json', 'form-urlencoded'], default: 'raw' },
      headers: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, default: {} },
      status_code: { type: ['array', 'integer'], items: { type: 'integer' }, default: [200] },
      return_content: { type: 'boolean', default: false },
      validate_certs: { type: 'boolean', default: true },
      timeout: { type: 'integer', default: 30 },
      follow_redirects: { enum: ['all', 'no', 'none', 'safe', 'urllib2', 'yes'], default: 'safe' },
      ...HTTP_REQUEST_SCHEMA,
      creates: { type: 'string' },
      removes: { type: 'string' },
      ...UNSUPPORTED_HTTP_OPTIONS,
      ca_path: { type: 'string' },
      unix_socket: unsupported('cxplay requests over TCP only'),
      dest: unsupported(FILE_REASON),
      force: unsupported(FILE_REASON, [false]),
      src: unsupported('cxplay sends no file as the body (give it in body, with a file lookup)'),
      remote_src: unsupported('cxplay sends no file as the body (give it in body, with a file lookup)', [false]),
      mode: unsupported(FILE_REASON),
      owner: unsupported(FILE_REASON),
      group: unsupported(FILE_REASON),
      unsafe_writes: unsupported(FILE_REASON, [false]),
      attributes: unsupported(FILE_REASON),
      attr: unsupported(FILE_REASON),
      seuser: unsupported(FILE_REASON),
      serole: unsupported(FILE_REASON),
      setype: unsupported(FILE_REASON),
      selevel: unsupported(FILE_REASON),
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
    const request = requestOf(args);
    if (/[\u0000-\u001f\u007f]/.test([String(args.url), ...request.headers].join('')) || controlCharacterOption(args)) {
      return { changed: false, failed: true, msg: 'url, headers and credentials must not contain control characters (a newline?)' };
    }
    const started = Date.now();
    const result = await ctx.exec(requestScript(ctx, method, request));
    const report = readReport(result.stdout, RESPONSE_REPORT);
    const elapsed = Math.floor((Date.now() - started) / 1000);
    if (report.skipped) return { changed: false, stdout: report.skipped };
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.status === undefined) return scriptFailure(result.rc, result.stderr);
    return responseResult(ctx, report, elapsed);
  },
};

interface Request {
  readonly headers: string[];
  readonly body: string | undefined;
}

/** Headers and body as Ansible builds them for each body_format. */
function requestOf(args: Readonly<Record<string, unknown>>): Request {
  const headers = Object.entries(args.headers as Record<string, unknown>).map(([name, value]) => `${name}: ${String(value)}`);
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
  }
  return { headers, body };
}

/** The script: cx_uri_task (engine/modules/sh/uri.sh) with the request, each value quoted. */
function requestScript(ctx: ModuleContext, method: string, request: Request): string {
  const { args } = ctx;
  const follow = args.follow_redirects === 'all' || args.follow_redirects === 'yes' || (['safe', 'urllib2'].includes(String(args.follow_redirects)) && ['GET', 'HEAD'].includes(method));
  const config = [
    `request = ${curlQuote(method)}`,
    ...request.headers.map((header) => `header = ${curlQuote(header)}`),
    ...curlRequestConfig(args),
  ].join('\n');
  const flags = [args.creates !== undefined && 'creates', args.removes !== undefined && 'removes', follow && 'follow', args.validate_certs === false && 'insecure', request.body !== undefined && 'body'].filter(Boolean);
  const call = ['cx_uri_task', quote(String(args.url)), quote(config), quote(flags.join(' ')), Number(args.timeout), MAX_CONTENT_BYTES, quote(String(args.creates ?? '')), quote(String(args.removes ?? ''))];
  return [
    REPORT_FUNCTIONS,
    FLAG_FUNCTIONS,
    URI_FUNCTIONS,
    request.body === undefined ? '' : heredocBase64('cx_uri_body() { base64 -d', request.body, '; }'),
    flushOnExit('cx_uri_cleanup'),
    "trap 'exit 143' TERM HUP INT",
    call.join(' '),
  ]
    .filter(Boolean)
    .join('\n');
}

function responseResult(ctx: ModuleContext, report: Report<typeof RESPONSE_REPORT>, elapsed: number): ModuleResult {
  const { args } = ctx;
  const url = String(args.url);
  const wanted = [args.status_code].flat().map(Number);
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
    msg: status === -1 ? `Request failed: ${(report.curl_error ?? '').trim()}` : status < 400 ? `OK (${headers.content_length ?? 'unknown'} bytes)` : `HTTP Error ${statusLine.split(' ').slice(1).join(' ').replace(' ', ': ')}`,
  };
  if (/json/i.test(String(headers.content_type ?? ''))) {
    try {
      out.json = pythonJsonLoads(content);
    } catch {
      // not JSON after all: Ansible leaves json out too
    }
  }
  if (args.return_content === true) out.content = content;
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
