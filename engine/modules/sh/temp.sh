# A temp file given its final mode, owner and group before it is renamed over
# the destination (so the file is never wrong on disk). Without a mode the
# temp takes the existing file's mode, or 0666 less the umask for a new file,
# as Ansible's atomic_move does; without an owner or group, the existing
# file's. Needs report.sh, self.sh and attributes.sh.

# Set by cx_temp_target (cx_temp_old) and cx_temp_create (cx_temp_ready).
cx_temp_old='' cx_temp_ready=0

# cx_temp_target DEST DIR MODE UID GID: works out what the temp file in DIR
# that replaces DEST must get: MODE (four octal digits, symbolic, or empty:
# DEST's), UID and GID (empty: DEST's). Sets cx_temp_old to "MODE UID GID"
# that DEST had (or a new file would have had) without them.
# shellcheck disable=SC2154,SC2034 # reads the outputs of cx_self, cx_octal and cx_split_stat; cx_temp_old is for the caller
cx_temp_target() {
  cx_self; cx_temp_dir=$2 cx_temp_ready=0
  if [ -e "$1" ]; then
    cx_stat_known "$1"; [ -n "$cx_st" ] || cx_fail "cannot read the attributes of $1"
    cx_split_stat "$cx_st"; cx_temp_base=$cx_split_mode cx_temp_ex_uid=$cx_split_uid cx_temp_ex_gid=$cx_split_gid
  else
    # A new file keeps the ids it is created with (a setgid directory's group) unless others are wanted.
    cx_octal $(( 0666 & ~0$cx_umask )); cx_temp_base=$cx_o cx_temp_ex_uid='' cx_temp_ex_gid=''
  fi
  cx_temp_old="$cx_temp_base ${cx_temp_ex_uid:-$cx_euid} ${cx_temp_ex_gid:-$cx_egid}"
  case $3 in
    '') cx_temp_mode=$cx_temp_base ;;
    [0-7][0-7][0-7][0-7]) cx_temp_mode=$3 ;;
    *) cx_temp_mode=$(cx_symbolic f "$cx_temp_base" "$3") || cx_fail "could not work out mode $3" ;;
  esac
  cx_temp_uid=${4:-$cx_temp_ex_uid} cx_temp_gid=${5:-$cx_temp_ex_gid}
}

# cx_temp_ids_ok: true when a file this shell creates in the directory
# already has the ids cx_temp_target worked out.
cx_temp_ids_ok() { { [ -z "$cx_temp_uid" ] || [ "$cx_temp_uid" = "$cx_euid" ]; } && { [ -z "$cx_temp_gid" ] || { [ "$cx_temp_gid" = "$cx_egid" ] && [ ! -g "$cx_temp_dir" ]; }; }; }

# cx_temp_create TMP: creates TMP exclusively (false when it cannot); where
# the umask alone can give it its final mode and it gets the right ids
# anyway, with no process at all (then sets cx_temp_ready=1); else 0600.
cx_temp_create() {
  cx_temp_ready=0
  if [ $(( 0$cx_temp_mode & ~0666 )) = 0 ] && cx_temp_ids_ok; then
    cx_octal $(( 0777 & ~0$cx_temp_mode ))
    (umask "$cx_o"; set -C; : > "$1") 2>/dev/null && cx_temp_ready=1 && return 0
  else
    (umask 077; set -C; : > "$1") 2>/dev/null && return 0
  fi
  return 1
}

# cx_temp_finish TMP MESSAGE: the chmod and chown that creation could not
# do; when the chown fails, removes TMP and fails with MESSAGE.
cx_temp_finish() {
  [ "$cx_temp_ready" = 1 ] && return 0
  chmod "$cx_temp_mode" "$1" || { rm -f -- "$1"; cx_fail 'chmod failed on the temporary file'; }
  # One chown for both ids, only where creation did not give them.
  cx_temp_ids_ok || chown "${cx_temp_uid:-$cx_euid}${cx_temp_gid:+:$cx_temp_gid}" "$1" || { rm -f -- "$1"; cx_fail "$2"; }
}

# cx_temp_check_mode PATH: a default ACL on the directory can override the
# umask: once the file is in place at PATH and cx_report_attributes has
# reported it, gives it the mode it must have (and reports it again).
# shellcheck disable=SC2154 # cx_reported_ids is cx_report_attributes' output
cx_temp_check_mode() {
  [ "$cx_temp_ready" = 1 ] && [ "${cx_reported_ids%% *}" != "$cx_temp_mode" ] && { chmod "$cx_temp_mode" "$1" || cx_fail "chmod failed on $1"; cx_report_attributes "$1"; }
  :
}
