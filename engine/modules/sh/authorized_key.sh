# shellcheck shell=sh disable=SC2154 # cx_path, cx_tmp are set by rewrite.sh
# The authorized_key module (engine/modules/authorized_key.ts works out the
# new file): finds the user's authorized_keys file and reads it, then
# writes it with the user as owner, managing its directory, as
# ansible.posix's authorized_key does. Needs report.sh, attributes.sh and
# rewrite.sh (and for keys from a URL flags.sh and download.sh). The user
# is looked up with getent passwd.

# cx_ak_user USER: sets cx_home, cx_uid and cx_gid from USER's entry; fails
# (with Ansible's message) when there is none.
cx_ak_user() {
  cx_entry=$(getent passwd "$1") || cx_fail "Failed to lookup user $1: \"getpwnam(): name not found: '$1'\""
  cx_uid=$(printf '%s' "$cx_entry" | cut -d: -f3) cx_gid=$(printf '%s' "$cx_entry" | cut -d: -f4) cx_home=$(printf '%s' "$cx_entry" | cut -d: -f6)
}

# cx_ak_file USER PATH FOLLOW: sets cx_file to PATH (its real path with
# FOLLOW true) or USER's ~/.ssh/authorized_keys, and cx_dir to its
# directory (PATH's own, not followed).
cx_ak_file() {
  if [ -n "$2" ]; then cx_expand_path "$2"; cx_file=$cx_path cx_dir=$(dirname -- "$cx_path")
  else cx_dir=$cx_home/.ssh cx_file=$cx_home/.ssh/authorized_keys; fi
  if [ "$3" = true ]; then cx_file=$(readlink -f -- "$cx_file") || :; fi
}

# cx_ak_fetch URL: the keys at URL, reported as source, as the module's
# fetch_url gets them (in check mode too); any status but 200, or no answer,
# fails the task with the module's message. The body goes through a temp
# file, removed here.
# shellcheck disable=SC2154 # cx_code is cx_download's output
cx_ak_fetch() {
  cx_keys=$(mktemp) || cx_fail "Error getting key from: $1"
  if cx_download "$cx_keys" "$1" "the keys" >/dev/null && [ "$cx_code" = 200 ]; then
    cx_c=$(cat -- "$cx_keys" && echo x); rm -f -- "$cx_keys"
    cx_report64 source "${cx_c%x}"
    return 0
  fi
  rm -f -- "$cx_keys"
  cx_fail "Error getting key from: $1"
}

# cx_ak_read USER PATH CHECK FOLLOW SOURCE: reports keyfile (not followed,
# as the module's first look), with FOLLOW true the file written (after),
# PATH with ~ expanded (path), and the keyfile's text (content; none when it
# does not exist), and with SOURCE (a file:// key's path) that file's text
# (source). In check mode a PATH needs no user.
cx_ak_read() {
  if [ -n "$5" ]; then
    [ -e "$5" ] || cx_fail "Path to a key file not found: $5"
    [ -f "$5" ] || cx_fail "Path to a key is a directory and must be a file: $5"
    cx_c=$(cat -- "$5" && echo x) || cx_fail "Failed to read key file $5"
    cx_report64 source "${cx_c%x}"
  fi
  if [ "$3" = true ] && [ -n "$2" ]; then cx_home=''
  elif ! getent passwd "$1" >/dev/null && [ "$3" = true ]; then cx_fail "Either user must exist or you must provide full path to key file in check mode"
  else cx_ak_user "$1"; fi
  cx_ak_file "$1" "$2" false; cx_report64 keyfile "$cx_file"
  if [ "$4" = true ]; then cx_ak_file "$1" "$2" true; cx_report64 after "$cx_file"; fi
  [ -z "$2" ] || { cx_expand_path "$2"; cx_report64 path "$cx_path"; }
  [ -e "$cx_file" ] || return 0
  [ -r "$cx_file" ] || cx_fail "Permission denied on file or path for authorized keys file: $cx_file"
  cx_c=$(cat -- "$cx_file" && echo x); cx_report64 content "${cx_c%x}"
}

# cx_ak_write USER PATH MANAGE_DIR FOLLOW TEXT: writes TEXT as the file,
# owned by USER, mode 0600; with MANAGE_DIR true its directory is made
# (0700) and given to USER first.
cx_ak_write() {
  cx_ak_user "$1"; cx_ak_file "$1" "$2" "$4"
  cx_h=-h
  [ "$4" = true ] && cx_h=''
  if [ "$3" = true ]; then
    if [ ! -e "$cx_dir" ]; then cx_e=$(mkdir -m 700 -- "$cx_dir" 2>&1) || cx_fail "Failed to create directory $cx_dir : $cx_e"; fi
    chown $cx_h "$cx_uid:$cx_gid" "$cx_dir"; chmod 700 "$cx_dir"
  fi
  if [ ! -e "$cx_file" ]; then
    mkdir -p -- "$(dirname -- "$cx_file")"
    (umask 077; : >"$cx_file") || cx_fail "File open failed $cx_file"
  fi
  chown $cx_h "$cx_uid:$cx_gid" "$cx_file" 2>/dev/null; chmod 600 "$cx_file" 2>/dev/null
  cx_rewrite_start "$cx_file"; printf '%s' "$5" >"$cx_tmp"; cx_rewrite_finish "$cx_file"
  chown $cx_h "$cx_uid:$cx_gid" "$cx_file"; chmod 600 "$cx_file"
  return 0
}

# cx_ak_attributes PATH: reports PATH's attributes when it exists (Ansible
# adds them to a result with a path).
cx_ak_attributes() { cx_expand_path "$1"; [ ! -e "$cx_path" ] || { cx_report_attributes "$cx_path"; cx_report_path_state "$cx_path"; }; }
