# shellcheck shell=sh disable=SC2154,SC2034 # cx_attr_check is attributes.sh's; cx_attributes_changed is for it
# SELinux contexts (seuser, serole, setype, selevel) as Ansible's
# module_utils/basic.py sets them (set_context_if_different, with
# selinux_default_context for `_default` and is_special_selinux_path), by
# the commands of an SELinux host: selinuxenabled, stat -c %C, matchpathcon
# and chcon. Where SELinux is not enabled nothing is asked or changed, as in
# Ansible. Needs report.sh; attributes.sh calls it (cx_attr_check).

# Whether SELinux is enabled ('' until asked), the wanted parts, each
# `+VALUE` when the task gives it, else empty, and the path whose policy
# context `_default` takes (empty: each path's own).
cx_se_on='' cx_se_u='' cx_se_r='' cx_se_t='' cx_se_l='' cx_se_default_of=''

# cx_se_wanted USER ROLE TYPE LEVEL: the wanted parts (`+VALUE` or empty).
cx_se_wanted() { cx_se_u=$1 cx_se_r=$2 cx_se_t=$3 cx_se_l=$4; }

# cx_se_enabled: whether SELinux is enabled (selinuxenabled, asked once).
cx_se_enabled() {
  if [ -z "$cx_se_on" ]; then
    cx_se_on=0
    cx_e=$(PATH=$PATH:/usr/sbin:/sbin command -v selinuxenabled) && "$cx_e" && cx_se_on=1
  fi
  [ "$cx_se_on" = 1 ]
}

# cx_se_context PATH: sets cx_se_cur to PATH's context (of a link itself).
cx_se_context() { cx_se_cur=$(stat -c %C -- "$1" 2>/dev/null) || cx_fail "failed to retrieve selinux context of $1"; }

# cx_se_apply PATH [quiet]: gives PATH the wanted parts of its context (the others
# stay); on a file system whose labels are not its files' own (nfs, fuse,
# vboxsf, ramfs, 9p, vfat), the context of its mount point. When it
# changes, sets cx_attributes_changed to 1 and, unless quiet, reports
# secontext_before and secontext_after (the diff); in check mode a missing
# PATH counts as changed.
cx_se_apply() {
  cx_se_enabled || return 0
  if [ ! -e "$1" ] && [ ! -L "$1" ]; then
    $cx_attr_check && cx_attributes_changed=1 && return 0
    cx_fail "path $1 does not exist"
  fi
  cx_se_context "$1"
  cx_se_special "$1" || cx_se_merge "$1"
  [ "$cx_se_new" != "$cx_se_cur" ] || return 0
  cx_attributes_changed=1
  [ "$2" = quiet ] || { cx_report64 secontext_before "$cx_se_cur"; cx_report64 secontext_after "$cx_se_new"; }
  $cx_attr_check && return 0
  cx_e=$(chcon -h "$cx_se_new" "$1" 2>&1) && return 0
  case $cx_e in *'Invalid argument'*) cx_fail 'invalid selinux context: [Errno 22] Invalid argument' ;; esac
  cx_fail 'set selinux context failed'
}

# cx_se_merge PATH: sets cx_se_new to cx_se_cur with the wanted parts in
# (`_default`: matchpathcon's part for PATH, or for cx_se_default_of when
# set); the level only where contexts have one (an MLS policy).
cx_se_merge() {
  cx_se_split "$cx_se_cur"; cx_se_new=''
  cx_se_default=''
  case "$cx_se_u$cx_se_r$cx_se_t$cx_se_l" in
    # matchpathcon prints the path, a tab, the context.
    *+_default*) cx_se_default=$(PATH=$PATH:/usr/sbin:/sbin matchpathcon "${cx_se_default_of:-$1}" 2>/dev/null) && cx_se_default=${cx_se_default#*	} || cx_se_default='' ;;
  esac
  for cx_i in 1 2 3 4; do
    [ "$cx_i" -le "$cx_se_parts" ] || break
    eval "cx_part=\$cx_se_part$cx_i"
    case $cx_i in 1) cx_want=$cx_se_u ;; 2) cx_want=$cx_se_r ;; 3) cx_want=$cx_se_t ;; *) cx_want=$cx_se_l ;; esac
    if [ "$cx_want" = +_default ]; then
      cx_want=''
      [ -z "$cx_se_default" ] || { cx_keep=$cx_se_cur; cx_se_split "$cx_se_default"; eval "cx_want=+\$cx_se_part$cx_i"; cx_se_split "$cx_keep"; }
    fi
    [ -z "$cx_want" ] || cx_part=${cx_want#+}
    cx_se_new=$cx_se_new${cx_se_new:+:}$cx_part
  done
}

# cx_se_split CONTEXT: cx_se_part1..4 and their count cx_se_parts, split at
# the first three colons (a level may hold colons), as Python's split(':', 3).
cx_se_split() {
  cx_rest=$1 cx_se_parts=0
  while [ "$cx_se_parts" -lt 4 ]; do
    cx_se_parts=$((cx_se_parts + 1))
    case $cx_rest in
      *:*) [ "$cx_se_parts" = 4 ] && { eval "cx_se_part$cx_se_parts=\$cx_rest"; break; }; eval "cx_se_part$cx_se_parts=\${cx_rest%%:*}"; cx_rest=${cx_rest#*:} ;;
      *) eval "cx_se_part$cx_se_parts=\$cx_rest"; break ;;
    esac
  done
}

# cx_se_special PATH: when PATH's mount point (PATH resolved) is of a file
# system Ansible's selinux_special_fs names, sets cx_se_new to the mount
# point's context.
cx_se_special() {
  cx_se_mount=$(stat -L -c %m -- "$1" 2>/dev/null) || return 1
  cx_se_mount=$cx_se_mount awk '$2 == ENVIRON["cx_se_mount"] && $3 ~ /fuse|nfs|vboxsf|ramfs|9p|vfat/ { found = 1; exit } END { exit !found }' /proc/mounts 2>/dev/null || return 1
  cx_se_new=$(stat -c %C -- "$cx_se_mount" 2>/dev/null) || return 1
}

# cx_se_apply_under PATH: cx_se_apply (quiet) for every path under PATH,
# links themselves, as file's recurse walks a tree in Ansible; `_default`
# is PATH's part for all of them (Ansible works it out once, for the task's path).
cx_se_apply_under() {
  [ -n "$cx_se_u$cx_se_r$cx_se_t$cx_se_l" ] && cx_se_enabled || return 0
  cx_se_default_of=$1
  while IFS= read -r cx_se_p; do cx_se_apply "$cx_se_p" quiet; done <<EOF
$(find "$1" -mindepth 1)
EOF
  cx_se_default_of=
}

# cx_se_report PATH: reports PATH's context (secontext) where SELinux is
# enabled, as Ansible's add_path_info.
cx_se_report() { cx_se_enabled || return 0; cx_se_context "$1"; cx_report64 secontext "$cx_se_cur"; }
