/**
 * mode, owner and group as Ansible takes them, and the sh functions that
 * compare and apply them. Octal modes compare directly; for a symbolic mode
 * (u=rw,g+r) the resulting mode is worked out first on a scratch file with
 * the same mode, so check mode predicts it exactly and the real file is
 * changed with one chmod to the final octal mode.
 */
import { CxError } from '../../errors.js';
import { quote } from '../../connection/quote.js';

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
  const { mode, owner, group } = attributes;
  const apply = (command: string) => (check ? ':' : command);
  const symbolic = mode !== undefined && !/^[0-7]{4}$/.test(mode);
  return `${[
    // cx_pad_mode sets cx_m to four octal digits; cx_stat_mode PATH sets cx_m to PATH's mode (one stat, no subshell).
    'cx_pad_mode() { cx_m=$1; while [ ${#cx_m} -lt 4 ]; do cx_m="0$cx_m"; done; }',
    'cx_stat_mode() { cx_m=$(stat -c %a "$1") || return 1; cx_pad_mode "$cx_m"; }',
    'cx_mode() { cx_stat_mode "$1" || return 1; printf \'%s\' "$cx_m"; }',
    // cx_stat_all PATH keeps PATH's attributes in cx_st (and PATH in cx_st_path, emptied when they change);
    // cx_split_stat sets cx_m (mode), cx_su, cx_sg (uid, gid) from them.
    'cx_stat_all() { cx_st_path=$1; cx_st=$(stat -c \'%a|%u|%g|%s|%U|%G\' "$1") || { cx_st=; cx_st_path=; }; }',
    'cx_split_stat() { cx_t=$1; if [ -z "$cx_t" ]; then cx_m=; cx_su=; cx_sg=; return; fi; cx_pad_mode "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_su=${cx_t%%|*}; cx_t=${cx_t#*|}; cx_sg=${cx_t%%|*}; }',
    'cx_st_path=',
    // "MODE UID GID" of a path, from one stat.
    'cx_mode_ids() { cx_t=$(stat -c \'%a %u %g\' "$1") || return 1; cx_pad_mode "${cx_t%% *}"; printf \'%s %s\' "$cx_m" "${cx_t#* }"; }',
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
    mode || owner || group ? '  cx_stat_all "$1"; cx_split_stat "$cx_st"' : '',
    mode
      ? `  cx_cur=$cx_m; ${symbolic ? `cx_new=$(cx_want_mode "$1") || cx_fail "could not work out mode "${quote(mode)}` : `cx_new=${quote(mode)}`}; if [ "$cx_cur" != "$cx_new" ]; then attr_changed=1; cx_report mode_before "$cx_cur"; cx_report mode_after "$cx_new"; ${apply('chmod "$cx_new" "$1" || cx_fail "chmod failed on $1"')}; fi`
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
      ? `  cx_diff=$(find "$1" ! -type l -exec stat -c '%F|%a' {} + | sed 's/^directory|/d|/;s/^[^d][^|]*|/f|/' | sort -u | while IFS='|' read -r cx_k cx_a; do cx_want=${symbolic ? `$(cx_symbolic "$cx_k" "$cx_a" ${quote(mode)})` : quote(mode)}; [ "$cx_want" = "$(printf '%04d' "$cx_a")" ] || { echo x; break; }; done); [ -n "$cx_diff" ] && { attr_changed=1; ${apply(`chmod -R ${quote(mode)} "$1" || cx_fail "chmod failed under $1"`)}; }`
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

/**
 * Give a temp file its final mode, owner and group before it is renamed over
 * `$existingVar` (so the file is never wrong on disk). Without a mode the temp
 * takes the existing file's mode, or 0666 less the umask for a new file, as
 * Ansible's atomic_move does. Needs attributeFunctions and cx_resolve_ids run.
 */
export function prepareTempScript(attributes: FileAttributes, tempVar: string, existingVar: string): string {
  const temp = `"$${tempVar}"`;
  const existing = `"$${existingVar}"`;
  const abort = (what: string) => ` || { rm -f ${temp}; cx_fail ${quote(what)}; }`;
  const base = `if [ -e ${existing} ]; then cx_base=$(cx_mode ${existing}); else cx_base=$(printf '%04o' $((0666 & ~$(umask)))); fi`;
  const lines: string[] = [];
  if (!attributes.mode) lines.push(base, `chmod "$cx_base" ${temp}${abort('chmod failed on the temporary file')}`);
  else if (/^[0-7]{4}$/.test(attributes.mode)) lines.push(`chmod ${quote(attributes.mode)} ${temp}${abort('chmod failed on the temporary file')}`);
  else lines.push(base, `chmod "$(cx_symbolic f "$cx_base" ${quote(attributes.mode)})" ${temp}${abort('chmod failed on the temporary file')}`);
  if (attributes.owner) lines.push(`chown "$cx_uid" ${temp}${abort(`chown failed: could not give the file to ${attributes.owner}`)}`);
  else lines.push(`[ -e ${existing} ] && chown "$(stat -c %u ${existing})" ${temp} 2>/dev/null`);
  if (attributes.group) lines.push(`chgrp "$cx_gid" ${temp}${abort(`chgrp failed: could not give the file to group ${attributes.group}`)}`);
  else lines.push(`[ -e ${existing} ] && chgrp "$(stat -c %g ${existing})" ${temp} 2>/dev/null`);
  return `${lines.join('\n')}\n`;
}
