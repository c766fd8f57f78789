/**
 * assemble: a file made of the fragments in a directory (sorted by name,
 * optionally only those a regexp finds, a delimiter between them), as
 * Ansible 2.14's assemble makes it: from the host's directory (remote_src,
 * the default: one exec reads the fragments, engine/modules/sh/assemble.sh)
 * or from the controller's. The file is written as copy writes (validate,
 * backup, mode/owner/group), in one more exec. Like Ansible's, it does not
 * run in check mode.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { quote } from '../connection/quote.js';
import { pythonRegExp } from '../template/regex.js';
import { attributesFrom } from './lib/file-attributes.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { validationFailure } from './lib/text-edit.js';
import { writeFileDetailed } from './lib/write-file.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import ASSEMBLE_SH from './sh/assemble.sh';

const ASSEMBLE_FUNCTION = shellCode(ASSEMBLE_SH);

export const assembleModule: ModuleDef = {
  name: 'assemble',
  argumentAliases: FILE_COMMON_ALIASES,
  argsSchema: {
    type: 'object',
    properties: {
      src: { type: 'string' },
      dest: { type: 'string' },
      backup: { type: 'boolean', default: false },
      delimiter: { type: 'string' },
      remote_src: { type: 'boolean', default: true },
      regexp: { type: 'string' },
      ignore_hidden: { type: 'boolean', default: false },
      validate: { type: 'string' },
      decrypt: { type: 'boolean', default: true },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['src', 'dest'],
    additionalProperties: false,
  },
  checkMode: 'none',
  checkModeSkipMessage: 'check mode is not supported for this task.',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const remote = args.remote_src !== false;
    const fragments = remote ? await remoteFragments(ctx, String(args.src)) : localFragments(ctx);
    if (!Array.isArray(fragments)) return fragments;
    if (remote && args.validate !== undefined && !String(args.validate).includes('%s')) return { changed: false, failed: true, msg: `validate must contain %s: ${String(args.validate)}` };
    const content = assembled(args, fragments);
    const { result: written, validation } = await writeFileDetailed(ctx, {
      dest: String(args.dest),
      content,
      attributes: attributesFrom(args),
      force: true,
      backup: args.backup === true,
      validate: args.validate as string | undefined,
      sourceLabel: String(args.src),
    });
    if (written.failed) return validationFailure(written);
    // Ansible's result: copy's (the md5sum always, no path), with src; the module's says OK and how validation went.
    const { path: _path, diff, ...result } = written;
    const out: ModuleResult = { ...result, md5sum: createHash('md5').update(content).digest('hex'), src: String(args.src) };
    if (!remote) return diff === undefined ? out : { ...out, diff };
    return { ...out, msg: 'OK', ...(validation ? { validation } : {}) };
  },
};

interface Fragment {
  readonly name: string;
  readonly content: Buffer;
}

/** The regular files of the host's directory src, read in one exec. */
async function remoteFragments(ctx: ModuleContext, src: string): Promise<Fragment[] | ModuleResult> {
  const result = await ctx.exec(`${REPORT_FUNCTIONS}${ASSEMBLE_FUNCTION}cx_assemble_read ${quote(src)}\n`);
  const failure = reportedFailure(readReport(result.stdout, {}));
  if (failure) return failure;
  if (result.rc !== 0) return scriptFailure(result.rc, result.stderr);
  const fields = result.stdout.split('\0');
  const fragments: Fragment[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) fragments.push({ name: fields[index]!, content: Buffer.from(fields[index + 1]!, 'base64') });
  return fragments;
}

/** The regular files of the controller's directory src (looked up as copy's src; vault files decrypted unless decrypt is false). */
function localFragments(ctx: ModuleContext): Fragment[] | ModuleResult {
  const src = ctx.resolveSource(String(ctx.args.src), 'files');
  if (!statSync(src).isDirectory()) return { changed: false, failed: true, msg: `Source (${src}) is not a directory` };
  return readdirSync(src)
    .filter((name) => statSync(join(src, name), { throwIfNoEntry: false })?.isFile() === true)
    .map((name) => ({ name, content: ctx.args.decrypt === false ? readFileSync(join(src, name)) : ctx.readSource(join(src, name)) }));
}

/**
 * Ansible's assemble_from_fragments: the fragments in name order (those the
 * regexp finds, not hidden ones with ignore_hidden), a newline after one
 * that does not end with one, the delimiter (its escapes decoded, again at
 * each use as Ansible does, and a newline after it) between them.
 */
function assembled(args: ModuleContext['args'], fragments: readonly Fragment[]): Buffer {
  const regexp = args.regexp === undefined ? undefined : pythonRegExp(String(args.regexp), 'search');
  let delimiter: Buffer | undefined = args.delimiter === undefined || args.delimiter === '' ? undefined : Buffer.from(String(args.delimiter), 'utf8');
  const parts: Buffer[] = [];
  let first = true;
  let addNewline = false;
  for (const { name, content } of [...fragments].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (regexp && !regexp.test(name)) continue;
    if (args.ignore_hidden === true && name.startsWith('.')) continue;
    if (addNewline) parts.push(Buffer.from('\n'));
    if (!first && delimiter) {
      delimiter = escapeDecoded(delimiter);
      parts.push(delimiter);
      if (delimiter.at(-1) !== 0x0a) parts.push(Buffer.from('\n'));
    }
    parts.push(content);
    first = false;
    addNewline = !content.toString('latin1').endsWith('\n');
  }
  return Buffer.concat(parts);
}

/** Python's codecs.escape_decode: \n, \t, \\, \xhh, octal \ooo and the other C escapes; an unknown escape stays as written. */
function escapeDecoded(bytes: Buffer): Buffer {
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34 };
  const text = bytes.toString('latin1');
  const out: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char !== '\\' || next === undefined) {
      out.push(text.charCodeAt(index));
    } else if (next === '\n') {
      index += 1;
    } else if (simple[next] !== undefined) {
      out.push(simple[next]);
      index += 1;
    } else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(index + 2, index + 4))) {
      out.push(Number.parseInt(text.slice(index + 2, index + 4), 16));
      index += 3;
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(text.slice(index + 1))![0];
      out.push(Number.parseInt(digits, 8) & 0xff);
      index += digits.length;
    } else {
      out.push(92);
    }
  }
  return Buffer.from(out);
}
