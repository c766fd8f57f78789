# The file module (engine/modules/file.ts): a path's state and attributes.
# A script carries the common part (up to the first `# part:` line) and
# only the part of the state it wants (all of them when the host decides
# the state); file.ts picks them (filePart). Needs report.sh and
# attributes.sh; the directory part also self.sh, directory, link and hard
# dirname.sh.
#
# The task's variables, set by cx_file_task and read by the functions of
# this file: p (the path; a followed link changes it), want, prev (p's state
# before), src, the flags has_src, force, follow, recurse, check and
# wants_attributes (true or false), exact_mode (for cx_mkdir_exact), and
# changed (0 or 1), which the state functions set.

# cx_file_task PATH STATE SRC HAS_SRC FORCE FOLLOW RECURSE CHECK WANTS_ATTRIBUTES EXACT_MODE MTIME ATIME:
# brings PATH to STATE (empty: keep its state), reports before, want,
# after, changed and the attributes, and exits. EXACT_MODE: the octal mode
# mkdir -m can give a new directory by itself (empty: none). MTIME and
# ATIME: the modification and access times wanted (see cx_times; empty:
# `now` for touch, else preserve).
cx_file_task() {
  p=$1 want=$2 src=$3 has_src=$4 force=$5 follow=$6 recurse=$7 check=$8 wants_attributes=$9 exact_mode=${10} mtime_want=${11} atime_want=${12}
  cx_state "$p"; prev=$cx_path_state
  if [ -z "$want" ]; then if [ "$prev" != absent ]; then want=$prev; elif $recurse; then want='directory'; else want='file'; fi; fi
  if [ "$want" = touch ]; then mtime_want=${mtime_want:-now} atime_want=${atime_want:-now}; fi
  cx_report before "$prev"; cx_report want "$want"
  $recurse && [ "$want" != directory ] && cx_fail "recurse option requires state to be 'directory'"
  $has_src && case "$want" in link|hard) ;; *) cx_fail "src option requires state to be 'link' or 'hard'";; esac
  [ "$want" != absent ] && cx_resolve_ids
  changed=0
  case "$want" in absent) cx_absent;; file) cx_file;; directory) cx_directory;; link) cx_link;; hard) cx_hard;; touch) cx_touch;; esac
  cx_finish
}
# cx_state PATH: sets cx_path_state to PATH's state (a variable, not output: no subshell).
cx_state() {
  if [ -L "$1" ]; then cx_path_state='link'
  elif [ -d "$1" ]; then cx_path_state=directory
  elif [ -e "$1" ]; then if [ "$(stat -c %h "$1")" -gt 1 ]; then cx_path_state='hard'; else cx_path_state='file'; fi
  else cx_path_state=absent; fi
}
cx_finish() {
  cx_report changed "$changed"
  cx_state "$p"; cx_report after "$cx_path_state"
  # Unchanged: the attributes cx_attributes read are still the path's.
  if [ -e "$p" ] || [ -L "$p" ]; then if [ "$changed" = 0 ]; then cx_report_attributes "$p" cached; else cx_report_attributes "$p"; fi; fi
  exit 0
}
# shellcheck disable=SC2154 # cx_attributes_changed is cx_attributes' output
cx_apply_attributes() {
  cx_attributes "$1"; [ "$cx_attributes_changed" = 1 ] && changed=1
  if $recurse; then cx_attributes_recursive "$1"; [ "$cx_attributes_changed" = 1 ] && changed=1; fi
  :
}
cx_follow() { if $follow && [ "$prev" = link ]; then p=$(readlink -f -- "$p"); cx_state "$p"; prev=$cx_path_state; fi; }

# cx_times PATH: gives PATH the times in mtime_want and atime_want, each
# empty or `preserve` (keep it), `now`, or a local time `YYYY-MM-DD
# HH:MM:SS`, as Ansible's update_timestamp_for_file: both `now` always
# changes; otherwise only times that differ. Sets changed and reports
# mtime_before/mtime_after and atime_before/atime_after (`SECONDS.NANOS`)
# for the times that change; in check mode changes nothing.
cx_times() {
  case "$mtime_want$atime_want" in '' | preserve | preservepreserve) return 0 ;; esac
  cx_t=$(stat -c '%.9Y %.9X' -- "$1" 2>&1) || cx_fail "Error while updating modification or access time: $cx_t"
  cx_m0=${cx_t% *} cx_a0=${cx_t#* }
  if [ "$mtime_want" = now ] && [ "$atime_want" = now ]; then
    cx_m1=$(date +%s.%N) cx_a1=$cx_m1
    $check || cx_t=$(touch -c -- "$1" 2>&1) || cx_fail "Error while updating modification or access time: $cx_t"
  else
    cx_time_value "$mtime_want" "$cx_m0"; cx_m1=$cx_v
    cx_time_value "$atime_want" "$cx_a0"; cx_a1=$cx_v
    [ "$cx_m1" = "$cx_m0" ] && [ "$cx_a1" = "$cx_a0" ] && return 0
    $check || cx_t=$(touch -c -m -d "@$cx_m1" -- "$1" 2>&1 && touch -c -a -d "@$cx_a1" -- "$1" 2>&1) || cx_fail "Error while updating modification or access time: $cx_t"
  fi
  changed=1
  [ "$cx_m1" != "$cx_m0" ] && { cx_report mtime_before "$cx_m0"; cx_report mtime_after "$cx_m1"; }
  [ "$cx_a1" != "$cx_a0" ] && { cx_report atime_before "$cx_a0"; cx_report atime_after "$cx_a1"; }
  :
}

# cx_time_value WANT CURRENT: sets cx_v to the time WANT names
# (`SECONDS.NANOS`): CURRENT for empty or preserve, the time now, or the
# local time given.
cx_time_value() {
  case $1 in
    '' | preserve) cx_v=$2 ;;
    now) cx_v=$(date +%s.%N) ;;
    *) cx_v=$(date -d "$1" +%s.000000000 2>&1) || cx_fail "Error while obtaining timestamp for time $1: $cx_v" ;;
  esac
}

# part: absent
cx_absent() {
  [ "$prev" = absent ] && return
  changed=1
  $check && return
  if [ "$prev" = directory ]; then out=$(rm -rf -- "$p" 2>&1) || cx_fail "rmtree failed: $out"
  else out=$(rm -f -- "$p" 2>&1) || cx_fail "unlinking failed: $out"; fi
}

# part: file
cx_file() {
  cx_follow
  case "$prev" in file|hard) ;; *) cx_fail "file ($p) is $prev, cannot continue";; esac
  cx_apply_attributes "$p"
  cx_times "$p"
}

# part: directory
cx_directory() {
  cx_follow
  case "$prev" in
    absent) changed=1; $check || { cx_mkdirs "$p"; cx_times "$p"; };;
    directory) cx_apply_attributes "$p"; cx_times "$p";;
    *) cx_fail "$p already exists as a $prev";;
  esac
}
# mkdir -p, giving each directory it creates the wanted attributes (as Ansible does).
cx_mkdirs() {
  case "$1" in /*) cx_dir=;; *) cx_dir=.;; esac
  cx_ifs=$IFS; IFS=/; set -f
  for cx_part in $1; do
    IFS=$cx_ifs
    [ -z "$cx_part" ] && continue
    cx_dir="$cx_dir/$cx_part"
    if [ ! -e "$cx_dir" ] && ! cx_mkdir_exact "$cx_dir"; then
      out=$(mkdir -- "$cx_dir" 2>&1) || [ -d "$cx_dir" ] || cx_fail "There was an issue creating $cx_dir as requested: $out"
      cx_attributes "$cx_dir"
    fi
  done
  IFS=$cx_ifs; set +f
}

# cx_mkdir_exact DIR: with an octal mode and no owner or group (exact_mode),
# mkdir -m makes DIR as wanted in one process (not under a setgid parent,
# whose group bit the new directory inherits); false when it did not. The
# diff shows the mode it would have had.
# shellcheck disable=SC2154 # cx_parent, cx_umask and cx_o: outputs of cx_dirname, cx_self and cx_octal
cx_mkdir_exact() {
  [ -n "$exact_mode" ] || return 1
  cx_dirname "$1"; [ -g "$cx_parent" ] && return 1
  mkdir -m "$exact_mode" -- "$1" 2>/dev/null || return 1
  cx_self; cx_octal $(( 0777 & ~0$cx_umask ))
  [ "$cx_o" != "$exact_mode" ] && { cx_report mode_before "$cx_o"; cx_report mode_after "$exact_mode"; }
  :
}

# part: link
# shellcheck disable=SC2154 # cx_parent is cx_dirname's output
cx_link() {
  if ! $has_src; then
    if $follow && [ "$prev" = link ]; then src=$(readlink -- "$p"); else cx_fail "src is required for creating new symlinks"; fi
  fi
  if [ "$prev" != link ] && [ -d "$p" ]; then base=$p; else cx_dirname "$p"; base=$cx_parent; fi
  case "$src" in /*) absrc=$src;; *) absrc="$base/$src";; esac
  if ! $force && [ ! -e "$absrc" ]; then cx_fail "src file does not exist, use \"force=yes\" if you really want to create the link: $absrc"; fi
  case "$prev" in
    directory)
      $force || cx_fail "refusing to convert from directory to symlink for $p"
      [ -z "$(ls -A -- "$p")" ] || cx_fail "the directory $p is not empty, refusing to convert it";;
    file|hard) $force || cx_fail "refusing to convert from $prev to symlink for $p";;
  esac
  if [ "$prev" = link ]; then
    old=$(readlink -- "$p")
    [ "$old" != "$src" ] && { changed=1; cx_report64 link_before "$old"; cx_report64 link_after "$src"; }
  else
    changed=1
  fi
  if [ "$changed" = 1 ] && ! $check; then
    if [ "$prev" = absent ]; then
      out=$(ln -s -- "$src" "$p" 2>&1) || cx_fail "Error while linking: $out"
    else
      [ "$prev" = directory ] && { rmdir -- "$p" || cx_fail "Error while replacing: could not remove the directory $p"; }
      cx_dirname "$p"; tmp="$cx_parent/.cxplay.$$.link"
      out=$( (ln -s -- "$src" "$tmp" && mv -fT -- "$tmp" "$p") 2>&1) || { rm -f -- "$tmp"; cx_fail "Error while replacing: $out"; }
    fi
  fi
  [ -L "$p" ] || [ -e "$p" ] || return 0
  if $follow && [ -L "$p" ] && [ ! -e "$p" ]; then
    cx_report64 warning "Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this."
  elif $follow; then
    # The target is resolved only when there are attributes to give it.
    $wants_attributes && cx_apply_attributes "$(readlink -f -- "$p")"
  elif [ ! -L "$p" ]; then
    cx_apply_attributes "$p"
  fi
}

# part: hard
# shellcheck disable=SC2154,SC3013 # cx_parent is cx_dirname's output; dash, bash and busybox sh all have test -ef
cx_hard() {
  $has_src || [ "$prev" = hard ] || cx_fail "src is required for creating new hardlinks"
  if $has_src && [ ! -e "$src" ]; then cx_fail "src does not exist"; fi
  case "$prev" in
    absent) changed=1;;
    link) old=$(readlink -- "$p"); [ "$old" != "$src" ] && { changed=1; cx_report64 link_before "$old"; cx_report64 link_after "$src"; };;
    hard) if $has_src && ! [ "$p" -ef "$src" ]; then changed=1; $force || cx_fail "Cannot link, different hard link exists at destination"; fi;;
    file) changed=1; $force || cx_fail "Cannot link, file exists at destination";;
    directory) [ "$p" -ef "$src" ] && return; cx_fail "Cannot link: different hard link exists at destination";;
  esac
  if [ "$changed" = 1 ] && ! $check; then
    cx_dirname "$p"; tmp="$cx_parent/.cxplay.$$.link"
    out=$( (ln -- "$src" "$tmp" && mv -fT -- "$tmp" "$p") 2>&1) || { rm -f -- "$tmp"; cx_fail "Error while linking: $out"; }
  fi
  [ -e "$p" ] && cx_apply_attributes "$p"
  :
}

# part: touch
cx_touch() {
  # A new file changes; an existing one by its attributes and times (both `now`, the default, always).
  if [ "$prev" = absent ]; then
    changed=1
    $check && return
    out=$( { : > "$p"; } 2>&1) || cx_fail "Error, could not touch target: $out"
  fi
  cx_apply_attributes "$p"
  cx_times "$p"
}
