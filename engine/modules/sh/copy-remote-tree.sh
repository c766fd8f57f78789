# copy of a directory that is already on the host (copy's remote_src), as
# Ansible 2.14's copy module does it (engine/modules/lib/copy-remote-tree.ts
# builds the call), its quirks included: SRC with a trailing slash copies
# what the directory holds into DEST, without one the directory itself; a
# new tree is copied whole with the modes and times of the source; into an
# existing one only files that are missing or differ (Python's
# filecmp.dircmp; its ignored names do not apply to the byte paths Ansible
# gives it), and once something changed below DEST the deeper directories wait for the next
# run; symlinks follow local_follow (not given: links to files and to
# directories are left out of an existing tree); `mode`, owner and group go
# to the resulting DEST only, directory_mode to the parents a DEST ending in
# / makes; the chattr flags (`attributes`) to DEST and those parents too.
# Needs report.sh, attributes.sh and dirname.sh.
#
# Set by cx_rtree_task and read by the functions of this file: cx_rt_src,
# cx_rt_dest (the path the result names), cx_rt_check (true or false),
# cx_rt_lf (local_follow: true, false or none), cx_rt_dmode (directory_mode),
# cx_rt_changed and cx_rt_hit (0 or 1: something changed; something changed
# while walking the common directories).
# shellcheck disable=SC2154 # cx_nl, cx_parent, cx_attributes_changed, cx_resolved_uid and cx_resolved_gid come from report.sh, dirname.sh and attributes.sh
cx_rt_changed=0 cx_rt_hit=0

# cx_rtree_task SRC DEST CHECK FORCE FOLLOW LOCAL_FOLLOW MODE DIRECTORY_MODE OWNER GROUP [FLAGS]:
# reports dest, changed and DEST's attributes and state, or msg (force
# false and DEST there; in check mode, parents DEST would need). FLAGS, when
# given, are the chattr flags (cx_attributes_wanted's).
cx_rtree_task() {
  LC_ALL=C; export LC_ALL
  cx_rt_src=$1 cx_rt_check=$3 cx_rt_lf=$6
  # Ansible's module works on ./DEST when DEST has no slash.
  case $2 in */*) cx_rt_dest=$2 ;; *) cx_rt_dest="./$2" ;; esac
  [ -e "$cx_rt_src" ] || cx_fail "Source $cx_rt_src not found"
  [ -r "$cx_rt_src" ] || cx_fail "Source $cx_rt_src not readable"
  cx_rt_dmode=$8; cx_attributes_wanted "$7" "$9" "${10}" "$cx_rt_check" ${11+"${11}"}; cx_resolve_ids
  case $cx_rt_dest in */) cx_rt_parents "${cx_rt_dest%/}" ;; esac
  [ -d "$cx_rt_dest" ] && cx_rt_join "$cx_rt_dest" "${cx_rt_src##*/}" && cx_rt_dest=$cx_rt_joined
  if [ -e "$cx_rt_dest" ]; then
    [ -L "$cx_rt_dest" ] && [ "$5" = true ] && cx_rt_dest=$(realpath -- "$cx_rt_dest")
    [ "$4" = true ] || { cx_report msg 'file already exists'; cx_rt_end; }
  else
    cx_dirname "$cx_rt_dest"; [ -e "$cx_parent" ] || cx_fail "Destination directory $cx_parent does not exist"
  fi
  # Ansible would replace the link by an empty file and move the source directory there.
  [ -L "$cx_rt_dest" ] && cx_fail "$cx_rt_dest is a symlink: copying a directory over it is not supported"
  cx_rt_copy "$2"
  if [ -e "$cx_rt_dest" ]; then cx_attributes "$cx_rt_dest"; [ "$cx_attributes_changed" = 1 ] && cx_rt_changed=1; fi
  cx_rt_end
}

# cx_rt_end: reports dest, changed, and DEST's attributes and state when it exists; ends the script.
cx_rt_end() {
  cx_report64 dest "$cx_rt_dest"; cx_report changed "$cx_rt_changed"
  if [ -e "$cx_rt_dest" ] || [ -L "$cx_rt_dest" ]; then
    cx_stat_forget; cx_report_attributes "$cx_rt_dest"
    if [ -L "$cx_rt_dest" ]; then cx_report state link
    elif [ -d "$cx_rt_dest" ]; then cx_report state directory
    elif [ "$(stat -L -c %h -- "$cx_rt_dest")" -gt 1 ]; then cx_report state hard
    else cx_report state file; fi
  fi
  exit 0
}

# cx_rt_join DIR NAME: sets cx_rt_joined to Python's os.path.join(DIR, NAME).
cx_rt_join() { case $1 in */) cx_rt_joined="$1$2" ;; *) cx_rt_joined="$1/$2" ;; esac; }

# cx_rt_parents DIR: makes DIR and its missing parents, each given
# directory_mode, owner and group; in check mode says it would and ends.
cx_rt_parents() {
  [ -e "$1" ] && return 0
  if [ "$cx_rt_check" = true ]; then cx_report64 msg "dest directory $1 would be created"; cx_report changed 1; exit 0; fi
  cx_rt_missing=$1 cx_rt_new=
  while [ ! -e "$cx_rt_missing" ]; do
    cx_rt_new="$cx_rt_missing$cx_nl$cx_rt_new"; cx_dirname "$cx_rt_missing"; cx_rt_missing=$cx_parent
  done
  cx_out=$(mkdir -p -- "$1" 2>&1) || cx_fail "Error creating $1 ($cx_out)"
  cx_rt_mode=$cx_attr_mode; cx_attr_mode=$cx_rt_dmode
  while IFS= read -r cx_rt_path; do [ -z "$cx_rt_path" ] || cx_attributes "$cx_rt_path"; done <<EOF
$cx_rt_new
EOF
  cx_attr_mode=$cx_rt_mode
}

# cx_rt_copy DEST: the directory copy itself, by the four cases of
# Ansible's module (SRC with or without a trailing slash; DEST, as the task
# gave it, a directory or missing).
cx_rt_copy() {
  case $cx_rt_src in
    */)
      if [ -d "$1" ]; then cx_rt_merge "$cx_rt_src" "$1"
      elif [ ! -e "$1" ]; then
        [ "$cx_rt_check" = true ] || cx_rt_copytree "$cx_rt_src" "$1" "$cx_rt_lf"
        cx_rt_chown_tree "$cx_rt_dest"; cx_rt_changed=1
      fi ;;
    *)
      cx_rt_join "$1" "${cx_rt_src##*/}"; cx_rt_target=$cx_rt_joined
      if [ -d "$1" ]; then
        if [ ! -e "$cx_rt_target" ]; then
          [ "$cx_rt_check" = true ] || { cx_rt_copytree "$cx_rt_src/" "$cx_rt_target" "$cx_rt_lf"; cx_rt_chown_tree "$cx_rt_dest"; }
          cx_rt_changed=1
        fi
        [ -e "$cx_rt_target" ] && cx_rt_merge "$cx_rt_src/" "$cx_rt_target"
      elif [ ! -e "$1" ] && [ ! -e "$cx_rt_target" ]; then
        if [ "$cx_rt_check" = true ]; then cx_rt_changed=1
        else
          cx_out=$(mkdir -p -- "$cx_rt_target" 2>&1) || cx_fail "Error creating $cx_rt_target ($cx_out)"
          cx_rt_merge "$cx_rt_src/" "$cx_rt_target"
        fi
      fi ;;
  esac
  :
}

# cx_rt_copytree FROM TO LOCAL_FOLLOW: Python's shutil.copytree (modes and
# times kept; links followed only when LOCAL_FOLLOW is true).
cx_rt_copytree() {
  if [ "$3" = true ]; then cx_rt_deref=-L; else cx_rt_deref=-P; fi
  cx_out=$(cp -R "$cx_rt_deref" --preserve=mode,timestamps -- "${1%/}" "$2" 2>&1) || cx_fail "failed to copy: $1 to $2 ($cx_out)"
}

# cx_rt_merge SRC DST: into an existing DST, the files that differ and what
# is missing, then the directories both have, then owner and group.
cx_rt_merge() {
  cx_rt_files "${1%/}" "${2%/}"
  cx_rt_hit=0; cx_rt_common "${1%/}" "${2%/}"
  cx_rt_chown_tree "$2"
}

# cx_rt_names DIR: prints DIR's entries, one a line.
cx_rt_names() {
  for cx_p in "$1"/.[!.]* "$1"/..?* "$1"/*; do
    if [ -e "$cx_p" ] || [ -L "$cx_p" ]; then printf '%s\n' "${cx_p##*/}"; fi
  done
}

# cx_rt_files SRC DST: Ansible's copy_diff_files and copy_left_only for one directory.
cx_rt_files() {
  cx_rt_list=$(cx_rt_names "$1")
  while IFS= read -r cx_rt_name; do
    [ -n "$cx_rt_name" ] || continue
    cx_rt_from="$1/$cx_rt_name" cx_rt_to="$2/$cx_rt_name"
    if [ -e "$cx_rt_to" ] || [ -L "$cx_rt_to" ]; then
      [ -f "$cx_rt_from" ] && [ -f "$cx_rt_to" ] && ! cmp -s -- "$cx_rt_from" "$cx_rt_to" && cx_rt_update "$cx_rt_from" "$cx_rt_to"
    else
      cx_rt_add "$cx_rt_from" "$cx_rt_to"
    fi
  done <<EOF
$cx_rt_list
EOF
  :
}

# cx_rt_update FROM TO: a file whose content differs gets FROM's content and mode.
cx_rt_update() {
  cx_rt_changed=1 cx_rt_hit=1
  [ "$cx_rt_check" = true ] && return 0
  [ -L "$1" ] && [ "$cx_rt_lf" = false ] && cx_fail "[Errno 17] File exists: '$(readlink -- "$1")' -> '$2'"
  { cat -- "$1" > "$2" && chmod --reference="$1" -- "$2"; } 2>/dev/null || cx_fail "failed to copy: $1 to $2"
  cx_rt_chown_one "$2"
}

# cx_rt_add FROM TO: what DST lacks, by its kind and local_follow.
cx_rt_add() {
  cx_rt_changed=1 cx_rt_hit=1
  [ "$cx_rt_check" = true ] && return 0
  if [ -L "$1" ]; then
    [ -e "$1" ] || return 0
    case $cx_rt_lf in
      false) ln -s -- "$(readlink -- "$1")" "$2" || cx_fail "failed to copy: $1 to $2" ;;
      true)
        if [ -d "$1" ]; then cx_rt_copytree "$1" "$2" true; cx_rt_chown_tree "$2"
        else cat -- "$1" > "$2" || cx_fail "failed to copy: $1 to $2"; cx_rt_chown_one "$2"; fi ;;
    esac
  elif [ -f "$1" ]; then
    { cat -- "$1" > "$2" && chmod --reference="$1" -- "$2"; } 2>/dev/null || cx_fail "failed to copy: $1 to $2"
    cx_rt_chown_one "$2"
  elif [ -d "$1" ]; then
    cx_rt_copytree "$1" "$2" "$cx_rt_lf"; cx_rt_chown_tree "$2"
  fi
}

# cx_rt_common SRC DST: Ansible's copy_common_dirs, without recursion: each
# directory both have gets cx_rt_files, and its own common directories are
# walked only while nothing has changed yet (Ansible's `changed or ...`).
cx_rt_common() {
  cx_rt_todo=$(cx_rt_dirs_in "$1" "$2" '')
  while [ -n "$cx_rt_todo" ]; do
    cx_rt_rel=${cx_rt_todo%%"$cx_nl"*}
    case $cx_rt_todo in *"$cx_nl"*) cx_rt_todo=${cx_rt_todo#*"$cx_nl"} ;; *) cx_rt_todo= ;; esac
    cx_rt_files "$1/$cx_rt_rel" "$2/$cx_rt_rel"
    [ "$cx_rt_hit" = 1 ] && continue
    cx_rt_inner=$(cx_rt_dirs_in "$1/$cx_rt_rel" "$2/$cx_rt_rel" "$cx_rt_rel/")
    [ -z "$cx_rt_inner" ] || cx_rt_todo="$cx_rt_inner${cx_rt_todo:+$cx_nl$cx_rt_todo}"
  done
}

# cx_rt_dirs_in SRC DST PREFIX: the names that are directories (through
# links) in both, one a line, each after PREFIX.
cx_rt_dirs_in() {
  cx_rt_names "$1" | while IFS= read -r cx_rt_d; do
    [ -d "$1/$cx_rt_d" ] && [ -d "$2/$cx_rt_d" ] && printf '%s\n' "$3$cx_rt_d"
  done
}

# cx_rt_chown_one PATH: the wanted owner and group for one new or updated path.
cx_rt_chown_one() {
  [ -z "$cx_attr_owner" ] || chown -h "$cx_resolved_uid" -- "$1" || cx_fail "chown failed on $1"
  [ -z "$cx_attr_group" ] || chgrp -h "$cx_resolved_gid" -- "$1" || cx_fail "chgrp failed on $1"
}

# cx_rt_chown_tree PATH: Ansible's chown_recursive: the wanted owner and
# group for everything under PATH (changed when one differed).
cx_rt_chown_tree() {
  [ -e "$1" ] || return 0
  if [ -n "$cx_attr_owner" ] && [ -n "$(find "$1" ! -uid "$cx_resolved_uid" -print -quit)" ]; then
    cx_rt_changed=1
    [ "$cx_rt_check" = true ] || find "$1" ! -uid "$cx_resolved_uid" -exec chown -h "$cx_resolved_uid" {} + || cx_fail "chown failed under $1"
  fi
  if [ -n "$cx_attr_group" ] && [ -n "$(find "$1" ! -gid "$cx_resolved_gid" -print -quit)" ]; then
    cx_rt_changed=1
    [ "$cx_rt_check" = true ] || find "$1" ! -gid "$cx_resolved_gid" -exec chgrp -h "$cx_resolved_gid" {} + || cx_fail "chgrp failed under $1"
  fi
  :
}
