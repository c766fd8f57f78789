/**
 * mode, owner and group as Ansible takes them, and the sh functions that
 * compare and apply them. Octal modes compare directly; for a symbolic mode
 * (u=rw,g+r) the resulting mode is worked out first on a scratch file with
 * the same mode, so check mode predicts it exactly and the real file is
 * changed with one chmod to the final octal mode. That chmod is given five digits
 * (00750): GNU chmod keeps a directory's setgid bit on four, and the mode
 * would never match.
 */
import { CxError } from '../../errors.js';
import { quote } from '../../connection/quote.js';
import SELF_SH from '../sh/self.sh';
import type { Report } from './report.js';
import { shellCode } from './shell-code.js';

export interface FileAttributes {
  /** Four octal digits (`0644`) or a symbolic mode (`u=rw,g=r`). */
  readonly mode?: string | undefined;
  readonly owner?: string | undefined;
  readonly group?: string | undefined;
}

export const ATTRIBUTE_SCHEMA = {
  mode: { type: ['string', 'integer'] },
  owner: { type: 'string' },
  group: { type: 'string' },
} as const;

const SYMBOLIC_MODE = /^[ugoa]*([-+=]([rwxXst]*|[ugo]))+(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*$/;

/** `0644`, `644`, 420 (YAML 1.1 reads 0644 as octal), `u=rw,g=r` → four octal digits or the symbolic mode. */
export function normalizeMode(mode: unknown): string | undefined {
  if (mode === undefined || mode === null || mode === '') return undefined;
  if (typeof mode === 'number') {
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) throw invalidMode(String(mode));
    return mode.toString(8).padStart(4, '0');
  }
  const text = String(mode).trim();
  if (/^[0-7]{1,5}$/.test(text) && Number.parseInt(text, 8) <= 0o7777) return Number.parseInt(text, 8).toString(8).padStart(4, '0');
  if (SYMBOLIC_MODE.test(text)) return text;
  throw invalidMode(text);
}

function invalidMode(text: string): CxError {
  return new CxError(`mode '${text}' is not valid`, { hint: "use an octal string such as '0644' (quoted) or a symbolic mode such as u=rw,g=r,o=r" });
}

/** The fields `cx_report_attributes` reports, for a module's report declaration. */
export const ATTRIBUTE_REPORT = { mode: 'text', owner: 'text', group: 'text', uid: 'number', gid: 'number', size: 'number' } as const;

/** Those fields as Ansible's result has them, when the script reported them. */
export function reportedAttributes(report: Report<typeof ATTRIBUTE_REPORT>): Record<string, unknown> {
  if (report.mode === undefined) return {};
  return { mode: report.mode, owner: report.owner, group: report.group, uid: report.uid, gid: report.gid, size: report.size };
}

export function attributesFrom(args: Readonly<Record<string, unknown>>): FileAttributes {
  return {
    mode: normalizeMode(args.mode),
    owner: args.owner === undefined || args.owner === null ? undefined : String(args.owner),
    group: args.group === undefined || args.group === null ? undefined : String(args.group),
  };
}

/**
 * sh functions (REPORT_FUNCTIONS must come first):
 * - `cx_resolve_ids`: looks up the wanted owner and group (fails like Ansible when one does not exist);
 * - `cx_attributes PATH`: sets `attr_changed=1` when PATH's mode/owner/group differ, applies them
 *   unless in check mode, and reports `mode_before`/`mode_after`, `uid_before`/`uid_after`, ...;
 * - `cx_attributes_recursive PATH`: the same for everything under PATH (file's recurse);
 * - `cx_report_attributes PATH [cached]`: reports mode, owner, group, uid, gid, size (of the path
 *   itself) and leaves "MODE UID GID" in cx_reported_ids; `cached` reuses cx_attributes' stat of
 *   PATH, for callers that changed nothing since;
 * - `cx_mode PATH`, `cx_symbolic BASE MODE`: helpers.
 */
export function attributeFunctions(attributes: FileAttributes, check: boolean): string {
  return memoized(attributeScripts, JSON.stringify([check, attributes.mode, attributes.owner, attributes.group]), () => buildAttributeFunctions(attributes, check));
}

function buildAttributeFunctions(attributes: FileAttributes, check: boolean): string {
  const { mode, owner, group } = attributes;
  const apply = (command: string) => (check ? ':' : command);
  const symbolic = mode !== undefined && !/^[0-7]{4}$/.test(mode);
  return `${[
    // cx_pad_mode sets cx_m to four octal digits; cx_stat_mode PATH sets cx_m to PATH's mode (one stat, no subshell).
    'cx_pad_mode() { cx_m=$1; while [ ${#cx_m} -lt 4 ]; do cx_m="0$cx_m"; done; }',
    'cx_stat_mode() { cx_m=$(stat -c %a "$1") || return 1; cx_pad_mode "$cx_m"; }',
    'cx_mode() { cx_stat_mode "$1" || return 1; printf \'%s\' "$cx_m"; }',
    // cx_stat_all PATH keeps PATH's attributes in cx_st (and PATH in cx_st_path, emptied when they change);
    // cx_stat_known PATH does so only when they are not kept already;
    // cx_split_stat sets cx_m (mode), cx_su, cx_sg (uid, gid) from them.
    'cx_stat_all() { cx_st_path=$1; cx_st=$(stat -c \'%a|%u|%g|%s|%U|%G\' "$1") || { cx_st=; cx_st_path=; }; }',
    'cx_stat_known() { [ -n "$cx_st_path" ] && [ "$cx_st_path" = "$1" ] || cx_stat_all "$1"; }',
    'cx_split_stat() { cx_t=$1; if [ -z "$cx_t" ]; then cx_m=; cx_su=; cx_sg=; return; fi; cx_pad_mode "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_su=${cx_t%%|*}; cx_t=${cx_t#*|}; cx_sg=${cx_t%%|*}; }',
    'cx_st_path=',
    // The mode a symbolic chmod gives a file of this kind (f or d) that has mode $2.
    'cx_symbolic() { if [ "$1" = d ]; then cx_t=$(mktemp -d); else cx_t=$(mktemp); fi || cx_fail "cannot create a scratch file to work out the mode"; chmod "$2" "$cx_t" && chmod "$3" "$cx_t" && cx_mode "$cx_t"; cx_rc=$?; rm -rf "$cx_t"; return $cx_rc; }',
    'cx_kind() { if [ -d "$1" ]; then echo d; else echo f; fi; }',
    `cx_want_mode() { ${!mode ? 'cx_mode "$1"' : symbolic ? `cx_symbolic "$(cx_kind "$1")" "$(cx_mode "$1")" ${quote(mode)}` : `printf '%s' ${quote(mode)}`}; }`,
    'cx_resolve_ids() {',
    owner
      ? `  case ${quote(owner)} in *[!0-9]*) cx_uid=$(id -u -- ${quote(owner)} 2>/dev/null) || cx_fail "chown failed: failed to look up user "${quote(owner)};; *) cx_uid=${quote(owner)};; esac`
      : '  :',
    group
      ? `  case ${quote(group)} in *[!0-9]*) cx_gid=$( (getent group ${quote(group)} 2>/dev/null || awk -F: -v g=${quote(group)} '$1 == g' /etc/group) | cut -d: -f3 | head -n 1); [ -n "$cx_gid" ] || cx_fail "chgrp failed: failed to look up group "${quote(group)};; *) cx_gid=${quote(group)};; esac`
      : '  :',
    '}',
    'cx_attributes() {',
    '  attr_changed=0',
    mode || owner || group ? '  cx_stat_known "$1"; cx_split_stat "$cx_st"' : '',
    mode
      ? `  cx_cur=$cx_m; ${symbolic ? `cx_new=$(cx_want_mode "$1") || cx_fail "could not work out mode "${quote(mode)}` : `cx_new=${quote(mode)}`}; if [ "$cx_cur" != "$cx_new" ]; then attr_changed=1; cx_report mode_before "$cx_cur"; cx_report mode_after "$cx_new"; ${apply('chmod "0$cx_new" "$1" || cx_fail "chmod failed on $1"')}; fi`
      : '',
    owner
      ? `  cx_cur=$cx_su; if [ "$cx_cur" != "$cx_uid" ]; then attr_changed=1; cx_report uid_before "$cx_cur"; cx_report uid_after "$cx_uid"; ${apply('chown "$cx_uid" "$1" || cx_fail "chown failed on $1"')}; fi`
      : '',
    group
      ? `  cx_cur=$cx_sg; if [ "$cx_cur" != "$cx_gid" ]; then attr_changed=1; cx_report gid_before "$cx_cur"; cx_report gid_after "$cx_gid"; ${apply('chgrp "$cx_gid" "$1" || cx_fail "chgrp failed on $1"')}; fi`
      : '',
    '  [ "$attr_changed" = 1 ] && cx_st_path=',
    '  :',
    '}',
    'cx_attributes_recursive() {',
    '  attr_changed=0',
    // One scratch-file comparison per distinct (kind, mode) pair in the tree, not per file.
    mode
      ? `  cx_diff=$(find "$1" ! -type l -exec stat -c '%F|%a' {} + | sed 's/^directory|/d|/;s/^[^d][^|]*|/f|/' | sort -u | while IFS='|' read -r cx_k cx_a; do cx_want=${symbolic ? `$(cx_symbolic "$cx_k" "$cx_a" ${quote(mode)})` : quote(mode)}; [ "$cx_want" = "$(printf '%04d' "$cx_a")" ] || { echo x; break; }; done); [ -n "$cx_diff" ] && { attr_changed=1; ${apply(`chmod -R ${symbolic ? quote(mode) : `0${mode}`} "$1" || cx_fail "chmod failed under $1"`)}; }`
      : '',
    owner ? `  [ -n "$(find "$1" ! -user "$cx_uid" -print | head -n 1)" ] && { attr_changed=1; ${apply('chown -R "$cx_uid" "$1" || cx_fail "chown failed under $1"')}; }` : '',
    group ? `  [ -n "$(find "$1" ! -group "$cx_gid" -print | head -n 1)" ] && { attr_changed=1; ${apply('chgrp -R "$cx_gid" "$1" || cx_fail "chgrp failed under $1"')}; }` : '',
    '  [ "$attr_changed" = 1 ] && cx_st_path=',
    '  :',
    '}',
    // All six from one stat, split with parameter expansions (user and group names hold no '|');
    // `cached`: from cx_attributes' stat of the same path when nothing changed since.
    'cx_report_attributes() {',
    '  if [ "$2" = cached ] && [ -n "$cx_st_path" ] && [ "$cx_st_path" = "$1" ]; then cx_t=$cx_st; else cx_t=$(stat -c \'%a|%u|%g|%s|%U|%G\' "$1"); fi',
    '  cx_pad_mode "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_report mode "$cx_m"; cx_reported_ids="$cx_m ${cx_t%%|*}"',
    '  cx_report uid "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_reported_ids="$cx_reported_ids ${cx_t%%|*}"; cx_report gid "${cx_t%%|*}"; cx_t=${cx_t#*|}',
    '  cx_report size "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_report64 owner "${cx_t%%|*}"; cx_report64 group "${cx_t#*|}"',
    '}',
  ]
    .filter(Boolean)
    .join('\n')}\n`;
}

/** `cx_self` (the shell's umask and effective ids) and `cx_octal N` (engine/modules/sh/self.sh). */
export const SELF_FUNCTIONS = shellCode(SELF_SH);

/**
 * sh functions that give a temp file its final mode, owner and group before it
 * is renamed over the destination (so the file is never wrong on disk).
 * Without a mode the temp takes the existing file's mode, or 0666 less the
 * umask for a new file, as Ansible's atomic_move does; without an owner or
 * group, the existing file's. Needs attributeFunctions, SELF_FUNCTIONS and cx_resolve_ids.
 * - `cx_temp_target DEST DIR`: works out the wanted mode (cx_want), uid and gid
 *   (cx_tu, cx_tg) from one stat of DEST, and cx_old: what DEST had (or a new
 *   file would have had) without the wanted attributes.
 * - `cx_temp_create TMP`: creates TMP exclusively; where the umask alone can give
 *   it its final mode and it gets the right ids anyway, with no process at all
 *   (cx_temp_ready=1); else 0600.
 * - `cx_temp_finish TMP`: the chmod and chown that creation could not do.
 */
export function tempFileFunctions(attributes: FileAttributes): string {
  return memoized(tempScripts, JSON.stringify([attributes.mode, attributes.owner, attributes.group]), () => buildTempFileFunctions(attributes));
}

function buildTempFileFunctions(attributes: FileAttributes): string {
  const { mode, owner, group } = attributes;
  const wantMode = !mode ? 'cx_want=$cx_base' : /^[0-7]{4}$/.test(mode) ? `cx_want=${mode}` : `cx_want=$(cx_symbolic f "$cx_base" ${quote(mode)}) || cx_fail "could not work out mode "${quote(mode)}`;
  const abort = (what: string) => `{ rm -f -- "$1"; cx_fail ${quote(what)}; }`;
  return `${[
    'cx_temp_target() {',
    '  cx_self; cx_temp_dir=$2',
    '  if [ -e "$1" ]; then',
    '    cx_stat_known "$1"; [ -n "$cx_st" ] || cx_fail "cannot read the attributes of $1"',
    '    cx_split_stat "$cx_st"; cx_base=$cx_m; cx_ex_uid=$cx_su; cx_ex_gid=$cx_sg',
    '  else',
    // A new file keeps the ids it is created with (a setgid directory's group) unless others are wanted.
    '    cx_octal $(( 0666 & ~0$cx_umask )); cx_base=$cx_o; cx_ex_uid=; cx_ex_gid=',
    '  fi',
    '  cx_old="$cx_base ${cx_ex_uid:-$cx_euid} ${cx_ex_gid:-$cx_egid}"',
    `  ${wantMode}`,
    `  cx_tu=${owner ? '$cx_uid' : '$cx_ex_uid'}; cx_tg=${group ? '$cx_gid' : '$cx_ex_gid'}`,
    '}',
    // True when a file this shell creates in the directory already has the ids wanted.
    'cx_temp_ids_ok() { { [ -z "$cx_tu" ] || [ "$cx_tu" = "$cx_euid" ]; } && { [ -z "$cx_tg" ] || { [ "$cx_tg" = "$cx_egid" ] && [ ! -g "$cx_temp_dir" ]; }; }; }',
    'cx_temp_create() {',
    '  cx_temp_ready=0',
    '  if [ $(( 0$cx_want & ~0666 )) = 0 ] && cx_temp_ids_ok; then',
    '    cx_octal $(( 0777 & ~0$cx_want ))',
    '    (umask "$cx_o"; set -C; : > "$1") 2>/dev/null && cx_temp_ready=1 && return 0',
    '  else',
    '    (umask 077; set -C; : > "$1") 2>/dev/null && return 0',
    '  fi',
    '  return 1',
    '}',
    'cx_temp_finish() {',
    '  [ "$cx_temp_ready" = 1 ] && return 0',
    `  chmod "$cx_want" "$1" || ${abort('chmod failed on the temporary file')}`,
    // One chown for both ids, only where creation did not give them.
    `  cx_temp_ids_ok || chown "\${cx_tu:-$cx_euid}\${cx_tg:+:$cx_tg}" "$1" || ${abort(`chown failed: could not give the file to ${owner ?? 'its owner'}${group ? ` and group ${group}` : ''}`)}`,
    '}',
    // A default ACL on the directory can override the umask: the mode is checked once the file is in place.
    'cx_temp_check_mode() { [ "$cx_temp_ready" = 1 ] && [ "$cx_m" != "$cx_want" ] && { chmod "$cx_want" "$1" || cx_fail "chmod failed on $1"; cx_report_attributes "$1"; }; :; }',
  ].join('\n')}\n`;
}

/**
 * The functions depend only on the attributes asked for, the same for every
 * host of a task and for most tasks: built once per run for each (a few kB of
 * string building that was repeated per host and task).
 */
const attributeScripts = new Map<string, string>();
const tempScripts = new Map<string, string>();

function memoized(cache: Map<string, string>, key: string, build: () => string): string {
  let script = cache.get(key);
  if (script === undefined) {
    script = build();
    cache.set(key, script);
  }
  return script;
}
