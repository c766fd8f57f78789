/**
 * known_hosts: a host's key present in (or its keys absent from) a
 * known_hosts file, as Ansible 2.14's known_hosts decides: ssh-keygen -F
 * finds the host's entries, an entry of the same key type is replaced, and
 * hash_host writes the host hashed as ssh-keygen -H would. One exec reads
 * (engine/modules/sh/known_hosts.sh); a second writes, only on a change.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, withPathInfo } from './lib/file-attributes.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { SYSTEM_FUNCTIONS } from './lib/system-run.js';
import type { FileDiff, ModuleDef, ModuleResult } from './module.js';
import KNOWN_HOSTS_SH from './sh/known_hosts.sh';
import REWRITE_SH from './sh/rewrite.sh';

const FUNCTIONS = `${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${ATTRIBUTE_FUNCTIONS}${shellCode(REWRITE_SH)}${shellCode(KNOWN_HOSTS_SH)}`;
const READ_REPORT = { ...ATTRIBUTE_REPORT, path: 'text', exists: 'flag', content: 'text', rc: 'number', stdout: 'text', stderr: 'text', done: 'flag' } as const;
const WRITE_REPORT = { ...ATTRIBUTE_REPORT, done: 'flag' } as const;

export const knownHostsModule: ModuleDef = {
  name: 'known_hosts',
  argumentAliases: { host: 'name' },
  // Ansible returns its params: host too, when the task gives it.
  echoedAliases: ['host'],
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      host: { type: 'string' },
      key: { type: 'string' },
      path: { type: 'string', default: '~/.ssh/known_hosts' },
      hash_host: { type: 'boolean', default: false },
      state: { enum: ['absent', 'present'], default: 'present' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const name = String(ctx.args.name);
    const host = name.toLowerCase();
    const state = String(ctx.args.state);
    const given = ctx.args.key as string | undefined;
    if (!given && state !== 'absent') return { changed: false, failed: true, msg: 'No key specified when adding a host' };
    if (given && /\S+(\s+)?,(\s+)?/.test(host)) return { changed: false, failed: true, msg: 'Comma separated list of names is not supported. Please pass a single name to lookup in the known_hosts file.' };
    let key = given ? (ctx.args.hash_host === true ? hashedHost(host, given) : given) : '';
    if (key && !key.endsWith('\n')) key += '\n';
    const read = await ctx.exec(`${FUNCTIONS}cx_kh_read ${quote(host)} ${quote(key)} ${quote(String(ctx.args.path))}\ncx_report done 1`);
    const report = readReport(read.stdout, READ_REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(read.rc, read.stderr);
    const path = report.path ?? '';
    const search = searchHost(report, key);
    if ('msg' in search) return { changed: false, failed: true, msg: search.msg };
    const diff = computeDiff(path, report.exists === true ? (report.content ?? '') : undefined, search, state, key);
    const alias = ctx.args.host === undefined ? {} : { host: ctx.args.host };
    const out: ModuleResult = { changed: false, name, ...alias, key: given ?? null, path, hash_host: ctx.args.hash_host, state, diff };
    if (state === 'absent' && search.line === undefined && key) return withPathInfo(out, report);
    const rewrite = search.replace || search.found !== (state === 'present');
    if (ctx.check) return { changed: rewrite, diff };
    const removeAll = search.found && !key && state === 'absent';
    if (!removeAll && !rewrite) return withPathInfo(out, report);
    const skip = search.line !== undefined && (search.replace || state === 'absent') ? search.line : 0;
    const call = ['cx_kh_write', quote(path), quote(removeAll ? host : ''), String(skip), quote(state === 'present' ? key : '')];
    const written = await ctx.exec(`${FUNCTIONS}${call.join(' ')}\ncx_report done 1`);
    const writeReport = readReport(written.stdout, WRITE_REPORT);
    const writeFailure = reportedFailure(writeReport);
    if (writeFailure) return writeFailure;
    if (writeReport.done !== true) return scriptFailure(written.rc, written.stderr);
    return withPathInfo({ ...out, changed: true }, writeReport);
  },
};


interface Search {
  /** The host has an entry in the file. */
  found: boolean;
  /** The file's entry of the key's type differs from the key (or none of the entries is the key). */
  replace: boolean;
  /** The line (from 1) of the entry of the key's type. */
  line?: number;
}

/** Ansible's search_for_host_key, from what ssh-keygen -F printed. */
function searchHost(report: { exists?: boolean; rc?: number; stdout?: string; stderr?: string }, key: string): Search | { msg: string } {
  if (report.exists !== true) return { found: false, replace: false };
  const { rc = 0, stdout = '', stderr = '' } = report;
  if (stdout === '' && stderr === '' && (rc === 0 || rc === 1)) return { found: false, replace: false };
  if (rc !== 0) return { msg: `ssh-keygen failed (rc=${rc}, stdout='${stdout}',stderr='${stderr}')` };
  if (!key) return { found: true, replace: false };
  const wanted = entryFields(key);
  let line: number | undefined;
  for (const text of stdout.split('\n')) {
    if (text === '') continue;
    if (text.startsWith('#')) {
      const number = /found: line (\d+)/.exec(text);
      if (number) line = Number(number[1]);
      continue;
    }
    const found = entryFields(text);
    // A host already hashed keeps its hash.
    const host = wanted.host.startsWith('|1|') && found.host.startsWith('|1|') ? found.host : wanted.host;
    const same = host === found.host && wanted.type === found.type && wanted.key === found.key && wanted.marker === found.marker;
    if (same) return { found: true, replace: false, ...(line === undefined ? {} : { line }) };
    if (wanted.type === found.type) return { found: true, replace: true, ...(line === undefined ? {} : { line }) };
  }
  return { found: true, replace: true };
}

/** An entry's fields (the @cert-authority/@revoked marker, host, type, key), the comment left out. */
function entryFields(entry: string): { marker: string; host: string; type: string; key: string } {
  const words = entry.trim().split(/\s+/);
  const marker = words[0]?.startsWith('@') ? words.shift()! : '';
  return { marker, host: words[0] ?? '', type: words[1] ?? '', key: words[2] ?? '' };
}

/** The key with its host field hashed, as ssh-keygen -H writes it: |1|SALT|HMAC-SHA1(SALT, HOST). */
function hashedHost(host: string, key: string): string {
  const salt = randomBytes(20);
  const words = key.trim().split(/\s+/);
  const at = words[0]?.startsWith('@') ? 1 : 0;
  words[at] = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(host).digest('base64')}`;
  return words.join(' ');
}

/** Ansible's compute_diff: the file before, and after without the replaced line and with the key. */
function computeDiff(path: string, before: string | undefined, search: Search, state: string, key: string): FileDiff {
  const lines = (before ?? '').split(/(?<=\n)/).filter((line) => line !== '');
  if ((search.replace || state === 'absent') && search.line !== undefined && search.line >= 1 && search.line <= lines.length) lines.splice(search.line - 1, 1);
  if (state === 'present' && (search.replace || search.line === undefined)) lines.push(key);
  return { before: before ?? '', after: lines.join(''), before_header: before === undefined ? '/dev/null' : path, after_header: path };
}
