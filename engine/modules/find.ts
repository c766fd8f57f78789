/**
 * find: the files, directories or links under some paths that match names
 * (globs or Python regexps), age, size and content, as Ansible 2.14's find
 * picks them, each described as Ansible's statinfo does. One exec lists and
 * stats everything under the paths (engine/modules/sh/find.sh); the picking
 * is done here, walking the entries in os.walk's order; a second exec reads
 * the candidates' content (contains) or checksums (get_checksum) only when
 * the task asks for them.
 */
import { posix } from 'node:path';
import { quote } from '../connection/quote.js';
import { fnmatch } from '../template/lookups/files.js';
import { pythonRegExp } from '../template/regex.js';
import { REPORT_FUNCTIONS, scriptFailure } from './lib/report.js';
import { shellParts } from './lib/shell-code.js';
import type { ModuleContext, ModuleDef } from './module.js';
import FIND_SH from './sh/find.sh';
import { modeFacts, permissionFacts } from './stat.js';

const FIND_FUNCTIONS = shellParts(FIND_SH).common!;

/** stat(1)'s fields for an entry, its path last (cx_find_task's S records). */
const STAT_FORMAT = 'S%f %u %g %s %i %d %h %.9X %.9Y %.9Z %U %G %n\\0';

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const BYTES_PER_UNIT: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

export const findFilesModule: ModuleDef = {
  name: 'find',
  // In Ansible's order: given with its argument, the alias given last here wins.
  argumentAliases: { name: 'paths', path: 'paths', pattern: 'patterns', exclude: 'excludes' },
  argsSchema: {
    type: 'object',
    properties: {
      paths: { type: 'array', items: { type: 'string' } },
      patterns: { type: 'array', items: { type: 'string' } },
      excludes: { type: 'array', items: { type: 'string' } },
      contains: { type: 'string' },
      read_whole_file: { type: 'boolean', default: false },
      file_type: { enum: ['any', 'directory', 'file', 'link'], default: 'file' },
      age: { type: ['string', 'integer'] },
      age_stamp: { enum: ['atime', 'ctime', 'mtime'], default: 'mtime' },
      size: { type: ['string', 'integer'] },
      recurse: { type: 'boolean', default: false },
      hidden: { type: 'boolean', default: false },
      follow: { type: 'boolean', default: false },
      get_checksum: { type: 'boolean', default: false },
      use_regex: { type: 'boolean', default: false },
      depth: { type: 'integer' },
    },
    required: ['paths'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  speculative: true,
  async run(ctx) {
    const { args } = ctx;
    const age = amount(args.age, /^(-?\d+)(s|m|h|d|w)?$/, SECONDS_PER_UNIT);
    if (age === null) return { changed: false, failed: true, age: String(args.age), msg: 'failed to process age' };
    const size = amount(args.size, /^(-?\d+)(b|k|m|g|t)?$/, BYTES_PER_UNIT);
    if (size === null) return { changed: false, failed: true, size: String(args.size), msg: 'failed to process size' };
    const paths = args.paths as string[];
    const listing = await ctx.exec(listScript(args, paths));
    const walked = parseListing(listing.stdout);
    if (walked.now === undefined) return scriptFailure(listing.rc, listing.stderr);
    const picker = pickerOf(args, walked.now, age, size);
    const candidates: Candidate[] = [];
    const skipped: Record<string, string> = {};
    const warnings: string[] = [];
    let examined = 0;
    for (const tree of walked.trees) {
      if (tree.skipped !== undefined) {
        skipped[tree.path] = tree.skipped;
        warnings.push(`Skipped '${tree.path}' path due to this access issue: ${tree.skipped}\n`);
        continue;
      }
      examined += walkInOrder(tree, args.recurse === true, (entry) => {
        const picked = picker(entry);
        if (picked) candidates.push(picked);
      });
    }
    const files = await withContentChecks(ctx, candidates);
    const msg = warnings.length > 0 ? 'Not all paths examined, check warnings for details' : 'All paths examined';
    // Shown, and kept in the registered result after the arguments' warnings (task-executor.ts).
    for (const warning of warnings) ctx.warn(warning);
    return { changed: false, files, msg, matched: files.length, examined, skipped_paths: skipped };
  },
};

/** age or size in seconds or bytes (undefined: not given; null: not understood). */
function amount(value: unknown, pattern: RegExp, units: Record<string, number>): number | undefined | null {
  if (value === undefined) return undefined;
  const match = pattern.exec(String(value).toLowerCase());
  return match ? Number(match[1]) * (units[match[2] ?? ''] ?? 1) : null;
}

/** The listing exec: the host's time, then cx_find_task over the paths. */
function listScript(args: ModuleContext['args'], paths: readonly string[]): string {
  const depth = args.recurse !== true ? '1' : typeof args.depth === 'number' && args.depth !== 0 ? String(args.depth + 1) : '';
  const call = ['cx_find_task', String(args.follow === true), quote(depth), quote(STAT_FORMAT), ...paths.map(quote)];
  return `${FIND_FUNCTIONS}printf 'T%s\\0' "$(date +%s.%N)"\n${call.join(' ')}\n`;
}

interface Entry {
  /** Its name in its directory. */
  readonly name: string;
  /** Path relative to the searched path. */
  readonly relative: string;
  /** Python's normpath of the path under the searched one. */
  readonly path: string;
  /** os.walk puts it among the directories (a directory, or a link to one). */
  readonly walkedAsDirectory: boolean;
  /** Its lstat, as stat(1) printed it (`hexmode uid gid size inode dev nlink atime mtime ctime owner group`). */
  readonly stat: string[] | undefined;
}

interface Tree {
  readonly path: string;
  readonly skipped?: string;
  /** Entries by the relative path of their directory ('' for the searched path itself). */
  readonly children: Map<string, Entry[]>;
}

/** cx_find_task's records: the host's time and, for each path, its entries grouped by directory. */
function parseListing(stdout: string): { now: number | undefined; trees: Tree[] } {
  const records = stdout.split('\0');
  const trees: Tree[] = [];
  const stats = new Map<string, string[]>();
  const pending: Array<{ tree: Tree; entry: Omit<Entry, 'stat'>; fullPath: string }> = [];
  let now: number | undefined;
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index]!;
    const kind = record[0];
    const value = record.slice(1);
    if (kind === 'T') now = pythonTime(value);
    else if (kind === '@') trees.push({ path: value, children: new Map() });
    else if (kind === '!') trees.push({ ...trees.pop()!, skipped: value });
    else if (kind === 'S') {
      const fields = value.split(' ');
      stats.set(fields.slice(12).join(' '), fields.slice(0, 12));
    } else if (kind === 'E') {
      const fullPath = records[index + 1]!;
      const relative = records[index + 2]!;
      index += 2;
      const tree = trees.at(-1)!;
      pending.push({ tree, fullPath, entry: { name: posix.basename(relative), relative, path: pythonNormpath(`${tree.path}/${relative}`), walkedAsDirectory: value === 'd' } });
    }
  }
  for (const { tree, entry, fullPath } of pending) {
    const parent = posix.dirname(entry.relative);
    const key = parent === '.' ? '' : parent;
    tree.children.set(key, [...(tree.children.get(key) ?? []), { ...entry, stat: stats.get(fullPath) }]);
  }
  return { now, trees };
}

/**
 * Calls `visit` for each entry as os.walk gives them (in each directory its
 * files, then its directories, then each directory's own, top down); returns
 * how many entries the walk looked at.
 */
function walkInOrder(tree: Tree, recurse: boolean, visit: (entry: Entry) => void): number {
  let looked = 0;
  const walk = (directory: string) => {
    const entries = tree.children.get(directory) ?? [];
    const directories = entries.filter((entry) => entry.walkedAsDirectory);
    looked += entries.length;
    for (const entry of [...entries.filter((entry) => !entry.walkedAsDirectory), ...directories]) visit(entry);
    if (recurse) for (const entry of directories) walk(entry.relative);
  };
  walk('');
  return looked;
}

/** `contains`: matched at each line's start, or searched in the whole text (read_whole_file). */
interface ContentTest {
  readonly regex: RegExp;
  readonly wholeFile: boolean;
}

interface Candidate {
  readonly facts: Record<string, unknown>;
  /** Only when its content decides (contains). */
  readonly contains?: ContentTest | undefined;
  readonly checksum: boolean;
}

/** The test Ansible's find applies to each entry: the candidate result for one it picks. */
function pickerOf(args: ModuleContext['args'], now: number, age: number | undefined, size: number | undefined): (entry: Entry) => Candidate | undefined {
  const useRegex = args.use_regex === true;
  const given = args.patterns as string[] | undefined;
  const patterns = given && given.length > 0 ? given : [useRegex ? '.*' : '*'];
  const excludes = args.excludes as string[] | undefined;
  const matcher = (pattern: string) => (useRegex ? pythonRegExp(pattern, 'match') : fnmatch(pattern));
  const named = (name: string) => patterns.some((pattern) => matcher(pattern).test(name)) && !(excludes ?? []).some((pattern) => matcher(pattern).test(name));
  const stamp = ['atime', 'mtime', 'ctime'].indexOf(String(args.age_stamp)) + 7;
  const old = (stat: string[]) => age === undefined || (age >= 0 ? now - pythonTime(stat[stamp]!) >= Math.abs(age) : now - pythonTime(stat[stamp]!) <= Math.abs(age));
  const sized = (stat: string[]) => size === undefined || (size >= 0 ? Number(stat[3]) >= Math.abs(size) : Number(stat[3]) <= Math.abs(size));
  const fileType = String(args.file_type);
  const wholeFile = args.read_whole_file === true;
  const contains = args.contains === undefined ? undefined : { regex: pythonRegExp(String(args.contains), wholeFile ? 'search' : 'match'), wholeFile };
  const depth = args.recurse === true && typeof args.depth === 'number' && args.depth !== 0 ? args.depth : undefined;
  return (entry) => {
    // The walk lists one level deeper than depth (Ansible counts it as examined), but picks none of it.
    if (depth !== undefined && entry.relative.split('/').length > depth) return undefined;
    if (posix.basename(entry.path).startsWith('.') && args.hidden !== true) return undefined;
    const { stat } = entry;
    if (!stat) return undefined;
    const type = Number.parseInt(stat[0]!, 16) & 0o170000;
    const regular = type === 0o100000;
    const wanted = fileType === 'any' || (fileType === 'directory' && type === 0o040000) || (fileType === 'file' && regular) || (fileType === 'link' && type === 0o120000);
    if (!wanted || !named(entry.name) || !old(stat)) return undefined;
    if (regular && (fileType === 'any' || fileType === 'file') && !sized(stat)) return undefined;
    const checksum = regular && args.get_checksum === true && fileType !== 'directory' && fileType !== 'link';
    return { facts: statInfo(entry.path, stat), contains: fileType === 'file' ? contains : undefined, checksum };
  };
}

/** Ansible's statinfo of an entry, with its path. */
function statInfo(path: string, stat: string[]): Record<string, unknown> {
  const [hexMode, uid, gid, size, inode, dev, nlink, atime, mtime, ctime, owner, group] = stat;
  return {
    path,
    ...modeFacts(hexMode!),
    uid: Number(uid),
    gid: Number(gid),
    size: Number(size),
    inode: Number(inode),
    dev: Number(dev),
    nlink: Number(nlink),
    atime: pythonTime(atime!),
    mtime: pythonTime(mtime!),
    ctime: pythonTime(ctime!),
    // stat(1) prints UNKNOWN for an id without a name; Python's lookup fails and leaves "".
    gr_name: group === 'UNKNOWN' ? '' : group,
    pw_name: owner === 'UNKNOWN' ? '' : owner,
    ...permissionFacts(hexMode!),
  };
}

/** The candidates that pass `contains`, with their checksums: a second exec, only when one needs it. */
async function withContentChecks(ctx: ModuleContext, candidates: readonly Candidate[]): Promise<Record<string, unknown>[]> {
  const reading = candidates.filter((candidate) => candidate.contains !== undefined || candidate.checksum);
  if (reading.length === 0) return candidates.map((candidate) => candidate.facts);
  const wantContent = reading.some((candidate) => candidate.contains !== undefined);
  const wantSum = reading.some((candidate) => candidate.checksum);
  const call = ['cx_find_read', String(wantSum), String(wantContent), ...reading.map((candidate) => quote(String(candidate.facts.path)))];
  const result = await ctx.exec(`${REPORT_FUNCTIONS}${FIND_FUNCTIONS}${call.join(' ')}\n`);
  const sums = new Map<number, string>();
  const contents = new Map<number, string>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(\d+) (:?)(\S*)$/.exec(line);
    if (match) (match[2] ? contents : sums).set(Number(match[1]), match[3]!);
  }
  const files: Record<string, unknown>[] = [];
  for (const candidate of candidates) {
    const index = reading.indexOf(candidate);
    if (candidate.contains !== undefined && !containsMatch(candidate.contains, contents.get(index))) continue;
    files.push(candidate.checksum && sums.has(index) ? { ...candidate.facts, checksum: sums.get(index) } : candidate.facts);
  }
  return files;
}

/**
 * Python's contentfilter on a file's bytes (base64): decoded as UTF-8 text
 * with universal newlines (a file that is not UTF-8 does not match), the
 * regexp matched at the start of each line or, with read_whole_file,
 * searched in the whole text. Python's `$` also matches before a last
 * newline: the text without it is tried too.
 */
function containsMatch({ regex, wholeFile }: ContentTest, base64: string | undefined): boolean {
  if (base64 === undefined) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64')).replace(/\r\n?/g, '\n');
  } catch {
    return false;
  }
  const test = (part: string) => regex.test(part) || (part.endsWith('\n') && regex.test(part.slice(0, -1)));
  if (wholeFile) return test(text);
  return text.match(/[^\n]*\n|[^\n]+$/g)?.some(test) ?? false;
}

/** A time as stat(1) printed it (`seconds.nanoseconds`), as Python's float st_mtime has it. */
function pythonTime(text: string): number {
  const [seconds, fraction = '0'] = text.split('.');
  return Number(seconds) + Number(fraction.padEnd(9, '0').slice(0, 9)) * 1e-9;
}

/** Python's os.path.normpath: no empty or `.` parts, `..` taken back, no trailing slash. */
function pythonNormpath(path: string): string {
  const normalized = posix.normalize(path);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

