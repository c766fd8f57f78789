/**
 * copy of a directory from the controller, as Ansible's copy action does it:
 * `src` with a trailing slash copies what is in the directory, without one
 * the directory itself, into `dest`. One exec (engine/modules/sh/copy-tree.sh)
 * makes the directories (directory_mode, owner, group), the symlinks (with
 * local_follow false) and gives the files already right their attributes;
 * then each file whose content differs is written as copy writes one file
 * (one exec each; without its diff). With chattr flags (`attributes`), the
 * directories and links come last, in an exec of their own, as in Ansible
 * (which gives them theirs after the files: a flag such as i on a directory
 * would stop the writes into it; chattr fails on a link, after the files
 * are there). The result is Ansible's for a directory: dest, src, changed.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { quote } from '../../connection/quote.js';
import type { ModuleContext, ModuleResult } from '../module.js';
import { DIRNAME_FUNCTION } from './dirname.js';
import { ATTRIBUTE_CHANGE_REPORT, ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesFrom, chattrFailureDetails, normalizeMode } from './file-attributes.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './report.js';
import { shellCode } from './shell-code.js';
import { writeFile } from './write-file.js';
import COPY_TREE_SH from '../sh/copy-tree.sh';

const COPY_TREE_FUNCTIONS = shellCode(COPY_TREE_SH);
const TREE_REPORT = { changed: 'flag', needs: 'text', ...ATTRIBUTE_REPORT, ...ATTRIBUTE_CHANGE_REPORT } as const;

/** What a local directory holds, as Ansible's _walk_dirs lists it: paths relative to dest. */
export interface LocalTree {
  readonly files: { readonly full: string; readonly rel: string }[];
  readonly directories: string[];
  readonly symlinks: { readonly target: string; readonly rel: string }[];
}

/**
 * The tree under `src`. With localFollow a symlink to a file is that file and
 * one to a directory is walked, unless it leads back to a directory being
 * walked (then it stays a link); without, every symlink stays a link.
 */
export function walkLocal(src: string, localFollow: boolean): LocalTree {
  const tree: LocalTree = { files: [], directories: [], symlinks: [] };
  const prefix = src.endsWith('/') ? '' : `${src.replace(/\/+$/, '').split('/').pop()}/`;
  const walk = (dir: string, rel: string, parents: ReadonlySet<string>) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = `${rel}${name}`;
      const link = lstatSync(path).isSymbolicLink();
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isDirectory()) {
        const real = realpathSync(path);
        if (link && (!localFollow || parents.has(real))) tree.symlinks.push({ target: readlinkSync(path), rel: relPath });
        else {
          tree.directories.push(relPath);
          walk(link ? real : path, `${relPath}/`, new Set([...parents, real]));
        }
      } else if (link && !(localFollow && stats?.isFile())) tree.symlinks.push({ target: readlinkSync(path), rel: relPath });
      else tree.files.push({ full: link ? realpathSync(path) : path, rel: relPath });
    }
  };
  walk(src, prefix, new Set([realpathSync(src)]));
  return tree;
}

export interface TreeRequest {
  /** The local directory as the task named it (its trailing slash matters). */
  readonly src: string;
  readonly path: string;
  readonly dest: string;
  readonly force: boolean;
  readonly backup: boolean;
  readonly validate: string | undefined;
  /** A source file's bytes (decrypted, unless copy's decrypt is false). */
  readonly read: (path: string) => Buffer;
}

export async function copyLocalTree(ctx: ModuleContext, request: TreeRequest): Promise<ModuleResult> {
  const { args } = ctx;
  const tree = walkLocal(request.path.endsWith('/') || !request.src.endsWith('/') ? request.path : `${request.path}/`, args.local_follow !== false);
  const dest = request.dest.endsWith('/') ? request.dest : `${request.dest}/`;
  const contents = tree.files.map((file) => request.read(file.full));
  const fileLines = tree.files.map((file, index) => `cx_tree_file ${index} ${quote(file.rel)} ${createHash('sha1').update(contents[index]!).digest('hex')} ${quote(fileMode(ctx, file.full) ?? '')}`);
  // Ansible copies the files first (their directories made on the way), then gives every directory its mode, then the links.
  const laterLines = [...tree.directories.map((rel) => `cx_tree_dir ${quote(rel)}`), ...tree.symlinks.map((link) => `cx_tree_link ${quote(link.target)} ${quote(link.rel)}`)];
  const flagsLast = attributesFrom(args).flags !== undefined;
  const survey = await runTreeScript(ctx, dest, request.force, flagsLast ? fileLines : [...fileLines, ...laterLines]);
  if (survey.failure) return survey.failure;
  let { changed } = survey;
  for (const index of survey.needs) {
    const file = tree.files[index]!;
    const written = await writeFile(ctx, {
      dest: `${dest}${file.rel}`,
      content: contents[index]!,
      attributes: attributesFrom({ ...args, mode: fileMode(ctx, file.full) }),
      force: request.force,
      backup: request.backup,
      validate: request.validate,
      sourceLabel: file.full,
    });
    if (written.failed) return written;
    changed ||= written.changed;
  }
  if (flagsLast && laterLines.length > 0) {
    const later = await runTreeScript(ctx, dest, request.force, laterLines);
    if (later.failure) return later.failure;
    changed ||= later.changed;
  }
  // Ansible's result for a directory has no diff, even with --diff.
  return { changed, dest, src: request.src };
}

/** The mode a file of the tree is given: its own with mode preserve, else the task's. */
function fileMode(ctx: ModuleContext, full: string): string | undefined {
  return ctx.args.mode === 'preserve' ? normalizeMode(statSync(full).mode & 0o7777) : normalizeMode(ctx.args.mode);
}

/** What one run of copy-tree.sh says: whether something changed and the files whose content must be sent, or its failure. */
type TreeStep = { readonly changed: boolean; readonly needs: readonly number[]; readonly failure?: undefined } | { readonly failure: ModuleResult };

/** copy-tree.sh's LINES, run in one exec. */
async function runTreeScript(ctx: ModuleContext, dest: string, force: boolean, lines: readonly string[]): Promise<TreeStep> {
  const result = await ctx.exec(treeScript(ctx, dest, force, lines));
  const report = readReport(result.stdout, TREE_REPORT);
  const failure = reportedFailure(report, chattrFailureDetails(report));
  if (failure) return { failure };
  if (report.changed === undefined) return { failure: scriptFailure(result.rc, result.stderr) };
  return { changed: report.changed, needs: (report.needs ?? '').split(' ').filter(Boolean).map(Number) };
}

function treeScript(ctx: ModuleContext, dest: string, force: boolean, lines: readonly string[]): string {
  const attributes = attributesFrom(ctx.args);
  const directoryMode = normalizeMode(ctx.args.directory_mode) ?? '';
  const flags = attributes.flags === undefined ? [] : [quote(attributes.flags)];
  return [
    REPORT_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    DIRNAME_FUNCTION,
    COPY_TREE_FUNCTIONS,
    attributes.selinux ?? '',
    ['cx_tree_start', quote(dest), String(ctx.check), quote(directoryMode), quote(attributes.owner ?? ''), quote(attributes.group ?? ''), String(force), ...flags].join(' '),
    ...lines,
    'cx_tree_end',
  ].join('\n');
}
