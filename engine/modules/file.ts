/**
 * file: a path's state (file, directory, link, hard, touch, absent) and its
 * mode/owner/group, compared and changed in one exec, with Ansible 2.14's
 * rules: without `state` the current state is kept, links are followed for
 * file and directory, new parent directories get the attributes too,
 * `recurse` applies them to a whole tree, and conversions that would lose
 * data need `force`.
 */
import { quote } from '../connection/quote.js';
import { ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, ATTRIBUTE_SCHEMA, attributesFrom, attributesWanted, reportedAttributes, SELF_FUNCTIONS, type FileAttributes } from './lib/file-attributes.js';
import { DIRNAME_FUNCTION } from './lib/dirname.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './lib/report.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';

/** What the file script reports. */
const FILE_REPORT = {
  want: 'text',
  before: 'text',
  after: 'text',
  changed: 'flag',
  warning: 'text',
  link_before: 'text',
  link_after: 'text',
  mode_before: 'text',
  mode_after: 'text',
  uid_before: 'number',
  uid_after: 'number',
  gid_before: 'number',
  gid_after: 'number',
  ...ATTRIBUTE_REPORT,
} as const;
type FileReport = Report<typeof FILE_REPORT>;

export const fileModule: ModuleDef = {
  name: 'file',
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      dest: { type: 'string' },
      name: { type: 'string' },
      state: { enum: ['file', 'directory', 'link', 'hard', 'touch', 'absent'] },
      src: { type: 'string' },
      force: { type: 'boolean', default: false },
      follow: { type: 'boolean', default: true },
      recurse: { type: 'boolean', default: false },
      ...ATTRIBUTE_SCHEMA,
    },
    anyOf: [{ required: ['path'] }, { required: ['dest'] }, { required: ['name'] }],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'partial',
  runsOn: 'target',
  async run(ctx) {
    const path = String(ctx.args.path ?? ctx.args.dest ?? ctx.args.name);
    const result = await ctx.exec(fileScript(ctx, path));
    const report = readReport(result.stdout, FILE_REPORT);
    const failure = reportedFailure(report, { path });
    if (failure) return failure;
    if (!report.want) return scriptFailure(result.rc, result.stderr);
    if (report.warning) ctx.warn(report.warning);
    return fileResult(ctx, path, report);
  },
};

function fileResult(ctx: ModuleContext, path: string, report: FileReport): ModuleResult {
  const changed = report.changed === true;
  const want = report.want!;
  // Ansible names the path `dest` for links and touch, `path` otherwise.
  const out: ModuleResult = ['link', 'hard', 'touch'].includes(want) ? { changed, dest: path } : { changed, path };
  if (ctx.args.src !== undefined) out.src = String(ctx.args.src);
  out.state = report.after ?? 'absent';
  Object.assign(out, reportedAttributes(report));
  out.diff = fileDiff(path, report);
  return out;
}

/** Ansible's file diff: the state, and mode/owner/group (uid/gid as numbers) where they change. */
function fileDiff(path: string, report: FileReport): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = { path };
  const after: Record<string, unknown> = { path };
  if (report.before !== report.want) {
    before.state = report.before;
    after.state = report.want;
  }
  if (report.link_before !== undefined) {
    before.src = report.link_before;
    after.src = report.link_after;
  }
  if (report.mode_before !== undefined) {
    before.mode = report.mode_before;
    after.mode = report.mode_after;
  }
  if (report.uid_before !== undefined) {
    before.owner = report.uid_before;
    after.owner = report.uid_after;
  }
  if (report.gid_before !== undefined) {
    before.group = report.gid_before;
    after.group = report.gid_after;
  }
  return { before, after };
}

function fileScript(ctx: ModuleContext, path: string): string {
  const { args, check } = ctx;
  const src = args.src === undefined ? undefined : String(args.src);
  const flag = (value: boolean) => (value ? 'true' : 'false');
  const attributes = attributesFrom(args);
  return [
    REPORT_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(attributes, check),
    COMMON_FUNCTIONS,
    ...stateFunctions(args.state === undefined ? undefined : String(args.state)),
    `p=${quote(path)}`,
    `want=${quote(String(args.state ?? ''))}`,
    `src=${src === undefined ? '' : quote(src)}`,
    `exact_mode=${exactMode(attributes)}; wants_attributes=${flag(Object.values(attributes).some((value) => value !== undefined))}; has_src=${flag(src !== undefined)}; force=${flag(args.force === true)}; follow=${flag(args.follow !== false)}; recurse=${flag(args.recurse === true)}; check=${flag(check)}`,
    'cx_state "$p"; prev=$cx_path_state',
    'if [ -z "$want" ]; then if [ "$prev" != absent ]; then want=$prev; elif $recurse; then want=directory; else want=file; fi; fi',
    'cx_report before "$prev"; cx_report want "$want"',
    '$recurse && [ "$want" != directory ] && cx_fail "recurse option requires state to be \'directory\'"',
    '$has_src && case "$want" in link|hard) ;; *) cx_fail "src option requires state to be \'link\' or \'hard\'";; esac',
    '[ "$want" != absent ] && cx_resolve_ids',
    'changed=0',
    'case "$want" in absent) cx_absent;; file) cx_file;; directory) cx_directory;; link) cx_link;; hard) cx_hard;; touch) cx_touch;; esac',
    'cx_finish',
  ].join('\n');
}

/** The functions a state needs; without a state (decided on the host) all of them. */
function stateFunctions(state: string | undefined): string[] {
  const needs = (name: string) => state === undefined || state === name;
  return [
    ...Object.entries(STATE_FUNCTIONS).filter(([name]) => needs(name)).map(([, text]) => text),
    needs('directory') ? `${SELF_FUNCTIONS}${MKDIR_EXACT_FUNCTION}` : '',
    needs('directory') || needs('link') || needs('hard') ? DIRNAME_FUNCTION : '',
  ];
}

/** The mode mkdir -m can give a new directory by itself: an octal one, with no owner or group to set too. */
function exactMode(attributes: FileAttributes): string {
  const { mode, owner, group } = attributes;
  return mode !== undefined && /^[0-7]{4}$/.test(mode) && owner === undefined && group === undefined ? mode : "''";
}

/** The sh functions every state uses; each sets `changed` and leaves the attributes of the final path applied. */
const COMMON_FUNCTIONS = String.raw`
# Sets cx_path_state to the state of $1 (a variable, not output: no subshell).
cx_state() {
  if [ -L "$1" ]; then cx_path_state=link
  elif [ -d "$1" ]; then cx_path_state=directory
  elif [ -e "$1" ]; then if [ "$(stat -c %h "$1")" -gt 1 ]; then cx_path_state=hard; else cx_path_state=file; fi
  else cx_path_state=absent; fi
}
cx_finish() {
  cx_report changed "$changed"
  cx_state "$p"; cx_report after "$cx_path_state"
  # Unchanged: the attributes cx_attributes read are still the path's.
  if [ -e "$p" ] || [ -L "$p" ]; then if [ "$changed" = 0 ]; then cx_report_attributes "$p" cached; else cx_report_attributes "$p"; fi; fi
  exit 0
}
cx_apply_attributes() {
  cx_attributes "$1"; [ "$cx_attributes_changed" = 1 ] && changed=1
  if $recurse; then cx_attributes_recursive "$1"; [ "$cx_attributes_changed" = 1 ] && changed=1; fi
  :
}
cx_follow() { if $follow && [ "$prev" = link ]; then p=$(readlink -f -- "$p"); cx_state "$p"; prev=$cx_path_state; fi; }
`;

/** One function per state (directory with its mkdir -p): a script carries only the one its state needs. */
const STATE_FUNCTIONS: Readonly<Record<string, string>> = {
  absent: String.raw`
cx_absent() {
  [ "$prev" = absent ] && return
  changed=1
  $check && return
  if [ "$prev" = directory ]; then out=$(rm -rf -- "$p" 2>&1) || cx_fail "rmtree failed: $out"
  else out=$(rm -f -- "$p" 2>&1) || cx_fail "unlinking failed: $out"; fi
}
`,
  file: String.raw`
cx_file() {
  cx_follow
  case "$prev" in file|hard) ;; *) cx_fail "file ($p) is $prev, cannot continue";; esac
  cx_apply_attributes "$p"
}
`,
  directory: String.raw`
cx_directory() {
  cx_follow
  case "$prev" in
    absent) changed=1; $check || cx_mkdirs "$p";;
    directory) cx_apply_attributes "$p";;
    *) cx_fail "$p already exists as a $prev";;
  esac
}
# mkdir -p, giving each directory it creates the wanted attributes (as Ansible does).
cx_mkdirs() {
  case "$1" in /*) cx_dir=;; *) cx_dir=.;; esac
  cx_ifs=$IFS; IFS=/; set -f
  for cx_part in $1; do
    IFS=$cx_ifs
    [ -z "$cx_part" ] && continue
    cx_dir="$cx_dir/$cx_part"
    if [ ! -e "$cx_dir" ] && ! cx_mkdir_exact "$cx_dir"; then
      out=$(mkdir -- "$cx_dir" 2>&1) || [ -d "$cx_dir" ] || cx_fail "There was an issue creating $cx_dir as requested: $out"
      cx_attributes "$cx_dir"
    fi
  done
  IFS=$cx_ifs; set +f
}
`,
  link: String.raw`
cx_link() {
  if ! $has_src; then
    if $follow && [ "$prev" = link ]; then src=$(readlink -- "$p"); else cx_fail "src is required for creating new symlinks"; fi
  fi
  if [ "$prev" != link ] && [ -d "$p" ]; then base=$p; else cx_dirname "$p"; base=$cx_parent; fi
  case "$src" in /*) absrc=$src;; *) absrc="$base/$src";; esac
  if ! $force && [ ! -e "$absrc" ]; then cx_fail "src file does not exist, use \"force=yes\" if you really want to create the link: $absrc"; fi
  case "$prev" in
    directory)
      $force || cx_fail "refusing to convert from directory to symlink for $p"
      [ -z "$(ls -A -- "$p")" ] || cx_fail "the directory $p is not empty, refusing to convert it";;
    file|hard) $force || cx_fail "refusing to convert from $prev to symlink for $p";;
  esac
  if [ "$prev" = link ]; then
    old=$(readlink -- "$p")
    [ "$old" != "$src" ] && { changed=1; cx_report64 link_before "$old"; cx_report64 link_after "$src"; }
  else
    changed=1
  fi
  if [ "$changed" = 1 ] && ! $check; then
    if [ "$prev" = absent ]; then
      out=$(ln -s -- "$src" "$p" 2>&1) || cx_fail "Error while linking: $out"
    else
      [ "$prev" = directory ] && { rmdir -- "$p" || cx_fail "Error while replacing: could not remove the directory $p"; }
      cx_dirname "$p"; tmp="$cx_parent/.cxplay.$$.link"
      out=$( (ln -s -- "$src" "$tmp" && mv -fT -- "$tmp" "$p") 2>&1) || { rm -f -- "$tmp"; cx_fail "Error while replacing: $out"; }
    fi
  fi
  [ -L "$p" ] || [ -e "$p" ] || return 0
  if $follow && [ -L "$p" ] && [ ! -e "$p" ]; then
    cx_report64 warning "Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this."
  elif $follow; then
    # The target is resolved only when there are attributes to give it.
    $wants_attributes && cx_apply_attributes "$(readlink -f -- "$p")"
  elif [ ! -L "$p" ]; then
    cx_apply_attributes "$p"
  fi
}
`,
  hard: String.raw`
cx_hard() {
  $has_src || [ "$prev" = hard ] || cx_fail "src is required for creating new hardlinks"
  if $has_src && [ ! -e "$src" ]; then cx_fail "src does not exist"; fi
  case "$prev" in
    absent) changed=1;;
    link) old=$(readlink -- "$p"); [ "$old" != "$src" ] && { changed=1; cx_report64 link_before "$old"; cx_report64 link_after "$src"; };;
    hard) if $has_src && ! [ "$p" -ef "$src" ]; then changed=1; $force || cx_fail "Cannot link, different hard link exists at destination"; fi;;
    file) changed=1; $force || cx_fail "Cannot link, file exists at destination";;
    directory) [ "$p" -ef "$src" ] && return; cx_fail "Cannot link: different hard link exists at destination";;
  esac
  if [ "$changed" = 1 ] && ! $check; then
    cx_dirname "$p"; tmp="$cx_parent/.cxplay.$$.link"
    out=$( (ln -- "$src" "$tmp" && mv -fT -- "$tmp" "$p") 2>&1) || { rm -f -- "$tmp"; cx_fail "Error while linking: $out"; }
  fi
  [ -e "$p" ] && cx_apply_attributes "$p"
  :
}
`,
  touch: String.raw`
cx_touch() {
  # Touch always changes: it sets the times to now, as Ansible's does.
  changed=1
  if [ "$prev" = absent ]; then
    $check && return
    out=$( { : > "$p"; } 2>&1) || cx_fail "Error, could not touch target: $out"
  else
    $check || touch -c -- "$p" || cx_fail "Error, could not touch target: $p"
  fi
  cx_attributes "$p"
}
`,
};

/**
 * With an octal mode and no owner or group, mkdir -m makes a directory as wanted in one process
 * (not under a setgid parent, whose group bit the new directory inherits); the diff shows the mode
 * it would have had.
 */
const MKDIR_EXACT_FUNCTION = [
  'cx_mkdir_exact() {',
  '  [ -n "$exact_mode" ] || return 1',
  '  cx_dirname "$1"; [ -g "$cx_parent" ] && return 1',
  '  mkdir -m "$exact_mode" -- "$1" 2>/dev/null || return 1',
  '  cx_self; cx_octal $(( 0777 & ~0$cx_umask ))',
  '  [ "$cx_o" != "$exact_mode" ] && { cx_report mode_before "$cx_o"; cx_report mode_after "$exact_mode"; }',
  '  :',
  '}',
  '',
].join('\n');
