/**
 * The request options get_url and uri share (Ansible's url_argument_spec):
 * credentials, the User-Agent and whether the environment's proxy is used,
 * as lines of a curl config (curl reads them on its stdin with -K -, so the
 * password never shows in a process's arguments).
 */

/** The schema of the shared request options; the module adds the aliases of the credentials (they differ: uri's `user`, get_url's `username`). */
export const HTTP_REQUEST_SCHEMA = {
  url_username: { type: 'string' },
  url_password: { type: 'string' },
  force_basic_auth: { type: 'boolean', default: false },
  http_agent: { type: 'string', default: 'ansible-httpget' },
  use_proxy: { type: 'boolean', default: true },
} as const;

/** Arguments whose values are secrets (Ansible's no_log options): masked in everything the run shows. */
export const HTTP_SECRET_ARGS = ['url_password'] as const;

/**
 * The curl config lines for the task's options. As Ansible: without
 * force_basic_auth the credentials are sent only when the server asks
 * (a 401 naming Basic or Digest: curl's anyauth), and a username without a
 * password sends none; with it, Basic goes with the first request.
 */
export function curlRequestConfig(args: Readonly<Record<string, unknown>>): string[] {
  const lines = [`user-agent = ${curlQuote(String(args.http_agent ?? 'ansible-httpget'))}`];
  if (args.use_proxy === false) lines.push('noproxy = "*"');
  const credentials = credentialsOf(args);
  if (credentials !== undefined) lines.push(`user = ${curlQuote(credentials)}`, args.force_basic_auth === true ? 'basic' : 'anyauth');
  return lines;
}

/** `user:password` when the task sends credentials (wget, the download fallback, could only take them as arguments). */
export function credentialsOf(args: Readonly<Record<string, unknown>>): string | undefined {
  const username = args.url_username as string | undefined;
  const password = args.url_password as string | undefined;
  return username && (args.force_basic_auth === true || password !== undefined) ? `${username}:${password ?? ''}` : undefined;
}

/** The request option that holds a control character (a newline would add lines to curl's config), if one does. */
export function controlCharacterOption(args: Readonly<Record<string, unknown>>): string | undefined {
  return ['url_username', 'url_password', 'http_agent'].find((name) => /[\u0000-\u001f\u007f]/.test(String(args[name] ?? '')));
}

/** A value in a curl config file: double-quoted, with \ and " escaped. */
export function curlQuote(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
