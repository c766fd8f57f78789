# The stat module (engine/modules/stat.ts builds the call and reads the
# fields). Needs report.sh.

# cx_stat_task PATH FORMAT FOLLOW ALGORITHM MD5 MIME ATTRIBUTES: reports exists 0 when
# PATH is not there (a dangling link is, unless FOLLOW is true); else info
# (stat -c FORMAT, of the link's target with FOLLOW true), lnk_source and
# lnk_target for a link, readable, writeable, executable, and for a regular
# file (a link only when followed) checksum with ALGORITHM (md5, sha1, ...;
# empty: none) and md5 when MD5 is true; mime when MIME is true and the host
# has file(1); lsattr when ATTRIBUTES is true (its `lsattr -vd` line, when
# lsattr can read the path's flags).
cx_stat_task() {
  if [ ! -e "$1" ] && { $3 || [ ! -L "$1" ]; }; then cx_report exists 0; return; fi
  if $3; then cx_info=$(stat -L -c "$2" -- "$1" 2>&1); else cx_info=$(stat -c "$2" -- "$1" 2>&1); fi || cx_fail "$cx_info"
  cx_report info "$cx_info"
  [ -L "$1" ] && { cx_report64 lnk_source "$(readlink -f -- "$1")"; cx_report64 lnk_target "$(readlink -- "$1")"; }
  [ -r "$1" ] && cx_report readable 1; [ -w "$1" ] && cx_report writeable 1; [ -x "$1" ] && cx_report executable 1
  # Checksums only for regular files (a link only when followed), as Ansible.
  if [ -f "$1" ] && [ -r "$1" ] && { $3 || [ ! -L "$1" ]; }; then
    [ -n "$4" ] && { cx_s=$("${4}sum" < "$1"); cx_report checksum "${cx_s%% *}"; }
    $5 && cx_report md5 "$(md5sum < "$1" | cut -d' ' -f1)"
  fi
  $6 && command -v file >/dev/null 2>&1 && cx_report64 mime "$(file -b --mime-type --mime-encoding -- "$1" 2>/dev/null)"
  # Of the path itself, as Ansible's get_file_attributes (a symlink has none).
  $7 && cx_t=$(lsattr -vd -- "$1" 2>/dev/null) && cx_report64 lsattr "$cx_t"
  :
}
