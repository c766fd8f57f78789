# copy's and template's `validate`: a command run on the temp file before it
# replaces the destination. Needs report.sh.

# Set by cx_validate while its output files exist; cx_validate_cleanup removes them.
cx_validate_out='' cx_validate_err=''

# cx_validate COMMAND...: runs COMMAND (its words as given, no shell, stdin
# from /dev/null); reports validate_rc, validate_out and validate_err (the
# exit status and output); when it fails, fails the task with Ansible's
# "failed to validate".
cx_validate() {
  { cx_validate_out=$(mktemp) && cx_validate_err=$(mktemp); } || cx_fail "cannot create a temporary file"
  "$@" >"$cx_validate_out" 2>"$cx_validate_err" </dev/null; cx_validate_rc=$?
  cx_report validate_rc "$cx_validate_rc"
  cx_report64 validate_out "$(cat "$cx_validate_out")"; cx_report64 validate_err "$(cat "$cx_validate_err")"
  cx_validate_cleanup
  [ "$cx_validate_rc" = 0 ] || cx_fail "failed to validate"
}

# cx_validate_cleanup: removes cx_validate's output files, if there are
# any (also from the caller's EXIT trap, for an interrupted validation).
cx_validate_cleanup() {
  if [ -n "$cx_validate_out$cx_validate_err" ]; then rm -f -- ${cx_validate_out:+"$cx_validate_out"} ${cx_validate_err:+"$cx_validate_err"}; fi
  cx_validate_out='' cx_validate_err=''
}
