# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The sysctl module (engine/modules/sysctl.ts decides): reads a key's
# value and the sysctl file, then sets the value, writes the file and
# reloads it, as ansible.posix's sysctl does on Linux. Needs report.sh,
# system.sh and rewrite.sh. sysctl runs with LANG=C: its errors are read.

# cx_sysctl_read NAME FILE: reports the key's value (proc; not sent when
# sysctl -e -n fails) and FILE's text (content; not sent when FILE is not a
# file). An empty NAME is no argument, as in the module's command line.
cx_sysctl_read() {
  cx_bin sysctl
  cx_run env LANG=C LC_ALL=C LC_MESSAGES=C "$cx_bin" -e -n ${1:+"$1"}
  [ "$cx_rc" = 0 ] && cx_report64 proc "$cx_out"
  cx_expand_path "$2"; [ -f "$cx_path" ] || return 0
  cx_c=$(cat -- "$cx_path" && echo x) || cx_fail "Failed to open $cx_path"
  cx_report64 content "${cx_c%x}"
}

# cx_sysctl_apply NAME VALUE SET IGNORE TEXT FILE RELOAD: with SET true,
# sysctl -w NAME=VALUE; with TEXT not empty, FILE (its real path) becomes
# TEXT; with RELOAD true, sysctl -p FILE. IGNORE true adds -e to both.
# Fails with Ansible's messages.
cx_sysctl_apply() {
  cx_bin sysctl; cx_e=''; cx_expand_path "$6"
  [ "$4" = true ] && cx_e=-e
  if [ "$3" = true ]; then
    # shellcheck disable=SC2086 # cx_e is one word or none
    cx_run env LANG=C LC_ALL=C LC_MESSAGES=C "$cx_bin" $cx_e -w "$1=$2"
    cx_sysctl_failed && cx_fail "setting $1 failed: $cx_out$cx_err"
  fi
  if [ -n "$5" ]; then
    cx_real=$(readlink -f -- "$cx_path") || cx_real=$cx_path
    cx_rewrite_start "$cx_real"; printf '%s' "$5" >"$cx_tmp"; cx_rewrite_finish "$cx_real"
  fi
  if [ "$7" = true ]; then
    # shellcheck disable=SC2086 # cx_e is one word or none
    cx_run env LANG=C LC_ALL=C LC_MESSAGES=C "$cx_bin" $cx_e -p "$cx_path"
    cx_sysctl_failed && cx_fail "Failed to reload sysctl: $cx_out$cx_err"
  fi
  return 0
}

# cx_sysctl_failed: true when the last sysctl failed: its exit code, or the
# errors it reports with an exit code of 0.
cx_sysctl_failed() {
  [ "$cx_rc" != 0 ] && return 0
  printf '%s\n' "$cx_err" | grep -Eq '^sysctl: setting key "[^"]+": (Invalid argument|Read-only file system)$'
}
