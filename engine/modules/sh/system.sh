# What the system modules (group, user, cron, hostname, sysctl, mount, ...)
# share: finding a program as Ansible's get_bin_path does and running one
# with its output kept whole. Needs report.sh.

# cx_bin NAME: sets cx_bin to the path of the program NAME, looked for in
# PATH and then /sbin, /usr/sbin, /usr/local/sbin (Ansible's get_bin_path);
# fails with Ansible's message when it is nowhere.
# shellcheck disable=SC2034 # cx_bin is for the caller
cx_bin() {
  cx_paths=$PATH
  for cx_p in /sbin /usr/sbin /usr/local/sbin; do
    case ":$cx_paths:" in *":$cx_p:"*) ;; *) [ -e "$cx_p" ] && cx_paths="$cx_paths:$cx_p" ;; esac
  done
  cx_bin=$(PATH=$cx_paths command -v "$1") || cx_fail "Failed to find required executable \"$1\" in paths: $cx_paths"
}

# cx_run PROGRAM ARGS...: runs the program; sets cx_rc, cx_out and cx_err
# to its exit code, standard output and error, trailing newlines kept.
cx_run() {
  cx_err_file=$(mktemp) || cx_fail "cannot create a temporary file"
  cx_out=$("$@" 2>"$cx_err_file"; cx_r=$?; echo x; exit "$cx_r")
  cx_rc=$? cx_out=${cx_out%x}
  cx_err=$(cat "$cx_err_file"; echo x); cx_err=${cx_err%x}
  rm -f "$cx_err_file"
}

# cx_report_run: reports cx_rc as rc and the output as stdout and stderr.
cx_report_run() { cx_report rc "$cx_rc"; cx_report64 stdout "$cx_out"; cx_report64 stderr "$cx_err"; }
