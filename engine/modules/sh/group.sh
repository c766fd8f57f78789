# shellcheck shell=sh disable=SC2154,SC2034 # cx_bin, cx_rc, cx_out, cx_err are set and read by system.sh
# The group module (engine/modules/group.ts builds the call), as Ansible
# 2.14's group decides on Linux. Needs report.sh and system.sh.

# cx_group_task CHECK STATE NAME GID SYSTEM LOCAL NON_UNIQUE: brings the
# group NAME to STATE (present or absent), with GID (empty: any) and SYSTEM
# (true: -r when it is created); LOCAL true uses the lgroup* programs and
# looks in /etc/group, and refuses a GID another group has (as Ansible does
# before lgroupadd or lgroupmod, which have no -o); NON_UNIQUE true allows
# a GID another group has.
# Reports `early` when check mode stops before anything else (Ansible then
# returns only changed), the program's rc, stdout and stderr when it ran,
# and the group's gid when it exists at the end. CHECK true changes nothing.
cx_group_task() {
  cx_check=$1 cx_name=$3 cx_gid=$4 cx_prefix='' cx_unique=''
  [ "$6" = true ] && cx_prefix=l
  [ "$7" = true ] && cx_unique=-o
  if [ "$2" = absent ]; then
    if cx_group_exists "$6"; then
      $cx_check && { cx_report early 1; return 0; }
      cx_bin "${cx_prefix}groupdel"; cx_run "$cx_bin" "$cx_name"; cx_report_run
    fi
  elif ! cx_group_exists "$6"; then
    $cx_check && { cx_report early 1; return 0; }
    [ "$6" = true ] && cx_group_gid_free
    cx_bin "${cx_prefix}groupadd"
    # shellcheck disable=SC2046 # the options are words
    cx_run "$cx_bin" $([ -n "$cx_gid" ] && echo "-g $cx_gid $cx_unique") $([ "$5" = true ] && echo -r) "$cx_name"; cx_report_run
  else
    [ "$6" = true ] && cx_group_gid_free
    cx_bin "${cx_prefix}groupmod"
    if [ -n "$cx_gid" ] && [ "$(cx_group_field 3)" != "$cx_gid" ]; then
      # shellcheck disable=SC2086 # cx_unique is one word or none
      if $cx_check; then cx_rc=0 cx_out='' cx_err=''; else cx_run "$cx_bin" -g "$cx_gid" $cx_unique "$cx_name"; fi
      cx_report_run
    fi
  fi
  cx_group_exists "$6" && cx_g=$(getent group "$cx_name") && cx_report gid "$(printf '%s\n' "$cx_g" | cut -d: -f3)"
}

# cx_group_exists LOCAL: true when the group exists: in /etc/group when
# LOCAL is true (with Ansible's warning when it is not there), else to NSS.
cx_group_exists() {
  if [ "$1" = true ]; then
    [ -f /etc/group ] || cx_fail "'local: true' specified but unable to find local group file /etc/group to parse."
    awk -F: -v n="$cx_name" '$1 == n { found = 1 } END { exit !found }' /etc/group && return 0
    cx_report64 warning "'local: true' specified and group was not found in /etc/group. The local group may already exist if the local group database exists somewhere other than /etc/group."
    return 1
  fi
  getent group "$cx_name" >/dev/null
}

# cx_group_field N: field N of the group's entry.
cx_group_field() { getent group "$cx_name" | cut -d: -f"$1"; }

# cx_group_gid_free: fails with Ansible's message when another group (to
# NSS) has the gid cx_gid.
cx_group_gid_free() {
  [ -n "$cx_gid" ] && [ "$cx_gid" != 0 ] || return 0
  cx_other=$(getent group | awk -F: -v g="$cx_gid" -v n="$cx_name" '$3 == g && $1 != n { print $1; exit }')
  [ -z "$cx_other" ] || cx_fail "GID '$cx_gid' already exists with group '$cx_other'"
}
