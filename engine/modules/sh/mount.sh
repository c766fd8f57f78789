# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The mount module (engine/modules/mount.ts works out the fstab and the
# steps): reads the fstab and whether the path is mounted (findmnt, which
# reads the kernel's mount table), then writes the fstab and runs mount and
# umount as ansible.posix's mount does on Linux. Needs report.sh,
# system.sh and backup.sh.

# cx_mnt_read FSTAB PATH CREATE: with CREATE true, makes a missing FSTAB
# (and its directory) empty, as the module does before anything else;
# reports its text (content), whether PATH exists (exists) and is mounted
# (mounted, with its source).
cx_mnt_read() {
  if [ "$3" = true ] && [ ! -e "$1" ]; then
    mkdir -p -- "$(dirname -- "$1")" 2>/dev/null
    cx_e=$( (: >>"$1") 2>&1) || cx_fail "Failed to open $1 due to $cx_e"
  fi
  if [ -f "$1" ]; then cx_c=$(cat -- "$1" && echo x) && cx_report64 content "${cx_c%x}"; fi
  [ -e "$2" ] && cx_report exists 1
  cx_bin findmnt
  cx_src=$("$cx_bin" -n -o SOURCE -M "$2" 2>/dev/null) || return 0
  cx_report mounted 1; cx_report64 source "$cx_src"
}

# cx_mnt_mkdir PATH: makes PATH and its missing parents, remembering them
# (cx_made, deepest last) for cx_mnt_undo.
cx_mnt_made=''
cx_mnt_mkdir() {
  cx_at='' cx_rest=${1#/}
  while [ -n "$cx_rest" ]; do
    cx_part=${cx_rest%%/*}
    if [ "$cx_part" = "$cx_rest" ]; then cx_rest=''; else cx_rest=${cx_rest#*/}; fi
    [ -n "$cx_part" ] || continue
    case $1 in /*) cx_at=$cx_at/$cx_part ;; *) cx_at=${cx_at:+$cx_at/}$cx_part ;; esac
    [ -e "$cx_at" ] && continue
    cx_e=$(mkdir -- "$cx_at" 2>&1) || cx_fail "Error making dir $1: $cx_e"
    cx_mnt_made="$cx_at$cx_nl$cx_mnt_made"
  done
}

# cx_mnt_write FSTAB TEXT BACKUP: FSTAB's text becomes TEXT (written in
# place); with BACKUP (a number), a backup copy first (backup_file).
cx_mnt_write() {
  [ -z "$3" ] || cx_backup "$1" "$3"
  printf '%s' "$2" >"$1" || cx_fail "Failed to write $1"
}

# cx_mnt_try PROGRAM ARGS...: runs mount or umount; cx_msg is its output
# when it fails (the exit code is its own).
cx_mnt_try() {
  cx_bin "$1"; shift
  cx_run "$cx_bin" "$@"; cx_msg="$cx_out$cx_err"
  return "$cx_rc"
}

# cx_mnt_undo FSTAB TEXT MESSAGE: after a failed mount, FSTAB gets its old
# TEXT back (when FSTAB is not empty) and the directories made go; fails
# with MESSAGE and the command's output.
cx_mnt_undo() {
  [ -z "$1" ] || printf '%s' "$2" >"$1"
  printf '%s' "$cx_mnt_made" | while IFS= read -r cx_d; do [ -z "$cx_d" ] || rmdir -- "$cx_d" 2>/dev/null; done
  cx_fail "$3$cx_msg"
}

# cx_mnt_rmdir PATH: removes the mount point, as state absent does.
cx_mnt_rmdir() {
  [ -e "$1" ] || return 0
  cx_e=$(rmdir -- "$1" 2>&1) || cx_fail "Error rmdir $1: ${cx_e#rmdir: }"
}
