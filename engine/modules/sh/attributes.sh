# The mode, owner and group a task wants for a path: compare, apply, report.
# Octal modes compare directly; for a symbolic mode (u=rw,g+r) the resulting
# mode is worked out first on a scratch file with the same mode, so check
# mode predicts it exactly and the real file is changed with one chmod to the
# final octal mode. That chmod is given five digits (00750): GNU chmod keeps
# a directory's setgid bit on four, and the mode would never match.
# Needs report.sh. The part `recursive` (file's recurse) only where it is used.

# What cx_attributes_wanted was given (nothing wanted until it is called).
cx_attr_mode='' cx_attr_owner='' cx_attr_group='' cx_attr_check=false cx_attr_flags='' cx_attr_flags_set=false
# The stat kept by cx_stat_known (PATH in cx_st_path, "MODE|UID|GID|SIZE|USER|GROUP" in cx_st).
cx_st='' cx_st_path=''

# cx_attributes_wanted MODE OWNER GROUP CHECK [FLAGS]: what cx_resolve_ids,
# cx_attributes and cx_attributes_recursive work with. MODE is four octal
# digits, a symbolic mode or empty; OWNER and GROUP are names, ids or empty
# (leave alone); CHECK is true (check mode: change nothing) or false. FLAGS,
# when given (even empty: Ansible then clears every flag), is the task's
# `attributes`: chattr flags, `+A`, `-A` or `A` (= A).
cx_attributes_wanted() {
  cx_attr_mode=$1 cx_attr_owner=$2 cx_attr_group=$3 cx_attr_check=$4 cx_attr_flags_set=false
  if [ $# -ge 5 ]; then cx_attr_flags=$5 cx_attr_flags_set=true; fi
}

# cx_resolve_ids: sets cx_resolved_uid and cx_resolved_gid to the wanted
# owner's and group's ids; fails like Ansible when one does not exist.
cx_resolve_ids() {
  cx_resolved_uid='' cx_resolved_gid=''
  case $cx_attr_owner in
    '') ;;
    *[!0-9]*) cx_resolved_uid=$(id -u -- "$cx_attr_owner" 2>/dev/null) || cx_fail "chown failed: failed to look up user $cx_attr_owner" ;;
    *) cx_resolved_uid=$cx_attr_owner ;;
  esac
  case $cx_attr_group in
    '') ;;
    *[!0-9]*)
      cx_resolved_gid=$( (getent group "$cx_attr_group" 2>/dev/null || awk -F: -v g="$cx_attr_group" '$1 == g' /etc/group) | cut -d: -f3 | head -n 1)
      [ -n "$cx_resolved_gid" ] || cx_fail "chgrp failed: failed to look up group $cx_attr_group" ;;
    *) cx_resolved_gid=$cx_attr_group ;;
  esac
}

# cx_pad_mode N: sets cx_padded to N as four octal digits.
cx_pad_mode() { cx_padded=$1; while [ ${#cx_padded} -lt 4 ]; do cx_padded="0$cx_padded"; done; }

# cx_mode PATH: prints PATH's mode as four octal digits.
cx_mode() { cx_t=$(stat -c %a "$1") || return 1; cx_pad_mode "$cx_t"; printf '%s' "$cx_padded"; }

# cx_stat_all PATH: keeps PATH's stat in cx_st (empty when it fails) and
# PATH in cx_st_path. cx_stat_known PATH: the same, only when it is not
# kept already. cx_stat_forget: PATH changed, the kept stat is stale.
cx_stat_all() { cx_st_path=$1; cx_st=$(stat -c '%a|%u|%g|%s|%U|%G' "$1") || { cx_st=; cx_st_path=; }; }
cx_stat_known() { if [ -z "$cx_st_path" ] || [ "$cx_st_path" != "$1" ]; then cx_stat_all "$1"; fi; }
cx_stat_forget() { cx_st_path=; }

# cx_split_stat STAT: sets cx_split_mode (four digits), cx_split_uid,
# cx_split_gid and cx_split_size from a stat kept in cx_st (all empty for an
# empty one).
# shellcheck disable=SC2034 # its outputs are read by the scripts that include it
cx_split_stat() {
  cx_t=$1
  if [ -z "$cx_t" ]; then cx_split_mode='' cx_split_uid='' cx_split_gid='' cx_split_size=''; return; fi
  cx_pad_mode "${cx_t%%|*}"; cx_split_mode=$cx_padded; cx_t=${cx_t#*|}
  cx_split_uid=${cx_t%%|*}; cx_t=${cx_t#*|}
  cx_split_gid=${cx_t%%|*}; cx_t=${cx_t#*|}
  cx_split_size=${cx_t%%|*}
}

# cx_symbolic KIND BASE MODE: prints the mode a symbolic chmod MODE gives a
# file of KIND (f or d) that has mode BASE.
cx_symbolic() {
  if [ "$1" = d ]; then cx_t=$(mktemp -d); else cx_t=$(mktemp); fi || cx_fail "cannot create a scratch file to work out the mode"
  chmod "$2" "$cx_t" && chmod "$3" "$cx_t" && cx_mode "$cx_t"; cx_rc=$?
  rm -rf "$cx_t"
  return $cx_rc
}

# cx_attr_symbolic: true when the wanted mode is symbolic.
cx_attr_symbolic() { case $cx_attr_mode in '' | [0-7][0-7][0-7][0-7]) return 1 ;; esac; }

# cx_attr_apply COMMAND...: runs COMMAND unless in check mode.
cx_attr_apply() { $cx_attr_check || "$@"; }

# cx_attributes PATH: sets cx_attributes_changed to 1 when PATH's mode, owner,
# group or chattr flags differ from the wanted ones (else 0), applies them
# unless in check mode, and reports mode_before/mode_after,
# uid_before/uid_after, gid_before/gid_after (and cx_chattr_wanted's
# reports), and the SELinux context (selinux.sh's cx_se_apply). Needs
# cx_resolve_ids first when an owner or group is wanted.
cx_attributes() { cx_attributes_ids "$1"; cx_chattr_wanted "$1"; cx_se_apply "$1"; }

# cx_attributes_ids PATH: cx_attributes for mode, owner and group.
cx_attributes_ids() {
  cx_attributes_changed=0
  [ -n "$cx_attr_mode$cx_attr_owner$cx_attr_group" ] || return 0
  cx_stat_known "$1"; cx_split_stat "$cx_st"
  if [ -n "$cx_attr_mode" ]; then
    if cx_attr_symbolic; then
      if [ -d "$1" ]; then cx_k=d; else cx_k=f; fi
      cx_new=$(cx_symbolic "$cx_k" "$(cx_mode "$1")" "$cx_attr_mode") || cx_fail "could not work out mode $cx_attr_mode"
    else
      cx_new=$cx_attr_mode
    fi
    if [ "$cx_split_mode" != "$cx_new" ]; then
      cx_attributes_changed=1; cx_report mode_before "$cx_split_mode"; cx_report mode_after "$cx_new"
      cx_attr_apply chmod "0$cx_new" "$1" || cx_fail "chmod failed on $1"
    fi
  fi
  if [ -n "$cx_attr_owner" ] && [ "$cx_split_uid" != "$cx_resolved_uid" ]; then
    cx_attributes_changed=1; cx_report uid_before "$cx_split_uid"; cx_report uid_after "$cx_resolved_uid"
    cx_attr_apply chown "$cx_resolved_uid" "$1" || cx_fail "chown failed on $1"
  fi
  if [ -n "$cx_attr_group" ] && [ "$cx_split_gid" != "$cx_resolved_gid" ]; then
    cx_attributes_changed=1; cx_report gid_before "$cx_split_gid"; cx_report gid_after "$cx_resolved_gid"
    cx_attr_apply chgrp "$cx_resolved_gid" "$1" || cx_fail "chgrp failed on $1"
  fi
  [ "$cx_attributes_changed" = 1 ] && cx_stat_forget
  :
}

# cx_chattr_wanted PATH [quiet]: gives PATH the wanted chattr flags, as Ansible's
# set_attributes_if_different does, after mode, owner and group: a leading
# + or - is chattr's operator, anything else is set with = (so `=A` is
# passed on as `==A`, which chattr refuses, as in Ansible). The flags count
# as changed when lsattr -d lists others (dashes dropped; none when lsattr
# cannot read them), and always with -. Without chattr on the host nothing
# changes, as in Ansible. Sets cx_attributes_changed to 1 when they change
# (in check mode: would; for a PATH check mode has not created, always) and
# reports (unless quiet) attr_before (or attr_before_unknown) and attr_after; a chattr that
# fails or prints anything fails the task with chattr_details, chattr_path
# and PATH's attributes.
cx_chattr_wanted() {
  $cx_attr_flags_set || return 0
  if $cx_attr_check && [ ! -e "$1" ]; then cx_attributes_changed=1; return 0; fi
  case $cx_attr_flags in
    [-+]*) cx_op=${cx_attr_flags%"${cx_attr_flags#?}"} cx_fl=${cx_attr_flags#?} ;;
    *) cx_op='=' cx_fl=$cx_attr_flags ;;
  esac
  cx_lsattr "$1"; cx_known=$?
  [ "$cx_flags_now" != "$cx_fl" ] || [ "$cx_op" = - ] || return 0
  cx_chattr_bin=$(command -v chattr) || return 0
  cx_attributes_changed=1
  if [ "$2" != quiet ]; then
    if [ "$cx_known" = 0 ]; then cx_report attr_before "$cx_flags_now"; else cx_report attr_before_unknown 1; fi
    cx_report attr_after "$cx_op$cx_fl"
  fi
  $cx_attr_check && return 0
  # chattr writes to stdout only with -V: its combined output is Ansible's out + err.
  # By its path, as Ansible runs it (its usage message names it so).
  cx_t=$("$cx_chattr_bin" "$cx_op$cx_fl" "$1" 2>&1) && [ -z "$cx_t" ] && return 0
  # Ansible's failure names the path and, as every result naming one, its attributes.
  cx_report64 chattr_details "Error while setting attributes: $cx_t"; cx_report64 chattr_path "$1"
  if [ -L "$1" ]; then cx_report chattr_on_link 1; elif [ -d "$1" ]; then cx_report chattr_on_directory 1; fi
  cx_report_attributes "$1"
  cx_fail 'chattr failed'
}

# cx_lsattr PATH: sets cx_flags_now to PATH's chattr flags as `lsattr -d`
# lists them, without the dashes (Ae); false, and none, when lsattr is
# missing or cannot read them (a symlink, /proc).
cx_lsattr() {
  cx_flags_now=''
  cx_t=$(lsattr -d -- "$1" 2>/dev/null) || return 1
  cx_t=${cx_t%% *}
  while :; do case $cx_t in *-*) cx_t=${cx_t%%-*}${cx_t#*-} ;; *) break ;; esac; done
  cx_flags_now=$cx_t
}

# cx_report_attributes PATH [cached]: reports mode, owner, group, uid, gid
# and size of PATH itself, from one stat (and its SELinux context where
# SELinux is enabled: cx_se_report), and sets cx_reported_ids to
# "MODE UID GID". `cached` reuses cx_attributes' stat of PATH, for callers
# that changed nothing since. (User and group names hold no '|'.)
cx_report_attributes() {
  if [ "$2" = cached ] && [ -n "$cx_st_path" ] && [ "$cx_st_path" = "$1" ]; then cx_t=$cx_st; else cx_t=$(stat -c '%a|%u|%g|%s|%U|%G' "$1"); fi
  cx_pad_mode "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_report mode "$cx_padded"; cx_reported_ids="$cx_padded ${cx_t%%|*}"
  cx_report uid "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_reported_ids="$cx_reported_ids ${cx_t%%|*}"; cx_report gid "${cx_t%%|*}"; cx_t=${cx_t#*|}
  cx_report size "${cx_t%%|*}"; cx_t=${cx_t#*|}; cx_report64 owner "${cx_t%%|*}"; cx_report64 group "${cx_t#*|}"
  cx_se_report "$1"
}

# cx_report_path_state PATH: what Ansible's add_path_info says PATH is
# (path_state): link, directory, hard (a file of several links) or file.
cx_report_path_state() {
  if [ -L "$1" ]; then cx_report path_state link
  elif [ -d "$1" ]; then cx_report path_state directory
  elif [ "$(stat -L -c %h -- "$1")" -gt 1 ]; then cx_report path_state hard
  else cx_report path_state file; fi
}

# part: recursive
# cx_attributes_recursive PATH: cx_attributes for everything under PATH
# (file's recurse), without the before/after reports. One scratch-file
# comparison per distinct (kind, mode) pair in the tree, not per file.
cx_attributes_recursive() {
  cx_attributes_changed=0
  if [ -n "$cx_attr_mode" ]; then
    cx_diff=$(find "$1" ! -type l -exec stat -c '%F|%a' {} + | sed 's/^directory|/d|/;s/^[^d][^|]*|/f|/' | sort -u | while IFS='|' read -r cx_k cx_a; do
      if cx_attr_symbolic; then cx_want=$(cx_symbolic "$cx_k" "$cx_a" "$cx_attr_mode"); else cx_want=$cx_attr_mode; fi
      [ "$cx_want" = "$(printf '%04d' "$cx_a")" ] || { echo x; break; }
    done)
    if cx_attr_symbolic; then cx_k=$cx_attr_mode; else cx_k=0$cx_attr_mode; fi
    [ -n "$cx_diff" ] && { cx_attributes_changed=1; cx_attr_apply chmod -R "$cx_k" "$1" || cx_fail "chmod failed under $1"; }
  fi
  if [ -n "$cx_attr_owner" ] && [ -n "$(find "$1" ! -user "$cx_resolved_uid" -print | head -n 1)" ]; then
    cx_attributes_changed=1; cx_attr_apply chown -R "$cx_resolved_uid" "$1" || cx_fail "chown failed under $1"
  fi
  if [ -n "$cx_attr_group" ] && [ -n "$(find "$1" ! -group "$cx_resolved_gid" -print | head -n 1)" ]; then
    cx_attributes_changed=1; cx_attr_apply chgrp -R "$cx_resolved_gid" "$1" || cx_fail "chgrp failed under $1"
  fi
  [ "$cx_attributes_changed" = 1 ] && cx_stat_forget
  # chattr flags path by path (links too), as Ansible's recursion: no diff for them.
  $cx_attr_flags_set && while IFS= read -r cx_p; do cx_chattr_wanted "$cx_p" quiet; done <<EOF
$(find "$1" -mindepth 1)
EOF
  cx_se_apply_under "$1"
}
