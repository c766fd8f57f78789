# What the package modules (apt, dnf) share: running a package manager with
# its stdout, stderr and exit code kept apart, as Ansible's run_command
# gives them. Needs report.sh; the script's EXIT trap calls cx_pkg_cleanup.

cx_pkg_errfile=''

# cx_pkg_run PROGRAM ARGS...: runs PROGRAM in the C locale; sets cx_pkg_out
# and cx_pkg_err (whole, trailing newlines kept) and cx_pkg_rc.
cx_pkg_run() {
  [ -n "$cx_pkg_errfile" ] || cx_pkg_errfile=$(mktemp) || cx_fail "could not create a temporary file for $1's errors"
  cx_pkg_out=$(LANG=C LC_ALL=C LC_MESSAGES=C LC_CTYPE=C "$@" 2>"$cx_pkg_errfile"; cx_pkg_rc=$?; printf x; exit "$cx_pkg_rc")
  cx_pkg_rc=$?
  cx_pkg_out=${cx_pkg_out%x}
  cx_pkg_err=$(cat "$cx_pkg_errfile"; printf x); cx_pkg_err=${cx_pkg_err%x}
}

# cx_pkg_report_run: reports the last run's stdout, stderr and exit code.
cx_pkg_report_run() { cx_report64 stdout "$cx_pkg_out"; cx_report64 stderr "$cx_pkg_err"; cx_report rc "$cx_pkg_rc"; }

# cx_pkg_cleanup: removes the errors' temporary file.
cx_pkg_cleanup() { [ -z "$cx_pkg_errfile" ] || rm -f "$cx_pkg_errfile"; }

# cx_pkg_glob VALUE PATTERN: succeeds when VALUE matches the glob PATTERN
# (Python's fnmatch: *, ?, [...], [!...]).
cx_pkg_glob() {
  # shellcheck disable=SC2254 # PATTERN is a glob on purpose
  case $1 in $2) return 0 ;; esac
  return 1
}
