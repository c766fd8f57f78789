# shellcheck shell=sh disable=SC2154,SC2034 # the task's u_* variables are set by the call (engine/modules/user.ts); cx_bin, cx_rc, cx_out, cx_err by system.sh
# The user module (engine/modules/user.ts sets the task's u_* variables and
# calls cx_user_task), as Ansible 2.14's user decides on Linux, with
# useradd, usermod, userdel, chpasswd (the password hash goes to its
# standard input, never into a process's arguments), ssh-keygen and chage;
# with u_local, libuser's luseradd, lusermod, luserdel, lgroupmod (the
# memberships), lchage (the expiry) and lpasswd (the hash, on its standard
# input). Needs report.sh and system.sh.
#
# Reports: early (check mode stops before anything else), the last
# program's rc, stdout and stderr (cx_report_run), failed_run (it failed),
# the account's fields (uid, gid, comment, home, shell) at the end,
# home_made (a missing home was made), the ssh key's fields, aging_changed
# (chage ran or would) and warning (all of them, one a line).

# cx_user_task: brings the account u_name to u_state.
cx_user_task() {
  cx_warnings='' cx_l=''
  if $u_local; then cx_l=l; else cx_bin useradd; cx_user_add=$cx_bin; fi
  if [ "$u_state" = absent ]; then
    cx_user_exists || return 0
    $u_check && { cx_report early 1; return 0; }
    cx_bin "${cx_l}userdel"
    # shellcheck disable=SC2046 # the options are words (luserdel has no -f)
    cx_run "$cx_bin" $($u_force && ! $u_local && echo -f) $($u_remove && echo -r) "$u_name"; cx_user_ran
    return 0
  fi
  if cx_user_exists; then cx_user_read || cx_fail "user $u_name is in /etc/passwd but not known to the system's account database"; cx_user_modify
  else
    $u_check && { cx_report early 1; return 0; }
    $u_local && { cx_bin luseradd; cx_user_add=$cx_bin; cx_user_lbins; }
    cx_user_create
  fi
  cx_user_exists && cx_user_read || return 0
  cx_report uid "$cx_uid"; cx_report gid "$cx_gid"; cx_report64 comment "$cx_comment"; cx_report64 home "$cx_home"; cx_report64 shell "$cx_shell"
  cx_user_home="${u_home:-$cx_home}"
  if [ ! -e "$cx_user_home" ] && $u_create_home; then
    $u_check || { cx_user_make_home "$cx_user_home"; chown -R "$cx_uid:$cx_gid" "$cx_user_home"; }
    cx_report home_made 1
  fi
  if $u_generate_ssh_key; then cx_user_ssh_key; fi
  cx_user_aging
}

# cx_user_exists: true when the account exists: with u_local, when a line
# of /etc/passwd starts with its name (read there, as Ansible does, not
# through NSS; its warning when not), else to NSS.
cx_user_exists() {
  if $u_local; then
    [ -e /etc/passwd ] || cx_fail "'local: true' specified but unable to find local account file /etc/passwd to parse."
    awk -v p="$u_name:" 'index($0, p) == 1 { found = 1 } END { exit !found }' /etc/passwd && return 0
    case $cx_warnings in *"'local: true' specified and user"*) ;; *)
      cx_user_warn "'local: true' specified and user '$u_name' was not found in /etc/passwd. The local user account may already exist if the local account database exists somewhere other than /etc/passwd." ;;
    esac
    return 1
  fi
  getent passwd "$u_name" >/dev/null
}

# cx_user_warn TEXT: one more warning (all are reported, one a line).
cx_user_warn() { cx_warnings="$cx_warnings$1$cx_nl"; cx_report64 warning "$cx_warnings"; }

# cx_user_read: sets cx_uid, cx_gid, cx_comment, cx_home, cx_shell and
# cx_pw (the hash, from shadow when passwd has none) from the account's
# entries; false when there is no such account.
cx_user_read() {
  cx_entry=$(getent passwd "$u_name") || return 1
  IFS=: read -r cx_n cx_pw cx_uid cx_gid cx_comment cx_home cx_shell <<EOT
$cx_entry
EOT
  [ "${#cx_pw}" -le 1 ] && cx_pw=$(getent shadow "$u_name" | cut -d: -f2)
  return 0
}

# cx_user_ran: reports the program's run; fails the task when it failed.
cx_user_ran() { cx_report_run; [ "$cx_rc" = 0 ] || { cx_report failed_run 1; exit 0; }; }

# cx_user_more PROGRAM ARGS...: one more program of a local change (lchage,
# lgroupmod after luseradd or lusermod): its output is added to the
# change's, as Ansible joins them; a failure fails the task.
cx_user_more() {
  cx_sofar_out=$cx_out cx_sofar_err=$cx_err
  cx_run "$@"; cx_out=$cx_sofar_out$cx_out cx_err=$cx_sofar_err$cx_err
  cx_user_ran
}

# cx_user_lexpires: the expiry for lchage -E: days since 1970-01-01, -1 for none.
cx_user_lexpires() { if [ -z "$u_expires" ]; then echo -1; else echo "$u_expires_days"; fi; }

# cx_group_known GROUP: the gid of GROUP (a gid or a name); fails the task
# with Ansible's message when there is no such group.
cx_group_known() {
  cx_g=$(getent group "$1") || cx_fail "Group $1 does not exist"
  printf '%s\n' "$cx_g" | cut -d: -f3
}

# cx_user_groups: checks that each group of u_groups exists (Ansible's
# message when not); sets cx_groups to them, comma-separated, less the
# account's primary group when DROP_PRIMARY (a gid) is given.
cx_user_groups() {
  cx_groups='' cx_rest=$u_groups
  while [ -n "$cx_rest" ]; do
    cx_one=${cx_rest%%,*}; [ "$cx_one" = "$cx_rest" ] && cx_rest='' || cx_rest=${cx_rest#*,}
    [ -n "$cx_one" ] || continue
    cx_one_gid=$(cx_group_known "$cx_one") || exit 0
    [ -n "$1" ] && [ "$cx_one_gid" = "$1" ] && continue
    case ",$cx_groups," in *",$cx_one,"*) ;; *) cx_groups="$cx_groups${cx_groups:+,}$cx_one" ;; esac
  done
}

# cx_user_make_home PATH: makes a home as Ansible does when useradd cannot:
# the skeleton copied (or an empty directory), mode from login.defs' UMASK.
cx_user_make_home() {
  [ -e "$1" ] && return 0
  cx_skel=${u_skeleton:-/etc/skel}
  if [ -d "$cx_skel" ]; then mkdir -p "$(dirname "$1")" && cp -a "$cx_skel" "$1"; else mkdir -p "$1"; fi || cx_fail "cannot create $1"
  cx_umask=$(sed -n 's/^UMASK[[:space:]]\{1,\}\([0-9]\{1,\}\)$/\1/p' /etc/login.defs 2>/dev/null | tail -n 1)
  [ -n "$cx_umask" ] && chmod "$(printf '%o' $((0777 & ~0$cx_umask)))" "$1"
  return 0
}

# cx_user_password: sets the account's hash (u_password, with `!` first
# when u_password_lock is true) through chpasswd's standard input, or
# lpasswd's with u_local (Ansible gives it to luseradd/lusermod -p, in
# their arguments). Their output is not the task's.
cx_user_password() {
  cx_hash=$u_password; [ "$u_password_lock" = true ] && cx_hash="!$u_password"
  if $u_local; then
    cx_bin lpasswd
    cx_pw_err=$(printf '%s\n' "$cx_hash" | "$cx_bin" -f 0 "$u_name" 2>&1 >/dev/null) || { cx_rc=1 cx_out='' cx_err=$cx_pw_err; cx_user_ran; }
  else
    cx_bin chpasswd
    cx_err=$(printf '%s:%s\n' "$u_name" "$cx_hash" | "$cx_bin" -e 2>&1) || { cx_rc=1 cx_out=''; cx_user_ran; }
  fi
}

# cx_user_create: useradd with the task's options, then the password.
cx_user_create() {
  set -- "$cx_user_add"
  [ -n "$u_uid" ] && { set -- "$@" -u "$u_uid"; $u_non_unique && set -- "$@" -o; }
  [ -n "$u_seuser" ] && set -- "$@" -Z "$u_seuser"
  if [ -n "$u_group" ]; then cx_group_known "$u_group" >/dev/null || exit 0; set -- "$@" -g "$u_group"
  elif getent group "$u_name" >/dev/null; then if $u_local; then set -- "$@" -n; else set -- "$@" -N; fi; fi
  # luseradd has no -G: the memberships are added with lgroupmod after it.
  cx_groups=''
  if [ -n "$u_groups" ]; then cx_user_groups ''; [ -n "$cx_groups" ] && ! $u_local && set -- "$@" -G "$cx_groups"; fi
  [ "$u_comment_set" = 1 ] && set -- "$@" -c "$u_comment"
  cx_parents=false
  if [ -n "$u_home" ]; then
    if $u_create_home && [ ! -d "$(dirname "$u_home")" ]; then cx_parents=true; cx_user_make_home "$u_home"; fi
    set -- "$@" -d "$u_home"
  fi
  [ -n "$u_shell" ] && set -- "$@" -s "$u_shell"
  [ "$u_expires_set" = 1 ] && ! $u_local && set -- "$@" -e "$u_expires"
  if $u_create_home; then
    $u_local || set -- "$@" -m
    [ -n "$u_skeleton" ] && set -- "$@" -k "$u_skeleton"
    [ -n "$u_umask" ] && set -- "$@" -K "UMASK=$u_umask"
  else set -- "$@" -M; fi
  $u_system && set -- "$@" -r
  cx_run "$@" "$u_name"; cx_user_ran; cx_report created 1
  [ "$u_password_set" = 1 ] && cx_user_password
  if $u_local; then
    [ "$u_expires_set" = 1 ] && cx_user_more "$cx_lchage" -E "$(cx_user_lexpires)" "$u_name"
    cx_user_lgroupmod -M "$cx_groups"
  fi
  if $cx_parents && cx_user_exists && cx_user_read; then chown -R "$cx_uid:$cx_gid" "$u_home"; fi
}

# cx_user_modify: usermod with what differs from the task's options (in
# check mode, only reports that it would run), then the password.
cx_user_modify() {
  cx_bin "${cx_l}usermod"; cx_usermod=$cx_bin
  $u_local && cx_user_lbins
  set -- "$cx_usermod"
  cx_lexpires='' cx_ladd='' cx_ldel=''
  [ -n "$u_uid" ] && [ "$cx_uid" != "$u_uid" ] && { set -- "$@" -u "$u_uid"; $u_non_unique && set -- "$@" -o; }
  if [ -n "$u_group" ]; then
    cx_want_gid=$(cx_group_known "$u_group") || exit 0
    [ "$cx_gid" != "$cx_want_gid" ] && set -- "$@" -g "$cx_want_gid"
  fi
  if [ "$u_groups_set" = 1 ] && cx_user_modify_groups; then
    if $u_local; then cx_user_local_groups
    else
      set -- "$@" -G "$cx_groups"
      [ "$u_append" = true ] && set -- "$@" -a
    fi
  fi
  [ "$u_comment_set" = 1 ] && [ "$cx_comment" != "$u_comment" ] && set -- "$@" -c "$u_comment"
  [ -n "$u_home" ] && [ "$cx_home" != "$u_home" ] && { set -- "$@" -d "$u_home"; $u_move_home && set -- "$@" -m; }
  [ -n "$u_shell" ] && [ "$cx_shell" != "$u_shell" ] && set -- "$@" -s "$u_shell"
  if [ "$u_expires_set" = 1 ]; then
    cx_expire=$(getent shadow "$u_name" | cut -d: -f8)
    cx_expire_change=false
    if [ -z "$u_expires" ]; then [ -n "$cx_expire" ] && [ "$cx_expire" -ge 0 ] && cx_expire_change=true
    elif [ -z "$cx_expire" ] || [ "$cx_expire" -lt 0 ] || [ "$cx_expire" != "$u_expires_days" ]; then cx_expire_change=true; fi
    if ! $cx_expire_change; then :
    elif $u_local; then cx_lexpires=$(cx_user_lexpires)
    else set -- "$@" -e "$u_expires"; fi
  fi
  cx_new_pw=false
  [ "$u_update_password" = always ] && [ "$u_password_set" = 1 ] && [ "${cx_pw#!}" != "${u_password#!}" ] && cx_new_pw=true
  if ! $cx_new_pw; then
    case $u_password_lock:$cx_pw in true:!*|false:[!!]*|false:|:*) ;; true:*) set -- "$@" -L ;; false:*) set -- "$@" -U ;; esac
  fi
  if [ $# -gt 1 ] || $cx_new_pw || [ -n "$cx_lexpires$cx_ladd$cx_ldel" ]; then
    cx_rc=0 cx_out='' cx_err=''
    if $u_check; then cx_report_run; return 0; fi
    if [ $# -gt 1 ]; then cx_run "$@" "$u_name"; cx_user_ran; fi
    $cx_new_pw && { cx_user_password; [ $# -gt 1 ] || { cx_rc=0 cx_out='' cx_err=''; cx_report_run; }; }
    [ -n "$cx_lexpires" ] && cx_user_more "$cx_lchage" -E "$cx_lexpires" "$u_name"
    cx_user_lgroupmod -M "$cx_ladd"
    cx_user_lgroupmod -m "$cx_ldel"
  fi
  return 0
}

# cx_user_lbins: finds lgroupmod and lchage (cx_lgroupmod, cx_lchage),
# which Ansible requires for any local creation or change.
cx_user_lbins() { cx_bin lgroupmod; cx_lgroupmod=$cx_bin; cx_bin lchage; cx_lchage=$cx_bin; }

# cx_user_lgroupmod -M|-m GROUPS: adds the account to (-M) or removes it
# from (-m) each group of the comma list GROUPS, one lgroupmod each.
cx_user_lgroupmod() {
  cx_lrest=$2
  while [ -n "$cx_lrest" ]; do
    cx_lone=${cx_lrest%%,*}; [ "$cx_lone" = "$cx_lrest" ] && cx_lrest='' || cx_lrest=${cx_lrest#*,}
    cx_user_more "$cx_lgroupmod" "$1" "$u_name" "$cx_lone"
  done
}

# cx_user_local_groups: the memberships lgroupmod adds (cx_ladd: those
# asked for that the account lacks) and removes (cx_ldel: those it has that
# were not asked for, unless u_append), as comma lists.
cx_user_local_groups() {
  cx_ladd=$(printf '%s\n' "$cx_wanted" | grep -vxF -e "$cx_current" -e '' | paste -sd, -)
  cx_ldel=''
  [ "$u_append" = true ] || cx_ldel=$(printf '%s\n' "$cx_current" | grep -vxF -e "$cx_wanted" -e '' | paste -sd, -)
  return 0
}

# cx_user_aging: Ansible's set_password_expire: chage -m/-M with what
# differs from the shadow entry's minimum and maximum days (an empty field
# is -1, as getspnam reads it); nothing when there is no entry. Reports
# aging_changed when it ran (or would, in check mode); its output is not
# the task's unless it fails.
cx_user_aging() {
  [ -n "$u_expire_min$u_expire_max" ] || return 0
  cx_shadow=$(getent shadow "$u_name") || return 0
  cx_min=$(printf '%s\n' "$cx_shadow" | cut -d: -f4) cx_max=$(printf '%s\n' "$cx_shadow" | cut -d: -f5)
  set --
  [ -n "$u_expire_min" ] && [ "$u_expire_min" -ne "${cx_min:--1}" ] && set -- -m "$u_expire_min"
  [ -n "$u_expire_max" ] && [ "$u_expire_max" -ne "${cx_max:--1}" ] && set -- "$@" -M "$u_expire_max"
  [ $# -gt 0 ] || return 0
  cx_report aging_changed 1
  $u_check && return 0
  cx_bin chage
  cx_run "$cx_bin" "$@" "$u_name"
  [ "$cx_rc" = 0 ] || cx_user_ran
}

# cx_user_modify_groups: true when the memberships must change; sets
# cx_groups to the -G list and cx_groups_mod=1 then.
cx_user_modify_groups() {
  cx_groups_mod=0 cx_wanted=''
  cx_current=$(getent group | awk -F: -v u="$u_name" '{ n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == u) print $1 }' | sort)
  if [ -z "$u_groups" ]; then
    [ -n "$cx_current" ] && [ "$u_append" != true ] && { cx_groups='' cx_groups_mod=1; }
  else
    cx_user_groups ''
    cx_wanted=$(printf '%s\n' "$cx_groups" | tr ',' '\n' | sort -u)
    if [ "$u_append" = true ]; then
      printf '%s\n' "$cx_wanted" | grep -qvxF -e "$cx_current" -e '' && cx_groups_mod=1
    elif [ "$cx_wanted" != "$cx_current" ]; then cx_groups_mod=1; fi
  fi
  [ "$cx_groups_mod" = 1 ]
}

# cx_user_ssh_key: makes the account's ssh key when there is none (or with
# u_force), as Ansible's ssh_key_gen; reports its file, fingerprint and
# public key, and ssh_made when one was (or would be) made.
cx_user_ssh_key() {
  case $u_ssh_key_file in
    /*) cx_key=$u_ssh_key_file ;;
    *) [ -e "$cx_home" ] || $u_check || { cx_rc=1 cx_out='' cx_err="User $u_name home directory does not exist"; cx_user_ran; }
       cx_key=$cx_home/$u_ssh_key_file ;;
  esac
  cx_report64 ssh_key_file "$cx_key"
  cx_user_new_key && cx_report ssh_made 1
  cx_bin ssh-keygen
  if [ -e "$cx_key" ]; then cx_run "$cx_bin" -l -f "$cx_key"; else cx_rc=1 cx_err=''; fi
  if [ "$cx_rc" = 0 ]; then cx_report64 ssh_fingerprint "$cx_out"; else cx_report64 ssh_fingerprint "$cx_err"; fi
  [ -r "$cx_key.pub" ] && cx_report64 ssh_public_key "$(cat "$cx_key.pub")"
  return 0
}

# cx_user_new_key: makes the key; false when it is left as it is.
cx_user_new_key() {
  cx_dir=$(dirname "$cx_key")
  if [ ! -e "$cx_dir" ]; then
    $u_check && return 0
    if ! mkdir -m 700 "$cx_dir" || ! chown "$cx_uid:$cx_gid" "$cx_dir"; then cx_rc=1 cx_out='' cx_err="Failed to create $cx_dir"; cx_user_ran; fi
  fi
  cx_answer=''
  for cx_f in "$cx_key" "$cx_key.pub"; do
    [ -e "$cx_f" ] || continue
    if ! $u_force; then
      cx_what='private'; [ "$cx_f" = "$cx_key" ] || cx_what='public'
      cx_user_warn "Found existing ssh key $cx_what file \"$cx_f\", no force, so skipping ssh-keygen generation"
      return 1
    fi
    cx_what='private'; [ "$cx_f" = "$cx_key" ] || { cx_what='public'; $u_check || rm -f "$cx_f"; }
    cx_user_warn "Overwriting existing ssh key $cx_what file \"$cx_f\""
    cx_answer=y
  done
  $u_check && return 0
  cx_bin ssh-keygen
  set -- "$cx_bin" -t "$u_ssh_key_type"
  [ "$u_ssh_key_bits" -gt 0 ] && set -- "$@" -b "$u_ssh_key_bits"
  cx_comment=${u_ssh_key_comment-"ansible-generated on $(uname -n)"}
  # Its output is not the task's (Ansible keeps useradd's or usermod's).
  if [ -n "${u_ssh_key_passphrase+set}" ]; then
    # Without a terminal ssh-keygen reads the passphrase (twice) from its stdin: never in its arguments.
    cx_run "$@" -C "$cx_comment" -f "$cx_key" <<EOF
${cx_answer:+$cx_answer
}$u_ssh_key_passphrase
$u_ssh_key_passphrase
EOF
  else
    cx_run_input "$cx_answer" "$@" -C "$cx_comment" -f "$cx_key" -N ''
  fi
  [ "$cx_rc" = 0 ] || cx_user_ran
  chown "$cx_uid:$cx_gid" "$cx_key" "$cx_key.pub"
}

# cx_run_input TEXT PROGRAM ARGS...: cx_run with TEXT on standard input.
# shellcheck disable=SC2016 # the inner shell expands them
cx_run_input() { cx_in=$1; shift; cx_run sh -c 'printf "%s" "$0" | "$@"' "$cx_in" "$@"; }
