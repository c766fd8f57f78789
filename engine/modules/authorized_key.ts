/**
 * authorized_key (ansible.posix): SSH public keys present in (or absent
 * from) a user's authorized_keys file, as ansible.posix's authorized_key
 * decides: keys are told apart by their base64 part, options and comment
 * compared as parsed, the file rewritten in its lines' order. One exec finds
 * and reads the file (engine/modules/sh/authorized_key.sh); a second writes
 * it, only on a change. Keys from a URL (a key starting with `http`) are
 * fetched on the host in the first exec, with curl (or wget), as the
 * module's fetch_url does: ansible-httpget's User-Agent, 10 s, redirects
 * followed, `validate_certs`; only a 200 is taken.
 */
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_FUNCTIONS, PATH_INFO_REPORT, withPathInfo } from './lib/file-attributes.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { DOWNLOAD_FUNCTIONS, FETCH_REQUEST } from './lib/download.js';
import { FLAG_FUNCTIONS } from './lib/flags.js';
import type { ModuleDef, ModuleResult } from './module.js';
import AUTHORIZED_KEY_SH from './sh/authorized_key.sh';
import REWRITE_SH from './sh/rewrite.sh';

const FUNCTIONS = `${REPORT_FUNCTIONS}${ATTRIBUTE_FUNCTIONS}${shellCode(REWRITE_SH)}${shellCode(AUTHORIZED_KEY_SH)}`;
const READ_REPORT = { ...PATH_INFO_REPORT, path: 'text', keyfile: 'text', after: 'text', content: 'text', source: 'text', done: 'flag' } as const;
const WRITE_REPORT = { ...PATH_INFO_REPORT, done: 'flag' } as const;
const KEY_TYPES = new Set([
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'webauthn-sk-ecdsa-sha2-nistp256@openssh.com',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp384-cert-v01@openssh.com',
  'ecdsa-sha2-nistp521',
  'ecdsa-sha2-nistp521-cert-v01@openssh.com',
  'sk-ssh-ed25519@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com',
  'ssh-ed25519',
  'ssh-ed25519-cert-v01@openssh.com',
  'ssh-dss',
  'ssh-rsa',
  'ssh-xmss@openssh.com',
  'ssh-xmss-cert-v01@openssh.com',
  'rsa-sha2-256',
  'rsa-sha2-512',
  'ssh-rsa-cert-v01@openssh.com',
  'rsa-sha2-256-cert-v01@openssh.com',
  'rsa-sha2-512-cert-v01@openssh.com',
  'ssh-dss-cert-v01@openssh.com',
]);

export const authorizedKeyModule: ModuleDef = {
  name: 'authorized_key',
  aliases: ['ansible.posix.authorized_key'],
  argsSchema: {
    type: 'object',
    properties: {
      user: { type: 'string' },
      key: { type: 'string' },
      path: { type: 'string' },
      manage_dir: { type: 'boolean', default: true },
      state: { enum: ['absent', 'present'], default: 'present' },
      key_options: { type: 'string' },
      exclusive: { type: 'boolean', default: false },
      comment: { type: 'string' },
      validate_certs: { type: 'boolean', default: true },
      follow: { type: 'boolean', default: false },
    },
    required: ['user', 'key'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const user = String(args.user);
    const path = args.path as string | undefined;
    const given = String(args.key);
    const fromUrl = given.startsWith('http');
    const source = given.startsWith('file') ? fileUrlPath(given) : '';
    const readCall = ['cx_ak_read', quote(user), quote(path ?? ''), String(ctx.check), String(args.follow), quote(source)];
    const attributes = path === undefined ? '' : `cx_ak_attributes ${quote(path)}\n`;
    const fetch = fromUrl ? fetchCode(given, args.validate_certs === false) : '';
    const read = await ctx.exec(`${FUNCTIONS}${fetch}${readCall.join(' ')}\n${attributes}cx_report done 1`);
    const report = readReport(read.stdout, READ_REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(read.rc, read.stderr);
    const keyfile = report.keyfile ?? '';
    const out: ModuleResult = { changed: false, user, key: given, path: report.path ?? null, manage_dir: args.manage_dir, state: args.state, key_options: args.key_options ?? null, exclusive: args.exclusive, validate_certs: args.validate_certs, comment: args.comment ?? null, follow: args.follow, keyfile };
    const before = report.content ?? '';
    const edit = editKeys(before, source || fromUrl ? (report.source ?? '') : given, args);
    if ('msg' in edit) return { changed: false, failed: true, msg: edit.msg };
    if (!edit.write) return withPathInfo(out, report);
    if (ctx.diff) out.diff = { before_header: keyfile, after_header: report.after ?? keyfile, before, after: edit.text };
    if (ctx.check) return withPathInfo({ ...out, changed: true }, report);
    const call = ['cx_ak_write', quote(user), quote(path ?? ''), String(args.manage_dir), String(args.follow), quote(edit.text)];
    const written = await ctx.exec(`${FUNCTIONS}${call.join(' ')}\n${attributes}cx_report done 1`);
    const writeReport = readReport(written.stdout, WRITE_REPORT);
    const writeFailure = reportedFailure(writeReport);
    if (writeFailure) return writeFailure;
    if (writeReport.done !== true) return scriptFailure(written.rc, written.stderr);
    return withPathInfo({ ...out, changed: true }, writeReport);
  },
};

/** The code that fetches the keys at `url` (cx_ak_fetch) with the request fetch_url makes for this module, which has no http_agent or timeout of its own. */
function fetchCode(url: string, insecure: boolean): string {
  const assignments = Object.entries(FETCH_REQUEST).map(([name, value]) => `${name}=${quote(value)}`);
  return [FLAG_FUNCTIONS, DOWNLOAD_FUNCTIONS, ...assignments, `cx_flags_set ${quote(insecure ? 'insecure' : '')}`, `cx_ak_fetch ${quote(url)}`, ''].join('\n');
}

/** A `file://` key's path (urlparse(key).path). */
function fileUrlPath(key: string): string {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/.exec(key);
  return match?.[1] || key;
}


type Options = [string, string | null][];

interface Key {
  /** The base64 part (the whole line for a comment or a line that is not a key). */
  id: string;
  /** The key type, or `skipped` for a line kept as it is. */
  type: string;
  options: Options;
  comment: string;
  rank: number;
}

/** ansible.posix's parsekey: options, type, key and comment of a line; a comment line is kept as it is; undefined when no key type is in it. */
function parseKey(raw: string, rank: number): Key | undefined {
  const line = raw.replace(/\\#/g, '#');
  const parts = line.split(/\s+/).filter(Boolean);
  if (parts[0] === '#') return { id: line, type: 'skipped', options: [], comment: '', rank };
  const at = parts.findIndex((part) => KEY_TYPES.has(part));
  if (at < 0) return undefined;
  return { id: parts[at + 1] ?? '', type: parts[at]!, options: parseOptions(parts.slice(0, at).join(' ')), comment: parts.slice(at + 2).join(' '), rank };
}

/** ansible.posix's parseoptions: comma-separated, commas in quotes kept; NAME=VALUE or a flag. */
function parseOptions(text: string): Options {
  const options: Options = [];
  for (const [part] of text.matchAll(/(?:[^,"']|"[^"]*"|'[^']*')+/g)) {
    const at = part.indexOf('=');
    options.push(at < 0 ? [part, null] : [part.slice(0, at), part.slice(at + 1)]);
  }
  return options;
}

/** Options compared as the module's keydict compares (each name's values in order; names in any order). */
function sameOptions(a: Options, b: Options): boolean {
  const grouped = (options: Options) => {
    const map = new Map<string, (string | null)[]>();
    for (const [name, value] of options) map.set(name, [...(map.get(name) ?? []), value]);
    return map;
  };
  const left = grouped(a);
  const right = grouped(b);
  return left.size === right.size && [...left].every(([name, values]) => JSON.stringify(right.get(name)) === JSON.stringify(values));
}

/** ansible.posix's enforce_state on the file's text: whether to write, and the new text. */
function editKeys(content: string, keys: string, args: Readonly<Record<string, unknown>>): { write: boolean; text: string } | { msg: string } {
  const existing = new Map<string, Key>();
  content.split(/(?<=\n)/).filter((line) => line !== '').forEach((line, rank) => {
    const key = parseKey(line, rank) ?? { id: line, type: 'skipped', options: [], comment: '', rank };
    existing.set(key.id, key);
  });
  const present = args.state === 'present';
  const keep = new Set<string>();
  const existingCount = existing.size;
  let write = false;
  const wanted = keys.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/).filter((line) => line && !line.startsWith('#'));
  for (const [rank, line] of wanted.entries()) {
    const parsed = parseKey(line, rank);
    if (!parsed) return { msg: `invalid key specified: ${line}` };
    if (args.key_options !== undefined) parsed.options = parseOptions(String(args.key_options));
    if (args.comment !== undefined) parsed.comment = String(args.comment);
    const old = existing.get(parsed.id);
    const differs = old !== undefined && (old.type !== parsed.type || old.comment !== parsed.comment || !sameOptions(old.options, parsed.options));
    const matched = old !== undefined && !(differs && present);
    if (!present) {
      if (matched) {
        existing.delete(parsed.id);
        write = true;
      }
      continue;
    }
    keep.add(parsed.id);
    if (old !== undefined && differs) {
      existing.delete(parsed.id);
      write = true;
    }
    if (!matched) {
      existing.set(parsed.id, { ...parsed, rank: existingCount + rank });
      write = true;
    }
  }
  if (present && args.exclusive === true) {
    for (const id of [...existing.keys()]) {
      if (keep.has(id)) continue;
      existing.delete(id);
      write = true;
    }
  }
  return { write, text: serialize([...existing.values()]) };
}

/** ansible.posix's serialize: the lines by rank; a key as `OPTIONS TYPE KEY COMMENT` (a space before an empty comment too). */
function serialize(keys: readonly Key[]): string {
  return [...keys]
    .sort((a, b) => a.rank - b.rank)
    .map((key) => {
      if (key.type === 'skipped') return key.id;
      const options = key.options.length === 0 ? '' : `${key.options.map(([name, value]) => (value === null ? name : `${name}=${value}`)).join(',')} `;
      return `${options}${key.type} ${key.id} ${key.comment}\n`;
    })
    .join('');
}
