/**
 * The request options get_url and uri share (Ansible's url_argument_spec):
 * credentials, the User-Agent, whether the environment's proxy and ~/.netrc
 * are used, the headers a redirect leaves out, as lines of a curl config
 * (curl reads them on its stdin with -K -, so the password never shows in a
 * process's arguments) for cx_curl (engine/modules/sh/curl.sh), or Kerberos
 * (use_gssapi) in their place.
 */
import { quote } from '../../connection/quote.js';

/** The User-Agent Ansible sends when a task names none (url_argument_spec's http_agent default). */
export const DEFAULT_HTTP_AGENT = 'ansible-httpget';

/** The schema of the shared request options; the module adds the aliases of the credentials (they differ: uri's `user`, get_url's `username`) and uri its ca_path. */
export const HTTP_REQUEST_SCHEMA = {
  url_username: { type: 'string' },
  url_password: { type: 'string' },
  force_basic_auth: { type: 'boolean', default: false },
  http_agent: { type: 'string', default: DEFAULT_HTTP_AGENT },
  use_proxy: { type: 'boolean', default: true },
  client_cert: { type: 'string' },
  client_key: { type: 'string' },
  ciphers: { type: 'array', items: { type: 'string' } },
  // Ansible gunzips a gzip body the server sends unasked (false: keeps it); curl asks for none and gunzips none.
  decompress: { type: 'boolean', default: true },
  // The headers sent with the first request only, not after a redirect (names, any case).
  unredirected_headers: { type: 'array', items: { type: 'string' }, default: [] },
  // Without a url_username, the credentials ~/.netrc (or $NETRC) has for the host, sent with the first request.
  use_netrc: { type: 'boolean', default: true },
  // SPNEGO (Kerberos) answering a 401 that asks for it, instead of Basic/Digest, force_basic_auth and ~/.netrc (Ansible's HTTPGSSAPIAuthHandler).
  use_gssapi: { type: 'boolean', default: false },
} as const;

/** The path options as curl config keys: the CA bundle (instead of the system's, as Ansible), the client certificate and key, uri's unix socket. */
const PATH_OPTIONS: Readonly<Record<string, string>> = { ca_path: 'cacert', client_cert: 'cert', client_key: 'key', unix_socket: 'unix-socket' };

/** Arguments whose values are secrets (Ansible's no_log options): masked in everything the run shows. */
export const HTTP_SECRET_ARGS = ['url_password'] as const;

/** The curl config lines for the task's options other than the credentials and headers. */
export function curlRequestConfig(args: Readonly<Record<string, unknown>>): string[] {
  const lines = [`user-agent = ${curlQuote(String(args.http_agent ?? DEFAULT_HTTP_AGENT))}`];
  if (args.use_proxy === false) lines.push('noproxy = "*"');
  for (const [name, key] of Object.entries(PATH_OPTIONS)) if (args[name]) lines.push(`${key} = ${curlQuote(String(args[name]))}`);
  const ciphers = (args.ciphers as string[] | undefined) ?? [];
  if (ciphers.length > 0) lines.push(`ciphers = ${curlQuote(ciphers.join(':'))}`);
  return lines;
}

/**
 * The curl config lines of the task's credentials (cx_curl's
 * curl_credentials). As Ansible: without force_basic_auth they are sent only
 * when the server asks (a 401 naming Basic or Digest: curl's anyauth), and a
 * username without a password sends none; with it, Basic goes with the
 * first request.
 */
export function curlCredentialConfig(args: Readonly<Record<string, unknown>>): string {
  if (args.use_gssapi === true) return '';
  const credentials = credentialsOf(args);
  return credentials === undefined ? '' : `user = ${curlQuote(credentials)}\n${args.force_basic_auth === true ? 'basic' : 'anyauth'}`;
}

/** The task's `Name: value` header lines, those a redirect keeps and those only the first request carries (unredirected_headers). */
export function splitHeaders(lines: readonly string[], args: Readonly<Record<string, unknown>>): { redirected: string[]; unredirected: string[] } {
  const names = new Set(((args.unredirected_headers as string[] | undefined) ?? []).map((name) => name.toLowerCase()));
  const only = (line: string) => names.has(line.slice(0, line.indexOf(':')).trim().toLowerCase());
  return { redirected: lines.filter((line) => !only(line)), unredirected: lines.filter(only) };
}

/** cx_curl's flag netrc: Ansible reads ~/.netrc (or $NETRC) when use_netrc is on and the task names no user nor Kerberos. */
function readsNetrc(args: Readonly<Record<string, unknown>>): boolean {
  return args.use_netrc !== false && !args.url_username && args.use_gssapi !== true;
}

/** cx_curl's flags for the task's credentials: netrc, gssapi. */
export function credentialFlags(args: Readonly<Record<string, unknown>>): string[] {
  return [readsNetrc(args) && 'netrc', args.use_gssapi === true && 'gssapi'].filter((flag): flag is string => typeof flag === 'string');
}

/**
 * The shell variables of use_gssapi's login (curl_gss_user, curl_gss_password: kinit gets a
 * ticket with them, as Ansible acquires one when both are given); empty without.
 */
export function gssapiVariables(args: Readonly<Record<string, unknown>>): string {
  const user = String(args.url_username ?? '');
  const password = String(args.url_password ?? '');
  return args.use_gssapi === true && user !== '' && password !== '' ? `curl_gss_user=${quote(user)} curl_gss_password=${quote(password)}` : '';
}

/** What wget (get_url's fallback) cannot do for these options: empty when it can. */
export function needsCurl(args: Readonly<Record<string, unknown>>): string {
  const options = ['ca_path', 'client_cert', 'client_key', 'ciphers', 'unredirected_headers', 'use_gssapi'].filter((name) => args[name] && String(args[name]) !== '');
  if (credentialsOf(args) !== undefined) options.unshift('url_username/url_password');
  return options.length === 0 ? '' : `${options.join(', ')} need curl on the host (cxplay's wget fallback would show a password in its arguments, takes no TLS options and sends its headers after a redirect)`;
}

/** `user:password` when the task sends credentials. */
export function credentialsOf(args: Readonly<Record<string, unknown>>): string | undefined {
  const username = args.url_username as string | undefined;
  const password = args.url_password as string | undefined;
  return username && (args.force_basic_auth === true || password !== undefined) ? `${username}:${password ?? ''}` : undefined;
}

/**
 * What cxplay does not do with use_gssapi: unredirected_headers (its second
 * request, the token's, would have to follow redirects without them, which
 * cx_curl_gssapi does not); undefined when the task has none.
 */
export function gssapiConflict(args: Readonly<Record<string, unknown>>): string | undefined {
  const unredirected = (args.unredirected_headers as readonly string[] | undefined) ?? [];
  return args.use_gssapi === true && unredirected.length > 0 ? 'use_gssapi with unredirected_headers is not supported by cxplay: leave one of them out' : undefined;
}

/** The request option (or uri's src, read by curl) that holds a control character (a newline would add lines to curl's config), if one does. */
export function controlCharacterOption(args: Readonly<Record<string, unknown>>): string | undefined {
  return ['url_username', 'url_password', 'http_agent', 'ca_path', 'client_cert', 'client_key', 'ciphers', 'unix_socket', 'src'].find((name) => /[\u0000-\u001f\u007f]/.test(String(args[name] ?? '')));
}

/** A value in a curl config file: double-quoted, with \ and " escaped. */
export function curlQuote(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
