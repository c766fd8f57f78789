# copy of a directory from the controller (engine/modules/lib/copy-tree.ts
# builds the calls): one exec makes the directories, the symlinks, and gives
# the files already right their mode, owner, group and chattr flags; it
# reports which files need their content sent (the caller writes each with
# write.sh; with flags, the directories and links come after, in an exec of their own).
# Needs report.sh, attributes.sh and dirname.sh.
#
# Set by cx_tree_start and read by the functions of this file: cx_tree_dest
# (the destination directory, ending in /), cx_tree_check (true or false),
# cx_tree_changed (0 or 1), cx_tree_needs (the numbers of the files whose
# content must be sent), cx_tree_dmode/owner/group/flags (what directories get:
# directory_mode, owner, group, and chattr flags when cx_tree_flags_set is
# true), cx_tree_force (false: leave existing files).
cx_tree_changed=0 cx_tree_needs=

# cx_tree_start DEST CHECK DIRECTORY_MODE OWNER GROUP FORCE [FLAGS]: FLAGS,
# when given, are the chattr flags (cx_attributes_wanted's) for every path.
cx_tree_start() {
  cx_tree_dest=$1 cx_tree_check=$2 cx_tree_dmode=$3 cx_tree_owner=$4 cx_tree_group=$5 cx_tree_force=$6 cx_tree_flags_set=false
  if [ $# -ge 7 ]; then cx_tree_flags=$7 cx_tree_flags_set=true; fi
  cx_attributes_wanted '' "$cx_tree_owner" "$cx_tree_group" "$cx_tree_check"; cx_resolve_ids
}

# cx_tree_mkdir PATH: makes PATH and its missing parents, each new one
# given directory_mode, the owner, group and flags (as Ansible's copy and
# file modules give the directories they make); fails when PATH is something else.
# shellcheck disable=SC2154 # cx_parent is cx_dirname's output
cx_tree_mkdir() {
  [ -d "$1" ] && return 0
  [ -e "$1" ] || [ -L "$1" ] && cx_fail "$1 exists and is not a directory"
  cx_dirname "$1"; cx_tree_mkdir "$cx_parent"
  cx_tree_changed=1
  $cx_tree_check && return 0
  cx_out=$(mkdir -- "$1" 2>&1) || cx_fail "Error creating $1 ($cx_out)"
  cx_tree_attributes "$1" "$cx_tree_dmode"
}

# cx_tree_attributes PATH MODE: gives PATH (a link itself) MODE, the owner,
# group and flags.
# shellcheck disable=SC2154 # cx_attributes_changed is cx_attributes' output
cx_tree_attributes() {
  [ -e "$1" ] || [ -L "$1" ] || return 0
  if $cx_tree_flags_set; then
    cx_attributes_wanted "$2" "$cx_tree_owner" "$cx_tree_group" "$cx_tree_check" "$cx_tree_flags"
  else
    cx_attributes_wanted "$2" "$cx_tree_owner" "$cx_tree_group" "$cx_tree_check"
  fi
  cx_stat_forget; cx_attributes "$1"
  [ "$cx_attributes_changed" = 1 ] && cx_tree_changed=1
  :
}

# cx_tree_dir REL: a directory of the source, made and given directory_mode (and the rest).
cx_tree_dir() { cx_tree_mkdir "$cx_tree_dest$1"; cx_tree_attributes "$cx_tree_dest$1" "$cx_tree_dmode"; }

# cx_tree_file N REL SHA1 MODE: a file of the source; when dest has it
# with that content, gives it MODE (empty: keep), the owner, group and flags; else N joins the files
# to send. With force false, whatever dest already has there is left as it
# is, its mode and owner too (Ansible's action skips the file before any module runs).
# shellcheck disable=SC2154 # cx_parent is cx_dirname's output
cx_tree_file() {
  cx_d="$cx_tree_dest$2"; cx_dirname "$cx_d"; cx_tree_mkdir "$cx_parent"
  [ "$cx_tree_force" = false ] && { [ -e "$cx_d" ] || [ -L "$cx_d" ]; } && return 0
  if [ -f "$cx_d" ] && [ ! -L "$cx_d" ]; then
    cx_s=$(sha1sum < "$cx_d") || cx_fail "cannot read $cx_d"
    if [ "${cx_s%% *}" = "$3" ]; then cx_tree_attributes "$cx_d" "$4"; return 0; fi
  fi
  cx_tree_needs="$cx_tree_needs $1"
}

# cx_tree_link TARGET REL: a symlink of the source (local_follow false),
# made or pointed at TARGET, then given the flags.
# shellcheck disable=SC2154 # cx_parent is cx_dirname's output
cx_tree_link() {
  cx_d="$cx_tree_dest$2"; cx_dirname "$cx_d"; cx_tree_mkdir "$cx_parent"
  if [ ! -L "$cx_d" ] || [ "$(readlink -- "$cx_d")" != "$1" ]; then
    [ -d "$cx_d" ] && [ ! -L "$cx_d" ] && cx_fail "refusing to convert from directory to symlink for $cx_d"
    cx_tree_changed=1
    $cx_tree_check || ln -sfn -- "$1" "$cx_d" || cx_fail "cannot make the link $cx_d"
  fi
  cx_tree_link_flags "$cx_d"
}

# cx_tree_link_flags PATH: the flags for the link itself, as Ansible's file
# module gives them (lsattr reads none there: they always differ, and
# chattr fails on it, so the task fails, except in check mode).
cx_tree_link_flags() {
  $cx_tree_flags_set || return 0
  cx_attributes_wanted '' '' '' "$cx_tree_check" "$cx_tree_flags"
  cx_attributes_changed=0; cx_chattr_wanted "$1" quiet
  [ "$cx_attributes_changed" = 1 ] && cx_tree_changed=1
  :
}

# cx_tree_end: reports changed and the files to send.
cx_tree_end() { cx_report changed "$cx_tree_changed"; cx_report needs "$cx_tree_needs"; }
