# cx_backup DEST NUMBER: when DEST is a file, copies it (mode and times
# kept) to Ansible's backup name, DEST.NUMBER.DATE~ (Ansible puts its pid
# where NUMBER is; scripts of one shell session share theirs, so callers pass
# a random one), and reports backup_file. A copy that fails (a full disk)
# fails the task before anything replaces DEST, with Ansible's message.
# Until the copy is whole its name is in cx_backup_partial, which
# cx_backup_cleanup removes: the caller's EXIT trap runs it (on a failure and
# on an interrupt alike).
# Needs report.sh.

cx_backup_partial=

cx_backup() {
  [ -f "$1" ] || return 0
  cx_backup_partial="$1.$2.$(date +%Y-%m-%d@%H:%M:%S)~"
  cx_backup_out=$(cp -p -- "$1" "$cx_backup_partial" 2>&1) || cx_fail "Could not make backup of $1 to $cx_backup_partial: $cx_backup_out"
  cx_report64 backup_file "$cx_backup_partial"
  cx_backup_partial=
}

# cx_backup_cleanup: removes an unfinished backup copy, if there is one.
cx_backup_cleanup() { if [ -n "$cx_backup_partial" ]; then rm -f -- "$cx_backup_partial"; fi; }
