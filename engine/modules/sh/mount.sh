# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The mount module (engine/modules/mount.ts works out the fstab and the
# steps): reads the fstab and decides whether the path is mounted as
# ansible.posix's mount does on Linux (os.path.ismount, then the kernel's
# mountinfo as its get_linux_mounts and is_bind_mounted read it, then the
# list of `mount -l`/`mount -v`), then writes the fstab and runs mount and
# umount. Needs report.sh, system.sh, rewrite.sh (cx_expand_path) and
# backup.sh.

# cx_mnt_read STATE FSTAB PATH [SRC FSTYPE]: PATH and SRC expanded as
# Ansible's `path` type (name, src); unless STATE is ephemeral a missing
# FSTAB (and its directory) is made empty, as the module does before
# anything else; reports FSTAB's text (content), whether PATH exists
# (exists) and whether it is mounted as STATE asks (mounted; for ephemeral
# also same_source). The mountinfo read is /proc/self/mountinfo, or
# CXPLAY_STANDIN_MOUNTINFO's (the tests' stand-in mount table); when it
# cannot be read, no_mountinfo and mount's list instead, as the module does.
cx_mnt_read() {
  cx_state=$1 cx_info=${CXPLAY_STANDIN_MOUNTINFO:-/proc/self/mountinfo}
  cx_expand_path "$3"; cx_name=$cx_path; cx_report64 name "$cx_name"
  if [ $# -gt 3 ]; then cx_expand_path "$4"; cx_src=$cx_path cx_fstype=$5; cx_report64 src "$cx_src"; fi
  if [ "$cx_state" != ephemeral ] && [ ! -e "$2" ]; then
    mkdir -p -- "$(dirname -- "$2")" 2>/dev/null
    cx_e=$( (: >>"$2") 2>&1) || cx_fail "Failed to open $2 due to $cx_e"
  fi
  if [ -f "$2" ]; then cx_c=$(cat -- "$2" && echo x) && cx_report64 content "${cx_c%x}"; fi
  [ -e "$cx_name" ] && cx_report exists 1
  [ -r "$cx_info" ] || cx_report no_mountinfo 1
  case $cx_state in
    absent | unmounted) { cx_mnt_ismount "$cx_name" || cx_mnt_bound "$cx_name"; } && cx_report mounted 1 ;;
    mounted | ephemeral)
      { cx_mnt_ismount "$cx_name" || cx_mnt_bound "$cx_name" "$cx_src" "$cx_fstype"; } || return 0
      cx_report mounted 1
      [ "$cx_state" = ephemeral ] && cx_mnt_same_source && cx_report same_source 1 ;;
  esac
  return 0
}

# cx_mnt_ismount PATH: Python's os.path.ismount: PATH (not a symbolic
# link) is on another device than its parent, or is its own parent.
cx_mnt_ismount() {
  [ ! -L "$1" ] || return 1
  cx_at=$(stat -c %d:%i -- "$1" 2>/dev/null) || return 1
  cx_up=$(realpath -m -- "$1/..") && cx_upper=$(stat -c %d:%i -- "$cx_up" 2>/dev/null) || return 1
  [ "${cx_at%:*}" != "${cx_upper%:*}" ] || [ "${cx_at#*:}" = "${cx_upper#*:}" ]
}

# cx_mnt_bound DEST [SRC FSTYPE]: ansible.posix's is_bind_mounted: DEST is
# a mount point of the mountinfo read (with SRC as its source, when given);
# without a mountinfo, `mount -l` lists DEST (with SRC and FSTYPE).
cx_mnt_bound() {
  [ -r "$cx_info" ] || { cx_mnt_listed -l "$@"; return; }
  cx_mnt_table "$cx_info" | cx_dest=$1 cx_want=${2-} cx_given=$# awk '
    $1 == ENVIRON["cx_dest"] { source = $2; found = 1 }
    END { exit !(found && (ENVIRON["cx_given"] == 1 || source == ENVIRON["cx_want"])) }'
}

# cx_mnt_same_source: ansible.posix's _is_same_mount_src for an ephemeral
# mount at cx_name: mounted from cx_src by the mountinfo's account, or by
# `mount -v`'s list (which must not be empty).
cx_mnt_same_source() {
  { cx_mnt_ismount "$cx_name" || cx_mnt_bound "$cx_name"; } || return 1
  [ ! -r "$cx_info" ] || ! cx_mnt_bound "$cx_name" "$cx_src" || return 0
  cx_mnt_listed -v "$cx_name" "$cx_src"
}

# cx_mnt_listed OPTION DEST [SRC [FSTYPE]]: whether `mount OPTION` lists a
# line `SRC on DEST type FSTYPE ...` (fields split at blanks; SRC and
# FSTYPE only when given). -v with an empty list fails the task, as the
# module does.
cx_mnt_listed() {
  cx_bin mount
  cx_list=$("$cx_bin" "$1" 2>/dev/null)
  [ "$1" != -v ] || [ -n "$cx_list" ] || cx_fail "Unable to retrieve mount info with command '$cx_bin -v'"
  printf '%s\n' "$cx_list" | cx_dest=$2 cx_want=${3-} cx_type=${4-} cx_given=$# awk '
    $3 == ENVIRON["cx_dest"] && (ENVIRON["cx_given"] < 3 || $1 == ENVIRON["cx_want"]) && (ENVIRON["cx_given"] < 4 || $5 == ENVIRON["cx_type"]) { found = 1 }
    END { exit !found }'
}

# cx_mnt_table FILE: the mounts of the mountinfo FILE as ansible.posix's
# get_linux_mounts reads them, `DST SRC OPTS FSTYPE` a line in its order
# (the fields as the kernel escapes them: \040 stays as it is; a later line
# of the same DST wins). A mount whose parent is in the table (not id 1)
# has as its source its root within the parent's, put under the parent's
# mount point: a bind mount's source directory.
cx_mnt_table() {
  awk '
    NF > 0 {
      id = $1 + 0
      if (!(id in parent)) order[++count] = id
      parent[id] = $2 + 0; root[id] = $4; dst[id] = $5; opts[id] = $6; fstype[id] = $(NF - 2); source[id] = $(NF - 1)
    }
    END {
      for (i = 1; i <= count; i++) {
        id = order[i]; up = parent[id]; src = source[id]
        if (up != 1 && (up in parent)) {
          if (length(root[up]) > 1 && index(root[id], root[up] "/") == 1) root[id] = substr(root[id], length(root[up]) + 1)
          if (dst[up] != "/") root[id] = dst[up] root[id]
          src = root[id]
        }
        print dst[id], src, opts[id], fstype[id]
      }
    }' "$1"
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
