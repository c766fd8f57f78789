# shellcheck shell=sh disable=SC2154 # cx_bin, cx_rc, cx_out, cx_err are set by system.sh
# The known_hosts module (engine/modules/known_hosts.ts decides): looks a
# host up with ssh-keygen -F, in the task's key and in the file, and
# rewrites the file when the host's entry changes. Needs report.sh,
# system.sh, attributes.sh and rewrite.sh.

# cx_kh_path PATH: cx_expand_path, and reports the path.
cx_kh_path() { cx_expand_path "$1"; cx_report64 path "$cx_path"; }

# cx_kh_read HOST KEY PATH: fails with Ansible's message when KEY (not
# empty) has no entry for HOST; reports whether PATH exists, its text
# (content), attributes and what ssh-keygen -F HOST found in it (rc, stdout, stderr).
cx_kh_read() {
  cx_bin ssh-keygen; cx_kh_path "$3"
  if [ -n "$2" ]; then
    cx_tmp=$(mktemp) || cx_fail "cannot create a temporary file"
    printf '%s' "$2" >"$cx_tmp"; cx_run "$cx_bin" -F "$1" -f "$cx_tmp"; rm -f "$cx_tmp"
    [ -n "$cx_out" ] || cx_fail "Host parameter does not match hashed host field in supplied key"
  fi
  [ -e "$cx_path" ] || return 0
  cx_report exists 1; cx_report_attributes "$cx_path"
  cx_c=$(cat -- "$cx_path" && echo x) || cx_fail "Failed to read $cx_path"
  cx_report64 content "${cx_c%x}"
  cx_run "$cx_bin" -F "$1" -f "$cx_path"; cx_report_run
}

# cx_kh_write PATH REMOVE SKIP KEY: with REMOVE (a host), ssh-keygen -R
# drops all its entries first; then PATH is rewritten without its line
# number SKIP (0: none) and with KEY added at the end (cx_rewrite_*).
# Reports PATH's attributes.
cx_kh_write() {
  cx_kh_path "$1"
  if [ -n "$2" ]; then
    cx_bin ssh-keygen; cx_run "$cx_bin" -R "$2" -f "$cx_path"
    [ "$cx_rc" = 0 ] || cx_fail "$cx_err"
  fi
  cx_rewrite_start "$cx_path"
  [ ! -e "$cx_path" ] || awk -v skip="$3" 'NR != skip' "$cx_path" >"$cx_tmp"
  printf '%s' "$4" >>"$cx_tmp"; cx_rewrite_finish "$cx_path"
  cx_report_attributes "$cx_path"
}
