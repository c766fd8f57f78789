# Content to a file, as copy, template and lineinfile write it
# (engine/modules/lib/write-file.ts builds the call): compare checksum and
# attributes and, only when needed, write a temp file in the same directory,
# give it its final mode and owner, validate it if asked, and rename it over
# the destination. Needs report.sh, flags.sh, attributes.sh, self.sh, temp.sh
# and dirname.sh; slurp.sh with the flag `slurp`, backup.sh with a BACKUP
# number, validate.sh with the flag `validate`. A script carries the common
# part and only the parts it needs: `remote` with the flag remote, `expected`
# with an EXPECTED checksum, `diff` with the flag diff, `write` unless it is
# in check mode.
#
# The task's variables, set by cx_write_task and read by the functions of
# this file: dest (the file written), dir (its directory), text,
# src (a remote source), want_sum (the new content's sha1), current (dest's
# sha1, when it was summed), content_changed (0 or 1), and tmp (the temp
# file while there is one; the caller's EXIT trap runs cx_write_cleanup).
tmp=

# cx_write_task DEST NAME FLAGS WANT_SUM SIZE TEXT EXPECTED MD5 MODE TMPNAME BACKUP MAX_DIFF SRC CHOWN_MESSAGE:
# brings DEST to the new content and reports dest, content_changed,
# attributes_changed, changed, the attributes, checksum (for a remote
# source), md5sum (after a write), before/after (for a diff).
#   NAME: when DEST is a directory, write this name in it (empty: fail).
#   FLAGS: words among follow (write through a symlink at DEST), force
#     (replace an existing file whose content differs), parents (create
#     missing directories), check (change nothing), diff (report before),
#     probe (stop with needs_content when the content differs: it was not
#     sent), slurp (compare by reading DEST as TEXT), validate (run the
#     caller's cx_write_validate TMP before the rename), remote (the content
#     is the host's file SRC).
#   WANT_SUM: the content's sha1 (empty with remote). SIZE: its size in
#     bytes (empty: compare by checksum only). TEXT: the content, with slurp
#     or when it is written as text. EXPECTED: empty, `absent`, or the sha1
#     DEST had when the caller read it: fail when it changed since. MD5: the
#     content's md5 (empty: sum it on the host).
#   MODE: the wanted mode (empty: keep DEST's). TMPNAME: a random name for
#     the temp file. BACKUP: a random number for the backup's name (empty: no
#     backup). MAX_DIFF: the largest file shown in a diff.
#   CHOWN_MESSAGE: the message when the temp file cannot be given its owner.
# The content written is TEXT when the flag text is given, SRC with remote,
# else what the caller's cx_write_content prints.
cx_write_task() {
  cx_flags_set "$3"; dest=$1 want_sum=$4 text=$6 src=${13} content_changed=0 current=
  if [ -d "$dest" ]; then [ -n "$2" ] || cx_fail "can not use content with a dir as dest"; dest="${dest%/}/$2"; fi
  cx_flag follow && [ -L "$dest" ] && dest=$(readlink -f -- "$dest")
  cx_report64 dest "$dest"
  cx_flag keep && [ -e "$dest" ] && { cx_report kept 1; exit 0; }
  cx_resolve_ids
  cx_flag remote && cx_write_remote_source "$src" "${12}"
  if [ -f "$dest" ]; then cx_write_compare "$5"
  elif [ -e "$dest" ]; then cx_fail "Destination $dest exists and is not a regular file"
  else content_changed=1; fi
  # Without follow a symlink at dest is replaced by the file, as Ansible's copy does.
  cx_flag follow || { [ -L "$dest" ] && content_changed=1; }
  [ -n "$7" ] && cx_write_expected "$7"
  cx_flag force || { [ -f "$dest" ] && content_changed=0; }
  cx_write_parent
  cx_flag probe && ! cx_flag check && [ "$content_changed" = 1 ] && { cx_report needs_content 1; exit 0; }
  cx_report content_changed "$content_changed"
  cx_flag diff && cx_write_before "${12}"
  cx_write_attributes
  # cx_attributes ran only when the content was right, and it forgets its stat when it changes anything.
  cx_flag check && { [ -e "$dest" ] && cx_report_attributes "$dest" cached; exit 0; }
  [ "$content_changed" = 1 ] && cx_write_new "$1" "$9" "${10}" "${11}" "${14}" && cx_write_flags
  cx_flag remote && cx_report checksum "$want_sum"
  cx_write_after "$8"
}

# cx_write_compare SIZE: sets content_changed for an existing dest, with as
# few processes as it can: a size that differs says it at once (from the
# stat the attributes need anyway); small text of the same size is read by
# the shell itself and compared (a NUL byte, which the shell drops, makes
# it shorter: different); anything else is summed (current is then set).
# shellcheck disable=SC2154 # cx_st, cx_split_size and cx_c: outputs of cx_stat_known, cx_split_stat and cx_slurp
cx_write_compare() {
  if [ -n "$1" ]; then
    cx_stat_known "$dest"; [ -n "$cx_st" ] || cx_fail "cannot read $dest"
    cx_split_stat "$cx_st"
    [ "$cx_split_size" != "$1" ] && { content_changed=1; return; }
    if cx_flag slurp; then
      cx_slurp "$dest" || cx_fail "cannot read $dest"; [ "$cx_c" = "$text" ] || content_changed=1
      return
    fi
  fi
  current=$(sha1sum < "$dest") || cx_fail "cannot read $dest"; current=${current%% *}; [ "$current" = "$want_sum" ] || content_changed=1
}

# cx_write_parent: sets dir to dest's directory; creates it with the flag
# parents, else fails when it is missing. In check mode a missing directory
# may be one an earlier task would have made: predict, as Ansible does.
# shellcheck disable=SC2154 # cx_parent is cx_dirname's output
cx_write_parent() {
  cx_dirname "$dest"; dir=$cx_parent
  if [ -d "$dir" ] || cx_flag check; then return 0; fi
  if cx_flag parents; then cx_out=$(mkdir -p -- "$dir" 2>&1) || cx_fail "Error creating $dir ($cx_out)"
  else cx_fail "Destination directory $dir does not exist"; fi
}

# cx_write_attributes: when the content is right, gives dest the wanted
# attributes (a write gives them to the new file); in check mode compares
# them whatever the content, as Ansible's check_file_attrs does on the file
# it did not write. Reports attributes_changed and changed.
# shellcheck disable=SC2154 # cx_attributes_changed is cx_attributes' output
cx_write_attributes() {
  cx_attr_changed=0
  [ -e "$dest" ] && { [ "$content_changed" = 0 ] || cx_flag check; } && { cx_attributes "$dest"; cx_attr_changed=$cx_attributes_changed; }
  cx_report attributes_changed "$cx_attr_changed"
  if [ "$content_changed" = 1 ] || [ "$cx_attr_changed" = 1 ]; then cx_report changed 1; else cx_report changed 0; fi
}

# cx_write_flags: the new file gets the wanted chattr flags and SELinux
# context once it is in place, as Ansible's modules give them after their
# atomic move.
# shellcheck disable=SC2154 # cx_attributes_changed is cx_chattr_wanted's output
cx_write_flags() { cx_attributes_changed=0; cx_chattr_wanted "$dest"; cx_se_apply "$dest"; [ "$cx_attributes_changed" = 0 ] || cx_report attributes_changed 1; }

# cx_write_after MD5: reports dest's attributes after the task, whether a
# write changed them from what the file had (or a new file would have had:
# ids_before, "MODE UID GID"), and after a write the md5sum (MD5, or summed
# here when empty).
# shellcheck disable=SC2154 # cx_temp_old and cx_reported_ids: outputs of cx_temp_target and cx_report_attributes
cx_write_after() {
  cx_report_attributes "$dest" cached
  [ "$content_changed" = 1 ] || return 0
  cx_temp_check_mode "$dest"
  [ -n "$cx_temp_old" ] && cx_report ids_before "$cx_temp_old" && [ "$cx_temp_old" != "$cx_reported_ids" ] && cx_report attributes_changed 1
  if [ -n "$1" ]; then cx_report md5sum "$1"; else cx_s=$(md5sum < "$dest"); cx_report md5sum "${cx_s%% *}"; fi
}

# cx_write_cleanup: removes the temp file if there is one (for the caller's
# EXIT trap: also when the exec is ended by a timeout or an interrupt).
cx_write_cleanup() { if [ -n "$tmp" ]; then rm -f -- "$tmp"; fi; }

# part: remote
# cx_write_remote_source SRC MAX_DIFF: the content is the host's file SRC:
# sets want_sum to its sha1 and, for a diff, reports it as after. A
# directory SRC is reported (source_is_directory) and nothing is done: the
# caller copies it as a tree.
cx_write_remote_source() {
  [ -e "$1" ] || cx_fail "Source $1 not found"
  [ -d "$1" ] && { cx_report source_is_directory 1; exit 0; }
  want_sum=$(sha1sum < "$1" | cut -c1-40) || cx_fail "Source $1 not readable"
  cx_flag diff || return 0
  if [ "$(stat -c %s -- "$1")" -le "$2" ]; then cx_report64 after "$(cat -- "$1"; printf x)"; else cx_report after_too_big 1; fi
}

# part: expected
# cx_write_expected EXPECTED: fails when dest was changed by someone else
# since the caller read it (EXPECTED `absent`: it did not exist; a sha1:
# it had that content).
cx_write_expected() {
  case $1 in
    absent) [ -e "$dest" ] ;;
    *) [ -f "$dest" ] && [ "$current" != "$1" ] ;;
  esac && [ "$content_changed" = 1 ] && cx_fail "$dest was changed by someone else while this task edited it; run the task again"
  :
}

# part: diff
# cx_write_before MAX_DIFF: reports the file the content replaces as
# before (or before_too_big when it is larger than MAX_DIFF).
cx_write_before() {
  [ "$content_changed" = 1 ] && [ -f "$dest" ] || return 0
  if [ "$(stat -c %s "$dest")" -le "$1" ]; then cx_report64 before "$(cat -- "$dest"; printf x)"; else cx_report before_too_big 1; fi
}

# part: write
# cx_write_new ASKED MODE TMPNAME BACKUP CHOWN_MESSAGE: writes the new
# content to a temp file in dir, created exclusively (noclobber) under the
# name TMPNAME (mktemp without its process), gives it MODE and the resolved
# owner and group, validates it with the flag validate, backs dest up when
# BACKUP is a number, and renames it over dest. A failed write (disk full,
# read-only) leaves the original untouched. ASKED: the path the task named.
# shellcheck disable=SC2154 # cx_resolved_uid and cx_resolved_gid are cx_resolve_ids' outputs
cx_write_new() {
  cx_temp_target "$dest" "$dir" "$2" "$cx_resolved_uid" "$cx_resolved_gid"
  tmp="$dir/.cxplay.$3"; cx_temp_create "$tmp" || { tmp=; cx_fail "cannot create a temporary file in $dir"; }
  if cx_flag text; then printf '%s' "$text"; elif cx_flag remote; then cat -- "$src"; else cx_write_content; fi > "$tmp" ||
    cx_fail "could not write $1 (disk full or read-only?); the original is unchanged"
  cx_temp_finish "$tmp" "$5"
  cx_flag validate && cx_write_validate "$tmp"
  [ -n "$4" ] && cx_backup "$dest" "$4"
  mv -f -- "$tmp" "$dest" || cx_fail "could not rename the temporary file to $dest; the original is unchanged"
  # What was kept of the old file is not the new one's.
  tmp=; cx_stat_forget
}
