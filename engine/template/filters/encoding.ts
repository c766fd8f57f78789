/** Encodings: JSON (Python's json.dumps layout), base64, URLs (Python's quoting and urlsplit), uuid5. */
import { createHash } from 'node:crypto';
import { TemplateError } from '../../errors.js';
import { pythonJson } from '../python-json.js';
import { type FilterTable, param, text } from './support.js';
import { pythonJsonLoads } from '../python-json-loads.js';

/** Ansible's namespace for to_uuid (plugins/filter/core.py). */
const ANSIBLE_UUID_NAMESPACE = '361e6d51-faec-444a-9079-341386da8e2e';

function uuid5(name: string, namespace: string): string {
  const hex = namespace.replace(/[{}-]/g, '').toLowerCase().replace(/^urn:uuid:/, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new TemplateError(`Invalid value '${namespace}' for 'namespace': badly formed hexadecimal UUID string`);
  const digest = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const out = digest.subarray(0, 16).toString('hex');
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/** Python's urllib.parse.quote: letters, digits, `_.-~` and the `safe` characters stay, the rest is %XX of UTF-8. */
function urlQuote(value: string, safe: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(char) || safe.includes(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const queryQuote = (value: unknown) => urlQuote(text(value), '').replace(/%20/g, '+');

/** Jinja's urlencode: a string quoted keeping '/', a dict or list of pairs as a query string. */
function urlencode(value: unknown): string {
  if (typeof value === 'string' || !value || typeof value !== 'object') return urlQuote(text(value), '/');
  const pairs = Array.isArray(value) ? (value as unknown[][]) : Object.entries(value);
  return pairs.map(([key, item]) => `${queryQuote(key)}=${queryQuote(item)}`).join('&');
}

function urldecode(value: string): string {
  const bytes: number[] = [];
  const plain = value.replace(/\+/g, ' ');
  for (let index = 0; index < plain.length; index += 1) {
    const hex = plain.slice(index + 1, index + 3);
    if (plain[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(plain[index]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Python's urlsplit, with the attributes Ansible's filter lists (sorted, as dir() gives them). */
function urlsplit(url: string): Record<string, unknown> {
  let rest = url;
  let scheme = '';
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end < 0 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end < 0 ? '' : rest.slice(end + 2);
  }
  const [beforeFragment, fragment = ''] = splitOnce(rest, '#');
  const [path, query = ''] = splitOnce(beforeFragment, '?');
  const at = netloc.lastIndexOf('@');
  const userinfo = at < 0 ? undefined : netloc.slice(0, at);
  const hostport = netloc.slice(at + 1);
  const [username, password] = userinfo === undefined ? [null, null] : userinfo.includes(':') ? splitOnce(userinfo, ':') : [userinfo, null];
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(hostport);
  const host = bracketed ? bracketed[1]! : hostport.split(':')[0]!;
  const portText = bracketed ? bracketed[2] : hostport.includes(':') ? hostport.slice(hostport.indexOf(':') + 1) : undefined;
  const port = portText === undefined || portText === '' ? null : Number(portText);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new TemplateError(`Port out of range 0-65535 in '${url}'`);
  return { fragment, hostname: host === '' ? null : host.toLowerCase(), netloc, password: password ?? null, path, port, query, scheme, username: username ?? null };
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + separator.length)];
}

function fromJson(value: unknown): unknown {
  try {
    return pythonJsonLoads(text(value));
  } catch (error) {
    throw new TemplateError(`from_json: ${(error as Error).message}`);
  }
}

const HTML_SAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', "'": '\\u0027' };

export const ENCODING_FILTERS: FilterTable = {
  to_json: (value, _args, kwargs) =>
    pythonJson(value, {
      indent: kwargs.indent as number | undefined,
      sortKeys: kwargs.sort_keys === true,
      ensureAscii: kwargs.ensure_ascii !== false,
      ...(Array.isArray(kwargs.separators) ? { itemSeparator: text(kwargs.separators[0]), keySeparator: text(kwargs.separators[1]) } : {}),
    }),
  to_nice_json: (value, args, kwargs) =>
    pythonJson(value, { indent: param(args, kwargs, 0, 'indent', 4), sortKeys: param(args, kwargs, 1, 'sort_keys', true) !== false, ensureAscii: kwargs.ensure_ascii !== false, itemSeparator: ',' }),
  from_json: fromJson,
  tojson: (value, args, kwargs) => pythonJson(value, { indent: param(args, kwargs, 0, 'indent'), sortKeys: true }).replace(/[<>&']/g, (char) => HTML_SAFE[char]!),
  b64encode: (value, args, kwargs) => Buffer.from(text(value), bufferEncoding(param(args, kwargs, 0, 'encoding', 'utf-8'))).toString('base64'),
  b64decode: (value, args, kwargs) => Buffer.from(text(value), 'base64').toString(bufferEncoding(param(args, kwargs, 0, 'encoding', 'utf-8'))),
  to_uuid: (value, args, kwargs) => uuid5(text(value), text(param(args, kwargs, 0, 'namespace', ANSIBLE_UUID_NAMESPACE))),
  urlencode: (value) => urlencode(value),
  urldecode: (value) => urldecode(text(value)),
  urlsplit: (value, args, kwargs) => {
    const parts = urlsplit(text(value));
    const query = param<string | undefined>(args, kwargs, 0, 'query');
    if (!query) return parts;
    if (!Object.prototype.hasOwnProperty.call(parts, query)) throw new TemplateError(`urlsplit: unknown URL component: ${query}`);
    return parts[query];
  },
};

function bufferEncoding(name: unknown): BufferEncoding {
  const normalized = text(name).toLowerCase().replace(/[-_]/g, '');
  const known: Record<string, BufferEncoding> = { utf8: 'utf8', utf16le: 'utf16le', latin1: 'latin1', ascii: 'ascii', iso88591: 'latin1' };
  const encoding = known[normalized];
  if (!encoding) throw new TemplateError(`unknown encoding '${text(name)}'`, { hint: 'use utf-8, utf-16-le, latin-1 or ascii' });
  return encoding;
}
