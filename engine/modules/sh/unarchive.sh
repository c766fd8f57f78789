# The unarchive module (engine/modules/unarchive.ts sets the task's
# variables and calls cx_unarchive_task): an archive (zip through unzip,
# tar, gz, bz2, xz or zst through GNU tar) compared with dest and unpacked
# there only when it differs, as Ansible 2.14's unarchive decides it. Needs
# report.sh, flags.sh, download.sh, self.sh and attributes.sh (with
# cx_attributes_wanted called).
#
# The task's variables, set by the caller:
#   ua_src: the archive on the host (or a URL); with the flag `local`, the
#     cx_unarchive_payload function writes the controller's archive instead
#   ua_dest, ua_creates (empty: none)
#   ua_flags: words among local, check, keep_newer, insecure
#   ua_missing: why the controller's archive could not be read (empty: it was)
#   ua_include, ua_exclude: the patterns, one a line (tar's excludes
#     without a trailing /)
#   ua_q_opts, ua_q_include, ua_q_tar_exclude, ua_q_zip_exclude, ua_q_owner,
#     ua_q_keep: sh words, each quoted, for eval: extra_opts; include;
#     tar's --exclude=X, unzip's X; --owner=X --group=Y; --keep-newer-files
#   timeout, headers, curl_config, agent: for cx_download (the User-Agent)
# ua_tmp is the task's scratch directory (the caller's EXIT trap runs
# cx_unarchive_cleanup).
ua_tmp='' ua_locale=''

# cx_unarchive_task: reports src, dest, handler, changed, skipped, the
# extraction's cmd (one word a line), out, err and rc, prepared (zip's
# itemized differences), files (the archive's, one a line) and dest's
# attributes; fails with Ansible's messages.
# shellcheck disable=SC2154 # the ua_ variables are set by the caller
cx_unarchive_task() {
  cx_flags_set "$ua_flags"
  ua_creates=$(ua_home "$ua_creates") ua_dest=$(ua_home "$ua_dest")
  if [ -n "$ua_creates" ] && [ -e "$ua_creates" ]; then ua_skip "skipped, since $ua_creates exists"; fi
  [ -n "$ua_missing" ] && cx_fail "$ua_missing"
  [ -d "$ua_dest" ] || cx_fail "dest '$ua_dest' must be an existing dir"
  ua_tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxplay-unarchive.XXXXXX") || cx_fail "cannot create a temporary directory"
  ua_source
  ua_pick_handler
  cx_report64 src "$ua_src"; cx_report64 dest "$ua_dest"; cx_report handler "$ua_handler"
  if [ "$ua_handler" = zip ]; then ua_zip_compare; else ua_tar_compare; fi
  [ "$ua_handler" = zip ] && ua_zip_files
  cx_report64 files "$(cat "$ua_tmp/files")"
  if cx_flag check; then cx_report changed "$ua_changed"; ua_report_dest; return; fi
  if [ "$ua_changed" = 1 ]; then
    if [ "$ua_handler" = zip ]; then ua_zip_extract; else ua_tar "$ua_tar_path" --extract "$ua_tar_flag"; fi
    cx_report64 cmd "$ua_cmd"; cx_report64 out "$ua_out"; cx_report64 err "$ua_err"; cx_report rc "$ua_rc"
    if [ "$ua_rc" != 0 ]; then ua_report_dest; cx_fail "failed to unpack $ua_src to $ua_dest"; fi
  fi
  ua_set_attributes
  cx_report changed "$ua_changed"
  ua_report_dest
}

# ua_skip MESSAGE: ends the task skipped, saying MESSAGE.
ua_skip() { cx_report skipped 1; cx_report64 msg "$1"; exit 0; }

# ua_home PATH: PATH with a leading ~ made the home directory.
# shellcheck disable=SC2088 # the ~ is matched, not expanded
ua_home() { case $1 in '~' | '~/'*) printf '%s' "$HOME${1#\~}" ;; *) printf '%s' "$1" ;; esac; }

# ua_report_dest: dest's attributes, as Ansible adds them to its result.
ua_report_dest() { cx_report_attributes "$ua_dest"; }

# ua_source: the archive in place (the controller's written in ua_tmp, a URL
# downloaded there), readable and not empty; sets ua_src to it.
ua_source() {
  if cx_flag local; then
    cx_unarchive_payload > "$ua_tmp/source" || cx_fail "Source '$ua_tmp/source' failed to transfer"
    ua_src=$ua_tmp/source
  else
    ua_src=$(ua_home "$ua_src")
    if [ ! -e "$ua_src" ]; then
      case $ua_src in *://*) ;; *) cx_fail "Source '$ua_src' does not exist" ;; esac
      ua_url=$ua_src ua_src=$ua_tmp/${ua_src##*/}
      [ "$ua_src" = "$ua_tmp/" ] && ua_src=$ua_tmp/download
      # An HTTP error leaves an empty file, as Ansible's fetch_file does (the
      # error's body is not the archive); no answer at all fails the task.
      # shellcheck disable=SC2154 # cx_code and cx_response are cx_download's outputs
      if ! cx_download "$ua_src" "$ua_url" "the download of $ua_url"; then
        case $cx_code in [1-9]??) : > "$ua_src" ;; *) cx_fail "Failure downloading $ua_url, $cx_response" ;; esac
      fi
    fi
  fi
  [ -r "$ua_src" ] || cx_fail "Source '$ua_src' not readable"
  [ -s "$ua_src" ] || cx_fail "Invalid archive '$ua_src', the file is 0 bytes"
}

# ua_run WORD...: runs the command in dest with the locale Ansible picks
# (C.UTF-8 where the host has it, else C); sets ua_cmd (its words, one a
# line), ua_out, ua_err and ua_rc.
ua_run() {
  if [ -z "$ua_locale" ]; then
    ua_locale=$(locale -a 2>/dev/null | grep -x -m 1 -e C.utf8 -e C.UTF-8 -e en_US.utf8 -e en_US.UTF-8) || ua_locale=C
  fi
  ua_cmd=$(printf '%s\n' "$@")
  ua_out=$(cd "$ua_dest" && LANG=$ua_locale LC_ALL=$ua_locale LC_MESSAGES=$ua_locale LANGUAGE=$ua_locale "$@" 2>"$ua_tmp/err"; echo "x$?")
  ua_rc=${ua_out##*x} ua_out=${ua_out%x*}
  ua_err=$(cat "$ua_tmp/err"; echo x); ua_err=${ua_err%x}
}

# ua_pick_handler: sets ua_handler (zip, or `tar FLAG` with ua_tar_path
# and ua_tar_flag), trying Ansible's handlers in its order; in check mode a tar
# archive ends the task skipped, as Ansible's does; when none can read the
# archive, fails saying why each could not.
ua_pick_handler() {
  ua_reasons=''
  if ua_zip_usable; then ua_handler=zip; return; fi
  cx_flag check && ua_skip "remote module (ansible.legacy.unarchive) does not support check mode when using gtar"
  if ua_tar_usable; then ua_handler="tar $ua_tar_flag"; return; fi
  cx_fail "Failed to find handler for \"$ua_src\". Make sure the required command to extract the file is installed.$ua_reasons"
}

# ua_reason TEXT: adds why a handler cannot read the archive (once).
# shellcheck disable=SC2154 # cx_nl is report.sh's
ua_reason() { case $ua_reasons in *"$cx_nl$1$cx_nl"* | *"$cx_nl$1") ;; *) ua_reasons="$ua_reasons$cx_nl$1" ;; esac; }

# ua_zip_usable: true when unzip lists the archive; sets ua_unzip, and
# ua_zipinfo_bin to zipinfo (empty: ua_zipinfo runs `unzip -Z`).
ua_zip_usable() {
  ua_unzip=$(command -v unzip) || { ua_reason "Unable to find required 'unzip' binary in the path."; return 1; }
  ua_zipinfo_bin=$(command -v zipinfo) || ua_zipinfo_bin=''
  if [ -z "$ua_zipinfo_bin" ] && ! "$ua_unzip" -Z 2>/dev/null | grep -qi zipinfo; then ua_reason "Unable to find required 'zipinfo' binary in the path."; return 1; fi
  ua_e=$("$ua_unzip" -l "$ua_src" 2>&1 >/dev/null) && return 0
  ua_reason "Command \"$ua_unzip\" could not handle archive: $ua_e"
  return 1
}

# ua_zipinfo WORD...: zipinfo, or unzip -Z where there is none.
ua_zipinfo() { if [ -n "$ua_zipinfo_bin" ]; then "$ua_zipinfo_bin" "$@"; else "$ua_unzip" -Z "$@"; fi; }

# ua_tar_usable: true when GNU tar lists files in the archive with one of
# the compressions Ansible tries (none, gzip, bzip2, xz, zstd in its
# order); sets ua_tar_path, ua_tar_flag and the file list ($ua_tmp/files).
ua_tar_usable() {
  ua_tar_path=$(command -v gtar) || ua_tar_path=$(command -v tar) || { ua_reason "Unable to find required 'gtar' or 'tar' binary in the path"; return 1; }
  case $("$ua_tar_path" --version 2>/dev/null | head -n 1) in
    tar*GNU*) ;;
    bsdtar*) ua_reason "Command \"$ua_tar_path\" detected as tar type bsd. GNU tar required."; return 1 ;;
    *) ua_reason "Command \"$ua_tar_path\" detected as tar type None. GNU tar required."; return 1 ;;
  esac
  ua_exclude=$(printf '%s\n' "$ua_exclude" | sed 's|/*$||')
  for ua_tar_flag in -z '' -j -J --use-compress-program=zstd; do
    ua_tar "$ua_tar_path" --list "$ua_tar_flag" --quoting-style=literal
    if [ "$ua_rc" != 0 ]; then ua_reason "Command \"$ua_tar_path\" could not handle archive: Unable to list files in the archive: $ua_err"; continue; fi
    printf '%s' "$ua_out" | sed 's|^/||' | ua_not_excluded > "$ua_tmp/files"
    [ -s "$ua_tmp/files" ] && return 0
    ua_reason "Command \"$ua_tar_path\" found no files in archive. Empty archive files are not supported."
  done
  return 1
}

# ua_tar TAR ACTION FLAG [OPTION]: GNU tar's ACTION (--list, --diff,
# --extract) of the archive in dest as Ansible builds it (ua_run's results):
# compression FLAG, extra_opts after --show-transformed-names, owner and
# group, keep_newer (not for --list), excludes, the archive, includes.
# shellcheck disable=SC2154 # the ua_q_ words are set by the caller
ua_tar() {
  ua_action=$2 ua_flag=$3 ua_more=$4
  set -- "$1" "$ua_action" -C "$ua_dest"
  [ -n "$ua_flag" ] && set -- "$@" "$ua_flag"
  [ -n "$ua_more" ] && set -- "$@" "$ua_more"
  [ -n "$ua_q_opts" ] && eval "set -- \"\$@\" --show-transformed-names $ua_q_opts"
  [ "$ua_action" = --list ] || eval "set -- \"\$@\" $ua_q_owner $ua_q_keep"
  eval "set -- \"\$@\" $ua_q_tar_exclude -f \"\$ua_src\" $ua_q_include"
  ua_run "$@"
}

# ua_not_excluded: the lines of stdin that no exclude pattern matches
# (Python's fnmatch: * and ? match / too).
ua_not_excluded() {
  while IFS= read -r ua_f; do
    ua_keep=1
    while IFS= read -r ua_p; do
      [ -n "$ua_p" ] || continue
      # shellcheck disable=SC2254 # the pattern is a glob on purpose
      case $ua_f in $ua_p) ua_keep=0; break ;; esac
    done <<EOF
$ua_exclude
EOF
    [ "$ua_keep" = 1 ] && printf '%s\n' "$ua_f"
  done
}

# ua_tar_compare: sets ua_changed to 1 when tar --diff finds a difference
# Ansible counts (modes when no mode is wanted, owners and groups when root
# asks for none, times, missing files, unknown owners).
# shellcheck disable=SC2154 # cx_euid is cx_self's output, cx_attr_*: cx_attributes_wanted's
ua_tar_compare() {
  ua_tar "$ua_tar_path" --diff "$ua_tar_flag"
  cx_self
  ua_changed=$(printf '%s\n%s\n' "$ua_out" "$ua_err" | awk -v root="$([ "$cx_euid" = 0 ] && echo 1)" -v owner="$cx_attr_owner" -v group="$cx_attr_group" -v mode="$cx_attr_mode" '
    /: : Warning: Cannot stat: No such file or directory$/ { next }
    root && owner == "" && /: Uid differs$/ { c = 1 }
    root && group == "" && /: Gid differs$/ { c = 1 }
    mode == "" && /: Mode differs$/ { c = 1 }
    /: Mod time differs$/ || /: Warning: Cannot stat: No such file or directory$/ || /: Invalid owner/ || /: Invalid group/ { c = 1 }
    END { print c ? 1 : 0 }')
}

# ua_zip_compare: sets ua_changed to 1 when an entry of the zip archive is
# missing in dest or differs in type, time, size, CRC-32, mode, owner or
# group (as Ansible's ZipArchive compares them), and reports the itemized
# differences as prepared; with keep_newer, newer files in dest are added
# to the excludes (ua_newer).
ua_zip_compare() {
  ua_changed=0 ua_newer='' ua_prepared=''
  eval "ua_zipinfo -T -s \"\$ua_src\" ${ua_q_zip_exclude:+-x $ua_q_zip_exclude} $ua_q_include" > "$ua_tmp/info" 2>/dev/null || ua_changed=1
  "$ua_unzip" -v "$ua_src" > "$ua_tmp/crc" 2>/dev/null
  cx_self; ua_zip_owners
  awk 'function name(n, i) { n = $0; for (i = 0; i < 7; i++) sub(/^[ \t]*[^ \t]+[ \t]+/, "", n); return n }
    FNR == NR { if (NF >= 8 && $1 ~ /^[0-9]+$/ && length($7) == 8) crc[name()] = $7; next }
    NF >= 8 && (length($1) == 7 || length($1) == 10) && length($7) == 15 && $1 ~ /^[-dl?][rwxstah-]*$/ {
      n = name(); print substr($1, 1, 1) "|" substr($1, 2) "|" $4 "|" $7 "|" crc[n] "|" n }' "$ua_tmp/crc" "$ua_tmp/info" > "$ua_tmp/entries"
  while IFS='|' read -r ua_z ua_perm ua_size ua_time ua_crc ua_path; do
    ua_zip_entry
  done < "$ua_tmp/entries"
  [ -n "$ua_prepared" ] && cx_report64 prepared "$ua_prepared"
  :
}

# ua_zip_owners: sets ua_uid and ua_gid to the ids the files must have (the
# wanted owner and group, else this user's); fails as Ansible does when a
# user other than root wants others.
# shellcheck disable=SC2154 # cx_egid is cx_self's output
ua_zip_owners() {
  ua_uid=$cx_euid ua_gid=$cx_egid
  if [ -n "$cx_attr_owner" ]; then ua_uid=$(id -u -- "$cx_attr_owner" 2>/dev/null) || ua_uid=$cx_euid; fi
  if [ -n "$cx_attr_group" ]; then ua_gid=$(getent group "$cx_attr_group" 2>/dev/null | cut -d: -f3); [ -n "$ua_gid" ] || ua_gid=$cx_egid; fi
  [ "$cx_euid" = 0 ] || [ "$ua_uid" = "$cx_euid" ] || cx_fail "Cannot change ownership to $cx_attr_owner, as user $(id -un)"
  [ "$cx_euid" = 0 ] || [ "$ua_gid" = "$cx_egid" ] || id -G | tr ' ' '\n' | grep -qx "$ua_gid" || cx_fail "Cannot change group ownership to $cx_attr_group, as user $(id -un)"
}

# ua_zip_entry: compares one entry (ua_z type, ua_perm, ua_size, ua_time,
# ua_crc, ua_path) with dest; notes what differs.
ua_zip_entry() {
  case "$cx_nl$ua_exclude$cx_nl" in *"$cx_nl$ua_path$cx_nl"*) return ;; esac
  case $ua_path in */) ua_t=d ;; *) if [ "$ua_z" = l ]; then ua_t=L; else ua_t=f; fi ;; esac
  ua_f=$ua_dest/$ua_path
  ua_st=$(stat -c '%F|%a|%s|%u|%g|%y' -- "$ua_f" 2>/dev/null) || { ua_item ">$ua_t++++++.??"; return; }
  ua_kind=${ua_st%%|*}
  case $ua_t$ua_kind in
    'ddirectory' | 'fregular file' | 'fregular empty file' | 'Lsymbolic link') ;;
    *) ua_item "c$ua_t++++++.??"; return ;;
  esac
  ua_s=${ua_st#*|}; ua_have_mode=${ua_s%%|*}; ua_s=${ua_s#*|}; ua_have_size=${ua_s%%|*}; ua_s=${ua_s#*|}
  ua_have_uid=${ua_s%%|*}; ua_s=${ua_s#*|}; ua_have_gid=${ua_s%%|*}; ua_mtime=${ua_s#*|}
  ua_c='.' ua_sz='.' ua_tm='.' ua_pm='.' ua_og='.'
  if [ "$ua_t" = f ]; then
    ua_zip_times || return
    [ "$ua_size" = "$ua_have_size" ] || ua_sz=s
    [ "$ua_crc" = "$(gzip -c < "$ua_f" | tail -c 8 | od -An -tx1 -N4 | awk '{ print $4 $3 $2 $1 }')" ] || ua_c=c
  fi
  [ "$ua_t" = L ] || ua_zip_mode
  [ "$ua_have_uid" = "$ua_uid" ] || ua_og=o
  [ "$ua_have_gid" = "$ua_gid" ] || ua_og=g
  case $ua_c$ua_sz$ua_tm$ua_pm$ua_og in *[!.]*) ua_item ".$ua_t$ua_c$ua_sz$ua_tm$ua_pm$ua_og..??" ;; esac
}

# ua_zip_times: compares the entry's time (local, to the second) with the
# file's; with keep_newer a newer file is excluded (false: skip the entry).
ua_zip_times() {
  ua_want=$(printf '%s' "$ua_time" | tr -d .)
  ua_have=$(printf '%s' "${ua_mtime%%.*}" | tr -d ': -')
  ua_frac=${ua_mtime#*.}; ua_frac=${ua_frac%% *}
  case $ua_frac in *[!0]*) ua_fraction=1 ;; *) ua_fraction=0 ;; esac
  if cx_flag keep_newer; then
    if [ "$ua_want" -gt "$ua_have" ]; then ua_tm=t
    elif [ "$ua_want" -lt "$ua_have" ] || [ "$ua_fraction" = 1 ]; then ua_newer="$ua_newer$ua_path$cx_nl"; return 1; fi
  elif [ "$ua_want" != "$ua_have" ] || [ "$ua_fraction" = 1 ]; then ua_tm=t; fi
}

# ua_zip_mode: compares the file's mode with the wanted one, else the
# entry's (its Unix bits; a FAT entry's rw or rwx for all, less the umask).
# shellcheck disable=SC2154 # cx_umask: cx_self's output
ua_zip_mode() {
  if [ -n "$cx_attr_mode" ]; then
    if cx_attr_symbolic; then ua_want=$(cx_symbolic "$ua_t" "$ua_have_mode" "$cx_attr_mode"); else ua_want=$cx_attr_mode; fi
  else
    ua_p=$ua_perm ua_mask=0
    if [ ${#ua_p} = 6 ]; then
      case $ua_path:$ua_p in */:* | *:rwx---) ua_p=rwxrwxrwx ;; *) ua_p=rw-rw-rw- ;; esac
      [ "$ua_z" = '?' ] || ua_mask=$(( 0$cx_umask ))
    fi
    ua_want=$(printf '%s' "$ua_p" | awk -v mask="$ua_mask" '{ m = 0; for (i = 1; i <= 9; i++) { m = m * 2 + (substr($0, i, 1) ~ /[rwxst]/) } printf "%o", m }')
    ua_want=$(printf '%o' $(( 0$ua_want & ~ua_mask )))
  fi
  [ "$(printf '%o' $(( 0$ua_want )))" = "$(printf '%o' $(( 0$ua_have_mode )))" ] || ua_pm=p
}

# ua_item ITEMIZED: the entry differs: it is to be extracted, and its line
# goes into the prepared differences.
ua_item() { ua_changed=1; ua_prepared="$ua_prepared$1 $ua_path$cx_nl"; }

# ua_zip_extract: unzip -o as Ansible runs it (ua_run's results): extra
# options, the archive, -x and the excludes (and files newer in dest with
# keep_newer), the includes, -d dest.
ua_zip_extract() {
  set -- "$ua_unzip" -o
  eval "set -- \"\$@\" $ua_q_opts"
  set -- "$@" "$ua_src"
  if [ -n "$ua_q_zip_exclude$ua_newer" ]; then
    eval "set -- \"\$@\" -x $ua_q_zip_exclude"
    while IFS= read -r ua_p; do [ -n "$ua_p" ] && set -- "$@" "$ua_p"; done <<EOF
$ua_newer
EOF
  fi
  eval "set -- \"\$@\" $ua_q_include"
  ua_run "$@" -d "$ua_dest"
}

# ua_zip_files: the zip archive's names ($ua_tmp/files): with includes,
# each name once per include it matches; else those not excluded.
ua_zip_files() {
  ua_exclude=$ua_exclude$cx_nl$ua_newer
  ua_zipinfo -1 "$ua_src" 2>/dev/null > "$ua_tmp/names"
  if [ -z "$ua_include" ]; then ua_not_excluded < "$ua_tmp/names" > "$ua_tmp/files"; return; fi
  while IFS= read -r ua_f; do
    while IFS= read -r ua_p; do
      # shellcheck disable=SC2254 # the pattern is a glob on purpose
      case $ua_f in $ua_p) printf '%s\n' "$ua_f" ;; esac
    done <<EOF
$ua_include
EOF
  done < "$ua_tmp/names" > "$ua_tmp/files"
}

# ua_set_attributes: the wanted mode, owner and group for every file of the
# archive and the top directories they are in (changed when one was not).
# shellcheck disable=SC2154 # cx_attributes_changed is cx_attributes' output
ua_set_attributes() {
  [ -n "$cx_attr_mode$cx_attr_owner$cx_attr_group" ] || return 0
  cx_resolve_ids
  { cat "$ua_tmp/files"; grep / "$ua_tmp/files" | cut -d/ -f1 | awk '!seen[$0]++'; } > "$ua_tmp/paths"
  while IFS= read -r ua_f; do
    ua_p=${ua_dest%/}/$ua_f
    [ -e "$ua_p" ] || [ -L "$ua_p" ] || cx_fail "Unexpected error when accessing exploded file: [Errno 2] No such file or directory: '$ua_p'"
    cx_attributes "$ua_p"; cx_stat_forget
    [ "$cx_attributes_changed" = 1 ] && ua_changed=1
  done < "$ua_tmp/paths"
  :
}

# cx_unarchive_cleanup: removes the scratch directory (for the EXIT trap).
cx_unarchive_cleanup() { if [ -n "$ua_tmp" ]; then rm -rf -- "$ua_tmp"; fi; }
