/**
 * The request options get_url and uri share (Ansible's url_argument_spec):
 * credentials, the User-Agent and whether the environment's proxy is used,
 * as lines of a curl config (curl reads them on its stdin with -K -, so the
 * password never shows in a process's arguments).
 */

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
} as const;

/** The TLS options as curl config keys: the CA bundle (instead of the system's, as Ansible), the client certificate and key, the cipher list. */
const TLS_OPTIONS: Readonly<Record<string, string>> = { ca_path: 'cacert', client_cert: 'cert', client_key: 'key' };

/** Arguments whose values are secrets (Ansible's no_log options): masked in everything the run shows. */
export const HTTP_SECRET_ARGS = ['url_password'] as const;

/**
 * The curl config lines for the task's options. As Ansible: without
 * force_basic_auth the credentials are sent only when the server asks
 * (a 401 naming Basic or Digest: curl's anyauth), and a username without a
 * password sends none; with it, Basic goes with the first request.
 */
export function curlRequestConfig(args: Readonly<Record<string, unknown>>): string[] {
  const lines = [`user-agent = ${curlQuote(String(args.http_agent ?? DEFAULT_HTTP_AGENT))}`];
  if (args.use_proxy === false) lines.push('noproxy = "*"');
  for (const [name, key] of Object.entries(TLS_OPTIONS)) if (args[name]) lines.push(`${key} = ${curlQuote(String(args[name]))}`);
  const ciphers = (args.ciphers as string[] | undefined) ?? [];
  if (ciphers.length > 0) lines.push(`ciphers = ${curlQuote(ciphers.join(':'))}`);
  const credentials = credentialsOf(args);
  if (credentials !== undefined) lines.push(`user = ${curlQuote(credentials)}`, args.force_basic_auth === true ? 'basic' : 'anyauth');
  return lines;
}

/** What wget (get_url's fallback) cannot do for these options: empty when it can. */
export function needsCurl(args: Readonly<Record<string, unknown>>): string {
  const options = ['ca_path', 'client_cert', 'client_key', 'ciphers'].filter((name) => args[name] && String(args[name]) !== '');
  if (credentialsOf(args) !== undefined) options.unshift('url_username/url_password');
  return options.length === 0 ? '' : `${options.join(', ')} need curl on the host (cxplay's wget fallback would show a password in its arguments and takes no TLS options)`;
}

/** `user:password` when the task sends credentials. */
export function credentialsOf(args: Readonly<Record<string, unknown>>): string | undefined {
  const username = args.url_username as string | undefined;
  const password = args.url_password as string | undefined;
  return username && (args.force_basic_auth === true || password !== undefined) ? `${username}:${password ?? ''}` : undefined;
}

/** The request option that holds a control character (a newline would add lines to curl's config), if one does. */
export function controlCharacterOption(args: Readonly<Record<string, unknown>>): string | undefined {
  return ['url_username', 'url_password', 'http_agent', 'ca_path', 'client_cert', 'client_key', 'ciphers'].find((name) => /[\u0000-\u001f\u007f]/.test(String(args[name] ?? '')));
}

/** A value in a curl config file: double-quoted, with \ and " escaped. */
export function curlQuote(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
