/**
 * file: a path's state (file, directory, link, hard, touch, absent) and its
 * mode/owner/group, compared and changed in one exec, with Ansible 2.14's
 * rules: without `state` the current state is kept, links are followed for
 * file and directory, new parent directories get the attributes too,
 * `recurse` applies them to a whole tree, and conversions that would lose
 * data need `force`.
 */
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_CHANGE_REPORT, attributeChangeDiff, chattrFailureDetails, type FileAttributesDiff, ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributesFrom, attributesWanted, RECURSIVE_ATTRIBUTE_FUNCTION, reportedAttributes, SELF_FUNCTIONS, type FileAttributes } from './lib/file-attributes.js';
import { DIRNAME_FUNCTION } from './lib/dirname.js';
import { shellParts } from './lib/shell-code.js';
import FILE_SH from './sh/file.sh';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './lib/report.js';
import { FILE_COMMON_ALIASES, FILE_COMMON_ARGS_SCHEMA } from './lib/unsupported.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { PyDateTime } from '../template/python-datetime.js';
import { PyFloat, pyFloat } from '../template/python.js';

/** What the file script reports. */
const FILE_REPORT = {
  want: 'text',
  before: 'text',
  after: 'text',
  changed: 'flag',
  warning: 'text',
  link_before: 'text',
  link_after: 'text',
  ...ATTRIBUTE_CHANGE_REPORT,
  mtime_before: 'text',
  mtime_after: 'text',
  atime_before: 'text',
  atime_after: 'text',
  ...ATTRIBUTE_REPORT,
} as const;
type FileReport = Report<typeof FILE_REPORT>;

export const fileModule: ModuleDef = {
  name: 'file',
  // In Ansible's order: given with path, the alias given last here wins.
  argumentAliases: { dest: 'path', name: 'path', ...FILE_COMMON_ALIASES },
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      state: { enum: ['file', 'directory', 'link', 'hard', 'touch', 'absent'] },
      src: { type: 'string' },
      force: { type: 'boolean', default: false },
      follow: { type: 'boolean', default: true },
      recurse: { type: 'boolean', default: false },
      modification_time: { type: 'string' },
      modification_time_format: { type: 'string', default: '%Y%m%d%H%M.%S' },
      access_time: { type: 'string' },
      access_time_format: { type: 'string', default: '%Y%m%d%H%M.%S' },
      ...FILE_COMMON_ARGS_SCHEMA,
    },
    required: ['path'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'partial',
  runsOn: 'target',
  speculative: true,
  appliesInOneExec: true,
  async run(ctx) {
    const path = String(ctx.args.path);
    const times = wantedTimes(ctx.args);
    if ('failure' in times) return times.failure;
    const result = await ctx.exec(fileScript(ctx, path, times));
    const report = readReport(result.stdout, FILE_REPORT);
    const failure = reportedFailure(report, { path, ...chattrFailureDetails(report) });
    if (failure) return failure;
    if (!report.want) return scriptFailure(result.rc, result.stderr);
    if (report.warning) ctx.warn(report.warning);
    return fileResult(ctx, path, report);
  },
};

function fileResult(ctx: ModuleContext, path: string, report: FileReport): ModuleResult {
  const changed = report.changed === true;
  const want = report.want!;
  // Ansible's touch of a missing file in check mode stops at once: no state, attributes or diff.
  if (ctx.check && want === 'touch' && report.before === 'absent') return { changed, dest: path };
  // Ansible names the path `dest` for links and touch, `path` otherwise.
  const out: ModuleResult = ['link', 'hard', 'touch'].includes(want) ? { changed, dest: path } : { changed, path };
  if (ctx.args.src !== undefined) out.src = String(ctx.args.src);
  // Ansible says absent only for state absent; a path still missing (check mode) has no state.
  if (want === 'absent' || (report.after !== undefined && report.after !== 'absent')) out.state = report.after ?? 'absent';
  Object.assign(out, reportedAttributes(report));
  out.diff = fileDiff(path, report);
  return out;
}

/** Ansible's file diff: the state, and mode/owner/group (uid/gid as numbers) where they change. */
function fileDiff(path: string, report: FileReport): FileAttributesDiff {
  const { before, after } = attributeChangeDiff(path, report);
  if (report.before !== report.want) {
    before.state = report.before;
    after.state = report.want;
  }
  if (report.link_before !== undefined) {
    before.src = report.link_before;
    after.src = report.link_after;
  }
  if (report.mtime_before !== undefined) {
    before.mtime = secondsOf(report.mtime_before);
    after.mtime = secondsOf(report.mtime_after!);
  }
  if (report.atime_before !== undefined) {
    before.atime = secondsOf(report.atime_before);
    after.atime = secondsOf(report.atime_after!);
  }
  return { before, after };
}

/** `SECONDS.NANOS` as Python's float st_mtime has it (a float even when whole). */
function secondsOf(text: string): number | PyFloat {
  const [seconds, fraction = '0'] = text.split('.');
  return pyFloat(Number(seconds) + Number(fraction.padEnd(9, '0').slice(0, 9)) * 1e-9);
}

interface WantedTimes {
  /** '' (not given), `preserve`, `now`, or a local time `YYYY-MM-DD HH:MM:SS` (cx_times). */
  readonly mtime: string;
  readonly atime: string;
}

/** modification_time and access_time read with their formats (Python's strptime), or Ansible's failure. */
function wantedTimes(args: ModuleContext['args']): WantedTimes | { failure: ModuleResult } {
  const mtime = timeWanted(args.modification_time, args.modification_time_format);
  if (typeof mtime !== 'string') return mtime;
  const atime = timeWanted(args.access_time, args.access_time_format);
  if (typeof atime !== 'string') return atime;
  return { mtime, atime };
}

function timeWanted(value: unknown, format: unknown): string | { failure: ModuleResult } {
  if (value === undefined) return '';
  if (value === 'preserve' || value === 'now') return value;
  try {
    return PyDateTime.parse(String(value), String(format)).isoformat(' ').slice(0, 19);
  } catch (error) {
    return { failure: { changed: false, failed: true, msg: `Error while obtaining timestamp for time ${String(value)} using format ${String(format)}: ${(error as Error).message}` } };
  }
}

function fileScript(ctx: ModuleContext, path: string, times: WantedTimes): string {
  const { args, check } = ctx;
  const src = args.src === undefined ? undefined : String(args.src);
  const flag = (value: boolean) => (value ? 'true' : 'false');
  const attributes = attributesFrom(args);
  const task = [
    quote(path),
    quote(String(args.state ?? '')),
    src === undefined ? "''" : quote(src),
    flag(src !== undefined),
    flag(args.force === true),
    flag(args.follow !== false),
    flag(args.recurse === true),
    flag(check),
    flag(Object.values(attributes).some((value) => value !== undefined)),
    exactMode(attributes),
    quote(times.mtime),
    quote(times.atime),
  ];
  return [
    REPORT_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    args.recurse === true ? RECURSIVE_ATTRIBUTE_FUNCTION : '',
    attributesWanted(attributes, check),
    ...stateFunctions(args.state === undefined ? undefined : String(args.state)),
    `cx_file_task ${task.join(' ')}`,
  ].join('\n');
}

/** engine/modules/sh/file.sh: the common functions and one part per state. */
const FILE_PARTS = shellParts(FILE_SH);
const STATES = ['absent', 'file', 'directory', 'link', 'hard', 'touch'];

/** The functions a state needs; without a state (decided on the host) all of them. */
function stateFunctions(state: string | undefined): string[] {
  const needs = (name: string) => state === undefined || state === name;
  return [
    FILE_PARTS.common!,
    ...STATES.filter(needs).map((name) => FILE_PARTS[name]!),
    needs('directory') ? SELF_FUNCTIONS : '',
    needs('directory') || needs('link') || needs('hard') ? DIRNAME_FUNCTION : '',
  ];
}

/** The mode mkdir -m can give a new directory by itself: an octal one, with no owner or group to set too. */
function exactMode(attributes: FileAttributes): string {
  const { mode, owner, group } = attributes;
  return mode !== undefined && /^[0-7]{4}$/.test(mode) && owner === undefined && group === undefined ? mode : "''";
}
