# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The cron module (engine/modules/cron.ts works out the new crontab): reads
# a user's crontab (crontab -l) or a cron file, and writes it back. Needs
# report.sh and system.sh.

# cx_cron_read FILE USER: reports the crontab's text (as content) and
# whether there is one (exists): the cron FILE when not empty, else USER's
# crontab (empty: the current user's), and `me`, the current user's name.
cx_cron_read() {
  cx_bin crontab
  cx_report64 me "$(id -un)"
  if [ -n "$1" ]; then
    [ -f "$1" ] || return 0
    cx_report exists 1; cx_report64 content "$(cat "$1"; echo x)"
    return 0
  fi
  cx_cron_user "$2"
  # shellcheck disable=SC2086 # cx_u is -u and the name, or nothing
  cx_run "$cx_bin" $cx_u -l
  [ "$cx_rc" -le 1 ] || cx_fail "Unable to read crontab"
  cx_report exists 1; cx_report64 content "${cx_out}x"
}

# cx_cron_user USER: sets cx_u to crontab's -u option for USER (none for
# the current user).
cx_cron_user() { cx_u=''; [ -n "$1" ] && [ "$1" != "$(id -un)" ] && cx_u="-u $1"; }

# cx_cron_write FILE USER TEXT BACKUP OLD: writes TEXT as the cron FILE (or,
# when FILE is empty, as USER's crontab through crontab), after, when BACKUP
# is true, a copy of the OLD text in a temp file (reported as backup_file).
cx_cron_write() {
  if [ "$4" = true ]; then
    cx_backup=$(mktemp "${TMPDIR:-/tmp}/crontabXXXXXXXX") || cx_fail "cannot create a backup file"
    printf '%s' "$5" >"$cx_backup"; cx_report64 backup_file "$cx_backup"
  fi
  if [ -n "$1" ]; then
    (umask 022; printf '%s' "$3" >"$1") || cx_fail "cannot write $1"
    return 0
  fi
  cx_bin crontab; cx_cron_user "$2"
  cx_tab=$(mktemp "${TMPDIR:-/tmp}/crontabXXXXXXXX") || cx_fail "cannot create a temporary file"
  chmod 644 "$cx_tab"; printf '%s' "$3" >"$cx_tab"
  # shellcheck disable=SC2086 # cx_u is -u and the name, or nothing
  cx_run "$cx_bin" $cx_u "$cx_tab"; rm -f "$cx_tab"
  [ "$cx_rc" = 0 ] || cx_fail "$cx_err"
}

# cx_cron_remove FILE: removes the cron FILE; reports removed when it was there.
cx_cron_remove() { rm "$1" 2>/dev/null && cx_report removed 1; return 0; }
